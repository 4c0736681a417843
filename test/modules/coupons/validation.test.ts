import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg } from '../../support/fixtures.js';
import { createCoupon, createGame, createVenue, NOW } from './helpers.js';

const base = { code: 'VALID10', kind: 'percent', value: 10 };

describe('coupon input is validated: 400 validation_failed with fields', () => {
  const t = useTestApp({ now: NOW });

  it('refuses bad codes, kinds, values, windows, limits and scopes on create', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'percent', value: 10 }, 'body.code'],
      [{ ...base, code: 'AB' }, 'body.code'],
      [{ ...base, code: 'has space' }, 'body.code'],
      [{ ...base, code: '-LEADING' }, 'body.code'],
      [{ ...base, code: 'X'.repeat(41) }, 'body.code'],
      [{ ...base, code: 'ÄPFEL10' }, 'body.code'],
      [{ ...base, kind: 'bogus' }, 'body.kind'],
      [{ ...base, kind: undefined }, 'body.kind'],
      [{ ...base, value: 101 }, 'body.value'],
      [{ ...base, value: 0 }, 'body.value'],
      [{ ...base, value: -5 }, 'body.value'],
      [{ ...base, value: 12.5 }, 'body.value'],
      [{ ...base, value: '10' }, 'body.value'],
      [{ ...base, value: null }, 'body.value'],
      [{ ...base, kind: 'fixed', value: 2 ** 31 }, 'body.value'],
      [{ ...base, kind: 'fixed', value: 10_000_001 }, 'body.value'],
      [{ ...base, valid_from: '2026-07-01T00:00:00Z', valid_to: '2026-07-01T00:00:00Z' }, 'body.valid_to'],
      [{ ...base, valid_from: '2026-07-02T00:00:00Z', valid_to: '2026-07-01T00:00:00Z' }, 'body.valid_to'],
      [{ ...base, valid_from: '2026-07-01' }, 'body.valid_from'],
      [{ ...base, valid_to: '2026-07-01T00:00:00' }, 'body.valid_to'],
      [{ ...base, max_redemptions: 0 }, 'body.max_redemptions'],
      [{ ...base, max_per_customer: -1 }, 'body.max_per_customer'],
      [{ ...base, min_party_size: 0 }, 'body.min_party_size'],
      [{ ...base, game_ids: ['not-a-uuid'] }, 'body.game_ids.0'],
      [{ ...base, redemptions: 5 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await call(app, 'POST', '/api/coupons', { token: org.token, body });
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    // A fixed coupon may be worth more than 100 (minor units); a percent coupon may be 100 %.
    await createCoupon(app, org.token, { kind: 'fixed', value: 10_000_000 });
    await createCoupon(app, org.token, { kind: 'percent', value: 100 });
    expect((await call(app, 'GET', '/api/coupons', { token: org.token })).body.total).toBe(2);
  });

  it("unknown, archived and another organization's game or venue ids are 400 with the field, alike", async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const other = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const game = await createGame(app, org.token, { venue_ids: [venue.id] });
    const theirVenue = await createVenue(app, other.token);
    const theirGame = await createGame(app, other.token, { venue_ids: [theirVenue.id] });
    const archived = await createGame(app, org.token, { venue_ids: [venue.id] });
    expect((await call(app, 'DELETE', `/api/games/${archived.id}`, { token: org.token })).status).toBeLessThan(300);
    const unknown = '00000000-0000-4000-8000-000000000001';
    const answers: unknown[] = [];
    for (const [field, ids] of [
      ['game_ids', [game.id, theirGame.id]],
      ['game_ids', [game.id, unknown]],
      ['game_ids', [game.id, archived.id]],
      ['venue_ids', [venue.id, theirVenue.id]],
      ['venue_ids', [venue.id, unknown]],
    ] as const) {
      const res = await call(app, 'POST', '/api/coupons', { token: org.token, body: { ...base, [field]: ids } });
      expect(res.status, `${field} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.fields).toEqual({ [`body.${field}.1`]: expect.any(String) });
      answers.push({ field, body: res.body });
    }
    expect(answers[0]).toEqual({ ...(answers[1] as object) });
    const repeated = await call(app, 'POST', '/api/coupons', { token: org.token, body: { ...base, venue_ids: [venue.id, venue.id] } });
    expect(repeated.body.fields).toHaveProperty(['body.venue_ids.1']);
    // Nothing was created by the refused attempts.
    expect((await call(app, 'GET', '/api/coupons', { token: org.token })).body.total).toBe(0);
  });

  it('PUT checks the coupon as changed: kind with value, both window ends, limits and scope', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const fixed = await createCoupon(app, org.token, { kind: 'fixed', value: 5000, valid_from: '2026-06-01T00:00:00Z', valid_to: '2026-07-01T00:00:00Z' });
    const refused: [Record<string, unknown>, string][] = [
      [{ kind: 'percent' }, 'body.value'],
      [{ valid_to: '2026-05-01T00:00:00Z' }, 'body.valid_to'],
      [{ valid_from: '2026-07-01T00:00:00Z' }, 'body.valid_to'],
      [{ value: 0 }, 'body.value'],
      [{ max_redemptions: 0 }, 'body.max_redemptions'],
      [{ game_ids: ['00000000-0000-4000-8000-000000000001'] }, 'body.game_ids.0'],
      [{ code: 'no spaces' }, 'body.code'],
      [{ redemptions: 0 }, 'body'],
      [{ kind: null }, 'body.kind'],
    ];
    for (const [body, field] of refused) {
      const res = await call(app, 'PUT', `/api/coupons/${fixed.id}`, { token: org.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    expect((await call(app, 'GET', `/api/coupons/${fixed.id}`, { token: org.token })).body).toEqual(fixed);
    const ok = await call(app, 'PUT', `/api/coupons/${fixed.id}`, { token: org.token, body: { kind: 'percent', value: 15, valid_from: null } });
    expect(ok.body).toMatchObject({ kind: 'percent', value: 15, valid_from: null, valid_to: '2026-07-01T00:00:00.000Z' });
    expect((await call(app, 'PUT', '/api/coupons/not-a-uuid', { token: org.token, body: {} })).status).toBe(400);
    expect((await call(app, 'PUT', '/api/coupons/00000000-0000-4000-8000-000000000001', { token: org.token, body: { value: 5 } })).status).toBe(404);
  });
});
