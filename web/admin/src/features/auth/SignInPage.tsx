import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { asApiError, unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { SESSION_KEY } from '../../app/session';

/** Sign in with email and password; the server sets the HttpOnly session cookie. */
export default function SignInPage() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/login', { body: { email, password } })),
    onSuccess: (answer) => client.setQueryData(SESSION_KEY, { user: answer.user, organization: answer.organization }),
  });
  const error = signIn.error ? asApiError(signIn.error) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <main className="signin" id="main">
      <form onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to BookingTMS</h1>
        {error && Object.keys(error.fields).length === 0 ? (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        ) : null}
        <Field label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={error?.field('email')} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error?.field('password')}
        />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
