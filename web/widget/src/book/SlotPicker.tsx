import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { asApiError, unwrap } from '../../../api/client';
import { addDays, count, localDate, todayIn, visitorZone } from '../../../shared/format';
import { Loading, Notice, StepHeading } from '../ui';
import { api, keys, track, type Game, type Hold, type Slot, type Widget } from './api';

/** How far ahead one availability request looks: the chosen day, and where the next free day is when it is full. */
const WINDOW_DAYS = 14;

interface Props {
  embedKey: string;
  venue: Widget['venue'];
  game: Game;
  date: string;
  onDate: (date: string) => void;
  partySize: number;
  onPartySize: (size: number) => void;
  notice: string | null;
  onBack: () => void;
  /** The visitor chose a slot and it is held for them. */
  onHeld: (slot: Slot, hold: Hold) => void;
  /** The slot was taken meanwhile: back here with fresh slots and this message. */
  onTaken: (message: string) => void;
}

/** Step 2: date and party size, then the free slots of that day (buttons named `HH:MM`, venue-local). */
export function SlotPicker({ embedKey, venue, game, date, onDate, partySize, onPartySize, notice, onBack, onHeld, onTaken }: Props) {
  const partyId = useId();
  const today = todayIn(venue.timezone);
  const slots = useQuery({
    queryKey: [...keys.availability(embedKey), game.id, date, partySize],
    queryFn: () =>
      unwrap(
        api.GET('/api/public/venues/{embed_key}/games/{game_id}/availability', {
          params: { path: { embed_key: embedKey, game_id: game.id }, query: { from: date, to: addDays(date, WINDOW_DAYS - 1), party_size: partySize } },
        }),
      ),
    staleTime: 15_000,
  });
  const hold = useMutation({
    mutationFn: (slot: Slot) => unwrap(api.POST('/api/public/venues/{embed_key}/holds', { params: { path: { embed_key: embedKey } }, body: { game_id: game.id, start_at: slot.start_at, party_size: partySize } })),
    onSuccess: (held, slot) => onHeld(slot, held),
    onError: (error, slot) => {
      const e = asApiError(error);
      if (e.status === 409) onTaken(`Sorry, ${slot.start_time} was just taken by someone else. Here are the times still free.`);
    },
  });

  const free = (slots.data?.slots ?? []).filter((s) => s.available);
  const onDay = free.filter((s) => s.booking_date === date);
  const nextDay = onDay.length === 0 ? free.find((s) => s.booking_date > date)?.booking_date : undefined;
  const zoneDiffers = venue.timezone !== visitorZone();
  const sizes = Array.from({ length: Math.min(game.max_players, game.min_players + 99) - game.min_players + 1 }, (_, i) => game.min_players + i);
  const holdError = hold.error && asApiError(hold.error).status !== 409 ? asApiError(hold.error).message : null;

  return (
    <section aria-labelledby="when-heading">
      <StepHeading id="when-heading">{game.name}: choose a time</StepHeading>
      {notice ? <Notice kind="error">{notice}</Notice> : null}
      <div className="when">
        <div className="field">
          <label htmlFor="date">Date</label>
          <div className="date-row">
            <button type="button" className="secondary icon" aria-label="Previous day" disabled={date <= today} onClick={() => onDate(addDays(date, -1))}>
              ‹
            </button>
            <input id="date" type="date" value={date} min={today} required onChange={(e) => e.target.value && onDate(e.target.value < today ? today : e.target.value)} />
            <button type="button" className="secondary icon" aria-label="Next day" onClick={() => onDate(addDays(date, 1))}>
              ›
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={partyId}>Party size</label>
          <select id={partyId} value={partySize} onChange={(e) => onPartySize(Number(e.target.value))}>
            {sizes.map((n) => (
              <option key={n} value={n}>
                {count(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="day-title">{localDate(date)}</p>
      {zoneDiffers ? (
        <p className="hint">
          Times are local to {venue.name} ({venue.timezone.replaceAll('_', ' ')}), not your time zone.
        </p>
      ) : null}
      {holdError ? <Notice kind="error">{holdError}</Notice> : null}
      <div className="slots-area" aria-busy={slots.isFetching || hold.isPending}>
        {slots.isPending ? (
          <Loading label="Loading times…" minHeight="6rem" />
        ) : slots.isError ? (
          <Notice kind="error">{asApiError(slots.error).message}</Notice>
        ) : onDay.length === 0 ? (
          <div className="empty">
            <p>No free times on this day{partySize > game.min_players ? ` for ${partySize} players` : ''}.</p>
            {nextDay ? (
              <button type="button" className="secondary" onClick={() => onDate(nextDay)}>
                Show {localDate(nextDay, 'short')}
              </button>
            ) : null}
          </div>
        ) : (
          <ul className="slots" aria-label="Free times">
            {onDay.map((slot) => (
              <li key={slot.start_at}>
                <button
                  type="button"
                  className="slot"
                  disabled={hold.isPending}
                  onClick={() => {
                    track(embedKey, 'slot_selected', game.id);
                    hold.mutate(slot);
                  }}
                >
                  {slot.start_time}
                </button>
                {game.booking_mode === 'shared' ? <span className="slot-left">{slot.remaining_capacity} places left</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {hold.isPending ? <Loading label="Holding your time…" /> : null}
      <button type="button" className="link" onClick={onBack}>
        Back to games
      </button>
    </section>
  );
}
