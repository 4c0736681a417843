/**
 * (c) Availability: a week of 20 games with 10,000 existing bookings. In process, the pure engine (calls per
 * second, and the time for the whole 20-game week); over HTTP, GET /api/games/:id/availability for a week.
 */
import { DateTime } from 'luxon';
import type { Database } from '../../src/db/client.js';
import { computeSlots } from '../../src/modules/availability/service.js';
import type { AvailabilityQuery, ExistingBooking } from '../../src/modules/availability/types.js';
import { createGames, type Api } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';

export const GAMES = 20;
export const BOOKINGS = 10_000;
const ZONE = 'America/New_York';

export interface EngineResult {
  calls: number;
  calls_per_second: number;
  /** One week for all 20 games, 10,000 bookings spread over them. */
  week_of_20_games_ms: number;
  /** The same week when every call is handed all 10,000 bookings (a worst case the SQL never produces). */
  week_of_20_games_all_bookings_ms: number;
}

/** Engine-only throughput on a realistic venue (10:00-24:00, a late range on weekends) in a DST zone. */
export function engineBench(seconds = 5): EngineResult {
  const now = DateTime.fromISO('2026-03-02T09:00', { zone: ZONE });
  const weekFrom = now.plus({ days: 1 }).toISODate()!;
  const weekTo = now.plus({ days: 7 }).toISODate()!; // spans the 2026-03-08 spring-forward
  const hours = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: weekday >= 5 ? '02:00' : '24:00' }));
  const base = now.toMillis();
  const all: ExistingBooking[] = Array.from({ length: BOOKINGS }, (_, i) => {
    const startMs = base + ((i * 7919) % (28 * 24)) * 3_600_000; // four weeks around the query
    return { startMs, endMs: startMs + 3_600_000, blockedUntilMs: startMs + 3_900_000, partySize: 1 + (i % 4) };
  });
  const perGame = Array.from({ length: GAMES }, (_, g) => all.filter((_, i) => i % GAMES === g));
  const query = (g: number, bookings: ExistingBooking[]): AvailabilityQuery => ({
    venue: { timezone: ZONE, operatingHours: hours, closures: [{ date: now.plus({ days: 3 }).toISODate()!, open: '12:00', close: '18:00' }] },
    game: {
      durationMinutes: 60, bufferMinutes: 5 + (g % 3) * 5, slotIntervalMinutes: 30 + (g % 2) * 30, minNoticeMinutes: 60, maxAdvanceDays: 90,
      bookingMode: g % 4 === 0 ? 'shared' : 'private', capacity: 12, priceCents: 2900, pricing: 'per_player',
    },
    fromDate: weekFrom, toDate: weekTo, partySize: 2, nowMs: base, bookings,
  });
  const week = (books: (g: number) => ExistingBooking[]) => {
    const t = performance.now();
    for (let g = 0; g < GAMES; g++) computeSlots(query(g, books(g)));
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) week((g) => perGame[g]!); // warm up the JIT
  const weeks: number[] = [];
  const worst: number[] = [];
  for (let i = 0; i < 30; i++) weeks.push(week((g) => perGame[g]!));
  for (let i = 0; i < 10; i++) worst.push(week(() => all));
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    computeSlots(query(calls % GAMES, perGame[calls % GAMES]!));
    calls++;
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    calls,
    calls_per_second: calls / ((performance.now() - started) / 1000),
    week_of_20_games_ms: median(weeks),
    week_of_20_games_all_bookings_ms: median(worst),
  };
}

/** The 20 games, made through the API. */
export const availabilityGames = (a: Api, venueId: string) => createGames(a, venueId, GAMES, { mode: 'private', bufferMinutes: 0 });

/** 10,000 bookings of those games over the next four weeks, inserted directly (the set-up is not what is measured). */
export async function seedAvailability(db: Database, a: Api, venueId: string, games: string[]): Promise<void> {
  // As the database owner (a superuser here), so RLS does not apply; every row names its organization.
  await db.query(
    `insert into customers (organization_id, full_name, email)
     select $1, 'Avail ' || i, 'avail-' || i || '@example.test' from generate_series(1, 500) i`,
    [a.organizationId],
  );
  // 20 games x 28 days x 24 hours = 13,440 hourly slots; 10,000 of them are taken, spread evenly.
  await db.query(
    `with c as (select id, row_number() over (order by id) - 1 as n from customers where organization_id = $1 and email like 'avail-%'),
          g as (select id, row_number() over (order by id) - 1 as n from unnest($2::uuid[]) id),
          s as (select i, (i % $5) as gi, (i / $5) as hour from generate_series(0, $4 - 1) i)
     insert into bookings (organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
                           booking_date, booking_mode, party_size, status, total_amount, discount_amount, final_amount, currency, source)
     select $1, 'BK-AV' || lpad(s.i::text, 5, '0'), c.id, g.id, $3,
            date_trunc('day', now()) + interval '2 days' + make_interval(hours => (s.hour * 37 % 672)::int),
            date_trunc('day', now()) + interval '2 days' + make_interval(hours => (s.hour * 37 % 672)::int + 1),
            date_trunc('day', now()) + interval '2 days' + make_interval(hours => (s.hour * 37 % 672)::int + 1),
            ((date_trunc('day', now()) + interval '2 days' + make_interval(hours => (s.hour * 37 % 672)::int)) at time zone 'America/New_York')::date,
            'private', 2, 'confirmed', 5800, 0, 5800, 'USD', 'api'
     from s join g on g.n = s.gi join c on c.n = s.i % 500`,
    [a.organizationId, games, venueId, BOOKINGS, GAMES],
  );
}

/**
 * GET a week of availability, rotating over the games, with 32 connections for `seconds`: the staff endpoint, or
 * with `embedKey` the public widget's (no session; the venue comes from its embed key).
 */
export async function httpAvailability(a: Api, venueId: string, games: string[], seconds = 10, embedKey?: string): Promise<LoadResult> {
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
  let i = 0;
  return load({
    url: a.url,
    connections: 32,
    duration: seconds,
    next: () =>
      embedKey
        ? { method: 'GET', path: `/api/public/venues/${embedKey}/games/${games[i++ % games.length]}/availability?from=${from}&to=${to}&party_size=2` }
        : {
            method: 'GET',
            path: `/api/games/${games[i++ % games.length]}/availability?venue_id=${venueId}&from=${from}&to=${to}&party_size=2`,
            headers: { authorization: `Bearer ${a.token}` },
          },
  });
}
