import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { asApiError, unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { TextAreaField } from '../../ui/Inputs';

/** Adds a customer by hand (most arrive with their first booking); opens the new customer's page. */
export function NewCustomer({ onClose }: { onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState({ full_name: '', email: '', phone: '', notes: '' });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/customers', {
          body: { full_name: form.full_name, email: form.email.trim() || null, phone: form.phone.trim() || null, ...(form.notes ? { notes: form.notes } : {}) },
        }),
      ),
    onSuccess: async (customer) => {
      await client.invalidateQueries({ queryKey: ['customers'] });
      void navigate(`/customers/${customer.id}`);
    },
  });
  const error = create.error ? asApiError(create.error) : null;
  const general = error && !['full_name', 'email', 'phone', 'notes'].some((f) => error.field(f)) ? error.message : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form className="card new-customer" onSubmit={submit} aria-labelledby="new-customer-title" noValidate>
      <h2 id="new-customer-title">New customer</h2>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <Field label="Full name" required autoComplete="off" value={form.full_name} onChange={set('full_name')} error={error?.field('full_name')} />
      <Field label="Email" type="email" autoComplete="off" value={form.email} onChange={set('email')} error={error?.field('email')} />
      <Field label="Phone" type="tel" autoComplete="off" value={form.phone} onChange={set('phone')} error={error?.field('phone')} />
      <TextAreaField label="Notes" rows={3} value={form.notes} onChange={set('notes')} error={error?.field('notes')} />
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add customer'}
        </button>
      </div>
    </form>
  );
}
