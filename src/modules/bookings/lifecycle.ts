import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { assertPartySize, placeBooking, requestedStart, type PlacedSlot } from '../availability/service.js';
import { assertCustomerExists } from '../customers/service.js';
import { getOffer } from '../games/service.js';
import { getOrganization } from '../organizations/service.js';
import { rewardReferral } from '../referrals/service.js';
import { settleCancellation, settleNoShow, settleSwept, type MoneyContext } from './money.js';
import { quoteColumns, quoteSlot, refundFor } from './pricing.js';
import { getBooking, loadBookingRow } from './rows.js';
import type { Booking, BookingStatus, UpdateBookingBody } from './schemas.js';
import { BATCH_ITEM, CANCEL_BOOKING, CLAIM_ROOM, SET_STATUS, UPDATE_BOOKING } from './sql.js';
import { canTransition } from './status.js';

export type { MoneyContext } from './money.js';

function assertTransition(from: BookingStatus, to: BookingStatus) {
  if (!canTransition(from, to)) {
    throw new AppError('invalid_transition', `A ${from} booking cannot become ${to}`);
  }
}

/**
 * Reschedules or edits a booking. A new start or party size is checked against the venue's rules here and
 * against other bookings by the database, atomically with the change (409 slot_unavailable if taken). A new time
 * or party is priced again under the terms the booking was sold with (its coupon and tax, kept in its quote);
 * what was already paid stays as paid (a change that costs less leaves money to refund by hand, docs/money.md).
 */
export async function updateBooking(tx: Queryable, id: string, input: UpdateBookingBody, now: Date, enforceNotice: boolean, money: MoneyContext): Promise<Booking> {
  const row = await loadBookingRow(tx, id, true);
  if (input.status === 'cancelled') {
    await cancelBooking(tx, id, now, { enforceWindow: false }, money);
    return updateBooking(tx, id, { ...input, status: undefined }, now, enforceNotice, money);
  }
  const moves = input.start_at !== undefined || input.booking_date !== undefined || input.party_size !== undefined;
  if (moves && !['pending', 'confirmed'].includes(row.status)) {
    throw new AppError('rule_violation', `A ${row.status} booking can no longer be rescheduled or resized`);
  }
  if (input.status) assertTransition(row.status, input.status);
  if (input.customer_id) await assertCustomerExists(tx, input.customer_id);

  let placement: PlacedSlot | null = null;
  let amounts: ReturnType<typeof quoteColumns> | null = null;
  if (moves) {
    const offer = await getOffer(tx, row.game_id, row.venue_id);
    const partySize = input.party_size ?? row.party_size;
    if (input.start_at || input.booking_date) {
      placement = placeBooking(offer.venue, offer.game, requestedStart(input, offer.venue.timezone), partySize, now, enforceNotice);
    } else {
      assertPartySize(offer.game, partySize);
    }
    const terms = row.quote;
    const tax = terms ? { rateBps: terms.tax.rate_bps, inclusive: terms.tax.inclusive } : { rateBps: 0, inclusive: false };
    const start = placement?.start ?? row.start_at;
    amounts = quoteColumns(quoteSlot(offer, start.getTime(), partySize, { coupon: terms?.coupon ?? null, tax }), tax, terms?.coupon ?? null);
    const { rows } = await tx.query<{ swept: string[] }>(CLAIM_ROOM, [row.venue_id, row.game_id, start, placement?.blockedUntil ?? row.blocked_until, now, id]);
    if (rows[0]!.swept.length) await settleSwept(tx, rows[0]!.swept, money.gateway);
  }
  await tx.query(
    UPDATE_BOOKING,
    [
      id, placement?.start ?? null, placement?.end ?? null, placement?.blockedUntil ?? null, placement?.bookingDate ?? null,
      input.party_size ?? null, amounts?.total_amount ?? null, amounts?.discount_amount ?? null, amounts?.final_amount ?? null,
      input.notes ?? null, input.status ?? null, input.customer_id ?? null, now, amounts?.tax_amount ?? null,
      amounts ? JSON.stringify(amounts.stored) : null,
    ],
  );
  if (input.status && input.status !== row.status) await afterTransition(tx, row, input.status, now, money);
  return getBooking(tx, id);
}

/** What a new status does besides itself: a no-show keeps its fee, a completed booking may reward a referrer. */
async function afterTransition(tx: Queryable, row: { id: string; final_amount: number; amount_paid: number }, to: BookingStatus, now: Date, money: MoneyContext) {
  if (to === 'no-show') {
    const { policies } = await getOrganization(tx);
    await settleNoShow(tx, row, policies.no_show_fee_percent, money);
  } else if (to === 'completed') {
    await rewardReferral(tx, row.id, now);
  }
}

/** Moves a booking along the status machine (check-in, complete, no-show, confirm). */
export async function transitionBooking(tx: Queryable, id: string, to: BookingStatus, now: Date, money: MoneyContext): Promise<Booking> {
  if (to === 'cancelled') return cancelBooking(tx, id, now, { enforceWindow: false }, money);
  const row = await loadBookingRow(tx, id, true);
  assertTransition(row.status, to);
  if (row.status === to) return getBooking(tx, id);
  await tx.query(SET_STATUS, [id, to, now]);
  await afterTransition(tx, row, to, now, money);
  return getBooking(tx, id);
}

/**
 * Cancels a booking, keeping the row, and refunds by the organization's policy (payment rows, money.ts).
 * Customers (enforceWindow) may not cancel inside the window unless the policy allows it; staff always may.
 */
export async function cancelBooking(tx: Queryable, id: string, now: Date, opts: { enforceWindow: boolean }, money: MoneyContext): Promise<Booking> {
  const row = await loadBookingRow(tx, id, true);
  assertTransition(row.status, 'cancelled');
  if (row.status === 'cancelled') return getBooking(tx, id);
  const { policies } = await getOrganization(tx);
  const refund = refundFor(row, policies, now);
  if (opts.enforceWindow && refund.insideWindow && !policies.allow_cancel_inside_window) {
    throw new AppError('rule_violation', `Bookings can be cancelled up to ${policies.cancellation_window_hours} hours before the start`);
  }
  await tx.query(CANCEL_BOOKING, [id, now]);
  await settleCancellation(tx, id, refund.amount, money, `Cancelled: ${refund.percent}% refund by policy`);
  return getBooking(tx, id);
}

/** Applies one status to many bookings; each succeeds or fails alone (a savepoint each). */
export async function batchStatus(tx: Queryable, ids: string[], status: BookingStatus, now: Date, money: MoneyContext) {
  const updated: string[] = [];
  const failed: { id: string; code: string; message: string }[] = [];
  for (const id of [...new Set(ids)]) {
    await tx.query(BATCH_ITEM.begin);
    try {
      await transitionBooking(tx, id, status, now, money);
      await tx.query(BATCH_ITEM.done);
      updated.push(id);
    } catch (err) {
      await tx.query(BATCH_ITEM.undo);
      if (!(err instanceof AppError)) throw err;
      failed.push({ id, code: err.code, message: err.message });
    }
  }
  return { updated, failed };
}
