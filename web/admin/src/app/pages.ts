import type { ComponentType } from 'react';
import type { Role } from './session';

/**
 * The admin app's pages: one entry per page, in navigation order. Each loads lazily (its own chunk), and is offered
 * (in the navigation, and routed at all) only to roles from `least` up. A feature whose backend is not built has
 * no entry: no dead links.
 */
export interface PageDef {
  /** The browser path (React Router syntax: `/bookings/:id`). */
  path: string;
  /** The navigation label and the page's heading; null keeps it out of the navigation (detail pages). */
  label: string | null;
  least: Role;
  load: () => Promise<{ default: ComponentType }>;
}

export const pages: PageDef[] = [
  { path: '/', label: 'Home', least: 'staff', load: () => import('../features/home/HomePage') },
  { path: '/venues', label: 'Venues', least: 'manager', load: () => import('../features/venues/VenuesPage') },
  { path: '/venues/:id', label: null, least: 'manager', load: () => import('../features/venues/VenueEditPage') },
  { path: '/games', label: 'Games', least: 'manager', load: () => import('../features/games/GamesPage') },
  { path: '/games/:id', label: null, least: 'manager', load: () => import('../features/games/GameEditPage') },
  { path: '/users', label: 'Users', least: 'admin', load: () => import('../features/users/UsersPage') },
  { path: '/settings', label: 'Settings', least: 'admin', load: () => import('../features/settings/SettingsPage') },
  { path: '/audit', label: 'Audit log', least: 'admin', load: () => import('../features/audit/AuditPage') },
];
