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
import { bulkInsertRedemptions, type BulkRedemption } from '../modules/coupons/service.js';
import { bulkInsertGiftCards } from '../modules/giftcards/service.js';
import { bulkInsertPayments } from '../modules/payments/service.js';
import { bulkAdvanceStatuses, bulkInsertBookings, countBookingsByStatus, refreshBookedCustomersStats, type BulkBooking } from '../modules/bookings/service.js';
import { bulkInsertCustomers, bulkSetCustomersCreatedAt } from '../modules/customers/service.js';
import type { PlannedBooking, RefundPolicy } from './booking-plan.js';
import type { PlannedCustomer } from './customer-plan.js';
import { paymentRows, spendGiftCards, type PlannedGiftCard } from './money-plan.js';
import type { Random } from './random.js';

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
  /** The coupons' ids, by the plan's coupon index. */
  couponIds: readonly string[];
  /** The gift cards, which bookings may have paid from one (decided in plan order), and the draws of their spending. */
  giftCards: { cards: readonly PlannedGiftCard[]; mayPay: (b: PlannedBooking) => boolean; rng: Random };
  onProgress?: Progress | undefined;
}

export interface LoadedHistory {
  byStatus: Record<string, number>;
  redemptions: number;
  releasedRedemptions: number;
  payments: number;
  refunds: number;
  giftCards: number;
  giftCardPayments: number;
  giftCardRefunds: number;
}

/**
 * Loads the history into the organization of the transaction: customers, bookings with their coupon redemptions
 * and payments, then the gift cards with their ledgers and the payments of the bookings paid from them. Answers
 * how many bookings ended in each status and what money rows were written.
 */
export async function loadHistory(tx: Queryable, h: History): Promise<LoadedHistory> {
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
  const counts = { redemptions: 0, releasedRedemptions: 0, payments: 0, refunds: 0 };
  const count = <T extends { kind: 'payment' | 'refund' }>(rows: T[]): T[] => {
    for (const r of rows) counts[r.kind === 'payment' ? 'payments' : 'refunds']++;
    return rows;
  };
  // Bookings that may have paid from a gift card: their payment rows wait until the cards are spent, in time order.
  const giftCandidates: PlannedBooking[] = [];
  let statusChanges = 0;
  for (let from = 0; from < h.bookings; from += BATCH) {
    const batch: PlannedBooking[] = [];
    for (let k = from; k < Math.min(h.bookings, from + BATCH); k++) batch.push(h.plan(k, h.policy));
    for (const b of batch) firstBookedMs[b.customer] = Math.min(firstBookedMs[b.customer]!, b.createdAtMs);
    await bulkInsertBookings(tx, h.currency, batch.map((b) => toRow(h, b)));
    const paid = batch.filter((b) => (h.giftCards.mayPay(b) ? (giftCandidates.push(b), false) : true));
    await bulkInsertPayments(tx, h.currency, count(paid.flatMap((b) => paymentRows(b, derive(b)))));
    const redemptions = batch.flatMap((b) => redemptionRows(h, b));
    counts.redemptions += redemptions.length;
    counts.releasedRedemptions += redemptions.filter((r) => r.released_at !== null).length;
    await bulkInsertRedemptions(tx, redemptions);
    statusChanges += await bulkAdvanceStatuses(tx, batch.map((b) => ({ id: b.id, from: b.initialStatus, to: b.status })));
    h.onProgress?.('bookings', Math.min(h.bookings, from + BATCH), h.bookings);
  }

  // The gift cards, their ledgers in time order, and the payments of the bookings that paid from them.
  const spent = spendGiftCards(h.giftCards.cards, giftCandidates, (b, label) => derivedUuid(b.id, label), h.giftCards.rng);
  await bulkInsertGiftCards(
    tx,
    h.currency,
    spent.states.map(({ card, balance, updatedAtMs }) => {
      const recipient = customers[card.recipient]!;
      return {
        id: card.id, code: card.code, initial_balance_cents: card.initial, balance_cents: balance,
        status: card.disabledAtMs === null ? 'active' : 'disabled', expires_at: date(card.expiresAtMs),
        recipient_name: recipient.fullName, recipient_email: recipient.email, customer_id: card.linked ? recipient.id : null,
        note: card.disabledAtMs === null ? null : 'Reported lost; disabled', created_at: new Date(card.issuedAtMs), updated_at: new Date(updatedAtMs),
      };
    }),
    spent.ledger,
  );
  const giftRows = giftCandidates.flatMap((b) => paymentRows(b, derive(b), spent.parts.get(b.id) ?? null));
  for (let from = 0; from < giftRows.length; from += BATCH) await bulkInsertPayments(tx, h.currency, count(giftRows.slice(from, from + BATCH)));

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
  return {
    byStatus: await countBookingsByStatus(tx),
    ...counts,
    giftCards: spent.states.length,
    giftCardPayments: giftRows.filter((r) => r.method === 'gift_card' && r.kind === 'payment').length,
    giftCardRefunds: giftRows.filter((r) => r.method === 'gift_card' && r.kind === 'refund').length,
  };
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

const derive = (b: PlannedBooking) => (label: string) => derivedUuid(b.id, label);

/** A booking's redemption of its coupon, made when it was booked, released when it was cancelled. */
function redemptionRows(h: History, b: PlannedBooking): BulkRedemption[] {
  if (!b.coupon) return [];
  return [{
    coupon_id: h.couponIds[b.coupon.index]!, booking_id: b.id, customer_id: h.customers[b.customer]!.id, discount_cents: b.coupon.discount,
    created_at: new Date(b.createdAtMs), released_at: b.status === 'cancelled' ? new Date(b.cancelledAtMs!) : null,
  }];
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
    coupon_code: b.coupon?.code ?? null,
    quote: b.quote,
  };
}
