import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type SeedDemoResult } from '../../src/demo/seed.js';
import { call, useTestApp } from '../support/app.js';

const BOOKINGS = 300;
const CUSTOMERS = 120;

interface Range {
  weekday: number;
  open: string;
  close: string;
}
interface Venue {
  id: string;
  timezone: string;
  operating_hours: Range[];
  closures: { date: string; open?: string; close?: string }[];
}
interface Game {
  id: string;
  booking_mode: 'private' | 'shared';
  duration_minutes: number;
  buffer_minutes: number;
  max_players: number;
  slot_interval_minutes: number;
  venue_ids: string[];
  venue_prices: unknown[];
}
interface Booking {
  id: string;
  game_id: string;
  venue_id: string;
  customer_id: string;
  start_at: string;
  end_at: string;
  booking_date: string;
  start_time: string;
  party_size: number;
  status: string;
  final_amount: number;
  refund_amount: number;
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** [open, close) ranges in minutes after the local midnight of `date`, from that day's hours and the previous evening's. */
function openRanges(venue: Venue, date: string): [number, number][] {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const span = (r: { open: string; close: string }): [number, number] => {
    const o = minutes(r.open);
    const c = minutes(r.close);
    return [o, c > o ? c : c + 1440];
  };
  const special = venue.closures.filter((c) => c.date === date);
  const today = special.length ? special.flatMap((c) => (c.open && c.close ? [span({ open: c.open, close: c.close })] : [])) : venue.operating_hours.filter((r) => r.weekday === weekday).map(span);
  const eve = venue.operating_hours
    .filter((r) => r.weekday === (weekday + 6) % 7)
    .map(span)
    .filter(([, c]) => c > 1440)
    .map(([o, c]): [number, number] => [o - 1440, c - 1440]);
  return [...today, ...eve];
}

/** Every page of a list endpoint. */
async function all<T>(app: FastifyInstance, token: string, url: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await call(app, 'GET', `${url}${url.includes('?') ? '&' : '?'}limit=100&page=${page}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...(res.body.data as T[]));
    if (page >= res.body.pages) return out;
  }
}

describe('demo data (seed-demo)', () => {
  const t = useTestApp();
  let result: SeedDemoResult;
  let token: string;
  const now = new Date();

  beforeAll(async () => {
    result = await seedDemo(t().db, { bookings: BOOKINGS, customers: CUSTOMERS, seed: 'test-seed', now });
    const admin = result.logins.find((l) => l.role === 'admin')!;
    const res = await call(t().app, 'POST', '/api/auth/login', { body: { email: admin.email, password: admin.password } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    token = res.body.token;
  }, 120_000);

  it('reports what it built, and every printed login works with its role', async () => {
    expect(result).toMatchObject({ created: true, bookings: BOOKINGS, customers: CUSTOMERS, games: 6 });
    expect(Object.values(result.byStatus).reduce((a, b) => a + b, 0)).toBe(BOOKINGS);
    expect(result.logins.map((l) => l.role).sort()).toEqual(['admin', 'manager', 'staff', 'staff']);
    for (const login of result.logins) {
      const res = await call(t().app, 'POST', '/api/auth/login', { body: { email: login.email, password: login.password } });
      expect(res.status, login.email).toBe(200);
      expect(res.body.user.role).toBe(login.role);
      expect(res.body.organization.id).toBe(result.organizationId);
    }
  });

  it('has two venues in different time zones and six linked games, private and shared, one with a venue price', async () => {
    const venues = await all<Venue>(t().app, token, '/api/venues');
    expect(venues.map((v) => v.timezone).sort()).toEqual(['America/New_York', 'Europe/London']);
    for (const v of venues) expect(v.operating_hours.length).toBeGreaterThan(0);
    const games = await all<Game>(t().app, token, '/api/games');
    expect(games).toHaveLength(6);
    expect(new Set(games.map((g) => g.booking_mode))).toEqual(new Set(['private', 'shared']));
    expect(games.filter((g) => g.venue_prices.length > 0)).toHaveLength(1);
    for (const g of games) expect(g.venue_ids.length).toBeGreaterThan(0);
  });

  it('has past and future bookings on valid slots, with statuses that fit the clock', async () => {
    const venues = new Map((await all<Venue>(t().app, token, '/api/venues')).map((v) => [v.id, v]));
    const games = new Map((await all<Game>(t().app, token, '/api/games')).map((g) => [g.id, g]));
    const bookings = await all<Booking>(t().app, token, '/api/bookings');
    expect(bookings).toHaveLength(BOOKINGS);

    const past = bookings.filter((b) => Date.parse(b.end_at) <= now.getTime());
    const future = bookings.filter((b) => Date.parse(b.start_at) > now.getTime());
    expect(past.length).toBeGreaterThan(BOOKINGS / 2);
    expect(future.length).toBeGreaterThan(0);
    for (const b of past) expect(['completed', 'no-show', 'cancelled']).toContain(b.status);
    for (const b of future) expect(['confirmed', 'pending', 'cancelled']).toContain(b.status);
    expect(new Set(past.map((b) => b.status))).toContain('completed');
    expect(new Set(future.map((b) => b.status))).toContain('confirmed');
    expect(new Set(bookings.map((b) => venues.get(b.venue_id)!.timezone)).size).toBe(2);

    for (const b of bookings) {
      const game = games.get(b.game_id)!;
      const venue = venues.get(b.venue_id)!;
      expect(game.venue_ids).toContain(b.venue_id);
      expect(Date.parse(b.end_at) - Date.parse(b.start_at)).toBe(game.duration_minutes * 60_000);
      // Inside a range of that day's opening hours, on its grid, finishing before it closes.
      const m = minutes(b.start_time);
      const fits = openRanges(venue, b.booking_date).some(
        ([o, c]) => m >= o && m + game.duration_minutes <= c && (m - o) % game.slot_interval_minutes === 0,
      );
      expect(fits, `${b.booking_date} ${b.start_time} at ${venue.timezone}`).toBe(true);
    }

    // Never two live private bookings overlapping (turnover included); shared slots within capacity.
    const live = bookings.filter((b) => b.status !== 'cancelled');
    const byRoom = groupBy(live, (b) => `${b.venue_id}/${b.game_id}`);
    for (const list of byRoom.values()) {
      const game = games.get(list[0]!.game_id)!;
      const sorted = list.sort((a, b) => Date.parse(a.start_at) - Date.parse(b.start_at));
      if (game.booking_mode === 'private') {
        for (let i = 1; i < sorted.length; i++) {
          expect(Date.parse(sorted[i]!.start_at)).toBeGreaterThanOrEqual(Date.parse(sorted[i - 1]!.end_at) + game.buffer_minutes * 60_000);
        }
      } else {
        for (const group of groupBy(sorted, (b) => b.start_at).values()) {
          expect(group.reduce((s, b) => s + b.party_size, 0)).toBeLessThanOrEqual(game.max_players);
        }
      }
    }
  });

  it('keeps customer statistics that match their bookings', async () => {
    const customers = await all<{ id: string; total_bookings: number; lifetime_value_cents: number; segment: string; email: string }>(
      t().app,
      token,
      '/api/customers',
    );
    expect(customers).toHaveLength(CUSTOMERS);
    expect(new Set(customers.map((c) => c.email)).size).toBe(CUSTOMERS);
    const booked = customers.filter((c) => c.total_bookings > 0);
    expect(booked.length).toBeGreaterThan(CUSTOMERS / 3);
    expect(booked.some((c) => c.lifetime_value_cents > 0)).toBe(true);
    expect(customers.reduce((s, c) => s + c.total_bookings, 0)).toBe(BOOKINGS - (result.byStatus.cancelled ?? 0));

    const regular = [...booked].sort((a, b) => b.total_bookings - a.total_bookings)[0]!;
    const own = await all<Booking>(t().app, token, `/api/bookings?customer_id=${regular.id}`);
    expect(own.filter((b) => b.status !== 'cancelled')).toHaveLength(regular.total_bookings);
  });

  it('leaves an honest audit trail: catalogue rows one by one, bulk tables as one summary row each', async () => {
    const venues = await call(t().app, 'GET', '/api/audit-logs?table=venues', { token });
    expect(venues.status).toBe(200);
    expect(venues.body.data).toHaveLength(2);
    expect(venues.body.data[0]).toMatchObject({ actor_role: 'system', request_id: 'seed-demo' });
    const bookings = await call(t().app, 'GET', '/api/audit-logs?table=bookings', { token });
    expect(bookings.body.total).toBe(1);
    expect(bookings.body.data[0]).toMatchObject({ action: 'insert', row_id: null, after: { bulk_load: 'seed-demo', rows: BOOKINGS } });
  });

  it('does nothing when the demo already exists', async () => {
    const again = await seedDemo(t().db, { bookings: 50, seed: 'other' });
    expect(again).toMatchObject({ created: false, organizationId: result.organizationId });
    const list = await call(t().app, 'GET', '/api/bookings?limit=1', { token });
    expect(list.body.total).toBe(BOOKINGS);
  });
});
