import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { TextAreaField } from '../../ui/Inputs';
import { amountHint, toMinor } from '../../ui/money';
import { useOrgFormat } from '../../ui/orgFormat';
import { zonedInstant } from '../../ui/zoned';

/** Issues a gift card: amount (major units), optional expiry (end of that day, the business's time) and recipient. */
export function IssueGiftCardForm({ onIssued, onCancel }: { onIssued: (card: Schemas['GiftCard']) => void; onCancel: () => void }) {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [amount, setAmount] = useState('');
  const [expires, setExpires] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();

  const issue = useMutation({
    mutationFn: (cents: number) =>
      unwrap(
        api.POST('/api/gift-cards', {
          body: {
            initial_balance_cents: cents,
            ...(expires ? { expires_at: zonedInstant(expires, '23:59', fmt.zone) } : {}),
            ...(name.trim() ? { recipient_name: name.trim() } : {}),
            ...(email.trim() ? { recipient_email: email.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (card) => {
      await client.invalidateQueries({ queryKey: ['gift-cards'] });
      onIssued(card);
    },
  });
  const err = issue.error ? asApiError(issue.error) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const cents = toMinor(amount, fmt.currency);
    setAmountError(cents === null || cents <= 0 ? 'Enter the card’s value, such as 50.00.' : undefined);
    if (cents !== null && cents > 0) issue.mutate(cents);
  };

  return (
    <form className="card" aria-labelledby="issue-heading" onSubmit={submit} noValidate>
      <h2 id="issue-heading">Issue a gift card</h2>
      {err && Object.keys(err.fields).length === 0 ? (
        <p className="form-error" role="alert">
          {err.message}
        </p>
      ) : null}
      <div className="grid-2">
        <Field label="Amount" inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} hint={amountHint(fmt.currency)} error={amountError ?? err?.field('initial_balance_cents')} />
        <Field label="Expires on" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} hint="Optional; the card works through the end of that day" error={err?.field('expires_at')} />
        <Field label="Recipient name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={err?.field('recipient_name')} />
        <Field label="Recipient email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={err?.field('recipient_email')} />
      </div>
      <TextAreaField label="Note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} hint="Optional, for staff: why or for whom it was issued" error={err?.field('note')} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={issue.isPending} aria-busy={issue.isPending}>
          {issue.isPending ? 'Issuing…' : 'Issue'}
        </button>
      </div>
    </form>
  );
}
