import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { localDate, money, visitorZone } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { Empty, ErrorNotice } from '../../ui/Notice';
import type { Slot } from './api';

interface SlotChooserProps {
  gameId: string;
  venueId: string;
  date: string;
  onDate: (date: string) => void;
  partySize: number;
  currency: string;
  /** The chosen slot's start instant. */
  value: string | null;
  onChange: (slot: Slot) => void;
  /** Names the slot list for assistive technology (`Available times`). */
  label?: string;
  dateError?: string | undefined;
}

/**
 * A date and the game's slots that day from the availability endpoint: a button per free slot, named by its
 * venue-local start time (`18:00`) like the widget's; taken slots are not offered.
 */
export function SlotChooser({ gameId, venueId, date, onDate, partySize, currency, value, onChange, label = 'Available times', dateError }: SlotChooserProps) {
  const slots = useQuery({
    queryKey: ['availability', gameId, venueId, date, partySize],
    queryFn: () => unwrap(api.GET('/api/games/{id}/availability', { params: { path: { id: gameId }, query: { venue_id: venueId, from: date, to: date, party_size: partySize } } })),
    enabled: Boolean(gameId && venueId && date),
  });
  const free = slots.data?.slots.filter((s) => s.available) ?? [];
  const zone = slots.data?.timezone;

  return (
    <div className="slot-chooser">
      <Field label="Date" type="date" value={date} required onChange={(e) => onDate(e.target.value)} error={dateError} />
      {!date ? null : slots.isPending ? (
        <Loading label="Finding free times" />
      ) : slots.isError ? (
        <ErrorNotice error={slots.error} onRetry={() => void slots.refetch()} />
      ) : free.length === 0 ? (
        <Empty message={`No free time on ${localDate(date)} for ${partySize}. Try another date.`} />
      ) : (
        <fieldset className="slots">
          <legend>
            {label} on {localDate(date)}
          </legend>
          {zone && zone !== visitorZone() ? <p className="field-hint">Times are the venue’s ({zone.replace(/_/g, ' ')}).</p> : null}
          <div className="slot-grid">
            {free.map((s) => (
              <button
                key={s.start_at}
                type="button"
                className={s.start_at === value ? 'slot chosen' : 'slot secondary'}
                aria-pressed={s.start_at === value}
                title={money(s.price_cents, currency)}
                onClick={() => onChange(s)}
              >
                {s.start_time}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
