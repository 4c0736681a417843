import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { markEntered } from '../../db/tenant.js';
import { likePattern } from '../../db/like.js';
import { hashToken } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { placeBooking, requestedStart } from '../availability/service.js';
import { assertCustomerExists } from '../customers/service.js';
import { getOffer } from '../games/service.js';
import { getBooking, loadBookingRow } from './rows.js';
import { BOOKING_NUMBER, newBookingNumber } from './number.js';
import { bookingAmounts } from './pricing.js';
import type { Booking, BookingFilter, CreateBookingBody } from './schemas.js';
import * as sql from './sql.js';
import { toBooking } from './sql.js';

// The booking rules other parts apply to their own rows (the demo seeder): what a party pays, what a cancellation
// refunds, what a booking number looks like.
export { bookingAmounts, refundFor } from './pricing.js';
export { BOOKING_NUMBER, BOOKING_NUMBER_ALPHABET, newBookingNumber } from './number.js';
export { batchStatus, cancelBooking, transitionBooking, updateBooking } from './lifecycle.js';
export { getBooking, loadBookingRow } from './rows.js';
export { toBooking } from './sql.js';
export type { BookingRow } from './sql.js';

export interface CreateOptions {
  source: Booking['source'];
  /** The signed-in staff member, if any (a super_admin acting in the organization is recorded by the audit log instead). */
  createdBy: string | null;
  /** Widget and API bookings respect the game's minimum notice; staff at the desk may book the next slot. */
  enforceNotice: boolean;
  /** The widget gets a manage token for its customer; admin bookings do not. */
  withManageToken: boolean;
  /**
   * Whether the caller is signed in. An anonymous caller's contact details never change an existing customer
   * (someone may type another person's email): they stay on the booking until staff accept them.
   */
  trustedContact: boolean;
}

export type CreateBookingInput = Omit<CreateBookingBody, 'source'>;

/** Creates a booking. The database refuses an overlapping private booking or an overfull shared slot (409). */
export async function createBooking(tx: Queryable, input: CreateBookingInput, opts: CreateOptions, now: Date): Promise<{ booking: Booking; manageToken: string | null }> {
  const { venue, game, currency } = await getOffer(tx, input.game_id, input.venue_id);
  if (!game.active) throw notFound('Game');
  const placed = placeBooking(venue, game, requestedStart(input, venue.timezone), input.party_size, now, opts.enforceNotice);
  if (input.customer_id) await assertCustomerExists(tx, input.customer_id);
  const amounts = bookingAmounts(game, input.party_size);
  const manageToken = opts.withManageToken ? randomBytes(24).toString('base64url') : null;

  const given = input.customer;
  const customer = given
    ? { sql: opts.trustedContact ? sql.INSERT_FOR_EMAIL : sql.INSERT_FOR_EMAIL_UNTRUSTED, params: [given.full_name, given.email.trim(), given.phone?.trim() || null] }
    : { sql: sql.INSERT_FOR_CUSTOMER, params: [input.customer_id] };
  const contact = given && !opts.trustedContact ? [given.full_name, given.phone?.trim() || null] : [null, null];
  // A fresh number on the rare clash with an existing one; overlap and capacity errors still raise.
  for (;;) {
    const { rows } = await tx.query<sql.WriteAnswer>(customer.sql, [
      newBookingNumber(), game.id, venue.id, placed.start, placed.end, placed.blockedUntil, placed.bookingDate,
      game.bookingMode, input.party_size, input.status, amounts.total_amount, amounts.discount_amount, amounts.final_amount,
      currency, input.notes ?? '', opts.source, opts.createdBy, manageToken ? hashToken(manageToken) : null, game.maxPlayers,
      ...contact, ...customer.params,
    ]);
    const answer = rows[0]!;
    if (!answer.slot_free) {
      throw new AppError('slot_unavailable', game.bookingMode === 'private' ? 'That time is no longer available' : 'That slot does not have enough places left');
    }
    if (answer.id !== null) {
      const row = { ...answer, timezone: venue.timezone, venue_name: venue.name, game_name: game.name, duration_minutes: game.durationMinutes };
      return { booking: toBooking(row), manageToken };
    }
  }
}

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
