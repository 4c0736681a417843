/**
 * The reports' SQL (the rules they apply are docs/reports.md). Parameters shared by all: $1 the venue (or null),
 * then the period, as local dates for booking figures (booking_date is venue-local) and as the instants of the
 * scope's local midnights for rows stamped with a timestamptz (payments, redemptions, the gift-card ledger).
 */
import { bucket } from './sql.js';

const VENUE = `($1::uuid is null or b.venue_id = $1::uuid)`;
const BOOKING_OF = (alias: string) => `join bookings b on b.organization_id = ${alias}.organization_id and b.id = ${alias}.booking_id`;

/**
 * Money by period and method from succeeded payment rows, each dated when it succeeded (updated_at: a row changes
 * only its status, and a succeeded row never again) in [$2, $3), local dates in zone $4, buckets $5 of weeks
 * starting on $6. A row's tax is its share of its booking's tax (amount × tax / total, rounded half up per row).
 * Read from revenue_entries (migration 0023): each succeeded row's contribution with its booking's venue and its
 * tax share, kept by triggers in the transaction of every change they depend on, so no booking is joined here.
 */
export const REVENUE = `select ${bucket('(e.at at time zone $4::text)::date', '$5', '$6')}::text as period, e.method,
    coalesce(sum(e.amount_cents) filter (where e.kind = 'payment'), 0)::bigint as gross_cents,
    coalesce(sum(e.amount_cents) filter (where e.kind = 'refund'), 0)::bigint as refund_cents,
    coalesce(sum(e.tax_cents), 0)::bigint as tax_cents
  from revenue_entries e
  where e.at >= $2 and e.at < $3 and ($1::uuid is null or e.venue_id = $1::uuid)
  group by 1, 2`;

/** Coupon discounts by period: a redemption on its date, given back (negative) on the date it was released. */
export const DISCOUNTS = `select period::text, sum(cents)::bigint as discount_cents from (
    select ${bucket('(r.created_at at time zone $4::text)::date', '$5', '$6')} as period, r.discount_cents as cents
      from coupon_redemptions r ${BOOKING_OF('r')} where r.created_at >= $2 and r.created_at < $3 and ${VENUE}
    union all
    select ${bucket('(r.released_at at time zone $4::text)::date', '$5', '$6')}, -r.discount_cents
      from coupon_redemptions r ${BOOKING_OF('r')} where r.released_at >= $2 and r.released_at < $3 and ${VENUE}
  ) x group by 1`;

export interface BookingGroupRow {
  status: string;
  game_id: string;
  game_name: string;
  venue_id: string;
  venue_name: string;
  source: string;
  bookings: number;
  players: number;
  revenue_cents: number;
}

/** Bookings of dates [$2, $3] grouped by every dimension the bookings report shows (a few hundred rows at most). */
export const BOOKING_GROUPS = `select b.status, b.game_id, g.name as game_name, b.venue_id, v.name as venue_name, b.source,
    count(*)::int as bookings, sum(b.party_size)::bigint as players, coalesce(sum(b.amount_paid), 0)::bigint as revenue_cents
  from bookings b
  join games g on g.organization_id = b.organization_id and g.id = b.game_id
  join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
  where b.booking_date between $2::date and $3::date and b.status <> 'held' and ${VENUE}
  group by 1, 2, 3, 4, 5, 6`;

/** The UTC date holding the inactivity cut-off of instant $1 (customer_segment's own arithmetic, in SQL). */
export const CUT_OFF_DAY = `select ((($1::timestamptz - interval '180 days') at time zone 'UTC')::date)::text as day`;

/**
 * Live customers by segment at instant $1 (customer_segment, migration 0002): from the rollup of migration 0023,
 * customers counted per time-free segment and UTC recency day. A day before $2, the UTC day of the inactivity
 * cut-off (CUT_OFF_DAY), is inactive whole, a day after it keeps its segment; only the customers of that one day
 * ([$3, $4) as instants) are classified one by one, found through the bookings that start that day and the
 * customers created that day.
 */
export const SEGMENTS = `with days as (
    select case when k.recency_day < $2::date then 'inactive' else k.segment end as segment, k.customers, k.lifetime_value_cents
    from (select s.segment, s.recency_day, s.customers, s.lifetime_value_cents from customer_segment_days s
          union all
          select s.segment, s.recency_day, s.customers, s.lifetime_value_cents from customer_segment_changes s) k
    where k.recency_day <> $2::date),
  cut_day as (
    select customer_segment(c.total_bookings, c.lifetime_value_cents, c.last_booking_at, c.created_at, $1::timestamptz) as segment,
      1::bigint as customers, c.lifetime_value_cents
    from customers c
    where c.deleted_at is null and customer_recency_day(c.last_booking_at, c.created_at) = $2::date
      and c.id in (select b.customer_id from bookings b where b.start_at >= $3::timestamptz and b.start_at < $4::timestamptz
                   union all
                   select n.id from customers n where n.created_at >= $3::timestamptz and n.created_at < $4::timestamptz))
  select segment, sum(customers)::int as customers, coalesce(sum(lifetime_value_cents), 0)::bigint as revenue_cents
  from (select * from days union all select * from cut_day) x group by 1`;

/** The same for the customers who booked at venue $1 (not in the rollup: one evaluation per customer of the organization). */
export const VENUE_SEGMENTS = `select customer_segment(c.total_bookings, c.lifetime_value_cents, c.last_booking_at, c.created_at, $2::timestamptz) as segment,
    count(*)::int as customers, coalesce(sum(c.lifetime_value_cents), 0)::bigint as revenue_cents
  from customers c where c.deleted_at is null
    and exists (select 1 from bookings b where b.customer_id = c.id and b.venue_id = $1::uuid and b.status <> 'held')
  group by 1`;

/**
 * Customers with a live booking in each period of dates [$2, $3]: new when their first booking ever (first_booking_at,
 * kept by the bookings trigger, as a local date in zone $4) falls in that period, else returning. Only customers
 * whose first booking is late enough to fall in the report's first period or after are looked up (by
 * customers_first_booking_idx, migration 0023); a customer not among them booked first before every period of the
 * report, so is returning in each. Two days before the first period's date bounds every zone's midnight.
 */
export const NEW_VS_RETURNING = `with x as (
    select distinct ${bucket('b.booking_date', '$5', '$6')} as period, b.customer_id
    from bookings b
    where b.booking_date between $2::date and $3::date and b.status not in ('held', 'cancelled') and ${VENUE}),
  f as (
    select c.id, ${bucket('(c.first_booking_at at time zone $4::text)::date', '$5', '$6')} as first_period
    from customers c where c.first_booking_at >= (${bucket('$2::date', '$5', '$6')} - 2)::timestamp at time zone 'UTC')
  select x.period::text, count(*) filter (where f.first_period >= x.period)::int as new_customers,
    count(*) filter (where f.first_period is null or f.first_period < x.period)::int as returning_customers
  from x left join f on f.id = x.customer_id
  group by 1`;

/** Redemptions per coupon made or released in [$2, $3), and the discount they leave (made minus released). */
export const COUPONS = `select c.id as coupon_id, c.code::text as code,
    count(*) filter (where r.created_at >= $2 and r.created_at < $3)::int as redemptions,
    count(*) filter (where r.released_at >= $2 and r.released_at < $3)::int as released,
    (coalesce(sum(r.discount_cents) filter (where r.created_at >= $2 and r.created_at < $3), 0)
     - coalesce(sum(r.discount_cents) filter (where r.released_at >= $2 and r.released_at < $3), 0))::bigint as discount_cents
  from coupon_redemptions r join coupons c on c.organization_id = r.organization_id and c.id = r.coupon_id ${BOOKING_OF('r')}
  where ((r.created_at >= $2 and r.created_at < $3) or (r.released_at >= $2 and r.released_at < $3)) and ${VENUE}
  group by 1, 2 order by 2`;

/** The gift-card ledger over [$1, $2): what was issued, redeemed, refunded back and adjusted; the balance at $2. */
export const GIFT_CARDS = `select count(*) filter (where t.kind = 'issue' and t.created_at >= $1)::int as issued,
    coalesce(sum(t.amount_cents) filter (where t.kind = 'issue' and t.created_at >= $1), 0)::bigint as issued_cents,
    coalesce(-sum(t.amount_cents) filter (where t.kind = 'redeem' and t.created_at >= $1), 0)::bigint as redeemed_cents,
    coalesce(sum(t.amount_cents) filter (where t.kind = 'refund' and t.created_at >= $1), 0)::bigint as refunded_cents,
    coalesce(sum(t.amount_cents) filter (where t.kind = 'adjust' and t.created_at >= $1), 0)::bigint as adjusted_cents,
    coalesce(sum(t.amount_cents), 0)::bigint as outstanding_cents
  from gift_card_transactions t where t.created_at < $2`;

/**
 * Per user of the organization over [$2, $3): bookings they created, check-ins they made (status moves to
 * checked-in in the audit log) and the money they took (their succeeded payment rows less their refunds, from
 * revenue_entries as the revenue report reads them).
 */
export const STAFF = `with made as (select b.created_by as uid, count(*)::int as n from bookings b
      where b.created_at >= $2 and b.created_at < $3 and b.status <> 'held' and b.created_by is not null and ${VENUE} group by 1),
    checks as (select a.user_id as uid, count(*)::int as n from audit_logs a
      where a.table_name = 'bookings' and a.action = 'update' and a.created_at >= $2 and a.created_at < $3
        and a.after ->> 'status' = 'checked-in' and a.before ->> 'status' <> 'checked-in'
        and ($1::uuid is null or a.after ->> 'venue_id' = $1::text) group by 1),
    taken as (select e.created_by as uid,
        sum(case when e.kind = 'payment' then e.amount_cents else -e.amount_cents end)::bigint as cents
      from revenue_entries e
      where e.at >= $2 and e.at < $3 and e.created_by is not null and ($1::uuid is null or e.venue_id = $1::uuid) group by 1)
  select u.id as user_id, u.full_name as name, u.role, coalesce(made.n, 0) as bookings_created,
    coalesce(checks.n, 0) as check_ins, coalesce(taken.cents, 0)::bigint as revenue_taken_cents
  from users u left join made on made.uid = u.id left join checks on checks.uid = u.id left join taken on taken.uid = u.id
  where u.role <> 'super_admin' and (u.active or made.n > 0 or checks.n > 0 or taken.cents <> 0)
  order by u.full_name, u.id`;
