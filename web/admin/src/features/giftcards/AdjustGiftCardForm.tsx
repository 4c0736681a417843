import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { TextAreaField } from '../../ui/Inputs';
import { toMinor } from '../../ui/money';
import { useOrgFormat } from '../../ui/orgFormat';

/** Credits or debits a card with a reason: one more ledger line (the balance can never go below zero). */
export function AdjustGiftCardForm({ card, onAdjusted }: { card: Schemas['GiftCard']; onAdjusted: (message: string) => void }) {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();

  const adjust = useMutation({
    mutationFn: (cents: number) => unwrap(api.POST('/api/gift-cards/{id}/adjust', { params: { path: { id: card.id } }, body: { amount_cents: cents, reason: reason.trim() } })),
    onSuccess: async ({ gift_card }) => {
      await client.invalidateQueries({ queryKey: ['gift-cards'] });
      await client.invalidateQueries({ queryKey: ['gift-card-ledger', card.id] });
      setAmount('');
      setReason('');
      onAdjusted(`Adjusted: the balance is now ${fmt.money(gift_card.balance_cents)}.`);
    },
  });
  const err = adjust.error ? asApiError(adjust.error) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const cents = toMinor(amount, fmt.currency, true);
    setAmountError(cents === null || cents === 0 ? 'Enter an amount such as 10.00 (credit) or -10.00 (debit).' : undefined);
    if (cents) adjust.mutate(cents);
  };

  return (
    <form className="card" aria-labelledby="adjust-heading" onSubmit={submit} noValidate>
      <h2 id="adjust-heading">Adjust balance</h2>
      <Field
        label="Adjustment"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={`In ${fmt.currency}: 10.00 adds, -10.00 takes away`}
        // A debit beyond the balance is 422 insufficient_balance: the amount is what is wrong.
        error={amountError ?? err?.field('amount_cents') ?? (err?.code === 'insufficient_balance' ? err.message : undefined)}
      />
      <TextAreaField label="Adjustment reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={err?.field('reason')} />
      {err && !err.field('amount_cents') && !err.field('reason') && err.code !== 'insufficient_balance' ? (
        <p className="form-error" role="alert">
          {err.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={adjust.isPending} aria-busy={adjust.isPending}>
          {adjust.isPending ? 'Saving…' : 'Adjust'}
        </button>
      </div>
    </form>
  );
}
