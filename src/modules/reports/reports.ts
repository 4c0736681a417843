/**
 * The reports of API.md (revenue, bookings, customers, promotions, staff) over a period of local dates. The
 * accounting rules (which date a figure belongs to, where cancellations, no-shows, refunds and discounts land) are
 * docs/reports.md; the statements are report-sql.ts.
 */
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { scopeOf, type Scope } from './dashboard.js';
import { offeredSeconds, rate } from './occupancy.js';
import { addDays, bucketsBetween, daysIn, instantsOf, localDate, type GroupBy } from './periods.js';
import * as q from './report-sql.js';
import { MAX_REPORT_DAYS, PAYMENT_METHODS, type ReportQuery, type RevenueRow } from './schemas.js';
import * as sql from './sql.js';

/** A report's scope and period: `to` defaults to today in the scope's zone, `from` to 29 days before `to`. */
export interface Period extends Scope {
  from: string;
  to: string;
  start: Date;
  end: Date;
  groupBy: GroupBy;
}

export async function periodOf(tx: Queryable, query: ReportQuery, now: Date): Promise<Period> {
  const scope = await scopeOf(tx, query.venue_id);
  const today = localDate(now.getTime(), scope.zone);
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? addDays(to, -29);
  // The schema checks a period given whole; one end given alone meets its default here.
  if (daysIn(from, to) > MAX_REPORT_DAYS) throw new AppError('validation_failed', `A report covers at most ${MAX_REPORT_DAYS} days`, { 'querystring.from': `at most ${MAX_REPORT_DAYS} days before to` });
  return { ...scope, from, to, ...instantsOf(from, to, scope.zone), groupBy: query.group_by };
}

const bucketParams = (p: Period) => [p.venueId, p.start, p.end, p.zone, p.groupBy, p.weekStart];

/** GET /api/reports/revenue: one row per period (empty ones too), from payment rows. */
export async function revenueReport(tx: Queryable, p: Period): Promise<RevenueRow[]> {
  const money = await tx.query<{ period: string; method: string; gross_cents: number; refund_cents: number; tax_cents: number }>(q.REVENUE, bucketParams(p));
  const discounts = await tx.query<{ period: string; discount_cents: number }>(q.DISCOUNTS, bucketParams(p));
  const rows = new Map<string, RevenueRow>();
  for (const period of bucketsBetween(p.from, p.to, p.groupBy, p.weekStart)) {
    const byMethod = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, { gross_cents: 0, refund_cents: 0, net_cents: 0 }])) as RevenueRow['by_method'];
    rows.set(period, { period, gross_cents: 0, discount_cents: 0, refund_cents: 0, net_cents: 0, tax_cents: 0, by_method: byMethod });
  }
  for (const m of money.rows) {
    const row = rows.get(m.period);
    if (!row) continue;
    row.gross_cents += m.gross_cents;
    row.refund_cents += m.refund_cents;
    row.net_cents += m.gross_cents - m.refund_cents;
    row.tax_cents += m.tax_cents;
    const method = row.by_method[m.method as (typeof PAYMENT_METHODS)[number]];
    method.gross_cents += m.gross_cents;
    method.refund_cents += m.refund_cents;
    method.net_cents += m.gross_cents - m.refund_cents;
  }
  for (const d of discounts.rows) {
    const row = rows.get(d.period);
    if (row) row.discount_cents += d.discount_cents;
  }
  return [...rows.values()];
}

interface Counted {
  bookings: number;
  players: number;
  revenue_cents: number;
}
const add = (into: Counted, r: q.BookingGroupRow) => {
  // Cancelled bookings are no bookings and bring no players, but money they kept (a fee) is still revenue.
  if (r.status !== 'cancelled') {
    into.bookings += r.bookings;
    into.players += r.players;
  }
  into.revenue_cents += r.revenue_cents;
};

/** GET /api/reports/bookings */
export async function bookingsReport(tx: Queryable, p: Period) {
  const groups = await tx.query<q.BookingGroupRow>(q.BOOKING_GROUPS, [p.venueId, p.from, p.to]);
  const rooms = await tx.query<sql.RoomRow>(sql.ROOMS, [p.venueId]);
  const booked = await tx.query<{ venue_id: string; game_id: string; seconds: number }>(sql.BOOKED_TIME, [p.venueId, p.from, p.to, p.from]);
  const totals = { bookings: 0, players: 0, revenue_cents: 0, cancelled: 0, no_shows: 0 };
  const status = new Map<string, { status: string; bookings: number; players: number }>();
  const games = new Map<string, Counted & { game_id: string; name: string; occupancy_rate: number | null }>();
  const venues = new Map<string, Counted & { venue_id: string; name: string }>();
  const sources = new Map<string, { source: string; bookings: number }>();
  for (const r of groups.rows) {
    add(totals, r);
    if (r.status === 'cancelled') totals.cancelled += r.bookings;
    if (r.status === 'no-show') totals.no_shows += r.bookings;
    const s = status.get(r.status) ?? status.set(r.status, { status: r.status, bookings: 0, players: 0 }).get(r.status)!;
    s.bookings += r.bookings;
    s.players += r.players;
    add(games.get(r.game_id) ?? games.set(r.game_id, { game_id: r.game_id, name: r.game_name, bookings: 0, players: 0, revenue_cents: 0, occupancy_rate: null }).get(r.game_id)!, r);
    add(venues.get(r.venue_id) ?? venues.set(r.venue_id, { venue_id: r.venue_id, name: r.venue_name, bookings: 0, players: 0, revenue_cents: 0 }).get(r.venue_id)!, r);
    const src = sources.get(r.source) ?? sources.set(r.source, { source: r.source, bookings: 0 }).get(r.source)!;
    if (r.status !== 'cancelled') src.bookings += r.bookings;
  }
  // Occupancy per game over the rooms offering it (the game at each of its venues in scope).
  const occ = new Map<string, { booked: number; offered: number }>();
  const bookedByRoom = new Map(booked.rows.map((b) => [`${b.venue_id}/${b.game_id}`, b.seconds]));
  for (const room of rooms.rows) {
    const o = occ.get(room.game_id) ?? occ.set(room.game_id, { booked: 0, offered: 0 }).get(room.game_id)!;
    o.offered += offeredSeconds(room, p.from, p.to);
    o.booked += bookedByRoom.get(`${room.venue_id}/${room.game_id}`) ?? 0;
    if (!games.has(room.game_id)) games.set(room.game_id, { game_id: room.game_id, name: room.game_name, bookings: 0, players: 0, revenue_cents: 0, occupancy_rate: null });
  }
  for (const [id, o] of occ) games.get(id)!.occupancy_rate = rate(o.booked, o.offered);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    from: p.from,
    to: p.to,
    totals,
    by_status: [...status.values()].sort((a, b) => a.status.localeCompare(b.status)),
    by_game: [...games.values()].sort(byName),
    by_venue: [...venues.values()].sort(byName),
    by_source: [...sources.values()].sort((a, b) => a.source.localeCompare(b.source)),
  };
}

const SEGMENT_ORDER = ['vip', 'regular', 'new', 'inactive'];

/** Segment counts of every live customer at `at`, from the rollup (report-sql.ts SEGMENTS). */
async function segmentsAt(tx: Queryable, at: Date) {
  // The cut-off's day comes from the database's own interval arithmetic; its bounds go in as values, so the
  // planner sizes the look-up of that day's customers from real figures.
  const day = (await tx.query<{ day: string }>(q.CUT_OFF_DAY, [at])).rows[0]!.day;
  const start = new Date(`${day}T00:00:00Z`);
  const end = new Date(start.getTime() + 86_400_000);
  return tx.query<{ segment: string; customers: number; revenue_cents: number }>(q.SEGMENTS, [at, day, start, end]);
}

/** GET /api/reports/customers: segments now (at the end of the period, or now if sooner), new vs returning per period. */
export async function customersReport(tx: Queryable, p: Period, now: Date) {
  const at = p.end < now ? p.end : now;
  const seg = p.venueId
    ? await tx.query<{ segment: string; customers: number; revenue_cents: number }>(q.VENUE_SEGMENTS, [p.venueId, at])
    : await segmentsAt(tx, at);
  const per = await tx.query<{ period: string; new_customers: number; returning_customers: number }>(q.NEW_VS_RETURNING, [p.venueId, p.from, p.to, p.zone, p.groupBy, p.weekStart]);
  const found = new Map(seg.rows.map((r) => [r.segment, r]));
  const periods = new Map(per.rows.map((r) => [r.period, r]));
  return {
    segments: SEGMENT_ORDER.map((segment) => ({ segment, customers: found.get(segment)?.customers ?? 0, revenue_cents: found.get(segment)?.revenue_cents ?? 0 })),
    periods: bucketsBetween(p.from, p.to, p.groupBy, p.weekStart).map((period) => ({
      period,
      new_customers: periods.get(period)?.new_customers ?? 0,
      returning_customers: periods.get(period)?.returning_customers ?? 0,
    })),
  };
}

/** GET /api/reports/promotions */
export async function promotionsReport(tx: Queryable, p: Period) {
  const coupons = await tx.query<{ coupon_id: string; code: string; redemptions: number; released: number; discount_cents: number }>(q.COUPONS, [p.venueId, p.start, p.end]);
  const cards = await tx.query<{ issued: number; issued_cents: number; redeemed_cents: number; refunded_cents: number; adjusted_cents: number; outstanding_cents: number }>(q.GIFT_CARDS, [p.start, p.end]);
  return { coupons: coupons.rows, gift_cards: cards.rows[0]! };
}

/** GET /api/reports/staff */
export async function staffReport(tx: Queryable, p: Period) {
  const { rows } = await tx.query<{ user_id: string; name: string; role: string; bookings_created: number; check_ins: number; revenue_taken_cents: number }>(q.STAFF, [p.venueId, p.start, p.end]);
  return rows;
}
