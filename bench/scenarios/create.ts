/**
 * (a) Booking creation over HTTP, 32 concurrent clients on distinct slots, beside raw inserts of the same rows
 * (a new customer and its booking, in one transaction under RLS, into the same constrained tables) with the
 * same concurrency. The ratio HTTP / raw is the figure: what the API costs over the database's own work.
 */
import { randomBytes } from 'node:crypto';
import { prepared, type Database } from '../../src/db/client.js';
import { withTenant } from '../../src/db/tenant.js';
import { newBookingNumber } from '../../src/modules/bookings/service.js';
import { createGames, freeSlots, shuffle, type Api, type SlotRef } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';

export const CONCURRENCY = 32;
const PARTY = 4;
const PRICE = 2900;

/** (a) runs in this many rounds of HTTP then raw, each on its share of the slots, after a warm-up of each. */
export const CREATION_ROUNDS = 3;
export const CREATION_WARMUP = 200;

export interface RawResult {
  rows: number;
  seconds: number;
  rps: number;
}

/** A customer object unique to one request, so each booking also creates its customer (the widget's common case). */
const newCustomer = () => {
  const tag = randomBytes(6).toString('hex');
  return { full_name: `Guest ${tag}`, email: `guest-${tag}@example.test` };
};

/** Prepares the games and slots: half for the HTTP run, half for the raw run. */
export async function prepareCreation(a: Api, venueId: string, count: number) {
  const httpGames = await createGames(a, venueId, 10, { mode: 'private' });
  const rawGames = await createGames(a, venueId, 10, { mode: 'private' });
  const days = Math.ceil(count / (10 * 24)) + 2;
  const httpSlots = shuffle(await freeSlots(a, venueId, httpGames, days)).slice(0, count);
  const rawSlots = shuffle(await freeSlots(a, venueId, rawGames, days)).slice(0, count);
  return { httpSlots, rawSlots };
}

/** The HTTP half: POST /api/bookings at distinct slots with 32 connections. */
export async function httpCreation(a: Api, venueId: string, slots: SlotRef[]): Promise<LoadResult & { created: number }> {
  let i = 0;
  const r = await load({
    url: a.url,
    connections: CONCURRENCY,
    amount: slots.length,
    next: () => {
      const s = slots[i++ % slots.length]!;
      return {
        method: 'POST',
        path: '/api/bookings',
        headers: { authorization: `Bearer ${a.token}` },
        body: { game_id: s.gameId, venue_id: venueId, start_at: s.startAt, party_size: PARTY, customer: newCustomer() },
      };
    },
  });
  return { ...r, created: r.statuses['201'] ?? 0 };
}

// Prepared, as the API's own hot statements are: the raw side gets the same advantage.
const RAW_CUSTOMER = prepared('bench_raw_customer', `insert into customers (organization_id, full_name, email) values (app_current_org(), $1, $2) returning id`);
const RAW_BOOKING = prepared(
  'bench_raw_booking',
  `insert into bookings (organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
     booking_date, booking_mode, party_size, status, total_amount, discount_amount, final_amount, currency, source)
   values (app_current_org(), $1, $2, $3, $4, $5, $6, $6, $7, 'private', $8, 'confirmed', $9, 0, $9, 'USD', 'api')`,
);

/** The raw half: the same rows through the same constraints and triggers, CONCURRENCY transactions at a time. */
export async function rawCreation(db: Database, a: Api, venueId: string, slots: SlotRef[]): Promise<RawResult> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < slots.length) {
      const s = slots[next++]!;
      const start = new Date(s.startAt);
      const end = new Date(start.getTime() + 3_600_000);
      const c = newCustomer();
      await withTenant(db, { organizationId: a.organizationId, userId: null }, async (tx) => {
        const { rows } = await tx.query<{ id: string }>(RAW_CUSTOMER, [c.full_name, c.email]);
        await tx.query(RAW_BOOKING, [newBookingNumber(), rows[0]!.id, s.gameId, venueId, start, end, s.startAt.slice(0, 10), PARTY, PRICE * PARTY]);
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { rows: slots.length, seconds, rps: slots.length / seconds };
}
