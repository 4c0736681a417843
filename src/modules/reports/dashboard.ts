/**
 * The dashboard (API.md "Dashboard, reports, analytics"): figures of the last 30 days against the 30 before, the
 * 8-week trend, the hourly distribution, the desk's lists. Dates are the organization's, or the filtered venue's.
 */
import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { dayToIso, formatClock, localIso, zoneDays } from '../../time/local-time.js';
import { offeredSeconds, rate } from './occupancy.js';
import { addDays, changePercent, instantsOf, localDate, thirtyDays, weekOf, weekStartNumber } from './periods.js';
import type { DeskBooking } from './schemas.js';
import * as sql from './sql.js';

/** Where a request reads: its zone, the venue it is narrowed to (null: all), the organization's week start. */
export interface Scope {
  zone: string;
  venueId: string | null;
  weekStart: number;
}

/** The request's scope; 404 for a venue that is not the organization's. */
export async function scopeOf(tx: Queryable, venueId: string | undefined): Promise<Scope> {
  const { rows } = await tx.query<{ org_zone: string; week_start: string; venue_id: string | null; venue_zone: string | null }>(sql.SCOPE, [venueId ?? null]);
  const r = rows[0];
  if (!r) throw notFound('Organization');
  if (venueId && !r.venue_id) throw notFound('Venue');
  return { zone: r.venue_zone ?? r.org_zone, venueId: r.venue_id, weekStart: weekStartNumber(r.week_start) };
}

const metric = (value: number, previous: number) => ({ value, previous, change_percent: changePercent(value, previous) });
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
const rateMetric = (value: number | null, previous: number | null) => ({
  value,
  previous,
  change_percent: value === null || previous === null ? null : changePercent(value, previous),
});

/** Booked and offered seconds of the rooms in scope, for the current and the previous period. */
async function occupancy(tx: Queryable, scope: Scope, p: ReturnType<typeof thirtyDays>) {
  const rooms = await tx.query<sql.RoomRow>(sql.ROOMS, [scope.venueId]);
  const booked = await tx.query<{ venue_id: string; game_id: string; current: boolean; seconds: number }>(sql.BOOKED_TIME, [scope.venueId, p.prevFrom, p.to, p.from]);
  const key = (v: string, g: string) => `${v}/${g}`;
  const offeredRooms = new Set(rooms.rows.map((r) => key(r.venue_id, r.game_id)));
  const out = { current: { booked: 0, offered: 0 }, previous: { booked: 0, offered: 0 } };
  for (const b of booked.rows) if (offeredRooms.has(key(b.venue_id, b.game_id))) out[b.current ? 'current' : 'previous'].booked += b.seconds;
  for (const r of rooms.rows) {
    out.current.offered += offeredSeconds(r, p.from, p.to);
    out.previous.offered += offeredSeconds(r, p.prevFrom, p.prevTo);
  }
  return out;
}

/** GET /api/dashboard/stats */
export async function dashboardStats(tx: Queryable, venueId: string | undefined, now: Date) {
  const scope = await scopeOf(tx, venueId);
  const p = thirtyDays(localDate(now.getTime(), scope.zone));
  const cur = instantsOf(p.from, p.to, scope.zone);
  const prev = instantsOf(p.prevFrom, p.prevTo, scope.zone);
  const stats = await tx.query<sql.StatsRow>(sql.STATS, [scope.venueId, p.prevFrom, p.to, p.from]);
  const customers = await tx.query<{ current: number; previous: number }>(sql.NEW_CUSTOMERS, [scope.venueId, prev.start, cur.start, cur.end]);
  const occ = await occupancy(tx, scope, p);
  const zero: sql.StatsRow = { current: false, bookings: 0, all_bookings: 0, cancelled: 0, revenue_cents: 0, players: 0 };
  const c = stats.rows.find((r) => r.current) ?? zero;
  const q = stats.rows.find((r) => !r.current) ?? zero;
  const avg = (r: sql.StatsRow) => (r.bookings === 0 ? 0 : Math.round((r.players / r.bookings) * 100) / 100);
  return {
    timezone: scope.zone,
    period: { from: p.from, to: p.to },
    previous_period: { from: p.prevFrom, to: p.prevTo },
    bookings: metric(c.bookings, q.bookings),
    revenue_cents: metric(c.revenue_cents, q.revenue_cents),
    players: metric(c.players, q.players),
    average_party_size: metric(avg(c), avg(q)),
    cancellation_rate: rateMetric(ratio(c.cancelled, c.all_bookings), ratio(q.cancelled, q.all_bookings)),
    new_customers: metric(customers.rows[0]?.current ?? 0, customers.rows[0]?.previous ?? 0),
    occupancy_rate: rateMetric(rate(occ.current.booked, occ.current.offered), rate(occ.previous.booked, occ.previous.offered)),
  };
}

/** GET /api/dashboard/trend: the week holding today and the seven before it, whole weeks. */
export async function dashboardTrend(tx: Queryable, venueId: string | undefined, now: Date) {
  const scope = await scopeOf(tx, venueId);
  const thisWeek = weekOf(localDate(now.getTime(), scope.zone), scope.weekStart);
  const first = addDays(thisWeek, -49);
  const { rows } = await tx.query<{ week_start: string; bookings: number; revenue_cents: number }>(sql.TREND, [scope.venueId, first, addDays(thisWeek, 6), scope.weekStart]);
  const byWeek = new Map(rows.map((r) => [r.week_start, r]));
  return Array.from({ length: 8 }, (_, i) => {
    const week = addDays(first, 7 * i);
    const r = byWeek.get(week);
    return { week_start: week, bookings: r?.bookings ?? 0, revenue_cents: r?.revenue_cents ?? 0 };
  });
}

/** GET /api/dashboard/hourly: the last 30 days' live bookings by venue-local start hour, all 24 hours. */
export async function dashboardHourly(tx: Queryable, venueId: string | undefined, now: Date) {
  const scope = await scopeOf(tx, venueId);
  const p = thirtyDays(localDate(now.getTime(), scope.zone));
  const { rows } = await tx.query<{ hour: number; bookings: number }>(sql.HOURLY, [scope.venueId, p.from, p.to]);
  const byHour = new Map(rows.map((r) => [r.hour, r.bookings]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, bookings: byHour.get(hour) ?? 0 }));
}

/** An instant in a venue's zone, as every booking answer shows it. */
function local(d: Date, zone: string) {
  const l = zoneDays(zone).instant(d.getTime());
  const date = dayToIso(l.day);
  const time = formatClock(l.minute);
  return { iso: localIso(date, time, l.offset), date, time };
}

function toDesk(r: sql.DeskRow): DeskBooking {
  const start = local(r.start_at, r.timezone);
  const end = local(r.end_at, r.timezone);
  return {
    id: r.id,
    booking_number: r.booking_number,
    start_at: start.iso,
    end_at: end.iso,
    booking_date: start.date,
    start_time: start.time,
    end_time: end.time,
    status: r.status,
    party_size: r.party_size,
    customer_name: r.customer_name,
    game_name: r.game_name,
    venue_name: r.venue_name,
    checked_in: r.status === 'checked-in' || r.status === 'completed',
    checked_in_at: r.checked_in_at ? r.checked_in_at.toISOString() : null,
    payment_status: r.payment_status,
    final_amount: r.final_amount,
    amount_paid: r.amount_paid,
    amount_due: Math.max(0, r.final_amount - r.amount_paid),
  };
}

/** GET /api/dashboard/upcoming */
export async function dashboardUpcoming(tx: Queryable, venueId: string | undefined, limit: number, now: Date) {
  const scope = await scopeOf(tx, venueId);
  const { rows } = await tx.query<sql.DeskRow>(sql.UPCOMING, [scope.venueId, now, limit]);
  return rows.map(toDesk);
}

/** GET /api/dashboard/today: the bookings of today's date (in the scope's zone) that are not cancelled. */
export async function dashboardToday(tx: Queryable, venueId: string | undefined, now: Date) {
  const scope = await scopeOf(tx, venueId);
  const { rows } = await tx.query<sql.DeskRow>(sql.TODAY, [scope.venueId, localDate(now.getTime(), scope.zone)]);
  return rows.map(toDesk);
}
