import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { FormError, fieldError } from '../../ui/FormError';
import { SelectField } from '../../ui/Inputs';

type Assignable = 'admin' | 'manager' | 'staff';
export const ROLES: { value: Assignable; label: string }[] = [
  { value: 'staff', label: 'Staff: bookings and customers' },
  { value: 'manager', label: 'Manager: also venues, games, pricing, reports' },
  { value: 'admin', label: 'Admin: also users, settings, audit log' },
];

/** Adds a team member. Without a password they set their own through "forgot password". */
export function InviteUser({ onDone }: { onDone: (message: string) => void }) {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Assignable>('staff');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/users', { body: { email, full_name: fullName, role, ...(password ? { password } : {}) } })),
    onSuccess: (user) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      setEmail('');
      setFullName('');
      setPassword('');
      onDone(`${user.full_name} was added as ${user.role}.`);
    },
  });
  const error = fieldError(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">Add a user</h2>
      <div className="grid-fields">
        <Field label="Full name" required value={fullName} onChange={(e) => setFullName(e.target.value)} error={error?.field('full_name')} />
        <Field label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.field('email')} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Assignable)} error={error?.field('role')}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.field('password')}
          hint="Optional, at least 10 characters. Without one, they choose theirs with “Forgot password”."
        />
      </div>
      <FormError error={create.error} shown={['full_name', 'email', 'role', 'password']} />
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
