import { NavLink, Outlet, useNavigation } from 'react-router';
import { pages } from './pages';
import { allows, useSignedIn, useSignOut } from './session';

/** The signed-in frame: who is signed in, the pages their role may use, and the current page. */
export function Shell() {
  const { user, organization } = useSignedIn();
  const signOut = useSignOut();
  const navigation = useNavigation();
  // Pages act in an organization: a platform operator without one is offered none (App.tsx, PlatformOperator).
  const offered = organization ? pages.filter((p) => p.label && allows(user.role, p.least)) : [];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">{organization?.name ?? 'BookingTMS'}</span>
        <span className="who">
          {user.full_name} <span className="role">({user.role.replace('_', ' ')})</span>
        </span>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {offered.map((p) => (
            <li key={p.path}>
              <NavLink to={p.path} end={p.path === '/'}>
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {navigation.state === 'loading' ? <div className="progress" role="progressbar" aria-label="Loading page" /> : null}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
