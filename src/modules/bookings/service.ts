import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { likePattern } from '../../db/like.js';
import { hashToken } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { boundedCount, limitOffset, type Pagination, toPage } from '../../http/pagination.js';
import { assertCustomerExists, findOrCreateCustomer } from '../customers/service.js';
import { newBookingNumber } from './number.js';
import { getOffer } from './offer.js';
import { bookingAmounts } from './pricing.js';
import type { Booking, BookingFilter, CreateBookingBody } from './schemas.js';
import { placeBooking, requestedStart } from './slot.js';
import { BOOKING_SELECT, bookingSelect, claimSlot, toBooking, type BookingRow } from './sql.js';

export interface CreateOptions {
  source: Booking['source'];
  /** The signed-in staff member, if any (a super_admin acting in the organization is recorded by the audit log instead). */
  createdBy: string | null;
  /** Widget and API bookings respect the game's minimum notice; staff at the desk may book the next slot. */
  enforceNotice: boolean;
  /** The widget gets a manage token for its customer; admin bookings do not. */
  withManageToken: boolean;
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

  // From here on the room is ours until commit: a request that lost the slot learns it from one cheap query
  // (the constraints stay the wall), and the customer row is only locked after the room, as everywhere else.
  await claimSlot(tx, { venueId: venue.id, gameId: game.id, ...placed, partySize: input.party_size, mode: game.bookingMode, capacity: game.maxPlayers });
  const customerId =
    input.customer_id ??
    (await findOrCreateCustomer(tx, { full_name: input.customer!.full_name, email: input.customer!.email, phone: input.customer!.phone ?? null })).id;

  // A fresh number on the rare clash with an existing one; overlap and capacity errors still raise. The booking
  // comes back from the insert itself (bookingSelect over the INSERT's rows): no second statement to read it.
  for (;;) {
    const { rows } = await tx.query<BookingRow>(
      `with inserted as (insert into bookings (organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
         booking_date, booking_mode, party_size, status, total_amount, discount_amount, final_amount, currency, notes,
         source, created_by, manage_token_hash)
       values (app_current_org(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       on conflict (booking_number) do nothing returning *)
       ${bookingSelect('inserted')}`,
      [
        newBookingNumber(), customerId, game.id, venue.id, placed.start, placed.end, placed.blockedUntil, placed.bookingDate,
        game.bookingMode, input.party_size, input.status, amounts.total_amount, amounts.discount_amount, amounts.final_amount,
        currency, input.notes ?? '', opts.source, opts.createdBy, manageToken ? hashToken(manageToken) : null,
      ],
    );
    if (rows[0]) return { booking: toBooking(rows[0]), manageToken };
  }
}

/** Reads one booking row (internal fields included), optionally locking it for an update. */
export async function loadBookingRow(tx: Queryable, id: string, lock = false): Promise<BookingRow> {
  const { rows } = await tx.query<BookingRow>(`${BOOKING_SELECT} where b.id = $1${lock ? ' for update of b' : ''}`, [id]);
  if (!rows[0]) throw notFound('Booking');
  return rows[0];
}

/** One booking with customer, game and venue summaries. */
export async function getBooking(tx: Queryable, id: string): Promise<Booking> {
  return toBooking(await loadBookingRow(tx, id));
}

const SORT: Record<BookingFilter['sort'], string> = {
  start_at: 'b.start_at asc, b.id',
  '-start_at': 'b.start_at desc, b.id',
  created_at: 'b.created_at asc, b.id',
  '-created_at': 'b.created_at desc, b.id',
};

/**
 * Ids of the bookings `q` matches: by booking number, or by the customer's name or email. Found through indexes
 * (the booking-number index; trigram indexes on customers, then bookings by customer), since an OR across the two
 * tables would scan every booking of the organization; resolved once, then used by both the page and its count.
 */
async function searchBookingIds(tx: Queryable, q: string): Promise<string[]> {
  const { rows } = await tx.query<{ ids: string[] }>(
    `select array(
       select id from bookings where booking_number = upper($1)
       union
       select id from bookings where customer_id = any(array(select id from customers where full_name ilike $2 or email::text ilike $2))
     )::text[] as ids`,
    [q, likePattern(q)],
  );
  return rows[0]!.ids;
}

/** Bookings matching the filters (dates are venue-local) and the search `q`, paginated. */
export async function listBookings(tx: Queryable, f: BookingFilter, page: Pagination) {
  const { limit, offset } = limitOffset(page);
  const q = f.q?.trim() || null;
  const found = q ? await searchBookingIds(tx, q) : null;
  const where = `($1::text[] is null or b.status = any($1)) and ($2::uuid is null or b.venue_id = $2)
    and ($3::uuid is null or b.game_id = $3) and ($4::uuid is null or b.customer_id = $4)
    and ($5::date is null or b.booking_date >= $5) and ($6::date is null or b.booking_date <= $6)
    and ($7::uuid[] is null or b.id = any($7))`;
  const params = [f.status ?? null, f.venue_id ?? null, f.game_id ?? null, f.customer_id ?? null, f.from ?? null, f.to ?? null, found];
  const [list, count] = await Promise.all([
    tx.query<BookingRow>(`${BOOKING_SELECT} where ${where} order by ${SORT[f.sort]} limit $8 offset $9`, [...params, limit, offset]),
    tx.query<{ n: number }>(boundedCount(`bookings b where ${where}`), params),
  ]);
  return toPage(list.rows.map(toBooking), count.rows[0]!.n, page);
}
