import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { createGame, createVenue } from '../../support/catalog.js';
import { signupOrg, uniqueEmail } from '../../support/fixtures.js';

// Buckets follow local calendar days and weeks. An organization in New York with a venue there and one in London,
// bookings at 23:30 and 00:30 local around each venue's spring DST change (US 2026-03-08, UK 2026-03-29). Counting
// by UTC day would move 23:30 EDT and 00:30 BST into the neighbouring day, and with it into the neighbouring week.
const get = useTestApp({ now: new Date('2026-03-01T00:00:00Z'), env: { SESSION_TTL_HOURS: String(24 * 90) } });
const allDay = Array.from({ length: 7 }, (_, weekday) => ({ weekday, open: '00:00', close: '24:00' }));

describe('local days and weeks across DST, in two zones', () => {
  const app = () => get().app;
  let token: string;
  let ny: { id: string };
  let london: { id: string };

  beforeAll(async () => {
    token = (await signupOrg(app(), { timezone: 'America/New_York' })).token;
    ny = await createVenue(app(), token, { name: 'Queens', timezone: 'America/New_York', operating_hours: allDay });
    london = await createVenue(app(), token, { name: 'Soho', timezone: 'Europe/London', operating_hours: allDay });
    const game = await createGame(app(), token, { name: 'Night Owl', duration_minutes: 30, min_notice_minutes: 0, venue_ids: [ny.id, london.id] });
    const starts: [string, string][] = [
      [ny.id, '2026-03-07T23:30:00-05:00'], [ny.id, '2026-03-08T00:30:00-05:00'], [ny.id, '2026-03-08T23:30:00-04:00'], [ny.id, '2026-03-09T00:30:00-04:00'],
      [london.id, '2026-03-28T23:30:00Z'], [london.id, '2026-03-29T00:30:00Z'], [london.id, '2026-03-29T23:30:00+01:00'], [london.id, '2026-03-30T00:30:00+01:00'],
    ];
    for (const [venue_id, start_at] of starts) {
      const res = await call(app(), 'POST', '/api/bookings', { token, body: { game_id: game.id, venue_id, start_at, party_size: 2, customer: { full_name: 'Nora Night', email: uniqueEmail('night') } } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    get().clock.now = new Date('2026-04-01T12:00:00Z');
  });

  const trend = async (query = '') => {
    const res = await call(app(), 'GET', `/api/dashboard/trend${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Object.fromEntries(res.body.filter((w: { bookings: number }) => w.bookings).map((w: { week_start: string; bookings: number }) => [w.week_start, w.bookings]));
  };

  it('weeks start on Monday by default: each booking in the week of its venue-local date', async () => {
    expect(await trend()).toEqual({ '2026-03-02': 3, '2026-03-09': 1, '2026-03-23': 3, '2026-03-30': 1 });
    expect(await trend(`?venue_id=${london.id}`)).toEqual({ '2026-03-23': 3, '2026-03-30': 1 });
  });

  it('and on Sunday when the organization says so', async () => {
    expect((await call(app(), 'PUT', '/api/organization', { token, body: { policies: { week_start: 'sunday' } } })).status).toBe(200);
    expect(await trend()).toEqual({ '2026-03-01': 1, '2026-03-08': 3, '2026-03-22': 1, '2026-03-29': 3 });
    await call(app(), 'PUT', '/api/organization', { token, body: { policies: { week_start: 'monday' } } });
  });

  it('hours are venue-local: 23:30 and 00:30 stay in hours 23 and 0 on both sides of the change', async () => {
    for (const venue of [ny, london]) {
      const res = await call(app(), 'GET', `/api/dashboard/hourly?venue_id=${venue.id}`, { token });
      const busy = Object.fromEntries(res.body.filter((h: { bookings: number }) => h.bookings).map((h: { hour: number; bookings: number }) => [h.hour, h.bookings]));
      expect(busy).toEqual({ 0: 2, 23: 2 });
    }
  });

  it('a day of 23 hours offers 23 hours: occupancy on the UK change day', async () => {
    const res = await call(app(), 'GET', `/api/reports/bookings?venue_id=${london.id}&from=2026-03-29&to=2026-03-29`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 00:30 GMT and 23:30 BST, 30 minutes each, of a 23-hour day.
    expect(res.body.totals).toMatchObject({ bookings: 2, players: 4 });
    expect(res.body.by_game[0].occupancy_rate).toBe(Math.round((1 / 23) * 10_000) / 10_000);
  });

  it('new customers per local day: the customers report buckets by booking_date', async () => {
    const res = await call(app(), 'GET', `/api/reports/customers?from=2026-03-07&to=2026-03-09`, { token });
    expect(res.body.periods).toEqual([
      { period: '2026-03-07', new_customers: 1, returning_customers: 0 },
      { period: '2026-03-08', new_customers: 2, returning_customers: 0 },
      { period: '2026-03-09', new_customers: 1, returning_customers: 0 },
    ]);
  });
});
