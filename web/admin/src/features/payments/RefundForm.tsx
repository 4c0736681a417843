import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { TextAreaField } from '../../ui/Inputs';
import { amountHint, toMajor, toMinor } from '../../ui/money';
import { useOrgFormat } from '../../ui/orgFormat';
import { METHODS } from './labels';

type Payment = Schemas['Payment'];

/**
 * Refunds (part of) one payment: the amount in major units, at most what is left (the API is the judge and its
 * message shows next to the amount), and a reason; a Stripe payment is refunded through Stripe by the API.
 */
export function RefundForm({ payment, onDone }: { payment: Payment; onDone: (refund: Payment | null) => void }) {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const left = payment.amount_cents - payment.refunded_cents;
  const [amount, setAmount] = useState(toMajor(left, fmt.currency));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; form?: string }>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [payment.id]);

  const refund = useMutation({
    mutationFn: (body: { amount_cents: number; reason: string }) => unwrap(api.POST('/api/payments/{id}/refund', { params: { path: { id: payment.id } }, body })),
    onSuccess: async (row) => {
      await client.invalidateQueries({ queryKey: ['payments'] });
      await client.invalidateQueries({ queryKey: ['bookings'] });
      onDone(row);
    },
  });

  // Errors belong next to their fields, so the confirmation closes and the form shows them (it never rejects).
  const submit = async () => {
    const cents = toMinor(amount, fmt.currency);
    const local = { ...(cents === null || cents <= 0 ? { amount: `Enter an amount such as ${toMajor(left, fmt.currency)}.` } : {}), ...(reason.trim() ? {} : { reason: 'Say why the money goes back.' }) };
    setErrors(local);
    if (Object.keys(local).length || cents === null) return;
    try {
      await refund.mutateAsync({ amount_cents: cents, reason: reason.trim() });
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      const amountError = err?.field('amount_cents');
      const reasonError = err?.field('reason');
      setErrors({
        // The over-refund answer (422) names the amount: its message goes there, where the mistake is.
        amount: amountError ? (err?.code === 'validation_failed' ? amountError : err?.message) : undefined,
        reason: reasonError,
        form: amountError || reasonError ? undefined : (err?.message ?? 'The refund failed.'),
      });
    }
  };

  return (
    <section className="card refund" aria-labelledby="refund-heading">
      <h2 id="refund-heading" ref={heading} tabIndex={-1}>
        Refund a payment
      </h2>
      <p>
        {METHODS[payment.method]} payment of {fmt.money(payment.amount_cents)} on {fmt.at(payment.created_at)}.{' '}
        {payment.refunded_cents ? `${fmt.money(payment.refunded_cents)} already refunded; ` : ''}
        <strong>{fmt.money(left)} left to refund.</strong>
      </p>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        <Field label="Refund amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} hint={`${amountHint(fmt.currency)}; at most ${fmt.money(left)}`} error={errors.amount} />
        <TextAreaField label="Reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            Cancel
          </button>
          <ConfirmButton
            label="Refund"
            confirmLabel="Refund now"
            question={
              <p>
                Refund {toMinor(amount, fmt.currency) !== null ? fmt.money(toMinor(amount, fmt.currency)!) : 'this amount'} of this {METHODS[payment.method].toLowerCase()} payment?
                {payment.method === 'stripe' ? ' The money goes back to the card through Stripe.' : ''} A refund cannot be undone.
              </p>
            }
            onConfirm={submit}
          />
        </div>
      </form>
    </section>
  );
}
