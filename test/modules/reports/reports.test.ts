import { DateTime } from 'luxon';
import { parse } from './csv-parse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { moneyWorld, pay, setPolicies, staffBooking, type MoneyWorld } from '../../support/money.js';

// A small fixed business, made through the API, whose every reported figure is computed by hand in the comments.
// 30.00 per player, 10 % tax on top, coupon SAVE10 (10 %). Money rows are dated by the database's clock (today),
// bookings on days 2-6 ahead of the app's clock.
const ZONE = 'America/New_York';
const T0 = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
const get = useTestApp({ now: T0 });
const day = (n: number) => DateTime.fromJSDate(T0, { zone: ZONE }).plus({ days: n }).toISODate()!;
const at = (n: number, hour: number) => DateTime.fromISO(`${day(n)}T${String(hour).padStart(2, '0')}:00`, { zone: ZONE }).toISO()!;
const today = () => DateTime.now().setZone(ZONE).toISODate()!;

describe('reports against hand-computed figures', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  type Booked = { id: string; customer_id: string; booking_number: string };
  const b: Record<string, Booked> = {};
  let card: { id: string; code: string };
  const money = `from=${DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate()}&to=${DateTime.now().setZone(ZONE).plus({ days: 1 }).toISODate()}`;

  beforeAll(async () => {
    w = await moneyWorld(app());
    await setPolicies(app(), w, { refund_percent_outside_window: 100 }, { rate_bps: 1000, inclusive: false });
    expect((await call(app(), 'POST', '/api/coupons', { token: w.manager, body: { code: 'SAVE10', kind: 'percent', value: 10 } })).status).toBe(201);
    card = (await call(app(), 'POST', '/api/gift-cards', { token: w.manager, body: { initial_balance_cents: 10_000 } })).body;
    // r1 4 × 30.00 + 10 % = 132.00, cash. r2 2 players, -10 % = 54.00 + 5.40 = 59.40, card. r3 3 players 99.00, card,
    // then 33.00 refunded. r4 like r2 (59.40) paid from the gift card, then cancelled: 59.40 back on the card and the
    // coupon released. r5 6 players 198.00 unpaid. r6 r1's customer again, 2 players 66.00 unpaid.
    b.r1 = (await staffBooking(app(), w, at(2, 10), { party_size: 4 })) as unknown as Booked;
    b.r2 = (await staffBooking(app(), w, at(3, 10), { party_size: 2, coupon_code: 'SAVE10' })) as unknown as Booked;
    b.r3 = (await staffBooking(app(), w, at(4, 10), { party_size: 3 })) as unknown as Booked;
    b.r4 = (await staffBooking(app(), w, at(5, 10), { party_size: 2, coupon_code: 'SAVE10', gift_card_code: card.code })) as unknown as Booked;
    b.r5 = (await staffBooking(app(), w, at(6, 10), { party_size: 6 })) as unknown as Booked;
    b.r6 = (await staffBooking(app(), w, at(6, 14), { party_size: 2, customer: undefined, customer_id: b.r1.customer_id })) as unknown as Booked;
    await pay(app(), w, b.r1.id, 13_200, 'cash');
    await pay(app(), w, b.r2.id, 5940);
    const p3 = await pay(app(), w, b.r3.id, 9900);
    expect((await call(app(), 'POST', `/api/payments/${p3.id}/refund`, { token: w.manager, body: { amount_cents: 3300, reason: 'one player less' } })).status).toBe(201);
    expect((await call(app(), 'DELETE', `/api/bookings/${b.r4.id}`, { token: w.staff })).status).toBe(200);
    expect((await call(app(), 'POST', `/api/bookings/${b.r1.id}/checkin`, { token: w.staff })).status).toBe(200);
  });

  it('revenue: money in and out of payment rows on the day each succeeded', async () => {
    const res = await call(app(), 'GET', `/api/reports/revenue?${money}`, { token: w.manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toHaveLength(3);
    const row = res.body.find((r: { period: string }) => r.period === today());
    expect(row).toEqual({
      period: today(),
      // 132.00 + 59.40 + 99.00 + 59.40 (gift card) received; 33.00 + 59.40 refunded.
      gross_cents: 34_980,
      refund_cents: 9240,
      net_cents: 25_740,
      // Each row's share of its booking's tax: 12.00 + 5.40 + 9.00 + 5.40, less 3.00 (33.00 of 99.00) and 5.40.
      tax_cents: 2340,
      // Two redemptions of 6.00, one given back by the cancellation.
      discount_cents: 600,
      by_method: {
        cash: { gross_cents: 13_200, refund_cents: 0, net_cents: 13_200 },
        card_present: { gross_cents: 15_840, refund_cents: 3300, net_cents: 12_540 },
        stripe: { gross_cents: 0, refund_cents: 0, net_cents: 0 },
        gift_card: { gross_cents: 5940, refund_cents: 5940, net_cents: 0 },
        other: { gross_cents: 0, refund_cents: 0, net_cents: 0 },
      },
    });
    const others = res.body.filter((r: { period: string }) => r.period !== today());
    for (const r of others) expect(r).toMatchObject({ gross_cents: 0, refund_cents: 0, net_cents: 0, tax_cents: 0, discount_cents: 0 });
    const monthly = await call(app(), 'GET', `/api/reports/revenue?${money}&group_by=month`, { token: w.manager });
    expect(monthly.body.reduce((s: number, r: { net_cents: number }) => s + r.net_cents, 0)).toBe(25_740);
  });

  it('bookings: by status, game, venue and source, with occupancy per game', async () => {
    const res = await call(app(), 'GET', `/api/reports/bookings?from=${day(2)}&to=${day(6)}`, { token: w.manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Live: r1-r3, r5, r6 (17 players); revenue is what the period's bookings kept: 132.00 + 59.40 + 66.00.
    expect(res.body.totals).toEqual({ bookings: 5, players: 17, revenue_cents: 25_740, cancelled: 1, no_shows: 0 });
    expect(res.body.by_status).toEqual([
      { status: 'cancelled', bookings: 1, players: 2 },
      { status: 'checked-in', bookings: 1, players: 4 },
      { status: 'confirmed', bookings: 4, players: 13 },
    ]);
    // 5 booked hours of 5 days × 12 offered hours.
    expect(res.body.by_game).toEqual([{ game_id: w.game.id, name: 'The Vault', bookings: 5, players: 17, revenue_cents: 25_740, occupancy_rate: 0.0833 }]);
    expect(res.body.by_venue).toEqual([{ venue_id: w.venue.id, name: 'Downtown', bookings: 5, players: 17, revenue_cents: 25_740 }]);
    expect(res.body.by_source).toEqual([{ source: 'admin', bookings: 5 }]);
  });

  it('customers: segments, and new against returning per period', async () => {
    const res = await call(app(), 'GET', `/api/reports/customers?from=${day(2)}&to=${day(6)}`, { token: w.manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // r1's customer: 2 bookings worth 132.00 + 66.00 → regular; the other four have at most one (r4's cancelled and
    // refunded: worth 0; r5 confirmed: 198.00).
    expect(res.body.segments).toEqual([
      { segment: 'vip', customers: 0, revenue_cents: 0 },
      { segment: 'regular', customers: 1, revenue_cents: 19_800 },
      { segment: 'new', customers: 4, revenue_cents: 5940 + 6600 + 0 + 19_800 },
      { segment: 'inactive', customers: 0, revenue_cents: 0 },
    ]);
    expect(res.body.periods).toEqual([
      { period: day(2), new_customers: 1, returning_customers: 0 },
      { period: day(3), new_customers: 1, returning_customers: 0 },
      { period: day(4), new_customers: 1, returning_customers: 0 },
      { period: day(5), new_customers: 0, returning_customers: 0 },
      { period: day(6), new_customers: 1, returning_customers: 1 },
    ]);
  });

  it('promotions: coupon redemptions and discounts, gift cards issued, redeemed and outstanding', async () => {
    const res = await call(app(), 'GET', `/api/reports/promotions?${money}`, { token: w.manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.coupons).toEqual([{ coupon_id: expect.any(String), code: 'SAVE10', redemptions: 2, released: 1, discount_cents: 600 }]);
    expect(res.body.gift_cards).toEqual({ issued: 1, issued_cents: 10_000, redeemed_cents: 5940, refunded_cents: 5940, adjusted_cents: 0, outstanding_cents: 10_000 });
  });

  it('staff: bookings created, check-ins and money taken per user', async () => {
    const res = await call(app(), 'GET', `/api/reports/staff?${money}`, { token: w.manager });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byName = Object.fromEntries(res.body.map((r: { name: string }) => [r.name, r]));
    // The staff member took 132.00 + 59.40 + 99.00 at the desk and their cancellation gave 59.40 back to the card (the
    // card's payment itself is recorded by the booking without a user); the manager refunded 33.00.
    expect(byName['Some staff']).toMatchObject({ role: 'staff', bookings_created: 6, check_ins: 1, revenue_taken_cents: 29_040 - 5940 });
    expect(byName['Some manager']).toMatchObject({ role: 'manager', bookings_created: 0, check_ins: 0, revenue_taken_cents: -3300 });
  });

  const csv = (url: string) => app().inject({ method: 'GET', url, headers: { authorization: `Bearer ${w.manager}` } });

  it('every report answers CSV: a header row, RFC 4180, the same figures', async () => {
    const res = await csv(`/api/reports/revenue?${money}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body).toContain('\r\n');
    const rows = parse(res.body);
    expect(rows.find((r) => r.period === today())).toMatchObject({ gross_cents: '34980', refund_cents: '9240', net_cents: '25740', card_present_net_cents: '12540' });
    for (const name of ['bookings', 'customers', 'promotions', 'staff']) {
      const r = await csv(`/api/reports/${name}?${money}&format=csv`);
      expect(r.statusCode, name).toBe(200);
      expect(r.body.split('\r\n')[0], name).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
    }
    const staff = parse((await csv(`/api/reports/staff?${money}&format=csv`)).body);
    // A negative figure stays a number (neutralising applies to text).
    expect(staff.find((r) => r.name === 'Some manager')!.revenue_taken_cents).toBe('-3300');
  });

  it('a report is never stale: the next answer shows a new payment and refund', async () => {
    const before = (await call(app(), 'GET', `/api/reports/revenue?${money}`, { token: w.manager })).body.find((r: { period: string }) => r.period === today());
    const p = await pay(app(), w, b.r5!.id, 1000, 'cash');
    const after = (await call(app(), 'GET', `/api/reports/revenue?${money}`, { token: w.manager })).body.find((r: { period: string }) => r.period === today());
    expect(after.gross_cents - before.gross_cents).toBe(1000);
    await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { reason: 'changed their mind' } });
    const again = (await call(app(), 'GET', `/api/reports/revenue?${money}`, { token: w.manager })).body.find((r: { period: string }) => r.period === today());
    expect(again.net_cents).toBe(before.net_cents);
  });

  it('reports are for managers; periods are checked', async () => {
    expect((await call(app(), 'GET', '/api/reports/revenue', { token: w.staff })).status).toBe(403);
    const backwards = await call(app(), 'GET', `/api/reports/revenue?from=${day(5)}&to=${day(1)}`, { token: w.manager });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields).toHaveProperty('querystring.to');
    expect((await call(app(), 'GET', '/api/reports/revenue?from=2020-01-01&to=2026-01-01', { token: w.manager })).status).toBe(400);
    expect((await call(app(), 'GET', '/api/reports/revenue?group_by=year', { token: w.manager })).status).toBe(400);
  });
});
