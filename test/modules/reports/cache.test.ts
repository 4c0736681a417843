import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { moneyWorld, pay, staffBooking, type MoneyWorld } from '../../support/money.js';

// Report and dashboard answers are cached per organization and query (REPORTS_CACHE_MS, 30 s by default), and
// every write of the organization through this process retires them: a booking, a payment and a refund each
// show in the very next answer. A change made behind the API's back (straight in the database, as another
// process would) stays unseen until then, which is how the tests tell a cached answer from a computed one.
const ZONE = 'America/New_York';
const T0 = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
const get = useTestApp({ now: T0 });
const day = (n: number) => DateTime.fromJSDate(T0, { zone: ZONE }).plus({ days: n }).toISODate()!;
const at = (n: number, hour: number) => DateTime.fromISO(`${day(n)}T${String(hour).padStart(2, '0')}:00`, { zone: ZONE }).toISO()!;
// Money rows are dated by the database's clock: a window around the real today.
const money = `from=${DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate()}&to=${DateTime.now().setZone(ZONE).plus({ days: 1 }).toISODate()}&group_by=month`;

describe('report caching', () => {
  let w: MoneyWorld;
  let other: MoneyWorld;
  const app = () => get().app;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const report = async (path: string, token = w.manager): Promise<any> => {
    const res = await call(app(), 'GET', path, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const bookings = (token?: string) => report(`/api/reports/bookings?from=${day(0)}&to=${day(10)}`, token);
  const net = async (): Promise<number> => ((await report(`/api/reports/revenue?${money}`)) as { net_cents: number }[]).reduce((s, r) => s + r.net_cents, 0);
  let first: { id: string };

  beforeAll(async () => {
    w = await moneyWorld(app());
    other = await moneyWorld(app());
    first = await staffBooking(app(), w, at(2, 10), { party_size: 4 });
  });

  it('serves a cached answer without reading the database again', async () => {
    const before = await bookings();
    expect(before.totals.bookings).toBe(1);
    expect(before.by_game.map((g: { name: string }) => g.name)).toEqual(['The Vault']);
    // Renamed behind the API's back: the cached answer still has the old name, so no statement was run for it.
    await get().db.query(`update games set name = 'Renamed Vault' where id = $1`, [w.game.id]);
    expect(await bookings()).toEqual(before);
    expect((await report('/api/dashboard/upcoming')).map((b: { game_name: string }) => b.game_name)).toEqual(['Renamed Vault']);
    // The next write of the organization retires every answer of it: the new name shows with the new booking.
    await staffBooking(app(), w, at(3, 10), { party_size: 2 });
    const after = await bookings();
    expect(after.totals).toMatchObject({ bookings: 2, players: 6 });
    expect(after.by_game.map((g: { name: string }) => g.name)).toEqual(['Renamed Vault']);
  });

  it('shows a booking, a payment and a refund in the next answer', async () => {
    const upcoming = (await report('/api/dashboard/upcoming')).length;
    expect(await net()).toBe(0);
    await staffBooking(app(), w, at(4, 10), { party_size: 3 });
    expect((await report('/api/dashboard/upcoming')).length).toBe(upcoming + 1);
    // 4 × 30.00, paid; then 20.00 of it refunded.
    const p = await pay(app(), w, first.id, 12_000);
    expect(await net()).toBe(12_000);
    expect((await bookings()).totals.revenue_cents).toBe(12_000);
    const refund = await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { amount_cents: 2000, reason: 'one player less' } });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(await net()).toBe(10_000);
    expect((await bookings()).totals.revenue_cents).toBe(10_000);
    // The CSV of the same query is the same cached answer, written as a table.
    const csv = await app().inject({ method: 'GET', url: `/api/reports/revenue?${money}&format=csv`, headers: { authorization: `Bearer ${w.manager}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('10000');
  });

  it('keeps organizations and queries apart, and checks the session before any cached answer', async () => {
    const mine = await bookings();
    const theirs = await bookings(other.manager);
    expect(mine.totals.bookings).toBe(3);
    expect(theirs.totals.bookings).toBe(0);
    // Another period is another answer.
    expect((await report(`/api/reports/bookings?from=${day(3)}&to=${day(3)}`)).totals.bookings).toBe(1);
    // Cached or not, a staff member may not read a manager's report, and nobody reads one without a session.
    expect((await call(app(), 'GET', `/api/reports/bookings?from=${day(0)}&to=${day(10)}`, { token: w.staff })).status).toBe(403);
    expect((await call(app(), 'GET', `/api/reports/bookings?from=${day(0)}&to=${day(10)}`)).status).toBe(401);
    expect((await call(app(), 'GET', `/api/reports/bookings?from=${day(0)}&to=${day(10)}`, { token: 'x'.repeat(43) })).status).toBe(401);
  });
});
