import { prepared } from '../../db/client.js';
import { dayToIso, formatClock, localIso, rfc3339, zoneDays } from '../../time/local-time.js';
import { upsertCustomerByEmail } from '../customers/service.js';
import type { Booking, BookingFilter, BookingStatus } from './schemas.js';
import type { StoredQuote } from './pricing.js';

/** A booking row joined with what its API shape shows of the venue, game and customer. */
export interface BookingRow {
  id: string;
  organization_id: string;
  booking_number: string;
  customer_id: string;
  game_id: string;
  venue_id: string;
  start_at: Date;
  end_at: Date;
  blocked_until: Date;
  booking_date: string;
  booking_mode: 'private' | 'shared';
  party_size: number;
  status: BookingStatus;
  payment_status: Booking['payment_status'];
  total_amount: number;
  discount_amount: number;
  final_amount: number;
  refund_amount: number;
  tax_amount: number;
  tax_inclusive: boolean;
  amount_paid: number;
  coupon_code: string | null;
  quote: StoredQuote | null;
  expires_at: Date | null;
  currency: string;
  notes: string;
  source: Booking['source'];
  created_by: string | null;
  manage_token_hash: string | null;
  cancelled_at: Date | null;
  checked_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  timezone: string;
  venue_name: string;
  game_name: string;
  duration_minutes: number;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  contact_name: string | null;
  contact_phone: string | null;
}

// The bookings table's columns of a BookingRow, named rather than b.*: what a statement returns must not change
// when a migration adds a column (prepared statements would fail, see Prepared in src/db/client.ts).
export const BOOKING_COLUMNS = [
  'id', 'organization_id', 'booking_number', 'customer_id', 'game_id', 'venue_id', 'start_at', 'end_at', 'blocked_until',
  'booking_date', 'booking_mode', 'party_size', 'status', 'payment_status', 'total_amount', 'discount_amount',
  'final_amount', 'refund_amount', 'currency', 'notes', 'source', 'created_by', 'manage_token_hash', 'cancelled_at',
  'checked_in_at', 'created_at', 'updated_at', 'contact_name', 'contact_phone', 'tax_amount', 'tax_inclusive', 'amount_paid',
  'coupon_code', 'quote', 'expires_at',
]
  .map((c) => `b.${c}`)
  .join(', ');

/** What a BookingRow shows of its customer (alias c). */
export const CUSTOMER_COLUMNS = 'c.full_name as customer_name, c.email::text as customer_email, c.phone as customer_phone';

/** Selects BookingRows (bookings aliased b) with what their API shape shows of the venue, game and customer. */
export const BOOKING_SELECT = `
  select ${BOOKING_COLUMNS}, v.timezone, v.name as venue_name, g.name as game_name, g.duration_minutes, ${CUSTOMER_COLUMNS}
  from bookings b
  join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
  join games g on g.organization_id = b.organization_id and g.id = b.game_id
  join customers c on c.organization_id = b.organization_id and c.id = b.customer_id`;

/**
 * Serialises the writers of one game at one venue until the transaction ends (app_lock_room, migration 0009: the
 * one key every writer of a room takes, the slot claim and the capacity trigger of shared games too). $1 venue, $2
 * game. Taken before the customer row is touched: otherwise a booking that locks its customer first (reusing a
 * customer by email) and a reschedule that updates the same customer's statistics after placing its row wait on
 * each other and deadlock.
 */
export const LOCK_ROOM = 'select app_lock_room(app_current_org(), $1, $2)';

/**
 * The room's lock for a booking ($6) moving to [$3, $4) of venue $1, game $2, with the claim's sweep at clock $5
 * (app_claim_slot, migration 0014): expired holds and unpaid bookings in the way stop blocking. Answers the ids
 * of unpaid bookings it cancelled (their money goes back).
 */
export const CLAIM_ROOM = 'select swept from app_claim_slot($1, $2, $3, $4, $5, $6)';

/** An instant in the venue's zone: RFC 3339 with the offset there, and the local date and wall time. */
function inVenue(d: Date, zone: string): { iso: string; date: string; time: string } {
  const ms = d.getTime();
  const local = zoneDays(zone).instant(ms);
  const date = dayToIso(local.day);
  const time = formatClock(local.minute);
  return { iso: ms % 60_000 === 0 ? localIso(date, time, local.offset) : rfc3339(ms, local.offset), date, time };
}

/** The API shape of a booking row. */
export function toBooking(r: BookingRow): Booking {
  const start = inVenue(r.start_at, r.timezone);
  const end = inVenue(r.end_at, r.timezone);
  return {
    id: r.id,
    organization_id: r.organization_id,
    booking_number: r.booking_number,
    customer_id: r.customer_id,
    game_id: r.game_id,
    venue_id: r.venue_id,
    timezone: r.timezone,
    start_at: start.iso,
    end_at: end.iso,
    booking_date: start.date,
    start_time: start.time,
    end_time: end.time,
    party_size: r.party_size,
    status: r.status,
    payment_status: r.payment_status,
    total_amount: r.total_amount,
    discount_amount: r.discount_amount,
    final_amount: r.final_amount,
    refund_amount: r.refund_amount,
    tax_amount: r.tax_amount,
    amount_paid: r.amount_paid,
    coupon_code: r.coupon_code,
    payment_due_by: r.status === 'pending' && r.expires_at ? r.expires_at.toISOString() : null,
    currency: r.currency.trim(),
    notes: r.notes,
    source: r.source,
    created_by: r.created_by,
    cancelled_at: r.cancelled_at?.toISOString() ?? null,
    checked_in_at: r.checked_in_at?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    customer: { id: r.customer_id, full_name: r.customer_name, email: r.customer_email, phone: r.customer_phone },
    contact: r.contact_name === null && r.contact_phone === null ? null : { full_name: r.contact_name, phone: r.contact_phone },
    game: { id: r.game_id, name: r.game_name, duration_minutes: r.duration_minutes },
    venue: { id: r.venue_id, name: r.venue_name },
  };
}

// What the booking write's answer needs of its customer (CUSTOMER_COLUMNS), from the CTE `customer`.
const CUSTOMER_FIELDS = 'c.organization_id, c.id, c.full_name, c.email, c.phone';

/**
 * A booking's whole write as one statement (one round trip), in this order, which data dependencies enforce:
 * - `claim`: the room's lock, then what already holds the slot (app_claim_slot, migration 0005: its count runs
 *   after the lock, so it sees the previous holder's booking);
 * - `ok`: a row only if the slot can take the party ($8 mode, $9 party size, $19 capacity), so that a request that
 *   lost the slot writes nothing and learns it from the answer (the constraints stay the wall);
 * - `customer` (parameters from $28), made from `ok` only: the customer row is locked after the room, as everywhere
 *   else (see LOCK_ROOM);
 * - the insert ($20, $21: the contact details an anonymous caller gave, else null; $22-$26 the quote's tax, coupon
 *   and terms, and when an unpaid booking stops holding its slot; $27 the clock for the claim's sweep), and the answer: whether `ok` had its row (`slot_free`) and the inserted row with the customer as the statement wrote it
 *   (null columns if the slot was taken or the booking number clashed). The venue's and game's part of the answer
 *   comes from the offer the booking was checked against, not from a join.
 */
const insertBooking = (customer: string) => `
  with claim as materialized (select private_bookings, seats, swept from app_claim_slot($3, $2, $4, $6, $27, null)),
  ok as (select from claim where case when $8 = 'private' then private_bookings = 0 else seats + $9 <= $19::int end),
  customer as (${customer}),
  inserted as (insert into bookings (organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
    booking_date, booking_mode, party_size, status, total_amount, discount_amount, final_amount, currency, notes,
    source, created_by, manage_token_hash, contact_name, contact_phone, tax_amount, tax_inclusive, coupon_code, quote, expires_at)
  select app_current_org(), $1, customer.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $20, $21,
         $22, $23, $24, $25, $26 from customer
  on conflict (booking_number) do nothing returning *)
  select exists (select from ok) as slot_free, claim.swept, answer.*
    from claim left join (select ${BOOKING_COLUMNS}, ${CUSTOMER_COLUMNS} from inserted b join customer c on c.id = b.customer_id) answer on true`;

/**
 * The booking write for a customer given by contact details: found or made by email ($28 name, $29 email, $30
 * phone) in the booking's own statement (the schema requires an email); repeating it on a number clash is harmless.
 * Staff's bookings fill an existing customer's missing phone; the widget's never touch an existing customer (the
 * details stay on the booking, $20/$21, until staff accept them).
 */
const customerByEmail = (fillPhone: boolean) => upsertCustomerByEmail(CUSTOMER_FIELDS, { name: '$28', email: '$29', phone: '$30' }, 'ok', { fillPhone });
export const INSERT_FOR_EMAIL = prepared('create_booking_for_email', insertBooking(customerByEmail(true)));
export const INSERT_FOR_EMAIL_UNTRUSTED = prepared('create_booking_for_email_untrusted', insertBooking(customerByEmail(false)));

/** The booking write for an existing customer ($28), who is only read. */
export const INSERT_FOR_CUSTOMER = prepared('create_booking_for_customer', insertBooking(`select ${CUSTOMER_FIELDS} from customers c, ok where c.id = $28`));

/**
 * Staff accept the contact details a widget booking ($1) gave into its customer: the name and phone the customer
 * lacks or, with $2, replacing theirs; the booking's copy is then cleared. Answers the customer's id, none for a
 * booking without contact details.
 */
export const ACCEPT_CONTACT = `
  with b as (select customer_id, contact_name, contact_phone from bookings
              where id = $1 and (contact_name is not null or contact_phone is not null) for update),
  c as (update customers c set
          full_name = case when $2 then coalesce(b.contact_name, c.full_name) else c.full_name end,
          phone = case when $2 then coalesce(b.contact_phone, c.phone) else coalesce(c.phone, b.contact_phone) end
        from b where c.id = b.customer_id and c.deleted_at is null returning c.id)
  update bookings set contact_name = null, contact_phone = null from c where bookings.id = $1 returning c.id as customer_id`;

/** A row the booking write answered: the booking as inserted with its customer, before the offer's venue and game are added. */
export type WrittenRow = Omit<BookingRow, 'timezone' | 'venue_name' | 'game_name' | 'duration_minutes'>;

/** The booking write's answer: whether the slot was free, and the row unless the slot was taken or the number clashed. */
export type WriteAnswer = { slot_free: boolean; swept: string[] } & (({ id: string } & WrittenRow) | { id: null });

/** One booking row by id ($1). */
export const LOAD_BOOKING = `${BOOKING_SELECT} where b.id = $1`;

/** One booking row by id ($1), locked for an update. */
export const LOAD_BOOKING_FOR_UPDATE = `${BOOKING_SELECT} where b.id = $1 for update of b`;

/**
 * The fields given change ($2-$12, $14 tax, $15 the stored quote; null leaves a column as it is); $13 is the clock,
 * the check-in time when the status becomes checked-in.
 */
export const UPDATE_BOOKING = `
  update bookings set
    start_at = coalesce($2, start_at), end_at = coalesce($3, end_at), blocked_until = coalesce($4, blocked_until),
    booking_date = coalesce($5, booking_date), party_size = coalesce($6, party_size),
    total_amount = coalesce($7, total_amount), discount_amount = coalesce($8, discount_amount),
    final_amount = coalesce($9, final_amount), notes = coalesce($10, notes), status = coalesce($11, status),
    customer_id = coalesce($12, customer_id), tax_amount = coalesce($14, tax_amount), quote = coalesce($15, quote),
    checked_in_at = case when $11 = 'checked-in' and status <> 'checked-in' then $13 else checked_in_at end
  where id = $1`;

/** Booking $1 moves to status $2; $3 is the clock, the check-in time when it becomes checked-in. */
export const SET_STATUS = `update bookings set status = $2, checked_in_at = case when $2 = 'checked-in' then $3 else checked_in_at end where id = $1`;

/** A savepoint around each item of a batch, so that one item's failure undoes only that item. */
export const BATCH_ITEM = { begin: 'savepoint batch_item', done: 'release savepoint batch_item', undo: 'rollback to savepoint batch_item' };

/** Booking $1 is cancelled at $2 (its refunds are payment rows, written by the payments module). */
export const CANCEL_BOOKING = `update bookings set status = 'cancelled', cancelled_at = $2, expires_at = null where id = $1`;

/**
 * The booking behind a manage link ($1 booking number, $2 the token's hash), compared in one definer function
 * (app_manage_booking, migration 0009) that also points the transaction at the booking's organization.
 */
/**
 * A booking of the current organization (RLS) by number ($1) and, for a scanned code, the hash of its manage
 * token ($2; null for a typed number). Holds are no bookings yet.
 */
export const BOOKING_BY_CODE = `select id from bookings where booking_number = $1 and status <> 'held'
  and ($2::text is null or manage_token_hash = $2)`;

export const MANAGE_BOOKING = 'select organization_id, booking_id from app_manage_booking($1, $2)';

const SORT: Record<BookingFilter['sort'], string> = {
  start_at: 'b.start_at asc, b.id',
  '-start_at': 'b.start_at desc, b.id',
  created_at: 'b.created_at asc, b.id',
  '-created_at': 'b.created_at desc, b.id',
};

// What a sort needs besides the id: an index that holds both (bookings_customer_start_idx holds start_at and id)
// can then answer a search's page without touching the table.
const SORT_COLUMN: Record<BookingFilter['sort'], string> = { start_at: 'b.start_at', '-start_at': 'b.start_at', created_at: 'b.created_at', '-created_at': 'b.created_at' };

const LIST_WHERE = `($1::text[] is null or b.status = any($1)) and ($2::uuid is null or b.venue_id = $2)
    and ($3::uuid is null or b.game_id = $3) and ($4::uuid is null or b.customer_id = $4)
    and ($5::date is null or b.booking_date >= $5) and ($6::date is null or b.booking_date <= $6)`;

/**
 * The parts of a booking list for fetchPage: filters $1-$6 (status, venue, game, customer, from, to), and with a
 * search $7 (the query) and $8 (its ILIKE pattern).
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
export function listStatement(sort: BookingFilter['sort'], search: boolean) {
  const columns = `b.id, ${SORT_COLUMN[sort]}`;
  const hits = search
    ? `select ${columns} from bookings b where ${LIST_WHERE} and b.customer_id = any((select ids from matched)::uuid[])
       union
       select ${columns} from bookings b where ${LIST_WHERE} and b.booking_number = upper($7)`
    : `select ${columns} from bookings b where ${LIST_WHERE}`;
  return {
    with: `${search ? `matched as materialized (select array(select id from customers where full_name ilike $8 or email::text ilike $8) as ids), ` : ''}
           hits as ${search ? 'materialized' : 'not materialized'} (${hits})`,
    page: (limit: string, offset: string) =>
      `${BOOKING_SELECT} where b.id = any(array(select b.id from hits b order by ${SORT[sort]} limit ${limit} offset ${offset}))
       order by ${SORT[sort]}`,
    count: 'hits where true',
  };
}

// Bulk loading (bulk.ts, for the demo seeder): multi-row statements over unnest(), one round trip per batch.

/**
 * Inserts rows given as parallel arrays $2.. (see bulkInsertBookings); booking_date is the start's date in the zone.
 * coupon_code ($25) and the stored quote ($26, JSON text) are null for bookings priced without a coupon.
 */
export const BULK_INSERT_BOOKINGS = `insert into bookings (id, organization_id, booking_number, customer_id, game_id, venue_id, start_at,
    end_at, blocked_until, booking_date, booking_mode, party_size, status, amount_paid, total_amount, discount_amount,
    final_amount, refund_amount, currency, notes, source, created_by, cancelled_at, checked_in_at, created_at, updated_at,
    coupon_code, quote)
  select t.id, app_current_org(), t.number, t.customer_id, t.game_id, t.venue_id, t.start_at, t.end_at, t.blocked_until,
    (t.start_at at time zone t.zone)::date, t.mode, t.party, t.status, t.payment, t.total, t.discount, t.final, t.refund,
    $1, t.notes, t.source, t.created_by, t.cancelled_at, t.checked_in_at, t.created_at, t.created_at, t.coupon_code, t.quote::jsonb
  from unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[],
              $9::timestamptz[], $10::text[], $11::text[], $12::int[], $13::text[], $14::int[], $15::int[], $16::int[],
              $17::int[], $18::int[], $19::text[], $20::text[], $21::uuid[], $22::timestamptz[], $23::timestamptz[],
              $24::timestamptz[], $25::text[], $26::text[])
    as t(id, number, customer_id, game_id, venue_id, start_at, end_at, blocked_until, zone, mode, party, status, payment,
         total, discount, final, refund, notes, source, created_by, cancelled_at, checked_in_at, created_at, coupon_code, quote)`;

/** Moves each booking $1[i] to status $2[i]: one step of the status machine, which the status trigger checks. */
export const BULK_SET_STATUS = `update bookings b set status = t.status
  from unnest($1::uuid[], $2::text[]) as t(id, status)
  where b.organization_id = app_current_org() and b.id = t.id`;

/**
 * A no-op update of each customer's first booking, so the statistics trigger (bookings_refresh_customer_stats)
 * recomputes every customer who booked once: its formula stays in one place.
 */
export const TOUCH_FIRST_BOOKING_PER_CUSTOMER = `update bookings b set customer_id = b.customer_id
  where b.organization_id = app_current_org() and b.id in (
    select distinct on (customer_id) id from bookings where organization_id = app_current_org() order by customer_id, start_at)`;

/** How many bookings the organization has in each status. */
export const COUNT_BY_STATUS = `select status, count(*)::int as n from bookings where organization_id = app_current_org()
  group by status order by status`;

/**
 * A checkout hold as one statement: the room's claim and sweep at clock $13 (as a booking's), then the held row if
 * the slot can take the party ($8 mode, $9 party, $10 capacity). $12 the token's hash, $18 when it expires.
 */
export const INSERT_HOLD = prepared('create_hold', `
  with claim as materialized (select private_bookings, seats, swept from app_claim_slot($3, $2, $4, $6, $13, null)),
  ok as (select from claim where case when $8 = 'private' then private_bookings = 0 else seats + $9 <= $10::int end),
  inserted as (insert into bookings (organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
      booking_date, booking_mode, party_size, status, total_amount, discount_amount, tax_amount, tax_inclusive, final_amount,
      currency, source, hold_token_hash, expires_at)
    select app_current_org(), $1, null, $2, $3, $4, $5, $6, $7, $8, $9, 'held', $11, 0, $14, $15, $16, $17, 'widget', $12, $18 from ok
    on conflict (booking_number) do nothing returning id)
  select exists (select from ok) as slot_free, (select id from inserted) as id from claim`);

/** The hold $1 with token hash $2, entering its organization (app_enter_hold, migration 0014). */
export const ENTER_HOLD = 'select organization_id, hold_id from app_enter_hold($1, $2)';

export const DELETE_HOLD = `delete from bookings where id = $1 and status = 'held'`;

/** Deletes the caller's hold ($1, token hash $2) and answers its slot, so the booking write can take its place. */
export const TAKE_HOLD = `delete from bookings where id = $1 and status = 'held' and hold_token_hash = $2 returning game_id, venue_id, start_at`;

/** Booking $1's online checkout must receive $2 before it is confirmed (payments_refresh_booking confirms it). */
export const REQUIRE_PAYMENT = 'update bookings set payment_required_cents = $2 where id = $1';

/** A pending booking whose checkout needs nothing more (a gift card covered it) is confirmed. */
export const CONFIRM_PAID = `update bookings set status = 'confirmed', expires_at = null, payment_required_cents = null where id = $1 and status = 'pending'`;

/** What booking $1 has received, net of refunds. */
export const AMOUNT_PAID = 'select amount_paid from bookings where id = $1';

/** This organization's holds and pending checkouts past their time ($1), at most $2, with their rooms. */
export const EXPIRED_CHECKOUTS = `select id, venue_id, game_id, start_at, blocked_until from bookings
  where status in ('held', 'pending') and expires_at <= $1 order by expires_at limit $2`;

/** The organizations with checkouts past their time ($1), at most $2 (app_orgs_with_expired_checkouts, migration 0014). */
export const ORGS_WITH_EXPIRED_CHECKOUTS = 'select organization_id from app_orgs_with_expired_checkouts($1, $2)';

/**
 * A venue's ($1) live bookings starting in [$2, $3), at most $4, for its calendar feed: only columns a feed may show
 * (no customer). The game list (`any(array(...))`, the organization's games under RLS) lets the room index
 * (organization, venue, game, start) serve a bounded range scan per game instead of every booking of the venue.
 */
export const CALENDAR_BOOKINGS = `select b.id, b.booking_number, b.start_at, b.end_at, b.party_size, b.status, g.name as game_name,
    b.created_at, b.updated_at
  from bookings b join games g on g.organization_id = b.organization_id and g.id = b.game_id
  where b.venue_id = $1 and b.game_id = any(array(select id from games)) and b.start_at >= $2 and b.start_at < $3
    and b.status not in ('cancelled', 'held')
  order by b.start_at, b.id limit $4`;
