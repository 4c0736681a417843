import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { Booking } from './schemas.js';
import { LOAD_BOOKING, LOAD_BOOKING_FOR_UPDATE, toBooking, type BookingRow } from './sql.js';

/** Reads one booking row (internal fields included), optionally locking it for an update. */
export async function loadBookingRow(tx: Queryable, id: string, lock = false): Promise<BookingRow> {
  const { rows } = await tx.query<BookingRow>(lock ? LOAD_BOOKING_FOR_UPDATE : LOAD_BOOKING, [id]);
  if (!rows[0]) throw notFound('Booking');
  return rows[0];
}

/** One booking with customer, game and venue summaries. */
export async function getBooking(tx: Queryable, id: string): Promise<Booking> {
  return toBooking(await loadBookingRow(tx, id));
}
