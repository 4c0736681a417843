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
  { path: '/', label: 'Dashboard', least: 'staff', load: () => import('../features/dashboard/DashboardPage') },
  { path: '/customers', label: 'Customers', least: 'staff', load: () => import('../features/customers/CustomersPage') },
  { path: '/customers/:id', label: null, least: 'staff', load: () => import('../features/customers/CustomerPage') },
  { path: '/reports', label: 'Reports', least: 'manager', load: () => import('../features/reports/ReportsPage') },
];
