import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { unwrap, type ApiError } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';

export type CustomerChoice = { kind: 'existing'; id: string; full_name: string } | { kind: 'new'; full_name: string; email: string; phone: string };

function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * Who the booking is for: an existing customer found by name, email or phone, or a new one typed in (the API reuses
 * the customer with that email if there is one).
 */
export function CustomerPicker({ value, onChange, error }: { value: CustomerChoice; onChange: (c: CustomerChoice) => void; error: ApiError | null }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['customers', { q }],
    queryFn: () => unwrap(api.GET('/api/customers', { params: { query: { q, limit: 5 } } })),
    enabled: q.length >= 2,
  });

  if (value.kind === 'existing') {
    return (
      <fieldset className="customer">
        <legend>Customer</legend>
        <p>
          {value.full_name}{' '}
          <button type="button" className="secondary" onClick={() => onChange({ kind: 'new', full_name: '', email: '', phone: '' })}>
            Change customer
          </button>
        </p>
      </fieldset>
    );
  }
  return (
    <fieldset className="customer">
      <legend>Customer</legend>
      <Field label="Find a customer" type="search" hint="Two letters or more of a name, email or phone" value={search} onChange={(e) => setSearch(e.target.value)} />
      {q.length >= 2 && found.data ? (
        found.data.data.length ? (
          <ul className="found" aria-label="Customers found">
            {found.data.data.map((c) => (
              <li key={c.id}>
                <button type="button" className="secondary" onClick={() => onChange({ kind: 'existing', id: c.id, full_name: c.full_name })}>
                  Choose {c.full_name}
                  {c.email ? ` (${c.email})` : ''}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field-hint">No customer matches; enter a new one below.</p>
        )
      ) : null}
      <p className="field-hint">Or a new customer:</p>
      <Field label="Full name" autoComplete="off" value={value.full_name} onChange={(e) => onChange({ ...value, full_name: e.target.value })} error={error?.field('customer.full_name')} />
      <Field label="Email" type="email" autoComplete="off" value={value.email} onChange={(e) => onChange({ ...value, email: e.target.value })} error={error?.field('customer.email')} />
      <Field label="Phone" type="tel" autoComplete="off" value={value.phone} onChange={(e) => onChange({ ...value, phone: e.target.value })} error={error?.field('customer.phone')} />
    </fieldset>
  );
}
