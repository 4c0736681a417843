/**
 * Bulk loading of bookings for the operator's tools (the demo seeder, on the owner connection): many rows per
 * statement instead of one createBooking each, yet every row still meets the database's rules (exclusion
 * constraint, capacity trigger, status machine, foreign keys). The amounts and refunds are the caller's, computed
 * with bookingAmounts and refundFor, so a bulk-loaded booking costs what an API booking would.
 */
import type { Queryable } from '../../db/client.js';
import type { StoredQuote } from './pricing.js';
import type { BookingStatus } from './schemas.js';
import { type BookingRow, BULK_INSERT_BOOKINGS, BULK_SET_STATUS, COUNT_BY_STATUS, TOUCH_FIRST_BOOKING_PER_CUSTOMER } from './sql.js';
import { canTransition } from './status.js';

/** One booking as bulkInsertBookings inserts it, into the organization of the transaction: a booking row's own columns. */
export type BulkBooking = Pick<
  BookingRow,
  | 'id' | 'booking_number' | 'customer_id' | 'game_id' | 'venue_id' | 'start_at' | 'end_at' | 'blocked_until' | 'booking_mode'
  | 'party_size' | 'amount_paid' | 'total_amount' | 'discount_amount' | 'final_amount' | 'refund_amount' | 'notes'
  | 'source' | 'created_by' | 'cancelled_at' | 'checked_in_at'
> & {
  /** The venue's time zone: booking_date is the start's local date there. */
  timezone: string;
  /** The status machine accepts only these on insert; bulkAdvanceStatuses walks the row on from there. */
  status: 'pending' | 'confirmed';
  /** Also its updated_at. */
  created_at: Date;
  /** The coupon it was priced with (its redemption row is the caller's), or null. */
  coupon_code?: string | null;
  /** The terms it was priced under (bookings.quote, as StoredQuote), or null: a booking priced without promotions or tax. */
  quote?: StoredQuote | null;
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Inserts the rows in one statement (keep a batch to a few thousand rows), all in `currency`. */
export async function bulkInsertBookings(tx: Queryable, currency: string, rows: readonly BulkBooking[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(f: (r: BulkBooking) => T) => rows.map(f);
  await tx.query(BULK_INSERT_BOOKINGS, [
    currency,
    column((r) => r.id),
    column((r) => r.booking_number),
    column((r) => r.customer_id),
    column((r) => r.game_id),
    column((r) => r.venue_id),
    column((r) => iso(r.start_at)),
    column((r) => iso(r.end_at)),
    column((r) => iso(r.blocked_until)),
    column((r) => r.timezone),
    column((r) => r.booking_mode),
    column((r) => r.party_size),
    column((r) => r.status),
    column((r) => r.amount_paid),
    column((r) => r.total_amount),
    column((r) => r.discount_amount),
    column((r) => r.final_amount),
    column((r) => r.refund_amount),
    column((r) => r.notes),
    column((r) => r.source),
    column((r) => r.created_by),
    column((r) => iso(r.cancelled_at)),
    column((r) => iso(r.checked_in_at)),
    column((r) => iso(r.created_at)),
    column((r) => r.coupon_code ?? null),
    column((r) => (r.quote ? JSON.stringify(r.quote) : null)),
  ]);
}

const STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'checked-in', 'completed', 'cancelled', 'no-show'];

/** The statuses a booking passes through from `from` to `to` (`to` included), shortest first; null if none. */
function walk(from: BookingStatus, to: BookingStatus): BookingStatus[] | null {
  const queue: BookingStatus[][] = [[from]];
  const seen = new Set<BookingStatus>([from]);
  for (let path = queue.shift(); path; path = queue.shift()) {
    const at = path[path.length - 1]!;
    if (at === to) return path.slice(1);
    for (const next of STATUSES) {
      if (!seen.has(next) && canTransition(at, next)) {
        seen.add(next);
        queue.push([...path, next]);
      }
    }
  }
  return null;
}

/**
 * Moves each booking from the status it has to the one it should end in, one transition at a time as the status
 * machine demands (confirmed -> checked-in -> completed): one statement per step, for all the rows at once.
 * Returns the number of transitions made.
 */
export async function bulkAdvanceStatuses(tx: Queryable, moves: readonly { id: string; from: BookingStatus; to: BookingStatus }[]): Promise<number> {
  const steps: { ids: string[]; statuses: BookingStatus[] }[] = [];
  const paths = new Map<string, BookingStatus[] | null>();
  let changes = 0;
  for (const m of moves) {
    const key = `${m.from}>${m.to}`;
    const path = paths.get(key) ?? paths.set(key, walk(m.from, m.to)).get(key);
    if (!path) throw new Error(`A ${m.from} booking cannot become ${m.to}`);
    path.forEach((status, i) => {
      const step = (steps[i] ??= { ids: [], statuses: [] });
      step.ids.push(m.id);
      step.statuses.push(status);
    });
    changes += path.length;
  }
  for (const step of steps) await tx.query(BULK_SET_STATUS, [step.ids, step.statuses]);
  return changes;
}

/**
 * Has the statistics trigger recompute, once each, every customer who booked: for after a load that skipped it
 * per row (app.bulk_load 'customer_stats'); the transaction must no longer skip it when this runs.
 */
export async function refreshBookedCustomersStats(tx: Queryable): Promise<void> {
  await tx.query(TOUCH_FIRST_BOOKING_PER_CUSTOMER);
}

/** How many bookings the organization has in each status (statuses without bookings left out). */
export async function countBookingsByStatus(tx: Queryable): Promise<Record<string, number>> {
  const { rows } = await tx.query<{ status: string; n: number }>(COUNT_BY_STATUS);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
