import { randomBytes } from 'node:crypto';
import { prepared, type Queryable } from '../../db/client.js';
import { likePattern } from '../../db/like.js';
import { hashToken } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { assertCustomerExists } from '../customers/service.js';
import { upsertCustomerByEmail } from '../customers/sql.js';
import { newBookingNumber } from './number.js';
import { getOffer } from './offer.js';
import { bookingAmounts } from './pricing.js';

// The booking rules other parts (the demo seeder) apply to their own rows: what a party pays, what a cancellation refunds.
export { bookingAmounts, refundFor } from './pricing.js';
import type { Booking, BookingFilter, CreateBookingBody } from './schemas.js';
import { placeBooking, requestedStart } from './slot.js';
import { BOOKING_COLUMNS, BOOKING_SELECT, CUSTOMER_COLUMNS, toBooking, type BookingRow } from './sql.js';

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

// What the booking write's answer needs of its customer (CUSTOMER_COLUMNS), from the CTE `customer`.
const CUSTOMER_FIELDS = 'c.organization_id, c.id, c.full_name, c.email, c.phone';

/**
 * A booking's whole write as one statement (one round trip), in this order, which data dependencies enforce:
 * - `claim`: the room's lock, then what already holds the slot (app_claim_slot, migration 0005: its count runs
 *   after the lock, so it sees the previous holder's booking);
 * - `ok`: a row only if the slot can take the party ($8 mode, $9 party size, $19 capacity), so that a request that
 *   lost the slot writes nothing and learns it from the answer (the constraints stay the wall);
 * - `customer` (parameters from $20), made from `ok` only: the customer row is locked after the room, as everywhere
 *   else (see lockRoom);
 * - the insert, and the answer: whether `ok` had its row (`slot_free`) and the inserted row with the customer as the statement wrote it
 *   (null columns if the slot was taken or the booking number clashed). The venue's and game's part of the answer
 *   comes from the offer the booking was checked against, not from a join.
 */
const insertBooking = (customer: string) => `
  with claim as materialized (select private_bookings, seats from app_claim_slot($3, $2, $4, $6)),
  ok as (select from claim where case when $8 = 'private' then private_bookings = 0 else seats + $9 <= $19::int end),
  customer as (${customer}),
  inserted as (insert into bookings (organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
    booking_date, booking_mode, party_size, status, total_amount, discount_amount, final_amount, currency, notes,
    source, created_by, manage_token_hash)
  select app_current_org(), $1, customer.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18 from customer
  on conflict (booking_number) do nothing returning *)
  select exists (select from ok) as slot_free, answer.*
    from claim left join (select ${BOOKING_COLUMNS}, ${CUSTOMER_COLUMNS} from inserted b join customer c on c.id = b.customer_id) answer on true`;

// A new booking's customer (always with an email: the schema requires one) is found or made by that email in the
// booking's own statement; repeating it on a number clash is harmless. By id, it is only read.
const INSERT_FOR_EMAIL = prepared('create_booking_for_email', insertBooking(upsertCustomerByEmail(CUSTOMER_FIELDS, { name: '$20', email: '$21', phone: '$22' }, 'ok')));
const INSERT_FOR_CUSTOMER = prepared('create_booking_for_customer', insertBooking(`select ${CUSTOMER_FIELDS} from customers c, ok where c.id = $20`));

type WrittenRow = Omit<BookingRow, 'timezone' | 'venue_name' | 'game_name' | 'duration_minutes'>;
type WriteAnswer = { slot_free: boolean } & (({ id: string } & WrittenRow) | { id: null });

/** Creates a booking. The database refuses an overlapping private booking or an overfull shared slot (409). */
export async function createBooking(tx: Queryable, input: CreateBookingInput, opts: CreateOptions, now: Date): Promise<{ booking: Booking; manageToken: string | null }> {
  const { venue, game, currency } = await getOffer(tx, input.game_id, input.venue_id);
  if (!game.active) throw notFound('Game');
  const placed = placeBooking(venue, game, requestedStart(input, venue.timezone), input.party_size, now, opts.enforceNotice);
  if (input.customer_id) await assertCustomerExists(tx, input.customer_id);
  const amounts = bookingAmounts(game, input.party_size);
  const manageToken = opts.withManageToken ? randomBytes(24).toString('base64url') : null;

  const customer = input.customer
    ? { sql: INSERT_FOR_EMAIL, params: [input.customer.full_name, input.customer.email.trim(), input.customer.phone?.trim() || null] }
    : { sql: INSERT_FOR_CUSTOMER, params: [input.customer_id] };
  // A fresh number on the rare clash with an existing one; overlap and capacity errors still raise.
  for (;;) {
    const { rows } = await tx.query<WriteAnswer>(customer.sql, [
      newBookingNumber(), game.id, venue.id, placed.start, placed.end, placed.blockedUntil, placed.bookingDate,
      game.bookingMode, input.party_size, input.status, amounts.total_amount, amounts.discount_amount, amounts.final_amount,
      currency, input.notes ?? '', opts.source, opts.createdBy, manageToken ? hashToken(manageToken) : null, game.maxPlayers,
      ...customer.params,
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

// What a sort needs besides the id: an index that holds both (bookings_customer_start_idx holds start_at and id)
// can then answer a search's page without touching the table.
const SORT_COLUMN: Record<BookingFilter['sort'], string> = { start_at: 'b.start_at', '-start_at': 'b.start_at', created_at: 'b.created_at', '-created_at': 'b.created_at' };

/**
 * Bookings matching the filters (dates are venue-local) and the search `q`, paginated, in one statement.
 *
 * `q` is a booking number (exact, any case) or part of the customer's name or email. The two are separate arms of
 * a UNION so that each uses its own index (the booking-number index; trigram indexes on customers, then bookings
 * by customer), where an OR across the two tables would scan every booking of the organization; the matching
 * customers are found once (a materialized CTE) for both the page and its count. A search's page needs all its
 * hits anyway (to sort them), so they are kept for the count too; without a search the hits stay a view, which
 * lets the count stop at its bound and the page walk an index in order.
 *
 * The page's ids are chosen first and only those rows are joined to their venue, game and customer: joining every
 * match before sorting cost ~10 ms on a week of a busy business.
 */
export async function listBookings(tx: Queryable, f: BookingFilter, page: Pagination) {
  const q = f.q?.trim() || null;
  const where = `($1::text[] is null or b.status = any($1)) and ($2::uuid is null or b.venue_id = $2)
    and ($3::uuid is null or b.game_id = $3) and ($4::uuid is null or b.customer_id = $4)
    and ($5::date is null or b.booking_date >= $5) and ($6::date is null or b.booking_date <= $6)`;
  const columns = `b.id, ${SORT_COLUMN[f.sort]}`;
  const hits = q
    ? `select ${columns} from bookings b where ${where} and b.customer_id = any((select ids from matched)::uuid[])
       union
       select ${columns} from bookings b where ${where} and b.booking_number = upper($7)`
    : `select ${columns} from bookings b where ${where}`;
  const params: unknown[] = [f.status ?? null, f.venue_id ?? null, f.game_id ?? null, f.customer_id ?? null, f.from ?? null, f.to ?? null];
  if (q) params.push(q, likePattern(q));
  return fetchPage(
    tx,
    {
      with: `${q ? `matched as materialized (select array(select id from customers where full_name ilike $8 or email::text ilike $8) as ids), ` : ''}
             hits as ${q ? 'materialized' : 'not materialized'} (${hits})`,
      page: (limit, offset) =>
        `${BOOKING_SELECT} where b.id = any(array(select b.id from hits b order by ${SORT[f.sort]} limit ${limit} offset ${offset}))
         order by ${SORT[f.sort]}`,
      count: 'hits where true',
    },
    params,
    page,
    toBooking,
  );
}
export { bulkAdvanceStatuses, bulkInsertBookings, countBookingsByStatus, refreshBookedCustomersStats, type BulkBooking } from './bulk.js';
