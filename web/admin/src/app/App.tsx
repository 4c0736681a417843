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

/**
 * A page a role may not use is not routed to it either: it goes home. Every page works inside an organization; a
 * platform operator (super_admin, who belongs to none) gets the page that says how to act in one instead.
 */
export function RequireRole({ least, children }: { least: Role; children: React.ReactNode }) {
  const { user, organization } = useSignedIn();
  if (!organization) return <PlatformOperator />;
  return allows(user.role, least) ? children : <Navigate to="/" replace />;
}

/**
 * The admin app's pages act in the signed-in user's organization. A super_admin has none: the API lets them act in
 * any by sending `X-Organization-Id` on each request, which a browser's live stream and downloads cannot send, so
 * the app offers them no half-working pages and says how to work instead.
 */
function PlatformOperator() {
  return (
    <section>
      <h1>Platform operator</h1>
      <p>
        You are signed in as the platform operator, who belongs to no organization. The admin app&apos;s pages work inside
        one organization: sign in as one of its users to run it here.
      </p>
      <p>
        To act in an organization as the operator, use the API with the <code>X-Organization-Id</code> header (every
        such act is audited as <code>super_admin</code>); the API document is at <a href="/api/docs">/api/docs</a>.
      </p>
    </section>
  );
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
