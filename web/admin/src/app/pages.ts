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
  { path: '/calendar', label: 'Calendar', least: 'staff', load: () => import('../features/calendar/CalendarPage') },
  { path: '/bookings', label: 'Bookings', least: 'staff', load: () => import('../features/bookings/BookingsPage') },
  { path: '/bookings/new', label: null, least: 'staff', load: () => import('../features/bookings/NewBookingPage') },
  { path: '/bookings/:id', label: null, least: 'staff', load: () => import('../features/bookings/BookingPage') },
  { path: '/check-in', label: 'Check in', least: 'staff', load: () => import('../features/checkin/CheckInPage') },
  { path: '/customers', label: 'Customers', least: 'staff', load: () => import('../features/customers/CustomersPage') },
  { path: '/customers/:id', label: null, least: 'staff', load: () => import('../features/customers/CustomerPage') },
  { path: '/reports', label: 'Reports', least: 'manager', load: () => import('../features/reports/ReportsPage') },
  { path: '/payments', label: 'Payments', least: 'staff', load: () => import('../features/payments/PaymentsPage') },
  { path: '/gift-cards', label: 'Gift cards', least: 'manager', load: () => import('../features/giftcards/GiftCardsPage') },
  { path: '/gift-cards/:id', label: null, least: 'manager', load: () => import('../features/giftcards/GiftCardPage') },
  { path: '/coupons', label: 'Coupons', least: 'manager', load: () => import('../features/coupons/CouponsPage') },
  { path: '/venues', label: 'Venues', least: 'manager', load: () => import('../features/venues/VenuesPage') },
  { path: '/venues/:id', label: null, least: 'manager', load: () => import('../features/venues/VenueEditPage') },
  { path: '/games', label: 'Games', least: 'manager', load: () => import('../features/games/GamesPage') },
  { path: '/games/:id', label: null, least: 'manager', load: () => import('../features/games/GameEditPage') },
  { path: '/notifications', label: 'Messages', least: 'admin', load: () => import('../features/notifications/TemplatesPage') },
  { path: '/notifications/templates/:id', label: null, least: 'admin', load: () => import('../features/notifications/TemplatePage') },
  { path: '/notifications/deliveries', label: null, least: 'admin', load: () => import('../features/notifications/DeliveriesPage') },
  { path: '/webhooks', label: 'Webhooks', least: 'admin', load: () => import('../features/webhooks/WebhooksPage') },
  { path: '/webhooks/:id', label: null, least: 'admin', load: () => import('../features/webhooks/WebhookPage') },
  { path: '/inbox', label: 'Inbox', least: 'staff', load: () => import('../features/inbox/InboxPage') },
  { path: '/users', label: 'Users', least: 'admin', load: () => import('../features/users/UsersPage') },
  { path: '/settings', label: 'Settings', least: 'admin', load: () => import('../features/settings/SettingsPage') },
  { path: '/audit', label: 'Audit log', least: 'admin', load: () => import('../features/audit/AuditPage') },
];
