import { useSignedIn } from '../../app/session';

/** The landing page after sign in. */
export default function HomePage() {
  const { user, organization } = useSignedIn();
  return (
    <section>
      <h1>Welcome, {user.full_name}</h1>
      <p>{organization ? `You are signed in to ${organization.name}.` : 'You are signed in as the platform operator.'}</p>
    </section>
  );
}
