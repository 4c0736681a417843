import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { asApiError, unwrap } from '../../../../api/client';
import { instantIn, localDate, money, visitorZone } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useLiveInvalidate } from '../../app/live';
import { useSignedIn } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { bookingKey, paymentLabel, statusLabel, type Booking, type Slot } from './api';
import { Payments } from './Payments';
import { SlotChooser } from './SlotChooser';

/** One booking: when and where (the venue's zone), who, what it costs and what was paid; check in, move, cancel. */
export default function BookingPage() {
  const { id = '' } = useParams();
  const booking = useQuery({ queryKey: bookingKey(id), queryFn: () => unwrap(api.GET('/api/bookings/{id}', { params: { path: { id } } })) });
  useLiveInvalidate(['booking.', 'payment.'], [bookingKey(id), ['payments']]);

  if (booking.isPending) return <Loading label="Loading the booking" />;
  if (booking.isError) {
    return (
      <section>
        <h1>Booking</h1>
        <ErrorNotice error={booking.error} onRetry={asApiError(booking.error).status === 404 ? undefined : () => void booking.refetch()} />
        <Link to="/bookings">All bookings</Link>
      </section>
    );
  }
  return <BookingDetail booking={booking.data} />;
}

function BookingDetail({ booking: b }: { booking: Booking }) {
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['bookings'] });
  const checkIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/bookings/{id}/checkin', { params: { path: { id: b.id } } })),
    onSuccess: () => {
      setDone('Checked in.');
      refresh();
    },
  });
  const open = b.status === 'pending' || b.status === 'confirmed';

  return (
    <section className="booking-detail">
      <p className="breadcrumb">
        <Link to="/bookings">All bookings</Link>
      </p>
      <h1>Booking {b.booking_number}</h1>
      <Done message={done} />
      <div className="detail-grid">
        <section className="card" aria-labelledby="when-heading">
          <h2 id="when-heading">When and where</h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <span className={`status ${b.status}`}>{statusLabel(b.status)}</span>
              {b.checked_in_at ? ` at ${instantIn(b.checked_in_at, b.timezone)}` : ''}
            </dd>
            <dt>Date</dt>
            <dd>{localDate(b.booking_date)}</dd>
            <dt>Time</dt>
            <dd>
              {b.start_time}–{b.end_time}
              {b.timezone !== visitorZone() ? ` (${b.timezone.replace(/_/g, ' ')})` : ''}
            </dd>
            <dt>Game</dt>
            <dd>{b.game.name}</dd>
            <dt>Venue</dt>
            <dd>{b.venue.name}</dd>
            <dt>Players</dt>
            <dd>{b.party_size}</dd>
            <dt>Source</dt>
            <dd>{b.source}</dd>
            {b.notes ? (
              <>
                <dt>Notes</dt>
                <dd>{b.notes}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="customer-heading">
          <h2 id="customer-heading">Customer</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{b.customer.full_name}</dd>
            <dt>Email</dt>
            <dd>{b.customer.email ? <a href={`mailto:${b.customer.email}`}>{b.customer.email}</a> : '—'}</dd>
            <dt>Phone</dt>
            <dd>{b.customer.phone ?? '—'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="price-heading">
          <h2 id="price-heading">Price</h2>
          <dl className="facts money">
            <dt>Subtotal</dt>
            <dd>{money(b.total_amount, b.currency)}</dd>
            {b.discount_amount ? (
              <>
                <dt>Discount{b.coupon_code ? ` (${b.coupon_code})` : ''}</dt>
                <dd>−{money(b.discount_amount, b.currency)}</dd>
              </>
            ) : null}
            {b.tax_amount ? (
              <>
                <dt>Tax</dt>
                <dd>{money(b.tax_amount, b.currency)}</dd>
              </>
            ) : null}
            <dt>Total</dt>
            <dd>{money(b.final_amount, b.currency)}</dd>
            <dt>Paid</dt>
            <dd>{money(b.amount_paid, b.currency)}</dd>
            {b.refund_amount ? (
              <>
                <dt>Refunded</dt>
                <dd>{money(b.refund_amount, b.currency)}</dd>
              </>
            ) : null}
            <dt>Payment</dt>
            <dd>{paymentLabel(b.payment_status)}</dd>
          </dl>
        </section>
      </div>

      {open ? (
        <section className="card" aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          <div className="actions start">
            {b.status === 'confirmed' ? (
              <button type="button" onClick={() => checkIn.mutate()} disabled={checkIn.isPending} aria-busy={checkIn.isPending}>
                {checkIn.isPending ? 'Checking in…' : 'Check in'}
              </button>
            ) : null}
            <ConfirmButton label="Cancel booking" confirmLabel="Yes, cancel it" question={<CancelQuestion booking={b} />} onConfirm={() => cancel(b.id).then(refresh).then(() => setDone('Booking cancelled.'))} />
          </div>
          {checkIn.isError ? <ErrorNotice error={checkIn.error} /> : null}
          <Move booking={b} onMoved={(message) => setDone(message)} />
        </section>
      ) : null}
      <Payments booking={b} />
    </section>
  );
}

function cancel(id: string) {
  return unwrap(api.DELETE('/api/bookings/{id}', { params: { path: { id } } }));
}

/** What the organization's policy refunds if the booking is cancelled now (the server computes the same). */
function CancelQuestion({ booking: b }: { booking: Booking }) {
  const { organization } = useSignedIn();
  const policy = organization?.policies;
  // When the page opened: near enough for the question (the server decides at the moment of cancelling).
  const [now] = useState(() => Date.now());
  if (!policy) return <p>The booking is cancelled and its time is free again. This cannot be undone.</p>;
  const inside = new Date(b.start_at).getTime() - now < policy.cancellation_window_hours * 3_600_000;
  const percent = inside ? policy.refund_percent_inside_window : policy.refund_percent_outside_window;
  const refund = Math.round((b.amount_paid * percent) / 100);
  return (
    <p>
      Its time is free again and this cannot be undone.{' '}
      {b.amount_paid > 0
        ? `The policy refunds ${percent}% of what was paid (${inside ? 'inside' : 'outside'} the ${policy.cancellation_window_hours}-hour window): ${money(refund, b.currency)} of ${money(b.amount_paid, b.currency)}.`
        : 'Nothing was paid, so nothing is refunded.'}
    </p>
  );
}

/** Moves the booking to another free slot of the same game and venue (availability re-checked by the server). */
function Move({ booking: b, onMoved }: { booking: Booking; onMoved: (message: string) => void }) {
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState(b.booking_date);
  const [slot, setSlot] = useState<Slot | null>(null);
  const move = useMutation({
    mutationFn: (to: Slot) => unwrap(api.PUT('/api/bookings/{id}', { params: { path: { id: b.id } }, body: { start_at: to.start_at } })),
    onSuccess: (moved) => {
      setOpened(false);
      setSlot(null);
      onMoved(`Moved to ${localDate(moved.booking_date)} at ${moved.start_time}.`);
      void client.invalidateQueries({ queryKey: ['bookings'] });
      void client.invalidateQueries({ queryKey: ['availability'] });
    },
  });
  const error = move.error ? asApiError(move.error) : null;

  if (!opened) {
    return (
      <button type="button" className="secondary" onClick={() => setOpened(true)}>
        Move to another time
      </button>
    );
  }
  return (
    <form
      className="move"
      aria-labelledby="move-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (slot) move.mutate(slot);
      }}
    >
      <h3 id="move-heading">Move to another time</h3>
      <SlotChooser
        gameId={b.game_id}
        venueId={b.venue_id}
        date={date}
        onDate={(d) => {
          setDate(d);
          setSlot(null);
        }}
        partySize={b.party_size}
        currency={b.currency}
        value={slot?.start_at ?? null}
        onChange={setSlot}
        label="Free times"
        dateError={error?.field('start_at') ?? error?.field('booking_date')}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions start">
        <button type="button" className="secondary" onClick={() => setOpened(false)}>
          Keep the time
        </button>
        <button type="submit" disabled={!slot || move.isPending} aria-busy={move.isPending}>
          {move.isPending ? 'Moving…' : slot ? `Move to ${slot.start_time}` : 'Choose a time'}
        </button>
      </div>
    </form>
  );
}
