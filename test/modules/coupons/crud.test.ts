import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { addUser, signupOrg } from '../../support/fixtures.js';
import { createCoupon, createGame, createVenue, NOW } from './helpers.js';

describe('coupons: create, read, list, change, delete', () => {
  const t = useTestApp({ now: NOW });

  it('creates a coupon with defaults and reads it back; PUT changes only what it is given', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const game = await createGame(app, org.token, { venue_ids: [venue.id] });
    const c = await createCoupon(app, org.token, { code: 'Spring-10', kind: 'percent', value: 10 });
    expect(c).toMatchObject({
      code: 'Spring-10', kind: 'percent', value: 10, valid_from: null, valid_to: null, max_redemptions: null, max_per_customer: null,
      min_party_size: 1, game_ids: [], venue_ids: [], active: true, redemptions: 0,
    });
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).body).toEqual(c);

    const put = await call(app, 'PUT', `/api/coupons/${c.id}`, {
      token: org.token,
      body: { kind: 'fixed', value: 1500, valid_from: '2026-06-01T00:00:00-04:00', valid_to: '2026-07-01T00:00:00Z', max_redemptions: 10, game_ids: [game.id], venue_ids: [venue.id] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({
      code: 'Spring-10', kind: 'fixed', value: 1500, valid_from: '2026-06-01T04:00:00.000Z', valid_to: '2026-07-01T00:00:00.000Z',
      max_redemptions: 10, game_ids: [game.id], venue_ids: [venue.id], active: true,
    });
    const cleared = await call(app, 'PUT', `/api/coupons/${c.id}`, { token: org.token, body: { valid_to: null, max_redemptions: null, game_ids: [] } });
    expect(cleared.body).toMatchObject({ valid_from: '2026-06-01T04:00:00.000Z', valid_to: null, max_redemptions: null, game_ids: [], venue_ids: [venue.id] });
    expect((await call(app, 'PUT', `/api/coupons/${c.id}`, { token: org.token, body: {} })).body).toEqual(cleared.body);
  });

  it('lists with pagination, ?q= (case-insensitive, % and _ literal) and ?active=', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const a = await createCoupon(app, org.token, { code: 'ALPHA_1' });
    const b = await createCoupon(app, org.token, { code: 'alphax1', active: false });
    const z = await createCoupon(app, org.token, { code: 'ZULU-5' });
    const list = async (query: string) => (await call(app, 'GET', `/api/coupons?${query}`, { token: org.token })).body as { total: number; data: { id: string }[] };
    expect(await list('')).toMatchObject({ total: 3, page: 1, pages: 1 });
    expect((await list('')).data.map((c) => c.id)).toEqual([a.id, b.id, z.id]);
    expect(await list('limit=2&page=2')).toMatchObject({ total: 3, pages: 2, data: [{ id: z.id }] });
    expect((await list('q=Alpha')).data.map((c) => c.id)).toEqual([a.id, b.id]);
    expect((await list('q=a_1')).data.map((c) => c.id)).toEqual([a.id]);
    expect((await list('active=false')).data.map((c) => c.id)).toEqual([b.id]);
    expect((await list('active=true&q=zulu')).data.map((c) => c.id)).toEqual([z.id]);
    for (const query of ['active=yes', 'limit=101', 'q=']) expect((await call(app, 'GET', `/api/coupons?${query}`, { token: org.token })).status, query).toBe(400);
  });

  it('a code is unique per organization in any case: 409 already_exists with fields.code, on create and on change', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    await createCoupon(app, org.token, { code: 'Summer25' });
    const dup = await call(app, 'POST', '/api/coupons', { token: org.token, body: { code: 'SUMMER25', kind: 'fixed', value: 100 } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'already_exists', fields: { code: expect.any(String) } });
    const other = await createCoupon(app, org.token, { code: 'WINTER25' });
    const clash = await call(app, 'PUT', `/api/coupons/${other.id}`, { token: org.token, body: { code: 'summer25' } });
    expect(clash.status).toBe(409);
    // Its own code in another case is no clash.
    expect((await call(app, 'PUT', `/api/coupons/${other.id}`, { token: org.token, body: { code: 'Winter25' } })).body.code).toBe('Winter25');
    // Another organization has its own codes.
    const elsewhere = await signupOrg(app);
    await createCoupon(app, elsewhere.token, { code: 'summer25' });
  });

  it('managers and admins manage coupons; staff get 403, anonymous 401', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const manager = await addUser(app, org.token, 'manager');
    const staff = await addUser(app, org.token, 'staff');
    const c = await createCoupon(app, manager.token);
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: manager.token })).status).toBe(200);
    const attempts: ['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown?][] = [
      ['GET', '/api/coupons'],
      ['POST', '/api/coupons', { code: 'STAFFONLY', kind: 'percent', value: 50 }],
      ['GET', `/api/coupons/${c.id}`],
      ['PUT', `/api/coupons/${c.id}`, { value: 99 }],
      ['DELETE', `/api/coupons/${c.id}`],
    ];
    for (const [method, url, body] of attempts) {
      const asStaff = await call(app, method, url, { token: staff.token, body });
      expect(asStaff.status, `${method} ${url}`).toBe(403);
      expect(asStaff.body.code).toBe('forbidden');
      expect((await call(app, method, url, { body })).status, `${method} ${url}`).toBe(401);
    }
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).body).toMatchObject({ value: 10 });
  });

  it("another organization's coupon is not found, for reading, changing and deleting", async () => {
    const { app } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    const c = await createCoupon(app, a.token, { code: 'ONLYA' });
    for (const [method, body] of [['GET'], ['PUT', { value: 50 }], ['DELETE']] as const) {
      const res = await call(app, method, `/api/coupons/${c.id}`, { token: b.token, body });
      expect(res.status, method).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await call(app, 'GET', '/api/coupons?q=ONLYA', { token: b.token })).body.total).toBe(0);
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: a.token })).body).toMatchObject({ value: 10, active: true });
  });

  it('deleting a never-redeemed coupon removes it and frees its code', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const c = await createCoupon(app, org.token, { code: 'GONE' });
    expect((await call(app, 'DELETE', `/api/coupons/${c.id}`, { token: org.token })).status).toBe(204);
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).status).toBe(404);
    expect((await call(app, 'DELETE', `/api/coupons/${c.id}`, { token: org.token })).status).toBe(404);
    await createCoupon(app, org.token, { code: 'gone' });
  });
});
