import { createHash } from 'node:crypto';
/**
 * The demo's history, customers and bookings, loaded in batches of BATCH rows through the customers' and
 * bookings' bulk functions, in a transaction that skips the per-row bookkeeping triggers (app.bulk_load,
 * migration 0003). Their work is then done once: the statistics trigger runs once per customer, and one summary
 * audit row per table replaces the per-row audit. Constraints are never skipped: each booking is inserted pending
 * or confirmed and walked through the status machine, and the exclusion constraint and capacity trigger see it.
 */
import type { Queryable } from '../db/client.js';
import { setBulkLoad } from '../db/tenant.js';
import { recordBulkLoad } from '../modules/audit/service.js';
import { bulkInsertPayments, type BulkPayment } from '../modules/payments/service.js';
import { bulkAdvanceStatuses, bulkInsertBookings, countBookingsByStatus, refreshBookedCustomersStats, type BulkBooking } from '../modules/bookings/service.js';
import { bulkInsertCustomers, bulkSetCustomersCreatedAt } from '../modules/customers/service.js';
import type { PlannedBooking, RefundPolicy } from './booking-plan.js';
import type { PlannedCustomer } from './customer-plan.js';

/** Rows per statement: large enough to amortise the round trip, small enough to keep the parameters modest. */
export const BATCH = 5000;
/** The per-row triggers the load skips: both bookkeeping triggers, until their work is done once at the end. */
export const BULK_LOAD_SKIPS = 'audit,customer_stats,payment_sums,events';
/** A customer exists from shortly before their first booking was made. */
const SIGNED_UP_BEFORE_MS = 5 * 60_000;

export type Progress = (phase: 'customers' | 'bookings', done: number, total: number) => void;

export interface History {
  seed: string;
  customers: readonly PlannedCustomer[];
  bookings: number;
  /** The k-th booking under the organization's policy (see bookingPlanner); called once for each k in order. */
  plan: (k: number, policy: RefundPolicy) => PlannedBooking;
  policy: RefundPolicy;
  currency: string;
  /** By plan pair index: the ids and the venue's time zone. */
  offers: readonly { game: string; venue: string; timezone: string; bookingMode: 'private' | 'shared' }[];
  /** In the order of the plan's staff indices. */
  userIds: readonly string[];
  onProgress?: Progress | undefined;
}

/** Loads the history into the organization of the transaction; returns how many bookings ended in each status. */
export async function loadHistory(tx: Queryable, h: History): Promise<Record<string, number>> {
  const { customers } = h;
  for (let from = 0; from < customers.length; from += BATCH) {
    await bulkInsertCustomers(
      tx,
      customers.slice(from, from + BATCH).map((c) => ({
        id: c.id,
        full_name: c.fullName,
        email: c.email,
        phone: c.phone,
        notes: c.notes,
        tags: c.tags,
        marketing_opt_in: c.marketingOptIn,
        created_at: new Date(c.createdAtMs),
      })),
    );
    h.onProgress?.('customers', Math.min(customers.length, from + BATCH), customers.length);
  }

  const firstBookedMs = new Float64Array(customers.length).fill(Infinity);
  let statusChanges = 0;
  for (let from = 0; from < h.bookings; from += BATCH) {
    const batch: PlannedBooking[] = [];
    for (let k = from; k < Math.min(h.bookings, from + BATCH); k++) batch.push(h.plan(k, h.policy));
    for (const b of batch) firstBookedMs[b.customer] = Math.min(firstBookedMs[b.customer]!, b.createdAtMs);
    await bulkInsertBookings(tx, h.currency, batch.map((b) => toRow(h, b)));
    await bulkInsertPayments(tx, h.currency, batch.flatMap((b) => paymentRows(b)));
    statusChanges += await bulkAdvanceStatuses(tx, batch.map((b) => ({ id: b.id, from: b.initialStatus, to: b.status })));
    h.onProgress?.('bookings', Math.min(h.bookings, from + BATCH), h.bookings);
  }

  // Only the audit stays skipped now: the statistics trigger recomputes each customer who booked, once.
  await setBulkLoad(tx, 'audit');
  await refreshBookedCustomersStats(tx);
  const backdated = customers.flatMap((c, i) => {
    const signedUp = firstBookedMs[i]! - SIGNED_UP_BEFORE_MS;
    return c.createdAtMs > signedUp ? [{ id: c.id, created_at: new Date(signedUp) }] : [];
  });
  for (let from = 0; from < backdated.length; from += BATCH) await bulkSetCustomersCreatedAt(tx, backdated.slice(from, from + BATCH));

  const note = 'Loaded by seed-demo in one transaction; per-row audit skipped (app_bulk_load, migration 0003)';
  await recordBulkLoad(tx, [
    {
      table: 'customers',
      after: { bulk_load: 'seed-demo', seed: h.seed, rows: customers.length, note: `${note}; statistics refreshed by their trigger once per customer` },
    },
    { table: 'bookings', after: { bulk_load: 'seed-demo', seed: h.seed, rows: h.bookings, status_changes: statusChanges, note } },
  ]);
  return countBookingsByStatus(tx);
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * A booking's payment rows, matching what its row says it received: the payment (at the desk when the group
 * arrived, online when it was booked), and the refund its cancellation made. Ids come from the booking's, so a
 * reseed writes the same rows.
 */
function paymentRows(b: PlannedBooking): BulkPayment[] {
  if (b.paidAmount === 0) return [];
  const paidAt = b.paymentMethod === 'stripe' || b.checkedInAtMs === null ? b.createdAtMs : b.checkedInAtMs;
  const payment: BulkPayment = {
    id: derivedUuid(b.id, 'payment'), booking_id: b.id, kind: 'payment', parent_id: null, method: b.paymentMethod, amount_cents: b.paidAmount,
    provider_ref: b.paymentMethod === 'stripe' ? `pi_demo_${b.bookingNumber.slice(3)}` : null, created_at: new Date(paidAt),
  };
  if (b.refundAmount === 0) return [payment];
  const refund: BulkPayment = {
    id: derivedUuid(b.id, 'refund'), booking_id: b.id, kind: 'refund', parent_id: payment.id, method: b.paymentMethod, amount_cents: b.refundAmount,
    provider_ref: b.paymentMethod === 'stripe' ? `re_demo_${b.bookingNumber.slice(3)}` : null, created_at: new Date(b.cancelledAtMs ?? paidAt),
  };
  return [payment, refund];
}

/** A UUID made from another and a label (the last 12 hex digits replaced by a hash of both). */
function derivedUuid(id: string, label: string): string {
  return `${id.slice(0, 24)}${createHash('sha256').update(`${id}/${label}`).digest('hex').slice(0, 12)}`;
}

function toRow(h: History, b: PlannedBooking): BulkBooking {
  const offer = h.offers[b.pair]!;
  return {
    id: b.id,
    booking_number: b.bookingNumber,
    customer_id: h.customers[b.customer]!.id,
    game_id: offer.game,
    venue_id: offer.venue,
    start_at: new Date(b.startMs),
    end_at: new Date(b.endMs),
    blocked_until: new Date(b.blockedUntilMs),
    timezone: offer.timezone,
    booking_mode: offer.bookingMode,
    party_size: b.partySize,
    status: b.initialStatus,
    amount_paid: b.paidAmount - b.refundAmount,
    total_amount: b.totalAmount,
    discount_amount: b.discountAmount,
    final_amount: b.finalAmount,
    refund_amount: b.refundAmount,
    notes: b.notes,
    source: b.source,
    created_by: b.createdBy === null ? null : h.userIds[b.createdBy]!,
    cancelled_at: date(b.cancelledAtMs),
    checked_in_at: date(b.checkedInAtMs),
    created_at: new Date(b.createdAtMs),
  };
}
