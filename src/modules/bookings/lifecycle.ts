import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { assertPartySize, placeBooking, requestedStart, type PlacedSlot } from '../availability/service.js';
import { assertCustomerExists } from '../customers/service.js';
import { getOffer } from '../games/service.js';
import { getOrganization } from '../organizations/service.js';
import { bookingAmounts, refundFor } from './pricing.js';
import { getBooking, loadBookingRow } from './rows.js';
import type { Booking, BookingStatus, UpdateBookingBody } from './schemas.js';
import { BATCH_ITEM, CANCEL_BOOKING, LOCK_ROOM, SET_STATUS, UPDATE_BOOKING } from './sql.js';
import { canTransition } from './status.js';

function assertTransition(from: BookingStatus, to: BookingStatus) {
  if (!canTransition(from, to)) {
    throw new AppError('invalid_transition', `A ${from} booking cannot become ${to}`);
  }
}

/**
 * Reschedules or edits a booking. A new start or party size is checked against the venue's rules here and
 * against other bookings by the database, atomically with the change (409 slot_unavailable if taken).
 */
export async function updateBooking(tx: Queryable, id: string, input: UpdateBookingBody, now: Date, enforceNotice: boolean): Promise<Booking> {
  const row = await loadBookingRow(tx, id, true);
  if (input.status === 'cancelled') {
    await cancelBooking(tx, id, now, { enforceWindow: false });
    return updateBooking(tx, id, { ...input, status: undefined }, now, enforceNotice);
  }
  const moves = input.start_at !== undefined || input.booking_date !== undefined || input.party_size !== undefined;
  if (moves && !['pending', 'confirmed'].includes(row.status)) {
    throw new AppError('rule_violation', `A ${row.status} booking can no longer be rescheduled or resized`);
  }
  if (input.status) assertTransition(row.status, input.status);
  if (input.customer_id) await assertCustomerExists(tx, input.customer_id);

  let placement: PlacedSlot | null = null;
  let amounts: ReturnType<typeof bookingAmounts> | null = null;
  if (moves) {
    const { venue, game } = await getOffer(tx, row.game_id, row.venue_id);
    const partySize = input.party_size ?? row.party_size;
    if (input.start_at || input.booking_date) {
      placement = placeBooking(venue, game, requestedStart(input, venue.timezone), partySize, now, enforceNotice);
    } else {
      assertPartySize(game, partySize);
    }
    if (input.party_size !== undefined) amounts = bookingAmounts(game, partySize);
    await tx.query(LOCK_ROOM, [row.venue_id, row.game_id]);
  }
  await tx.query(
    UPDATE_BOOKING,
    [
      id, placement?.start ?? null, placement?.end ?? null, placement?.blockedUntil ?? null, placement?.bookingDate ?? null,
      input.party_size ?? null, amounts?.total_amount ?? null, amounts?.discount_amount ?? null, amounts?.final_amount ?? null,
      input.notes ?? null, input.status ?? null, input.customer_id ?? null, now,
    ],
  );
  return getBooking(tx, id);
}

/** Moves a booking along the status machine (check-in, complete, no-show, confirm). */
export async function transitionBooking(tx: Queryable, id: string, to: BookingStatus, now: Date): Promise<Booking> {
  if (to === 'cancelled') return cancelBooking(tx, id, now, { enforceWindow: false });
  const row = await loadBookingRow(tx, id, true);
  assertTransition(row.status, to);
  await tx.query(SET_STATUS, [id, to, now]);
  return getBooking(tx, id);
}

/**
 * Cancels a booking, keeping the row, and refunds by the organization's policy. Customers (enforceWindow) may
 * not cancel inside the window unless the policy allows it; staff always may.
 */
export async function cancelBooking(tx: Queryable, id: string, now: Date, opts: { enforceWindow: boolean }): Promise<Booking> {
  const row = await loadBookingRow(tx, id, true);
  assertTransition(row.status, 'cancelled');
  if (row.status === 'cancelled') return getBooking(tx, id);
  const { policies } = await getOrganization(tx);
  const refund = refundFor(row, policies, now);
  if (opts.enforceWindow && refund.insideWindow && !policies.allow_cancel_inside_window) {
    throw new AppError('rule_violation', `Bookings can be cancelled up to ${policies.cancellation_window_hours} hours before the start`);
  }
  await tx.query(
    CANCEL_BOOKING,
    [id, now, refund.amount],
  );
  return getBooking(tx, id);
}

/** Applies one status to many bookings; each succeeds or fails alone (a savepoint each). */
export async function batchStatus(tx: Queryable, ids: string[], status: BookingStatus, now: Date) {
  const updated: string[] = [];
  const failed: { id: string; code: string; message: string }[] = [];
  for (const id of [...new Set(ids)]) {
    await tx.query(BATCH_ITEM.begin);
    try {
      await transitionBooking(tx, id, status, now);
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
