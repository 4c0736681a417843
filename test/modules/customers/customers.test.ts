import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { call, useTestApp, type TestApp } from '../../support/app.js';
import { backdateCustomer } from '../../support/builders.js';
import { createGame, createVenue, postCreated } from '../../support/catalog.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

const create = (app: FastifyInstance, token: string, body: Record<string, unknown>) => postCreated(app, token, '/api/customers', body);

/**
 * Gives a customer a booking history with these statistics, as production does: `total` confirmed bookings through
 * the API (a flat-priced game of its own, worth `value` together), the last one starting at `last` (on the hour),
 * each an hour before the next; booked with the app clock set back a day, since bookings cannot start in the past.
 * `created` backdates the customer (no API sets created_at).
 */
async function giveHistory(t0: TestApp, token: string, id: string, s: { total: number; value: number; last: string | null; created?: string }) {
  if (s.total > 0 && s.last) {
    const venue = await createVenue(t0.app, token, { name: 'History', timezone: 'UTC', operating_hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' })) });
    const game = await createGame(t0.app, token, { name: `History ${id}`, pricing: 'flat', price_cents: s.value / s.total, slot_interval_minutes: 60, venue_ids: [venue.id] });
    const last = Date.parse(s.last);
    t0.clock.now = new Date(last - 86_400_000);
    try {
      for (let i = s.total - 1; i >= 0; i--) {
        const start_at = new Date(last - i * 3_600_000).toISOString();
        const res = await call(t0.app, 'POST', '/api/bookings', { token, body: { game_id: game.id, venue_id: venue.id, customer_id: id, party_size: 2, start_at } });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    } finally {
      t0.clock.now = NOW;
    }
  }
  if (s.created) await backdateCustomer(t0.db, id, s.created);
}

const ids = (body: { data: { id: string }[] }) => body.data.map((c) => c.id);

describe('customers', () => {
  const t = useTestApp({ now: NOW });

  it('creates, reads, lists and updates a customer; tags are trimmed and deduplicated', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const c = await create(app, org.token, { full_name: 'Alice Smith', email: 'Alice@Example.org', phone: '+1 555 0100', tags: [' vip ', 'vip', 'birthday'], notes: 'Likes puzzles' });
    expect(c).toMatchObject({
      full_name: 'Alice Smith', email: 'alice@example.org', phone: '+1 555 0100', tags: ['vip', 'birthday'], notes: 'Likes puzzles',
      marketing_opt_in: false, total_bookings: 0, lifetime_value_cents: 0, first_booking_at: null, last_booking_at: null,
      segment: 'new', rfm: { recency: 1, frequency: 1, monetary: 1, score: 3 },
    });
    expect((await call(app, 'GET', `/api/customers/${c.id}`, { token: org.token })).body).toEqual(c);

    const put = await call(app, 'PUT', `/api/customers/${c.id}`, { token: org.token, body: { phone: null, marketing_opt_in: true, tags: [] } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ full_name: 'Alice Smith', email: 'alice@example.org', phone: null, marketing_opt_in: true, tags: [], notes: 'Likes puzzles' });
    const empty = await call(app, 'PUT', `/api/customers/${c.id}`, { token: org.token, body: {} });
    expect(empty.body).toMatchObject({ id: c.id, marketing_opt_in: true });

    const minimal = await create(app, org.token, { full_name: 'No Email' });
    expect(minimal).toMatchObject({ email: null, phone: null, notes: '', tags: [] });
    const list = await call(app, 'GET', '/api/customers?limit=1', { token: org.token });
    expect(list.body).toMatchObject({ total: 2, page: 1, pages: 2 });
    expect(ids(list.body)).toEqual([c.id]);
  });

  it('refuses bad input with 400 validation_failed and fields', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const cases: [unknown, string][] = [
      [{}, 'body.full_name'],
      [{ full_name: '  ' }, 'body.full_name'],
      [{ full_name: 'X', email: 'not-an-email' }, 'body.email'],
      [{ full_name: 'X', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
      [{ full_name: 'X', tags: ['x'.repeat(51)] }, 'body.tags.0'],
      [{ full_name: 'X', tags: ['ok', ' '] }, 'body.tags.1'],
      [{ full_name: 'X', segment: 'vip' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call(app, 'POST', '/api/customers', { token: org.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields), JSON.stringify(res.body)).toContain(field);
    }
    for (const query of ['limit=101', 'segment=gold', 'sort=email', 'q=']) {
      const res = await call(app, 'GET', `/api/customers?${query}`, { token: org.token });
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await call(app, 'GET', '/api/customers/not-a-uuid', { token: org.token })).status).toBe(400);
  });

  it('an email is unique per organization regardless of case: 409 already_exists with fields.email', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    await create(app, org.token, { full_name: 'Foo', email: 'Foo@x.com' });
    const dup = await call(app, 'POST', '/api/customers', { token: org.token, body: { full_name: 'Other Foo', email: 'foo@X.com' } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'already_exists', fields: { email: expect.any(String) } });
    const bar = await create(app, org.token, { full_name: 'Bar', email: 'bar@x.com' });
    const clash = await call(app, 'PUT', `/api/customers/${bar.id}`, { token: org.token, body: { email: 'FOO@x.COM' } });
    expect(clash.status).toBe(409);
    expect(clash.body.fields).toHaveProperty('email');
    // Another organization has its own customers: the same email is fine there.
    const other = await signupOrg(app);
    await create(app, other.token, { full_name: 'Foo elsewhere', email: 'foo@x.com' });
  });

  it('searches name, email and phone case-insensitively and filters by tag', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const alice = await create(app, org.token, { full_name: 'Alice Wonder', email: 'alice@rabbit.org', phone: '+1 (555) 010-7788', tags: ['vip'] });
    const bob = await create(app, org.token, { full_name: 'Bob Builder', email: 'bob@site.com', phone: '555 0199', tags: ['school', 'vip'] });
    const pct = await create(app, org.token, { full_name: '100% Fun', tags: ['school'] });
    const search = async (q: string) => ids((await call(app, 'GET', `/api/customers?q=${encodeURIComponent(q)}`, { token: org.token })).body);
    expect(await search('WONDER')).toEqual([alice.id]);
    expect(await search('lic')).toEqual([alice.id]);
    expect(await search('RABBIT.O')).toEqual([alice.id]);
    expect(await search('site.com')).toEqual([bob.id]);
    expect(await search('010-77')).toEqual([alice.id]);
    expect(await search('5550')).toEqual([alice.id, bob.id]);
    expect(await search('%')).toEqual([pct.id]); // a literal percent sign, not a wildcard
    expect(await search('_')).toEqual([]);
    expect(await search('nobody')).toEqual([]);
    const tagged = await call(app, 'GET', '/api/customers?tag=school', { token: org.token });
    expect(tagged.body.total).toBe(2);
    expect(ids(tagged.body).sort()).toEqual([bob.id, pct.id].sort());
    expect(ids((await call(app, 'GET', '/api/customers?tag=vip&q=bob', { token: org.token })).body)).toEqual([bob.id]);
  });

  it('sorts by name, created_at, last_booking_at and lifetime_value', async () => {
    const t0 = t();
    const { app } = t0;
    const org = await signupOrg(app);
    const charlie = await create(app, org.token, { full_name: 'Charlie' });
    const alice = await create(app, org.token, { full_name: 'alice' });
    const bob = await create(app, org.token, { full_name: 'Bob' });
    await giveHistory(t0, org.token, charlie.id, { total: 2, value: 9000, last: daysAgo(40), created: daysAgo(300) });
    await giveHistory(t0, org.token, alice.id, { total: 1, value: 20000, last: daysAgo(3), created: daysAgo(200) });
    await giveHistory(t0, org.token, bob.id, { total: 0, value: 0, last: null, created: daysAgo(100) });
    const sorted = async (sort: string) => ids((await call(app, 'GET', `/api/customers?sort=${sort}`, { token: org.token })).body);
    expect(await sorted('name')).toEqual([alice.id, bob.id, charlie.id]);
    expect(ids((await call(app, 'GET', '/api/customers', { token: org.token })).body)).toEqual([alice.id, bob.id, charlie.id]);
    expect(await sorted('created_at')).toEqual([charlie.id, alice.id, bob.id]);
    expect(await sorted('last_booking_at')).toEqual([alice.id, charlie.id, bob.id]);
    expect(await sorted('lifetime_value')).toEqual([alice.id, charlie.id, bob.id]);
  });

  it('computes segment and RFM from the statistics at the app clock, and filters by segment', async () => {
    const t0 = t();
    const { app } = t0;
    const org = await signupOrg(app);
    const fixtures = {
      vip: { stats: { total: 12, value: 150_000, last: daysAgo(12), created: daysAgo(400) }, rfm: [5, 5, 5], segment: 'vip' },
      vipEdge: { stats: { total: 5, value: 50_000, last: daysAgo(92), created: daysAgo(400) }, rfm: [3, 4, 4], segment: 'vip' },
      regular: { stats: { total: 3, value: 30_000, last: daysAgo(61), created: daysAgo(300) }, rfm: [4, 3, 3], segment: 'regular' },
      newOne: { stats: { total: 1, value: 4_900, last: daysAgo(7), created: daysAgo(20) }, rfm: [5, 1, 1], segment: 'new' },
      newNone: { stats: { total: 0, value: 0, last: null, created: daysAgo(10) }, rfm: [1, 1, 1], segment: 'new' },
      lapsed: { stats: { total: 4, value: 60_000, last: daysAgo(212), created: daysAgo(500) }, rfm: [2, 3, 4], segment: 'inactive' },
      neverBooked: { stats: { total: 0, value: 0, last: null, created: daysAgo(181) }, rfm: [1, 1, 1], segment: 'inactive' },
    };
    const made: Record<string, string> = {};
    for (const [name, f] of Object.entries(fixtures)) {
      made[name] = (await create(app, org.token, { full_name: name })).id;
      await giveHistory(t0, org.token, made[name], f.stats);
    }
    for (const [name, f] of Object.entries(fixtures)) {
      const c = (await call(app, 'GET', `/api/customers/${made[name]}`, { token: org.token })).body;
      const [recency, frequency, monetary] = f.rfm as [number, number, number];
      expect({ name, segment: c.segment, rfm: c.rfm }).toEqual({ name, segment: f.segment, rfm: { recency, frequency, monetary, score: recency + frequency + monetary } });
      expect(c.last_booking_at).toBe(f.stats.last);
    }
    let token = org.token;
    const segment = async (s: string) => ids((await call(app, 'GET', `/api/customers?segment=${s}&limit=100`, { token })).body).sort();
    expect(await segment('vip')).toEqual([made.vip, made.vipEdge].sort());
    expect(await segment('regular')).toEqual([made.regular]);
    expect(await segment('new')).toEqual([made.newOne, made.newNone].sort());
    expect(await segment('inactive')).toEqual([made.lapsed, made.neverBooked].sort());
    // Time passing is the app clock passing, not the database's: seven months on, the VIP has lapsed.
    t0.clock.now = new Date('2027-01-01T00:00:00Z');
    try {
      // The old session expired on the same clock; sign in again.
      expect((await call(app, 'GET', `/api/customers/${made.vip}`, { token })).status).toBe(401);
      token = (await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: PASSWORD } })).body.token;
      const later = (await call(app, 'GET', `/api/customers/${made.vip}`, { token })).body;
      expect(later).toMatchObject({ segment: 'inactive', rfm: { recency: 2, score: 12 } });
      expect(await segment('inactive')).toContain(made.vip);
    } finally {
      t0.clock.now = NOW;
    }
  });

  it('DELETE erases personal data, keeps the row, and the customer disappears from the API', async () => {
    const t0 = t();
    const { app, db } = t0;
    const org = await signupOrg(app);
    const email = uniqueEmail('gone');
    const c = await create(app, org.token, { full_name: 'Erase Me', email, phone: '555 1234', notes: 'secret', tags: ['x'], marketing_opt_in: true });
    await giveHistory(t0, org.token, c.id, { total: 2, value: 8000, last: daysAgo(5) });
    expect((await call(app, 'DELETE', `/api/customers/${c.id}`, { token: org.token })).status).toBe(204);
    const row = (await db.query('select full_name, email, phone, notes, tags, marketing_opt_in, deleted_at, total_bookings from customers where id = $1', [c.id])).rows[0];
    expect(row).toEqual({ full_name: 'Deleted customer', email: null, phone: null, notes: '', tags: [], marketing_opt_in: false, deleted_at: NOW, total_bookings: 2 });
    expect((await call(app, 'GET', `/api/customers/${c.id}`, { token: org.token })).status).toBe(404);
    expect((await call(app, 'PUT', `/api/customers/${c.id}`, { token: org.token, body: { notes: 'back' } })).status).toBe(404);
    expect((await call(app, 'DELETE', `/api/customers/${c.id}`, { token: org.token })).status).toBe(404);
    expect((await call(app, 'GET', '/api/customers', { token: org.token })).body).toMatchObject({ total: 0, data: [] });
    expect((await call(app, 'GET', '/api/customers?q=Deleted', { token: org.token })).body.total).toBe(0);
    // The email is free again (a booking by it makes a new customer: bookings.test.ts).
    expect((await create(app, org.token, { full_name: 'Back Again', email })).id).not.toBe(c.id);
  });

  it('staff read, create and update; only manager and up erase', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const manager = await addUser(app, org.token, 'manager');
    const c = await create(app, staff.token, { full_name: 'By Staff' });
    expect((await call(app, 'GET', '/api/customers', { token: staff.token })).status).toBe(200);
    expect((await call(app, 'PUT', `/api/customers/${c.id}`, { token: staff.token, body: { notes: 'ok' } })).status).toBe(200);
    const denied = await call(app, 'DELETE', `/api/customers/${c.id}`, { token: staff.token });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    expect((await call(app, 'GET', `/api/customers/${c.id}`, { token: staff.token })).status).toBe(200);
    expect((await call(app, 'DELETE', `/api/customers/${c.id}`, { token: manager.token })).status).toBe(204);
    expect((await call(app, 'GET', '/api/customers')).status).toBe(401);
  });

  it("another organization's customers are 404, never listed", async () => {
    const { app } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    const c = await create(app, a.token, { full_name: 'Only A', email: uniqueEmail('a') });
    expect((await call(app, 'GET', `/api/customers/${c.id}`, { token: b.token })).status).toBe(404);
    expect((await call(app, 'PUT', `/api/customers/${c.id}`, { token: b.token, body: { notes: 'mine' } })).status).toBe(404);
    expect((await call(app, 'DELETE', `/api/customers/${c.id}`, { token: b.token })).status).toBe(404);
    expect((await call(app, 'GET', '/api/customers?q=Only', { token: b.token })).body.total).toBe(0);
    expect((await call(app, 'GET', `/api/customers/${c.id}`, { token: a.token })).body.notes).toBe('');
  });

  it('documents every route and status in OpenAPI', async () => {
    const { app } = t();
    const doc = (await call(app, 'GET', '/api/openapi.json')).body;
    expect(doc.components.schemas.Customer.properties).toHaveProperty('rfm');
    const item = doc.paths['/api/customers/{id}'];
    expect(Object.keys(item.delete.responses)).toEqual(expect.arrayContaining(['204', '403', '404']));
    expect(Object.keys(item.put.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    expect(Object.keys(doc.paths['/api/customers'].post.responses)).toEqual(expect.arrayContaining(['201', '409']));
  });
});
