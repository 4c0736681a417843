import type { Queryable } from '../../db/client.js';
import { markEntered } from '../../db/tenant.js';
import { likePattern } from '../../db/like.js';
import { hashToken } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { getBooking, loadBookingRow } from './rows.js';
import { BOOKING_NUMBER } from './number.js';
import type { Booking, BookingFilter } from './schemas.js';
import * as sql from './sql.js';
import { toBooking } from './sql.js';

// The booking rules other parts apply to their own rows (the demo seeder): what a party pays, what a cancellation
// refunds, what a booking number looks like.
export { bookingAmounts, quoteColumns, refundFor, type StoredQuote } from './pricing.js';
export { BOOKING_NUMBER, BOOKING_NUMBER_ALPHABET, newBookingNumber } from './number.js';
export { batchStatus, cancelBooking, transitionBooking, updateBooking } from './lifecycle.js';
export { getBooking, loadBookingRow } from './rows.js';
export { venueCalendarBookings, type CalendarBooking } from './calendar.js';
export { toBooking } from './sql.js';
export type { BookingRow } from './sql.js';

export { createBooking, type CreateBookingInput, type CreateOptions, type CreatedBooking } from './create.js';
export { createHold, enterHold, organizationsWithExpiredCheckouts, releaseHold, sweepExpiredCheckouts, type Hold } from './holds.js';
export { quoteBooking } from './quote.js';

/**
 * The id of the booking a customer's manage link names, pointing the transaction at its organization. A wrong
 * token and an unknown number answer the same 404 after the same work (one look-up that compares both), so the
 * answer tells nothing about bookings the caller does not hold.
 */
export async function bookingByManageToken(tx: Queryable, bookingNumber: string, token: string): Promise<string> {
  // Anything that is not a booking number (a %00 from the URL too) names no booking: no look-up needed.
  const number = bookingNumber.toUpperCase();
  if (!BOOKING_NUMBER.test(number)) throw notFound('Booking');
  const { rows } = await tx.query<{ organization_id: string; booking_id: string }>(sql.MANAGE_BOOKING, [number, hashToken(token)]);
  const hit = rows[0];
  if (!hit) throw notFound('Booking');
  markEntered(tx, hit.organization_id);
  return hit.booking_id;
}

/**
 * The booking a check-in code names, in the caller's organization only: a scanned `<booking_number>:<manage_token>`
 * (the token compared by its hash, as bookingByManageToken does) or a typed booking number. 404 otherwise.
 */
export async function bookingByCode(tx: Queryable, code: string): Promise<string> {
  const cut = code.trim().indexOf(':');
  const number = (cut < 0 ? code.trim() : code.trim().slice(0, cut)).toUpperCase();
  const token = cut < 0 ? null : code.trim().slice(cut + 1);
  if (!BOOKING_NUMBER.test(number) || token === '') throw notFound('Booking');
  const { rows } = await tx.query<{ id: string }>(sql.BOOKING_BY_CODE, [number, token === null ? null : hashToken(token)]);
  if (!rows[0]) throw notFound('Booking');
  return rows[0].id;
}

/**
 * Staff accept the contact details a widget booking gave into its customer: a missing phone is filled, and with
 * `replace` the customer's name and phone become the booking's. 422 when the booking has none to accept.
 */
export async function acceptContact(tx: Queryable, id: string, replace: boolean): Promise<Booking> {
  await loadBookingRow(tx, id);
  const { rows } = await tx.query<{ customer_id: string }>(sql.ACCEPT_CONTACT, [id, replace]);
  if (!rows[0]) throw new AppError('rule_violation', 'This booking has no contact details to accept (or its customer was erased)');
  return getBooking(tx, id);
}

/** Bookings matching the filters (dates are venue-local) and the search `q` (see sql.listStatement), paginated, in one statement. */
export async function listBookings(tx: Queryable, f: BookingFilter, page: Pagination) {
  const q = f.q?.trim() || null;
  const params: unknown[] = [f.status ?? null, f.venue_id ?? null, f.game_id ?? null, f.customer_id ?? null, f.from ?? null, f.to ?? null];
  if (q) params.push(q, likePattern(q));
  return fetchPage(tx, sql.listStatement(f.sort, q !== null), params, page, toBooking);
}
export { bulkAdvanceStatuses, bulkInsertBookings, countBookingsByStatus, refreshBookedCustomersStats, type BulkBooking } from './bulk.js';
