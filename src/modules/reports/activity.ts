/**
 * Recent activity in words ("Priya cancelled BK-7F3K9QX"), read from the audit log: every change a person (or the
 * widget, or Stripe) made is there already, with who made it, so the dashboard needs no event table of its own.
 */
import type { Queryable } from '../../db/client.js';
import { scopeOf } from './dashboard.js';
import { ACTIVITY } from './sql.js';

/** The tables whose changes the dashboard tells about; the rest of the audit log is bookkeeping. */
const TABLES = ['bookings', 'payments', 'customers', 'venues', 'games', 'coupons', 'gift_cards', 'users'];
/** Columns the payment rows keep on a booking: an update of only these is told as the payment itself. */
const DERIVED = ['amount_paid', 'refund_amount', 'payment_status', 'updated_at'];

interface AuditRow {
  created_at: Date;
  action: 'insert' | 'update' | 'delete';
  table_name: string;
  row_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  payment_booking: string | null;
}

/** Who acted, in words: the user's name, else what kind of caller it was. */
function actorOf(r: AuditRow): string {
  if (r.actor_name) return r.actor_name;
  switch (r.actor_role) {
    case 'public':
      return 'A customer';
    case 'stripe':
      return 'Stripe';
    case 'super_admin':
      return 'The platform operator';
    case null:
    default:
      return 'The system';
  }
}

/** Minor units as a decimal amount with its currency ("49.00 USD"). */
const money = (cents: unknown, currency: unknown) => `${(Number(cents) / 100).toFixed(2)} ${typeof currency === 'string' ? currency.trim() : ''}`.trim();

const STATUS_VERBS: Record<string, string> = {
  cancelled: 'cancelled',
  'checked-in': 'checked in',
  completed: 'completed',
  'no-show': 'marked as a no-show',
  confirmed: 'confirmed',
};

function bookingSummary(r: AuditRow, who: string): string {
  const row = r.after ?? r.before ?? {};
  const number = typeof row.booking_number === 'string' ? row.booking_number : 'a booking';
  if (r.action === 'insert' || r.before?.status === 'held') return `${who} created ${number}`;
  const from = r.before?.status;
  const to = r.after?.status;
  if (from !== to && typeof to === 'string') return `${who} ${STATUS_VERBS[to] ?? `set ${to} on`} ${number}`;
  if (r.before?.start_at !== r.after?.start_at) return `${who} rescheduled ${number}`;
  return `${who} changed ${number}`;
}

function paymentSummary(r: AuditRow, who: string): string {
  const p = r.after ?? r.before ?? {};
  const on = r.payment_booking ? ` on ${r.payment_booking}` : '';
  const amount = money(p.amount_cents, p.currency);
  const what = p.kind === 'refund' ? `refund of ${amount}` : `${String(p.method).replace('_', ' ')} payment of ${amount}`;
  if (r.action === 'update') return `${who}: the ${what}${on} ${String(p.status)}`;
  if (p.kind === 'refund') return `${who} refunded ${amount}${on}`;
  return p.status === 'succeeded' ? `${who} took a ${what}${on}` : `${who} started a ${what}${on}`;
}

/** What one audit entry says, and the record it is about. */
function describe(r: AuditRow): { summary: string; record: { type: string; id: string | null; label: string | null } } {
  const who = actorOf(r);
  const row = r.after ?? r.before ?? {};
  const verb = r.action === 'insert' ? 'added' : r.action === 'delete' ? 'removed' : 'changed';
  const type = r.table_name.replace(/s$/, '');
  switch (r.table_name) {
    case 'bookings':
      return { summary: bookingSummary(r, who), record: { type, id: r.row_id, label: (row.booking_number as string) ?? null } };
    case 'payments':
      return { summary: paymentSummary(r, who), record: { type: row.kind === 'refund' ? 'refund' : 'payment', id: r.row_id, label: r.payment_booking } };
    case 'gift_cards': {
      const summary = r.action === 'insert' ? `${who} issued a gift card of ${money(row.initial_balance_cents, row.currency)}` : `${who} changed a gift card`;
      return { summary, record: { type: 'gift_card', id: r.row_id, label: null } };
    }
    case 'coupons':
      return { summary: `${who} ${verb} coupon ${String(row.code)}`, record: { type, id: r.row_id, label: String(row.code) } };
    default: {
      // customers, venues, games, users: a name says which.
      const label = typeof row.full_name === 'string' ? row.full_name : typeof row.name === 'string' ? row.name : null;
      return { summary: `${who} ${verb} ${type.replace('_', ' ')} ${label ?? ''}`.trim(), record: { type, id: r.row_id, label } };
    }
  }
}

/** GET /api/dashboard/activity */
export async function dashboardActivity(tx: Queryable, venueId: string | undefined, limit: number) {
  const scope = await scopeOf(tx, venueId);
  const { rows } = await tx.query<AuditRow>(ACTIVITY, [scope.venueId, TABLES, limit, DERIVED]);
  return rows.map((r) => ({ at: r.created_at.toISOString(), actor: actorOf(r), ...describe(r) }));
}
