import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { api } from '../../app/api';
import { TextAreaField } from '../../ui/Inputs';
import { Done } from '../../ui/Notice';

/** The team's notes on a customer (allergies, a birthday party's wishes), edited in place. */
export function CustomerNotes({ customer }: { customer: Schemas['Customer'] }) {
  const client = useQueryClient();
  const [notes, setNotes] = useState(customer.notes);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/customers/{id}', { params: { path: { id: customer.id } }, body: { notes } })),
    onSuccess: (saved) => {
      client.setQueryData(['customers', customer.id], saved);
      void client.invalidateQueries({ queryKey: ['customers'], exact: false, predicate: (q) => q.queryKey[1] !== customer.id });
      setDone('Notes saved.');
    },
  });
  const error = save.error ? asApiError(save.error) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {error && !error.field('notes') ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <TextAreaField label="Notes" rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} error={error?.field('notes')} hint="Seen by the whole team, never by the customer." />
      <div className="actions">
        <Done message={done} />
        <button type="submit" disabled={save.isPending || notes === customer.notes}>
          {save.isPending ? 'Saving…' : 'Save notes'}
        </button>
      </div>
    </form>
  );
}
