import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';

type Customer = Schemas['Customer'];

/** Changes a customer's name, contacts, tags and marketing consent; an emptied email or phone is cleared (null). */
export function EditCustomer({ customer, onDone }: { customer: Customer; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [form, setForm] = useState({
    full_name: customer.full_name,
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    tags: customer.tags.join(', '),
    marketing_opt_in: customer.marketing_opt_in,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/customers/{id}', {
          params: { path: { id: customer.id } },
          body: {
            full_name: form.full_name,
            email: form.email.trim() || null,
            phone: form.phone.trim() || null,
            tags: form.tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
            marketing_opt_in: form.marketing_opt_in,
          },
        }),
      ),
    onSuccess: (saved) => {
      client.setQueryData(['customers', customer.id], saved);
      void client.invalidateQueries({ queryKey: ['customers'], predicate: (q) => q.queryKey[1] !== customer.id });
      onDone('Details saved.');
    },
  });
  const error = save.error ? asApiError(save.error) : null;
  const general = error && !['full_name', 'email', 'phone', 'tags', 'marketing_opt_in'].some((f) => error.field(f)) ? error.message : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (key: 'full_name' | 'email' | 'phone' | 'tags') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form onSubmit={submit} noValidate aria-label="Edit details">
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <Field label="Full name" required value={form.full_name} onChange={set('full_name')} error={error?.field('full_name')} autoComplete="off" />
      <Field label="Email" type="email" value={form.email} onChange={set('email')} error={error?.field('email')} autoComplete="off" />
      <Field label="Phone" type="tel" value={form.phone} onChange={set('phone')} error={error?.field('phone')} autoComplete="off" />
      <Field label="Tags" value={form.tags} onChange={set('tags')} error={error?.field('tags')} hint="Separated by commas" autoComplete="off" />
      <div className="field check">
        <label>
          <input type="checkbox" checked={form.marketing_opt_in} onChange={(e) => setForm((f) => ({ ...f, marketing_opt_in: e.target.checked }))} /> Agreed to marketing
        </label>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onDone('')}>
          Cancel
        </button>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save details'}
        </button>
      </div>
    </form>
  );
}
