import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { call, createTestApp, testConfig, type TestApp } from '../../support/app.js';
import { onServer } from '../../support/db.js';
import { uniqueEmail } from '../../support/fixtures.js';
import { moneyWorld, pay, staffBooking, type MoneyWorld } from '../../support/money.js';
import { openSse, type SseClient } from '../../support/sse.js';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('GET /api/events: the organization’s changes as Server-Sent Events', () => {
  let t: TestApp;
  let base: string;
  let w: MoneyWorld;
  const streams: SseClient[] = [];
  const open = async (token: string, headers: Record<string, string> = {}, url = base) => {
    const s = await openSse(`${url}/api/events`, { authorization: `Bearer ${token}`, ...headers });
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW, env: { EVENTS_POLL_MS: '100' } });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    w = await moneyWorld(t.app);
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t.app.close();
    await t.tdb.drop();
  });

  it('streams bookings, payments and cancellations as they happen, without customer contact data', async () => {
    const s = await open(w.staff);
    const b = await staffBooking(t.app, w, '2026-06-10T14:00:00-04:00');
    const created = await s.next('booking.created');
    expect(created.data).toMatchObject({ type: 'booking.created', data: { id: b.id, status: 'confirmed', final_amount: 12_000 } });
    expect(JSON.stringify(created.data)).not.toContain('@');
    await pay(t.app, w, b.id, 12_000);
    expect((await s.next('payment.succeeded')).data.data).toMatchObject({ booking_id: b.id, amount_cents: 12_000 });
    await call(t.app, 'DELETE', `/api/bookings/${b.id}`, { token: w.staff });
    expect((await s.next('booking.cancelled')).data.data).toMatchObject({ id: b.id, status: 'cancelled' });
  });

  it('sends nothing for a change that was refused, and nothing of another organization', async () => {
    const other = await moneyWorld(t.app);
    const mine = await open(w.staff);
    const theirs = await open(other.staff);
    const refused = await call(t.app, 'POST', '/api/bookings', {
      token: w.staff,
      body: { game_id: w.game.id, venue_id: w.venue.id, start_at: '2026-06-10T14:30:00-04:00', party_size: 4, customer: { full_name: 'No', email: uniqueEmail('no') } },
    });
    expect(refused.status).toBe(422);
    const b = await staffBooking(t.app, other, '2026-06-10T16:00:00-04:00');
    expect((await theirs.next('booking.created')).data.data.id).toBe(b.id);
    await new Promise((r) => setTimeout(r, 400));
    expect(mine.pending().filter((e) => e.event.startsWith('booking.'))).toEqual([]);
  });

  it('resumes after Last-Event-ID with what the client missed, in order, once', async () => {
    const s = await open(w.staff);
    const first = await staffBooking(t.app, w, '2026-06-11T14:00:00-04:00');
    const seen = await s.next('booking.created');
    expect(seen.data.data.id).toBe(first.id);
    s.close();
    const missed = [await staffBooking(t.app, w, '2026-06-11T16:00:00-04:00'), await staffBooking(t.app, w, '2026-06-11T18:00:00-04:00')];
    const again = await open(w.staff, { 'last-event-id': seen.id });
    const created = [await again.next('booking.created'), await again.next('booking.created')];
    expect(created.map((e) => e.data.data.id)).toEqual(missed.map((m) => m.id));
    await new Promise((r) => setTimeout(r, 300));
    expect(again.pending().filter((e) => e.event === 'booking.created')).toEqual([]);
  });

  it('refuses anonymous callers', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
  });

  describe.skipIf(!onServer)('across API processes (PostgreSQL server)', () => {
    let second: FastifyInstance;
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase({ url: t.tdb.url!, poolSize: 5 });
      second = await buildApp({ db, config: testConfig({ EVENTS_POLL_MS: '100' }), logger: false, clock: () => NOW });
      await second.ready();
    });
    afterAll(async () => {
      streams.forEach((s) => s.close());
      await second.close();
      await db.close();
    });

    it('a change made through one process reaches the other process’s subscribers', async () => {
      const url = await second.listen({ port: 0, host: '127.0.0.1' });
      const elsewhere = await open(w.staff, {}, url);
      const b = await staffBooking(t.app, w, '2026-06-12T14:00:00-04:00');
      expect((await elsewhere.next('booking.created')).data.data.id).toBe(b.id);
      const onFirst = await open(w.staff);
      expect((await call(second, 'DELETE', `/api/bookings/${b.id}`, { token: w.staff })).status).toBe(200);
      expect((await onFirst.next('booking.cancelled')).data.data.id).toBe(b.id);
    });

    it('a transaction left open in another database of the server does not hold the stream back', async () => {
      // An xid-holding transaction on the server's `test` database (another tenant's database, a bulk load): the
      // horizon is this database's oldest running transaction, so events still flow (app_event_horizon).
      const elsewhere = await openDatabase({ url: process.env.TEST_DATABASE_URL!, poolSize: 1 });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let began!: () => void;
      const open0 = new Promise<void>((r) => (began = r));
      const blocker = elsewhere.transaction(async (tx) => {
        await tx.query('select pg_current_xact_id()');
        began();
        await held;
      });
      try {
        await open0;
        const s = await open(w.staff);
        const b = await staffBooking(t.app, w, '2026-06-13T14:00:00-04:00');
        expect((await s.next('booking.created')).data.data.id).toBe(b.id);
      } finally {
        release();
        await blocker;
        await elsewhere.close();
      }
    });
  });
});
