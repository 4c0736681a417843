import { Navigate, useRouteError } from 'react-router';
import { asApiError } from '../../../api/client';
import SignInPage from '../features/auth/SignInPage';
import { Shell } from './Shell';
import { allows, useSession, useSignedIn, type Role } from './session';

/** Signed out: the sign-in form; signed in: the shell with the routed page. */
export function App() {
  const session = useSession();
  if (session.isPending) return <Loading label="Loading BookingTMS" />;
  if (session.isError) return <PageError error={session.error} />;
  return session.data ? <Shell /> : <SignInPage />;
}

/** A page a role may not use is not routed to it either: it goes home. */
export function RequireRole({ least, children }: { least: Role; children: React.ReactNode }) {
  const { user } = useSignedIn();
  return allows(user.role, least) ? children : <Navigate to="/" replace />;
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </div>
  );
}

function PageError({ error }: { error: unknown }) {
  return (
    <div className="page-error" role="alert">
      <h1>Something went wrong</h1>
      <p>{asApiError(error).message}</p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}

/** What a route shows when its page failed to load or threw. */
export function RouteError() {
  return <PageError error={useRouteError()} />;
}

export function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>This page does not exist. Choose a page from the menu.</p>
    </section>
  );
}
