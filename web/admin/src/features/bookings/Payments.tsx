import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { instantIn, money } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { allows, useSignedIn } from '../../app/session';
import { SelectField } from '../../ui/Inputs';
import { Done, Empty, ErrorNotice } from '../../ui/Notice';
import type { Booking } from './api';

type Payment = Schemas['Payment'];

const METHOD_WORDS: Record<Payment['method'], string> = { cash: 'Cash', card_present: 'Card (at the desk)', stripe: 'Card (online)', gift_card: 'Gift card', other: 'Other' };
/** What the desk records: online and gift-card payments come through their own flows. */
const DESK_METHODS = ['cash', 'card_present', 'other'] as const;

/** Minor units typed as money ("49.50" -> 4950), or null when it is not an amount. */
function minorUnits(typed: string): number | null {
  const n = Number(typed.replace(',', '.'));
  return typed.trim() !== '' && Number.isFinite(n) && n > 0 ? Math.round(n * 100) : null;
}

const asAmount = (minor: number) => (minor / 100).toFixed(2);

/** The booking's payment and refund rows, a desk payment form (staff up) and a refund per payment (manager up). */
export function Payments({ booking }: { booking: Booking }) {
  const { user } = useSignedIn();
  const payments = useQuery({
    queryKey: ['payments', { booking_id: booking.id }],
    queryFn: () => unwrap(api.GET('/api/payments', { params: { query: { booking_id: booking.id, limit: 100 } } })),
  });
  const mayRefund = allows(user.role, 'manager');
  const due = Math.max(0, booking.final_amount - booking.amount_paid);

  return (
    <section className="card" aria-labelledby="payments-heading">
      <h2 id="payments-heading">Payments</h2>
      {payments.isPending ? (
        <Loading label="Loading payments" />
      ) : payments.isError ? (
        <ErrorNotice error={payments.error} onRetry={() => void payments.refetch()} />
      ) : payments.data.data.length === 0 ? (
        <Empty message="Nothing paid yet." />
      ) : (
        <div className="table-scroll">
          <table className="list payments">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Method</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                {mayRefund ? <th scope="col">Refund</th> : null}
              </tr>
            </thead>
            <tbody>
              {payments.data.data.map((p) => (
                <tr key={p.id}>
                  <td>{instantIn(p.created_at, booking.timezone)}</td>
                  <td>{p.kind === 'refund' ? 'Refund' : 'Payment'}</td>
                  <td>{METHOD_WORDS[p.method]}</td>
                  <td>{money(p.kind === 'refund' ? -p.amount_cents : p.amount_cents, p.currency)}</td>
                  <td>
                    {p.status}
                    {p.refunded_cents > 0 ? ` (${money(p.refunded_cents, p.currency)} refunded)` : ''}
                  </td>
                  {mayRefund ? <td>{p.kind === 'payment' && p.status === 'succeeded' && p.amount_cents > p.refunded_cents ? <RefundForm payment={p} /> : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {booking.status !== 'cancelled' ? <RecordPayment booking={booking} due={due} /> : null}
    </section>
  );
}

function useRefreshMoney(bookingId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['payments'] });
    void client.invalidateQueries({ queryKey: ['bookings'] });
    void client.invalidateQueries({ queryKey: ['bookings', 'one', bookingId] });
  };
}

/** A payment taken at the desk: cash, a card terminal, or something else (with a note). */
function RecordPayment({ booking, due }: { booking: Booking; due: number }) {
  const [method, setMethod] = useState<(typeof DESK_METHODS)[number]>('cash');
  const [amount, setAmount] = useState(due > 0 ? asAmount(due) : '');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const refresh = useRefreshMoney(booking.id);
  const record = useMutation({
    mutationFn: (amount_cents: number) =>
      unwrap(api.POST('/api/payments', { body: { booking_id: booking.id, method, amount_cents, ...(note.trim() ? { note: note.trim() } : {}) }, headers: { 'Idempotency-Key': crypto.randomUUID() } })),
    onSuccess: (p) => {
      setDone(`${money(p.amount_cents, p.currency)} recorded.`);
      setNote('');
      refresh();
    },
  });
  const [typedError, setTypedError] = useState<string | undefined>();
  const error = record.error ? asApiError(record.error) : null;

  return (
    <form
      className="record-payment"
      aria-labelledby="record-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const cents = minorUnits(amount);
        setTypedError(cents === null ? 'Enter an amount above 0, like 25.00.' : undefined);
        if (cents !== null) record.mutate(cents);
      }}
    >
      <h3 id="record-heading">Record a payment</h3>
      <p className="field-hint">{due > 0 ? `Still to pay: ${money(due, booking.currency)}.` : 'Nothing is due.'}</p>
      <div className="toolbar">
        <SelectField label="Method" value={method} onChange={(e) => setMethod(e.target.value as typeof method)} error={error?.field('method')}>
          {DESK_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_WORDS[m]}
            </option>
          ))}
        </SelectField>
        <Field label="Amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={typedError ?? error?.field('amount_cents')} />
        <Field label="Note" value={note} onChange={(e) => setNote(e.target.value)} error={error?.field('note')} />
        <button type="submit" disabled={record.isPending} aria-busy={record.isPending}>
          {record.isPending ? 'Recording…' : 'Record payment'}
        </button>
      </div>
      {error && !error.field('amount_cents') && !error.field('method') ? <ErrorNotice error={error} /> : null}
      <Done message={done} />
    </form>
  );
}

/** Returns money of one payment, up to what is left of it; the amount and reason are checked by the API too. */
function RefundForm({ payment }: { payment: Payment }) {
  const left = payment.amount_cents - payment.refunded_cents;
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(asAmount(left));
  const [reason, setReason] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const refresh = useRefreshMoney(payment.booking_id);
  const refund = useMutation({
    mutationFn: (amount_cents: number) => unwrap(api.POST('/api/payments/{id}/refund', { params: { path: { id: payment.id } }, body: { amount_cents, reason: reason.trim() } })),
    onSuccess: () => {
      setOpen(false);
      refresh();
    },
  });
  const error = refund.error ? asApiError(refund.error) : null;

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Refund
      </button>
    );
  }
  return (
    <form
      className="refund-form"
      aria-label={`Refund of ${money(payment.amount_cents, payment.currency)}`}
      onSubmit={(e) => {
        e.preventDefault();
        const cents = minorUnits(amount);
        setTypedError(cents === null ? 'Enter an amount above 0.' : cents > left ? `At most ${money(left, payment.currency)} is left to refund.` : undefined);
        if (cents !== null && cents <= left) refund.mutate(cents);
      }}
    >
      <Field label="Refund amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} hint={`At most ${money(left, payment.currency)}`} error={typedError ?? error?.field('amount_cents')} />
      <Field label="Reason" value={reason} required onChange={(e) => setReason(e.target.value)} error={error?.field('reason')} />
      {error && !error.field('amount_cents') && !error.field('reason') ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Keep the money
        </button>
        <button type="submit" className="danger" disabled={refund.isPending} aria-busy={refund.isPending}>
          {refund.isPending ? 'Refunding…' : 'Refund payment'}
        </button>
      </div>
    </form>
  );
}
