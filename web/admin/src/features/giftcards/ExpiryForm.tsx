import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { useOrgFormat } from '../../ui/orgFormat';
import { zonedInstant, zonedParts } from '../../ui/zoned';

/** Moves a card's expiry (end of the chosen day, the business's time) or removes it. */
export function ExpiryForm({ card, onSaved }: { card: Schemas['GiftCard']; onSaved: (message: string) => void }) {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [date, setDate] = useState(card.expires_at ? zonedParts(card.expires_at, fmt.zone).date : '');

  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/gift-cards/{id}', { params: { path: { id: card.id } }, body: { expires_at: date ? zonedInstant(date, '23:59', fmt.zone) : null } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['gift-cards'] });
      onSaved(date ? 'Expiry date saved.' : 'The card no longer expires.');
    },
  });
  const err = save.error ? asApiError(save.error) : null;

  return (
    <form
      className="card"
      aria-labelledby="expiry-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="expiry-heading">Expiry</h2>
      <Field label="Expires on" type="date" value={date} onChange={(e) => setDate(e.target.value)} hint="Empty: never expires" error={err ? (err.field('expires_at') ?? err.message) : undefined} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={save.isPending} aria-busy={save.isPending}>
          Save expiry
        </button>
      </div>
    </form>
  );
}
