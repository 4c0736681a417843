import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { createVenue } from '../../support/catalog.js';
import { moneyWorld, pay, staffBooking, type MoneyWorld } from '../../support/money.js';

// A small business whose figures are computed by hand below. The app's clock starts at the real now (customers are
// stamped by the database's clock) and is moved 20 days on once the bookings are made.
const ZONE = 'America/New_York';
const T0 = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
// Sessions are judged by the app's clock, which moves 20 days on: they must outlive that.
const get = useTestApp({ now: T0, env: { SESSION_TTL_HOURS: String(24 * 60) } });
const day = (n: number) => DateTime.fromJSDate(T0, { zone: ZONE }).plus({ days: n }).toISODate()!;
const at = (n: number, hour: number) => DateTime.fromISO(`${day(n)}T${String(hour).padStart(2, '0')}:00`, { zone: ZONE }).toISO()!;

describe('dashboard', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const ids: Record<string, { id: string; booking_number: string }> = {};

  beforeAll(async () => {
    w = await moneyWorld(app());
    // b1 120.00 paid in cash; b2 60.00 of which 30.00 paid; b3 90.00 paid then cancelled (refunded in full by the
    // default policy); b4 150.00 unpaid; b5 (day 20, "today" later) 60.00 paid by card.
    const plan: [string, number, number, number][] = [['b1', 2, 10, 4], ['b2', 3, 14, 2], ['b3', 4, 18, 3], ['b4', 5, 11, 5], ['b5', 20, 15, 2]];
    for (const [name, n, hour, party] of plan) ids[name] = (await staffBooking(app(), w, at(n, hour), { party_size: party })) as never;
    await pay(app(), w, ids.b1!.id, 12_000, 'cash');
    await pay(app(), w, ids.b2!.id, 3000);
    await pay(app(), w, ids.b3!.id, 9000);
    await pay(app(), w, ids.b5!.id, 6000);
    expect((await call(app(), 'DELETE', `/api/bookings/${ids.b3!.id}`, { token: w.staff })).status).toBe(200);
    get().clock.now = new Date(at(20, 12));
  });

  it('stats: the last 30 days against the 30 before, by hand', async () => {
    const res = await call(app(), 'GET', '/api/dashboard/stats', { token: w.manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      timezone: ZONE,
      period: { from: day(-9), to: day(20) },
      previous_period: { from: day(-39), to: day(-10) },
      bookings: { value: 4, previous: 0, change_percent: null },
      // amount_paid of every booking of the period, the cancelled one's included (it is 0 after its refund).
      revenue_cents: { value: 21_000, previous: 0 },
      players: { value: 13, previous: 0 },
      average_party_size: { value: 3.25, previous: 0 },
      cancellation_rate: { value: 0.2, previous: null },
      new_customers: { value: 5, previous: 0 },
      // 4 booked hours of 30 days × 12 offered hours (10:00-22:00, hourly slots of a 60-minute game).
      occupancy_rate: { value: Math.round((4 / 360) * 10_000) / 10_000, previous: 0 },
    });
  });

  it('trend: 8 weeks starting on Mondays, and on the organization’s week_start once set', async () => {
    const res = await call(app(), 'GET', '/api/dashboard/trend', { token: w.manager });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(8);
    for (const r of res.body) expect(DateTime.fromISO(r.week_start).weekday).toBe(1);
    expect(res.body.reduce((s: number, r: { bookings: number }) => s + r.bookings, 0)).toBe(4);
    expect(res.body.reduce((s: number, r: { revenue_cents: number }) => s + r.revenue_cents, 0)).toBe(21_000);
    const weekOf = (iso: string) => DateTime.fromISO(iso).startOf('week').toISODate();
    expect(res.body.at(-1)).toMatchObject({ week_start: weekOf(day(20)), bookings: 1, revenue_cents: 6000 });

    expect((await call(app(), 'PUT', '/api/organization', { token: w.admin, body: { policies: { week_start: 'sunday' } } })).status).toBe(200);
    const sunday = await call(app(), 'GET', '/api/dashboard/trend', { token: w.manager });
    for (const r of sunday.body) expect(DateTime.fromISO(r.week_start).weekday).toBe(7);
    expect(sunday.body.reduce((s: number, r: { bookings: number }) => s + r.bookings, 0)).toBe(4);
    await call(app(), 'PUT', '/api/organization', { token: w.admin, body: { policies: { week_start: 'monday' } } });
  });

  it('hourly: live bookings by venue-local start hour', async () => {
    const res = await call(app(), 'GET', '/api/dashboard/hourly', { token: w.manager });
    expect(res.body).toHaveLength(24);
    const busy = Object.fromEntries(res.body.filter((h: { bookings: number }) => h.bookings > 0).map((h: { hour: number; bookings: number }) => [h.hour, h.bookings]));
    expect(busy).toEqual({ 10: 1, 11: 1, 14: 1, 15: 1 });
  });

  it('today and upcoming show the desk’s bookings with check-in and payment state', async () => {
    let today = await call(app(), 'GET', '/api/dashboard/today', { token: w.staff });
    expect(today.status).toBe(200);
    expect(today.body).toHaveLength(1);
    expect(today.body[0]).toMatchObject({ booking_number: ids.b5!.booking_number, start_time: '15:00', checked_in: false, payment_status: 'paid', amount_due: 0, game_name: 'The Vault' });
    const upcoming = await call(app(), 'GET', '/api/dashboard/upcoming?limit=5', { token: w.staff });
    expect(upcoming.body.map((b: { booking_number: string }) => b.booking_number)).toEqual([ids.b5!.booking_number]);
    expect((await call(app(), 'POST', `/api/bookings/${ids.b5!.id}/checkin`, { token: w.staff })).status).toBe(200);
    today = await call(app(), 'GET', '/api/dashboard/today', { token: w.staff });
    expect(today.body[0]).toMatchObject({ status: 'checked-in', checked_in: true });
    expect((await call(app(), 'GET', '/api/dashboard/upcoming', { token: w.staff })).body).toEqual([]);
  });

  it('activity tells who did what, in words', async () => {
    const res = await call(app(), 'GET', '/api/dashboard/activity?limit=50', { token: w.manager });
    expect(res.status).toBe(200);
    const said = res.body.map((a: { summary: string }) => a.summary) as string[];
    expect(said).toContain(`Some staff checked in ${ids.b5!.booking_number}`);
    expect(said).toContain(`Some staff cancelled ${ids.b3!.booking_number}`);
    expect(said).toContain(`Some staff refunded 90.00 USD on ${ids.b3!.booking_number}`);
    expect(said).toContain(`Some staff took a cash payment of 120.00 USD on ${ids.b1!.booking_number}`);
    expect(said).toContain(`Some staff created ${ids.b1!.booking_number}`);
    expect(res.body[0]).toMatchObject({ actor: 'Some staff', record: { type: 'booking', id: ids.b5!.id, label: ids.b5!.booking_number } });
    // The trigger's update of amount_paid is the payment's bookkeeping, told once as the payment.
    expect(said.filter((s) => s.includes(`changed ${ids.b1!.booking_number}`))).toEqual([]);
  });

  it('?venue_id= narrows every figure to that venue, in its zone; another tenant’s or unknown venue is 404', async () => {
    const london = await createVenue(app(), w.admin, { name: 'Soho', timezone: 'Europe/London' });
    const stats = await call(app(), 'GET', `/api/dashboard/stats?venue_id=${london.id}`, { token: w.manager });
    expect(stats.body).toMatchObject({ timezone: 'Europe/London', bookings: { value: 0 }, revenue_cents: { value: 0 }, occupancy_rate: { value: null } });
    const here = await call(app(), 'GET', `/api/dashboard/stats?venue_id=${w.venue.id}`, { token: w.manager });
    expect(here.body).toMatchObject({ timezone: ZONE, bookings: { value: 4 }, revenue_cents: { value: 21_000 } });
    for (const path of ['stats', 'trend', 'hourly', 'upcoming', 'today', 'activity']) {
      const res = await call(app(), 'GET', `/api/dashboard/${path}?venue_id=${randomUUID()}`, { token: w.manager });
      expect(res.status, path).toBe(404);
    }
    expect((await call(app(), 'GET', `/api/dashboard/activity?venue_id=${london.id}`, { token: w.manager })).body).toEqual([]);
  });

  it('money and people’s actions are for managers; the desk lists for staff too', async () => {
    for (const path of ['stats', 'trend', 'hourly', 'activity']) expect((await call(app(), 'GET', `/api/dashboard/${path}`, { token: w.staff })).status).toBe(403);
    expect((await call(app(), 'GET', '/api/dashboard/stats')).status).toBe(401);
  });
});
