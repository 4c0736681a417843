import type { BookingStatus, PaymentStatus } from '../bookings/schemas.js';

/**
 * The dashboard's SQL. The reports module is the one reader of other modules' tables besides availability
 * (docs/architecture.md): a figure over a million bookings is one aggregate statement, and going through each
 * module's service row by row would cost the database its indexes. It writes nothing.
 *
 * Every statement runs under row-level security (the tenant transaction), so it sees one organization. Held rows
 * (a checkout's hold, status 'held') are never bookings here. Bounds on instants are parameters computed in the
 * app, never zone expressions, so they stay index conditions under RLS (docs/performance.md, round 3).
 */

/** A date expression's bucket: $g 'day' | 'week' | 'month', weeks starting on weekday $ws (0 = Sunday). */
export function bucket(d: string, g: string, ws: string): string {
  return `(case ${g}::text when 'day' then ${d}
            when 'week' then ${d} - ((extract(dow from ${d})::int - ${ws}::int + 7) % 7)
            else ${d} - (extract(day from ${d})::int - 1) end)`;
}

/** The zones a request reads in: the organization's, and the venue's when $1 names one (null: none, or not found). */
export const SCOPE = `select o.timezone as org_zone, coalesce(o.policies ->> 'week_start', 'monday') as week_start,
    v.id as venue_id, v.timezone as venue_zone
  from organizations o left join venues v on v.organization_id = o.id and v.id = $1::uuid
  where o.id = app_current_org()`;

/** Bookings of venue $1 (or all) whose booking_date lies in [$2, $3]: the filter every booking figure shares. */
const BOOKINGS_IN = `bookings b where b.booking_date between $2::date and $3::date and b.status <> 'held'
  and ($1::uuid is null or b.venue_id = $1::uuid)`;

export interface StatsRow {
  current: boolean;
  bookings: number;
  all_bookings: number;
  cancelled: number;
  revenue_cents: number;
  players: number;
}

/** The 30-day figures of [$2, $3] split at $4 (the current period's first date): two rows, current and previous. */
export const STATS = `select b.booking_date >= $4::date as current,
    count(*) filter (where b.status <> 'cancelled')::int as bookings, count(*)::int as all_bookings,
    count(*) filter (where b.status = 'cancelled')::int as cancelled,
    coalesce(sum(b.amount_paid), 0)::bigint as revenue_cents,
    coalesce(sum(b.party_size) filter (where b.status <> 'cancelled'), 0)::bigint as players
  from ${BOOKINGS_IN} group by 1`;

/** Customers created in [$2, $3) and in [$3, $4) (instants); with venue $1, only those who booked there. */
export const NEW_CUSTOMERS = `select count(*) filter (where c.created_at >= $3)::int as current,
    count(*) filter (where c.created_at < $3)::int as previous
  from customers c where c.created_at >= $2 and c.created_at < $4 and c.deleted_at is null
    and ($1::uuid is null or exists (select 1 from bookings b where b.customer_id = c.id and b.venue_id = $1::uuid and b.status <> 'held'))`;

export interface RoomRow {
  venue_id: string;
  game_id: string;
  game_name: string;
  timezone: string;
  operating_hours: never[];
  closures: never[];
  duration_minutes: number;
  buffer_minutes: number;
  slot_interval_minutes: number;
  booking_mode: 'private' | 'shared';
  max_players: number;
}

/** The rooms on offer (an active game at a live venue), of venue $1 or all: what occupancy is measured against. */
export const ROOMS = `select gv.venue_id, gv.game_id, g.name as game_name, v.timezone, v.operating_hours, v.closures,
    g.duration_minutes, g.buffer_minutes, coalesce(g.slot_interval_minutes, g.duration_minutes + g.buffer_minutes) as slot_interval_minutes,
    g.booking_mode, g.max_players
  from game_venues gv
  join venues v on v.organization_id = gv.organization_id and v.id = gv.venue_id
  join games g on g.organization_id = gv.organization_id and g.id = gv.game_id
  where v.archived_at is null and g.archived_at is null and g.active and ($1::uuid is null or gv.venue_id = $1::uuid)
  order by g.name, gv.venue_id`;

/** Booked seconds (seat-seconds for shared games) per room of live bookings in [$2, $3], split at $4 like STATS. */
export const BOOKED_TIME = `select b.venue_id, b.game_id, b.booking_date >= $4::date as current,
    sum(date_part('epoch', b.end_at - b.start_at) * case when b.booking_mode = 'shared' then b.party_size else 1 end)::float8 as seconds
  from ${BOOKINGS_IN} and b.status <> 'cancelled' group by 1, 2, 3`;

/** Weekly bookings and money of [$2, $3], weeks starting on weekday $4. */
export const TREND = `select ${bucket('b.booking_date', "'week'", '$4')}::text as week_start,
    count(*) filter (where b.status <> 'cancelled')::int as bookings, coalesce(sum(b.amount_paid), 0)::bigint as revenue_cents
  from ${BOOKINGS_IN} group by 1`;

/** Live bookings of [$2, $3] by the hour of their venue-local start. */
export const HOURLY = `select extract(hour from b.start_at at time zone v.timezone)::int as hour, count(*)::int as bookings
  from bookings b join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
  where b.booking_date between $2::date and $3::date and b.status not in ('held', 'cancelled')
    and ($1::uuid is null or b.venue_id = $1::uuid)
  group by 1`;

export interface DeskRow {
  id: string;
  booking_number: string;
  start_at: Date;
  end_at: Date;
  timezone: string;
  status: BookingStatus;
  payment_status: PaymentStatus;
  party_size: number;
  final_amount: number;
  amount_paid: number;
  checked_in_at: Date | null;
  customer_name: string;
  game_name: string;
  venue_name: string;
}

const DESK_SELECT = `select b.id, b.booking_number, b.start_at, b.end_at, v.timezone, b.status, b.payment_status, b.party_size,
    b.final_amount, b.amount_paid, b.checked_in_at, c.full_name as customer_name, g.name as game_name, v.name as venue_name
  from bookings b
  join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
  join games g on g.organization_id = b.organization_id and g.id = b.game_id
  join customers c on c.organization_id = b.organization_id and c.id = b.customer_id`;

/** The next $3 live bookings of venue $1 (or all) starting at or after $2, soonest first. */
export const UPCOMING = `${DESK_SELECT}
  where b.start_at >= $2 and b.status in ('pending', 'confirmed') and ($1::uuid is null or b.venue_id = $1::uuid)
  order by b.start_at, b.id limit $3`;

/** Bookings of date $2 (venue-local) of venue $1 (or all) that are not cancelled, in start order. */
export const TODAY = `${DESK_SELECT}
  where b.booking_date = $2::date and b.status not in ('held', 'cancelled') and ($1::uuid is null or b.venue_id = $1::uuid)
  order by b.start_at, b.id limit 1000`;

/**
 * The newest $3 entries of those tables ($2), with the acting user's name and, for a payment, its booking's number.
 * Holds (booking rows in status 'held', deleted when they end) are a checkout's bookkeeping, not bookings. With
 * venue $1, only bookings of that venue and payments on them.
 */
export const ACTIVITY = `select a.created_at, a.action, a.table_name, a.row_id, a.actor_role, u.full_name as actor_name,
    a.before, a.after, bk.booking_number as payment_booking
  -- The payment's booking id is taken out of the row's JSON in a subquery kept apart (offset 0; newest first, so
  -- the limit still stops the walk of audit_logs_org_created_idx after the few rows it needs), so the look-up
  -- below compares bookings.id with a plain column: under row-level security only a leakproof condition may
  -- drive an index scan, and ->> and the uuid cast are not, so the planner priced a scan of every booking per
  -- audit row (never run, but its estimate set off JIT compilation: 380 ms at 1,000,000 bookings, performance.md).
  from (select a.*, case when a.table_name = 'payments' then (coalesce(a.after, a.before) ->> 'booking_id')::uuid end as booking_ref
        from audit_logs a order by a.created_at desc, a.id desc offset 0) a
  left join users u on u.organization_id = a.organization_id and u.id = a.user_id
  -- A lateral look-up (kept apart by its limit) probes the booking of each of the few newest rows by its key; a
  -- plain join let the planner hash every booking of the organization first (117 ms at 100,000: performance.md).
  left join lateral (select bk.booking_number, bk.venue_id from bookings bk
    where bk.organization_id = a.organization_id and bk.id = a.booking_ref limit 1) bk on true
  where a.table_name = any($2::text[])
    and not (a.table_name = 'bookings' and (a.action = 'delete' or a.after ->> 'status' = 'held'
             or (a.action = 'update' and (a.before - $4::text[]) = (a.after - $4::text[]))))
    and ($1::uuid is null or (a.table_name = 'bookings' and coalesce(a.after, a.before) ->> 'venue_id' = $1::text)
         or (a.table_name = 'payments' and bk.venue_id = $1::uuid))
  order by a.created_at desc, a.id desc limit $3`;
