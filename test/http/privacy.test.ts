import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Database, Queryable } from '../../src/db/client.js';
import { call, testConfig, useTestApp } from '../support/app.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { signupOrg } from '../support/fixtures.js';

// Thursday 2026-03-05 is two days after NOW; the room is open 10:00-22:00 New York time.
const NOW = new Date('2026-03-03T15:00:00Z');
const HOURS = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' }));
const at = (hhmm: string) => `2026-03-05T${hhmm}:00-05:00`;

async function room(app: FastifyInstance) {
  const org = await signupOrg(app);
  const venue = await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'Midtown', timezone: 'America/New_York', operating_hours: HOURS } });
  expect(venue.status, JSON.stringify(venue.body)).toBe(201);
  const game = await call(app, 'POST', '/api/games', {
    token: org.token,
    body: { name: 'Vault', duration_minutes: 60, max_players: 6, price_cents: 2500, min_notice_minutes: 0, venue_ids: [venue.body.id] },
  });
  expect(game.status, JSON.stringify(game.body)).toBe(201);
  return { org, venueId: venue.body.id as string, gameId: game.body.id as string, key: venue.body.embed_key as string };
}

type Room = Awaited<ReturnType<typeof room>>;

const widgetBook = (app: FastifyInstance, r: Room, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(app, 'POST', `/api/public/venues/${r.key}/bookings`, { body: { game_id: r.gameId, party_size: 2, ...body }, headers });

describe('idempotency keys belong to one caller, and the replay store keeps no manage token', () => {
  const t = useTestApp({ now: NOW, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });

  it('a widget visitor cannot block a staff member’s key, nor a staff member a visitor’s', async () => {
    const { app } = t();
    const r = await room(app);
    const key = { 'idempotency-key': 'shared-key-1' };
    const staff = await call(app, 'POST', '/api/bookings', {
      token: r.org.token,
      headers: key,
      body: { game_id: r.gameId, venue_id: r.venueId, start_at: at('10:00'), party_size: 2, customer: { full_name: 'Desk Guest', email: 'desk@example.org' } },
    });
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    const visitor = await widgetBook(app, r, { start_at: at('11:00'), customer: { full_name: 'Web Guest', email: 'web@example.org' } }, key);
    expect(visitor.status, JSON.stringify(visitor.body)).toBe(201);
    expect(visitor.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replaying a visitor’s key and body from another client does not hand out their booking or manage token', async () => {
    const { app, db } = t();
    const r = await room(app);
    const body = { start_at: at('12:00'), customer: { full_name: 'Vera Victim', email: 'vera@example.org' } };
    const victim = { 'idempotency-key': 'victim-key-7f3a', 'user-agent': 'VictimBrowser/1.0' };
    const first = await widgetBook(app, r, body, victim);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const token = first.body.manage_token as string;

    // The victim's own retry (a lost answer) still gets the very same answer, manage token included.
    const retry = await widgetBook(app, r, body, victim);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.manage_token).toBe(token);

    // Someone else with the same key and body is a new request: the slot is taken, nothing of the victim's leaks.
    const attacker = await widgetBook(app, r, body, { 'idempotency-key': 'victim-key-7f3a', 'user-agent': 'Attacker/6.6' });
    expect(attacker.status, JSON.stringify(attacker.body)).toBe(409);
    expect(attacker.body.code).toBe('slot_unavailable');
    expect(JSON.stringify(attacker.body)).not.toContain(token);

    // The replay store holds neither the token nor the key in plain text.
    const stored = await db.query<{ key: string; body: string }>('select key, response_body::text as body from idempotency_keys');
    expect(stored.rows.length).toBeGreaterThan(0);
    for (const row of stored.rows) {
      expect(row.body).not.toContain(token);
      expect(row.key).not.toContain('victim-key-7f3a');
    }
  });
});

/** All pages of a list route, as one array. */
async function allPages(app: FastifyInstance, token: string, url: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let page = 1; ; page++) {
    const res = await call(app, 'GET', `${url}${url.includes('?') ? '&' : '?'}limit=100&page=${page}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...(res.body.data as unknown[]));
    if (page * 100 >= res.body.total) return out;
  }
}

describe('erasing a customer erases them everywhere an answer could show them', () => {
  const t = useTestApp({ now: NOW, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });

  it('after DELETE /api/customers/:id no route shows their name, email or phone: audit log, bookings, replays', async () => {
    const { app } = t();
    const r = await room(app);
    const name = 'Zebulon Quixotic-Erasure';
    const email = 'zebulon.erasure@example.org';
    const phone = '+1 555 0177';
    const made = await widgetBook(app, r, { start_at: at('13:00'), customer: { full_name: name, email, phone } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const list = await call(app, 'GET', `/api/customers?q=${encodeURIComponent(email)}`, { token: r.org.token });
    const customerId = list.body.data[0].id as string;
    await call(app, 'PUT', `/api/customers/${customerId}`, { token: r.org.token, body: { notes: `Called ${name} back on ${phone}` } });
    const replayBody = { game_id: r.gameId, venue_id: r.venueId, start_at: at('15:00'), party_size: 2, customer_id: customerId };
    const staff = await call(app, 'POST', '/api/bookings', { token: r.org.token, headers: { 'idempotency-key': 'desk-42' }, body: replayBody });
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    const before = JSON.stringify(await allPages(app, r.org.token, '/api/audit-logs'));
    expect(before).toContain(email); // the walk below could not fail if the log never held them

    const erased = await call(app, 'DELETE', `/api/customers/${customerId}`, { token: r.org.token });
    expect(erased.status).toBe(204);

    const answers = [
      await allPages(app, r.org.token, '/api/audit-logs'),
      await allPages(app, r.org.token, '/api/bookings'),
      await allPages(app, r.org.token, '/api/customers'),
      (await call(app, 'GET', `/api/bookings/${staff.body.id}`, { token: r.org.token })).body,
      // A replay of the key would answer the stored body, which showed the customer; it is forgotten instead.
      (await call(app, 'POST', '/api/bookings', { token: r.org.token, headers: { 'idempotency-key': 'desk-42' }, body: replayBody })).body,
      (await call(app, 'GET', `/api/public/bookings/${made.body.booking_number}?token=${made.body.manage_token}`)).body,
    ];
    const seen = JSON.stringify(answers);
    for (const secret of [name, email, phone, 'Zebulon', 'zebulon']) expect(seen).not.toContain(secret);
  });
});

describe('a public booking with somebody else’s email does not write to their customer record', () => {
  const t = useTestApp({ now: NOW, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });

  it('keeps the given details on the booking until staff accept them', async () => {
    const { app } = t();
    const r = await room(app);
    const known = await call(app, 'POST', '/api/customers', { token: r.org.token, body: { full_name: 'Olga Original', email: 'olga@example.org' } });
    expect(known.status).toBe(201);
    const res = await widgetBook(app, r, { start_at: at('16:00'), customer: { full_name: 'Mallory', email: 'OLGA@example.org', phone: '+1 555 0666' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const customer = await call(app, 'GET', `/api/customers/${known.body.id}`, { token: r.org.token });
    expect(customer.body).toMatchObject({ full_name: 'Olga Original', phone: null });

    const found = await call(app, 'GET', `/api/bookings?q=${res.body.booking_number}`, { token: r.org.token });
    const booking = found.body.data[0];
    expect(booking.customer).toMatchObject({ id: known.body.id, full_name: 'Olga Original', phone: null });
    expect(booking.contact).toEqual({ full_name: 'Mallory', phone: '+1 555 0666' });

    // Staff accept: the missing phone is filled, the name stays; the booking's copy is gone.
    const accepted = await call(app, 'POST', `/api/bookings/${booking.id}/accept-contact`, { token: r.org.token, body: {} });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.contact).toBeNull();
    expect(accepted.body.customer).toMatchObject({ full_name: 'Olga Original', phone: '+1 555 0666' });
    const again = await call(app, 'POST', `/api/bookings/${booking.id}/accept-contact`, { token: r.org.token, body: {} });
    expect(again.status).toBe(422);
  });
});

/** The database, counting every statement requests send through it (a wrapper, not a mock: every call goes through). */
function counting(db: Database): { db: Database; count: () => number; reset: () => void } {
  let n = 0;
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      n++;
      return q.query(sql, params);
    },
    queryArrays: (sql, params) => {
      n++;
      return q.queryArrays(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return {
    db: { ...db, ...wrap(db), transaction: (fn, start) => db.transaction((tx, started) => fn(wrap(tx), started), start) },
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}

describe('a manage link costs the same work whether or not the booking number exists', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let counted: ReturnType<typeof counting>;
  beforeAll(async () => {
    tdb = await freshDatabase();
    counted = counting(tdb.db);
    // No workers: a delivery job run by this process in the middle of a measurement would be counted with it.
    app = await buildApp({ db: counted.db, config: testConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '10000', WORKERS: 'false' }), logger: false, checkResponses: true, clock: () => NOW });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
  });

  it('a wrong token for a real number and any token for an unknown number run the same statements', async () => {
    const r = await room(app);
    const made = await widgetBook(app, r, { start_at: at('18:00'), customer: { full_name: 'Tim Timing', email: 'tim@example.org' } });
    expect(made.status).toBe(201);
    const cost = async (url: string) => {
      counted.reset();
      const res = await call(app, 'GET', url);
      expect(res.status).toBe(404);
      return counted.count();
    };
    const real = await cost(`/api/public/bookings/${made.body.booking_number}?token=${'x'.repeat(32)}`);
    const unknown = await cost(`/api/public/bookings/BK-ZZZZZZZ?token=${'x'.repeat(32)}`);
    expect(real).toBe(unknown);
    const cancelReal = await (async () => {
      counted.reset();
      const res = await call(app, 'POST', `/api/public/bookings/${made.body.booking_number}/cancel`, { body: { token: 'y'.repeat(32) } });
      expect(res.status).toBe(404);
      return counted.count();
    })();
    expect(cancelReal).toBe(unknown);
  });
});
