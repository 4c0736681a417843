import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Queryable, TransactionStart } from '../../../src/db/client.js';
import { call, useTestApp } from '../../support/app.js';
import { onServer } from '../../support/db.js';
import { signupOrg, uniqueEmail } from '../../support/fixtures.js';
import { at, book, createCustomer, NOW, postBooking, world, type Booking } from './helpers.js';

// Real concurrency on the PostgreSQL server: every request below holds its own pooled connection and transaction
// while the others run. On PGlite the transactions serialise, and the answers must be the same.
const REQUESTS = 60;
const t = useTestApp({ now: NOW, poolSize: 30 });

type Answer = Awaited<ReturnType<typeof call>>;

/**
 * Runs `fire` while counting how many request transactions hold a connection at once, and checks the requests
 * really overlapped: on the server many transactions run side by side; PGlite runs one at a time.
 */
async function concurrently<T>(fire: () => Promise<T>): Promise<T> {
  const { db } = t();
  const original = db.transaction.bind(db);
  let open = 0;
  let most = 0;
  db.transaction = <R,>(fn: (tx: Queryable, started: Record<string, unknown>[]) => Promise<R>, start?: TransactionStart) =>
    original<R>(async (tx, started) => {
      most = Math.max(most, ++open);
      try {
        return await fn(tx, started);
      } finally {
        open -= 1;
      }
    }, start);
  try {
    return await fire();
  } finally {
    db.transaction = original;
    if (onServer) expect(most, 'transactions open at once').toBeGreaterThanOrEqual(10);
    else expect(most).toBe(1);
  }
}

function tally(answers: Answer[]) {
  const byStatus: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status === 201 || a.status === 200 ? String(a.status) : `${a.status} ${a.body?.code}`;
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  return byStatus;
}

/** Live (not cancelled) bookings and seats of one game at one venue that overlap [from, until), read through the API. */
async function live(app: FastifyInstance, token: string, gameId: string, day: string) {
  const res = await call(app, 'GET', `/api/bookings?game_id=${gameId}&from=${day}&to=${day}&status=pending,confirmed&limit=100`, { token });
  expect(res.status).toBe(200);
  return res.body.data as Booking[];
}

/** The same count straight from the table, as the database owner (no RLS): nothing hides a duplicate. */
async function rowsAt(gameId: string, startAt: string) {
  const { rows } = await t().db.query<{ n: number; seats: number }>(
    `select count(*)::int as n, coalesce(sum(party_size), 0)::int as seats from bookings
     where game_id = $1 and start_at = $2 and status <> 'cancelled'`,
    [gameId, startAt],
  );
  return rows[0]!;
}

describe('bookings under concurrent requests', () => {
  it('sells a private slot exactly once to many concurrent buyers (distinct, shared and new customers)', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const others = await Promise.all(Array.from({ length: 5 }, () => createCustomer(app, org.token)));
    const sameEmail = uniqueEmail('rush');
    const start = at('12:00');
    const bodies = Array.from({ length: REQUESTS }, (_, i) => {
      const who =
        i % 4 === 0 ? { customer_id: customer.id }
        : i % 4 === 1 ? { customer_id: others[i % others.length]!.id }
        : i % 4 === 2 ? { customer: { full_name: `Rush ${i}`, email: uniqueEmail('rush') } }
        : { customer: { full_name: 'Same Person', email: sameEmail } };
      return { game_id: game.id, venue_id: venue.id, start_at: start, party_size: 2 + (i % 5), ...who };
    });
    const answers = await concurrently(() => Promise.all(bodies.map((body) => postBooking(app, org.token, body))));
    expect(tally(answers)).toEqual({ '201': 1, '409 slot_unavailable': REQUESTS - 1 });

    const winner = answers.find((a) => a.status === 201)!.body as Booking;
    expect((await live(app, org.token, game.id, '2026-06-10')).map((b) => b.id)).toEqual([winner.id]);
    expect(await rowsAt(game.id, start)).toEqual({ n: 1, seats: winner.party_size });
    // Losers left nothing behind: no customers created by a refused booking, except the winner's if it was new.
    const customers = await call(app, 'GET', '/api/customers?limit=100', { token: org.token });
    expect(customers.body.total).toBe(6 + (winner.customer_id === customer.id || others.some((o) => o.id === winner.customer_id) ? 0 : 1));
  });

  it('fills a shared slot to exactly its capacity and refuses the rest', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token, { booking_mode: 'shared', min_players: 1, max_players: 12, price_cents: 1000 });
    const start = at('15:00');
    // Half the requests want one seat: while any seat is left a one-seat request fits, so the slot ends exactly full.
    const answers = await concurrently(() =>
      Promise.all(
        Array.from({ length: REQUESTS }, (_, i) =>
          postBooking(app, org.token, {
            game_id: game.id, venue_id: venue.id, start_at: start, party_size: 1 + (i % 2),
            ...(i % 3 === 0 ? { customer_id: customer.id } : { customer: { full_name: `Guest ${i}`, email: uniqueEmail('guest') } }),
          }),
        ),
      ),
    );
    const sold = answers.filter((a) => a.status === 201).map((a) => a.body as Booking);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.every((a) => a.status === 409 && a.body.code === 'slot_unavailable'), JSON.stringify(tally(answers))).toBe(true);
    expect(sold.reduce((n, b) => n + b.party_size, 0)).toBe(12);
    expect(sold.every((b) => b.total_amount === b.party_size * 1000)).toBe(true);
    expect(await rowsAt(game.id, start)).toEqual({ n: sold.length, seats: 12 });
    const slots = await call(app, 'GET', `/api/games/${game.id}/availability?venue_id=${venue.id}&from=2026-06-10&to=2026-06-10&party_size=1`, { token: org.token });
    expect(slots.body.slots.find((s: { start_time: string }) => s.start_time === '15:00')).toMatchObject({ available: false, remaining_capacity: 0 });
  });

  it('moves exactly one of many bookings rescheduled concurrently onto one private slot', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const other = await createCustomer(app, org.token);
    // 40 bookings on their own slots: eight non-overlapping starts a day (90 minutes apart) over five days.
    const starts = ['10:00', '11:30', '13:00', '14:30', '16:00', '17:30', '19:00', '20:30'];
    const bookings: Booking[] = [];
    for (const day of ['2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15']) {
      for (const time of starts) {
        bookings.push(await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at(time, day), party_size: 2, customer_id: bookings.length % 2 ? customer.id : other.id }));
      }
    }
    const target = at('12:00');
    const answers = await concurrently(() => Promise.all(bookings.map((b) => call(app, 'PUT', `/api/bookings/${b.id}`, { token: org.token, body: { start_at: target } }))));
    expect(tally(answers)).toEqual({ '200': 1, '409 slot_unavailable': bookings.length - 1 });
    const moved = answers.find((a) => a.status === 200)!.body as Booking;
    expect(await rowsAt(game.id, target)).toEqual({ n: 1, seats: 2 });
    // Every loser is still where it was; the winner's old slot is free again.
    const now = await Promise.all(bookings.map((b) => call(app, 'GET', `/api/bookings/${b.id}`, { token: org.token })));
    now.forEach((res, i) => expect(res.body.start_at).toBe(bookings[i]!.id === moved.id ? target : bookings[i]!.start_at));
    const old = bookings.find((b) => b.id === moved.id)!;
    await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: old.start_at, party_size: 2, customer_id: customer.id });
  });

  it('moves concurrently rescheduled bookings into a shared slot only up to its capacity', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token, { booking_mode: 'shared', min_players: 1, max_players: 12, price_cents: 1000 });
    const target = at('18:00');
    const seated = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: target, party_size: 3, customer_id: customer.id });
    const bookings: Booking[] = [];
    for (const time of ['10:00', '13:00']) {
      for (let i = 0; i < 12; i++) {
        bookings.push(await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at(time), party_size: 1, customer: { full_name: `Mover ${i}`, email: uniqueEmail('mover') } }));
      }
    }
    const answers = await concurrently(() => Promise.all(bookings.map((b) => call(app, 'PUT', `/api/bookings/${b.id}`, { token: org.token, body: { start_at: target } }))));
    expect(tally(answers)).toEqual({ '200': 9, '409 slot_unavailable': bookings.length - 9 });
    expect(await rowsAt(game.id, target)).toEqual({ n: 10, seats: 12 });
    expect((await call(app, 'GET', `/api/bookings/${seated.id}`, { token: org.token })).body.start_at).toBe(target);
  });

  // A booking by email locks the existing customer before placing its row; a reschedule places its row before it
  // updates the customer's statistics. Without one lock order these two deadlocked (409 conflict instead of a seat).
  for (const mode of ['private', 'shared'] as const) {
    it(`mixes new bookings by email and reschedules of the same customer onto one ${mode} slot`, async () => {
      const { app } = t();
      const org = await signupOrg(app);
      const { venue, game } = await world(app, org.token, { booking_mode: mode, min_players: 1, max_players: 12 });
      const email = uniqueEmail('regular');
      const c = await createCustomer(app, org.token, { email });
      const bookings: Booking[] = [];
      for (const day of ['2026-06-11', '2026-06-12']) {
        for (const time of ['10:00', '11:30', '13:00', '14:30', '16:00', '17:30', '19:00', '20:30']) {
          bookings.push(await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at(time, day), party_size: 1, customer_id: c.id }));
        }
      }
      const target = at('12:00');
      const answers = await concurrently(() =>
        Promise.all([
          ...bookings.map((b) => call(app, 'PUT', `/api/bookings/${b.id}`, { token: org.token, body: { start_at: target } })),
          ...bookings.map(() => postBooking(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: target, party_size: 1, customer: { full_name: 'Regular', email: email.toUpperCase() } })),
        ]),
      );
      const won = answers.filter((a) => a.status === 200 || a.status === 201).length;
      expect(won + (tally(answers)['409 slot_unavailable'] ?? 0), JSON.stringify(tally(answers))).toBe(answers.length);
      expect(won).toBe(mode === 'private' ? 1 : 12);
      expect(await rowsAt(game.id, target)).toEqual({ n: won, seats: won });
      const stats = await call(app, 'GET', `/api/customers/${c.id}`, { token: org.token });
      expect(stats.body.total_bookings).toBe(bookings.length + answers.filter((a) => a.status === 201).length);
    });
  }

  it('creates one booking for many concurrent requests with one Idempotency-Key', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game } = await world(app, org.token);
    const body = { game_id: game.id, venue_id: venue.id, start_at: at('16:00'), party_size: 4, customer: { full_name: 'Impatient Ian', email: uniqueEmail('ian') } };
    const answers = await concurrently(() => Promise.all(Array.from({ length: 30 }, () => postBooking(app, org.token, body, { 'idempotency-key': 'double-click' }))));
    expect(tally(answers)).toEqual({ '201': 30 });
    expect(new Set(answers.map((a) => a.body.id as string)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await rowsAt(game.id, at('16:00'))).toEqual({ n: 1, seats: 4 });
  });
});
