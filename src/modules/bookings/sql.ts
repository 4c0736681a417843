import type { Queryable } from '../../db/client.js';
import { dayToIso, formatClock, localIso, rfc3339, zoneDays } from '../../time/local-time.js';
import type { Booking, BookingStatus } from './schemas.js';

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
}

// The bookings table's columns of a BookingRow, named rather than b.*: what a statement returns must not change
// when a migration adds a column (prepared statements would fail, see Prepared in src/db/client.ts).
export const BOOKING_COLUMNS = [
  'id', 'organization_id', 'booking_number', 'customer_id', 'game_id', 'venue_id', 'start_at', 'end_at', 'blocked_until',
  'booking_date', 'booking_mode', 'party_size', 'status', 'payment_status', 'total_amount', 'discount_amount',
  'final_amount', 'refund_amount', 'currency', 'notes', 'source', 'created_by', 'manage_token_hash', 'cancelled_at',
  'checked_in_at', 'created_at', 'updated_at',
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
 * Serialises the writers of one game at one venue until the transaction ends, with the very advisory lock the
 * capacity trigger of shared games takes (same key, so taking it again there is free). Taken before the
 * customer row is touched: otherwise a booking that locks its customer first (reusing a customer by email) and a
 * reschedule that updates the same customer's statistics after placing its row wait on each other and deadlock.
 */
export async function lockRoom(tx: Queryable, venueId: string, gameId: string): Promise<void> {
  await tx.query(
    `select pg_advisory_xact_lock(hashtextextended(app_current_org()::text || '/' || $1::uuid::text || '/' || $2::uuid::text, 0))`,
    [venueId, gameId],
  );
}

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
    currency: r.currency.trim(),
    notes: r.notes,
    source: r.source,
    created_by: r.created_by,
    cancelled_at: r.cancelled_at?.toISOString() ?? null,
    checked_in_at: r.checked_in_at?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    customer: { id: r.customer_id, full_name: r.customer_name, email: r.customer_email, phone: r.customer_phone },
    game: { id: r.game_id, name: r.game_name, duration_minutes: r.duration_minutes },
    venue: { id: r.venue_id, name: r.venue_name },
  };
}

// Bulk loading (bulk.ts, for the demo seeder): multi-row statements over unnest(), one round trip per batch.

/** Inserts rows given as parallel arrays $2.. (see bulkInsertBookings); booking_date is the start's date in the zone. */
export const BULK_INSERT_BOOKINGS = `insert into bookings (id, organization_id, booking_number, customer_id, game_id, venue_id, start_at,
    end_at, blocked_until, booking_date, booking_mode, party_size, status, payment_status, total_amount, discount_amount,
    final_amount, refund_amount, currency, notes, source, created_by, cancelled_at, checked_in_at, created_at, updated_at)
  select t.id, app_current_org(), t.number, t.customer_id, t.game_id, t.venue_id, t.start_at, t.end_at, t.blocked_until,
    (t.start_at at time zone t.zone)::date, t.mode, t.party, t.status, t.payment, t.total, t.discount, t.final, t.refund,
    $1, t.notes, t.source, t.created_by, t.cancelled_at, t.checked_in_at, t.created_at, t.created_at
  from unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[],
              $9::timestamptz[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::int[], $16::int[],
              $17::int[], $18::int[], $19::text[], $20::text[], $21::uuid[], $22::timestamptz[], $23::timestamptz[],
              $24::timestamptz[])
    as t(id, number, customer_id, game_id, venue_id, start_at, end_at, blocked_until, zone, mode, party, status, payment,
         total, discount, final, refund, notes, source, created_by, cancelled_at, checked_in_at, created_at)`;

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
