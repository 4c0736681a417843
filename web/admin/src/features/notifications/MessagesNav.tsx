import { NavLink } from 'react-router';

/** The two halves of the messages section: the templates and the delivery log. */
export function MessagesNav() {
  return (
    <nav className="tabs" aria-label="Messages">
      <NavLink to="/notifications" end>
        Templates
      </NavLink>
      <NavLink to="/notifications/deliveries">Delivery log</NavLink>
    </nav>
  );
}
