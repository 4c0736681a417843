import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, publicApi, unwrap, type Schemas } from '../../../api/client';
import { localDate, money } from '../../../shared/format';
import { Loading, Notice, StepHeading } from '../ui';

const api = publicApi();
type Booking = Schemas['PublicBooking'];

const STATUS: Record<string, string> = {
  pending: 'Waiting for payment',
  confirmed: 'Confirmed',
  'checked-in': 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'no-show': 'Missed',
};

/** The customer's page for one booking (the link in the confirmation): what, when, paid, and cancelling it. */
export default function ManageBooking({ bookingNumber, token }: { bookingNumber: string; token: string }) {
  const queryClient = useQueryClient();
  const key = ['booking', bookingNumber, token];
  const booking = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/public/bookings/{booking_number}', { params: { path: { booking_number: bookingNumber }, query: { token } } })),
    enabled: token !== '',
  });
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/public/bookings/{booking_number}/cancel', { params: { path: { booking_number: bookingNumber } }, body: { token } })),
    onSuccess: (cancelled) => {
      queryClient.setQueryData(key, cancelled);
      setConfirming(false);
    },
  });

  if (!token) return <Page>{<Notice kind="error">This link is missing its code. Open the link from your confirmation email again.</Notice>}</Page>;
  if (booking.isPending) return <Loading label="Loading your booking…" minHeight="16rem" />;
  if (booking.isError) {
    const e = asApiError(booking.error);
    return <Page>{<Notice kind="error">{e.status === 404 ? 'We could not find this booking. Check that you opened the whole link from your confirmation.' : e.message}</Notice>}</Page>;
  }
  const b = booking.data;
  const cancellable = b.status === 'pending' || b.status === 'confirmed';
  return (
    <Page>
      <StepHeading id="booking-heading">Booking {b.booking_number}</StepHeading>
      {cancel.isSuccess ? <Notice kind="success">{refundText(b)}</Notice> : null}
      <dl className="summary">
        <Row label="Status" value={STATUS[b.status] ?? b.status} />
        <Row label="Game" value={b.game.name} />
        <Row label="Where" value={b.venue.name} />
        <Row label="When" value={`${localDate(b.booking_date)}, ${b.start_time}–${b.end_time} (${b.timezone.replaceAll('_', ' ')} time)`} />
        <Row label="Players" value={String(b.party_size)} />
        <Row label="Total" value={money(b.final_amount, b.currency)} />
        <Row label="Paid" value={money(b.amount_paid, b.currency)} />
        {b.refund_amount > 0 ? <Row label="Refunded" value={money(b.refund_amount, b.currency)} /> : null}
      </dl>
      {cancellable ? (
        confirming ? (
          <div className="confirm" role="group" aria-labelledby="confirm-title">
            <p id="confirm-title">
              <strong>Cancel this booking?</strong> Your time is released for others, and any refund follows the venue’s cancellation policy. This cannot be
              undone.
            </p>
            {cancel.error ? <Notice kind="error">{asApiError(cancel.error).message}</Notice> : null}
            <div className="actions">
              <button type="button" className="danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                {cancel.isPending ? 'Cancelling…' : 'Yes, cancel it'}
              </button>
              <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
                Keep my booking
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Cancel booking
            </button>
          </div>
        )
      ) : null}
    </Page>
  );
}

function refundText(b: Booking): string {
  if (b.refund_amount > 0) return `Your booking is cancelled. ${money(b.refund_amount, b.currency)} is on its way back to you.`;
  if (b.amount_paid > 0) return 'Your booking is cancelled. Under the venue’s cancellation policy, no refund is due this close to the start.';
  return 'Your booking is cancelled. Nothing had been paid, so there is nothing to refund.';
}

function Page({ children }: { children: React.ReactNode }) {
  return (
    <div className="widget">
      <header className="widget-header">
        <div>
          <h1>Your booking</h1>
        </div>
      </header>
      {children}
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
