import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { asApiError, unwrap } from '../../../../api/client';
import { money, todayIn } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { SelectField, TextAreaField } from '../../ui/Inputs';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { useGames, useVenues, type Slot } from './api';
import { CustomerPicker, type CustomerChoice } from './CustomerPicker';
import { SlotChooser } from './SlotChooser';

/** A booking made at the desk or on the phone: venue, game, a free slot, the party, the customer; the live quote. */
export default function NewBookingPage() {
  const { organization } = useSignedIn();
  const navigate = useNavigate();
  const client = useQueryClient();
  const venues = useVenues();
  const games = useGames();
  const [venueId, setVenueId] = useState('');
  const [gameId, setGameId] = useState('');
  const [date, setDate] = useState('');
  const [party, setParty] = useState(2);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [customer, setCustomer] = useState<CustomerChoice>({ kind: 'new', full_name: '', email: '', phone: '' });
  const [notes, setNotes] = useState('');

  const venue = venues.data?.data.find((v) => v.id === venueId) ?? venues.data?.data[0];
  const offered = (games.data?.data ?? []).filter((g) => g.active && venue && g.venue_ids.includes(venue.id));
  const game = offered.find((g) => g.id === gameId) ?? offered[0];
  const currency = organization?.currency ?? 'USD';
  const day = date || (venue ? todayIn(venue.timezone) : '');
  const customerId = customer.kind === 'existing' ? customer.id : undefined;

  const quote = useQuery({
    queryKey: ['quote', game?.id, venue?.id, slot?.start_at, party, customerId],
    queryFn: () => unwrap(api.POST('/api/bookings/quote', { body: { game_id: game!.id, venue_id: venue!.id, start_at: slot!.start_at, party_size: party, ...(customerId ? { customer_id: customerId } : {}) } })),
    enabled: Boolean(game && venue && slot),
  });

  const create = useMutation({
    mutationFn: () => {
      const common = { game_id: game!.id, venue_id: venue!.id, start_at: slot!.start_at, party_size: party, ...(notes.trim() ? { notes: notes.trim() } : {}) };
      const body =
        customer.kind === 'existing'
          ? { ...common, customer_id: customer.id }
          : { ...common, customer: { full_name: customer.full_name, email: customer.email, ...(customer.phone.trim() ? { phone: customer.phone.trim() } : {}) } };
      return unwrap(api.POST('/api/bookings', { body, headers: { 'Idempotency-Key': crypto.randomUUID() } }));
    },
    onSuccess: (booking) => {
      void client.invalidateQueries({ queryKey: ['bookings'] });
      void client.invalidateQueries({ queryKey: ['availability'] });
      void navigate(`/bookings/${booking.id}`);
    },
  });
  const error = create.error ? asApiError(create.error) : null;

  if (venues.isPending || games.isPending) return <Loading label="Loading venues and games" />;
  if (venues.isError || games.isError) return <ErrorNotice error={venues.error ?? games.error} />;
  if (!venue || !game) {
    return (
      <section>
        <h1>New booking</h1>
        <Empty message="A booking needs a venue and an active game played there. Add them first." />
      </section>
    );
  }
  const sizes = Array.from({ length: game.max_players - game.min_players + 1 }, (_, i) => game.min_players + i);

  return (
    <section>
      <h1>New booking</h1>
      <form
        className="new-booking"
        onSubmit={(e) => {
          e.preventDefault();
          if (slot) create.mutate();
        }}
      >
        <div className="toolbar">
          <SelectField
            label="Venue"
            value={venue.id}
            onChange={(e) => {
              setVenueId(e.target.value);
              setSlot(null);
            }}
          >
            {venues.data.data.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Game"
            value={game.id}
            onChange={(e) => {
              setGameId(e.target.value);
              setSlot(null);
            }}
          >
            {offered.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Party size"
            value={party}
            onChange={(e) => {
              setParty(Number(e.target.value));
              setSlot(null);
            }}
            error={error?.field('party_size')}
          >
            {sizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        </div>
        <SlotChooser
          gameId={game.id}
          venueId={venue.id}
          date={day}
          onDate={(d) => {
            setDate(d);
            setSlot(null);
          }}
          partySize={party}
          currency={currency}
          value={slot?.start_at ?? null}
          onChange={setSlot}
          dateError={error?.field('start_at')}
        />
        <CustomerPicker value={customer} onChange={setCustomer} error={error} />
        <TextAreaField label="Notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} error={error?.field('notes')} />

        <section className="card quote" aria-labelledby="quote-heading" aria-live="polite">
          <h2 id="quote-heading">Price</h2>
          {!slot ? (
            <p>Choose a time to see the price.</p>
          ) : quote.isPending ? (
            <Loading label="Pricing" />
          ) : quote.isError ? (
            <ErrorNotice error={quote.error} />
          ) : (
            <dl className="facts money">
              {quote.data.lines.map((l, i) => (
                <div key={i} className="line">
                  <dt>{l.description}</dt>
                  <dd>{money(l.amount_cents, quote.data.currency)}</dd>
                </div>
              ))}
              <div className="line total">
                <dt>Total</dt>
                <dd>{money(quote.data.total_cents, quote.data.currency)}</dd>
              </div>
            </dl>
          )}
        </section>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="actions start">
          <button type="submit" disabled={!slot || create.isPending} aria-busy={create.isPending}>
            {create.isPending ? 'Booking…' : slot ? `Book ${slot.start_time}` : 'Choose a time first'}
          </button>
        </div>
      </form>
    </section>
  );
}
