import { describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant.js';
import { sweepExpiredCheckouts } from '../../../src/modules/bookings/service.js';
import { call, useTestApp } from '../../support/app.js';
import { uniqueEmail } from '../../support/fixtures.js';
import { moneyWorld, type MoneyWorld } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const get = useTestApp({ now: NOW });
const SLOT = '2026-06-10T14:00:00-04:00';

describe('checkout holds', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const hold = (start_at = SLOT, party_size = 2, world = w) =>
    call(app(), 'POST', `/api/public/venues/${world.venue.embed_key}/holds`, { body: { game_id: world.game.id, start_at, party_size } });
  const book = (extra: Record<string, unknown> = {}, start_at = SLOT, world = w) =>
    call(app(), 'POST', `/api/public/venues/${world.venue.embed_key}/bookings`, {
      body: { game_id: world.game.id, start_at, party_size: 2, customer: { full_name: 'Hana Holder', email: uniqueEmail('hold') }, ...extra },
    });
  const free = async (time = '14:00', world = w) => {
    const res = await call(app(), 'GET', `/api/public/venues/${world.venue.embed_key}/games/${world.game.id}/availability?from=2026-06-10&to=2026-06-10&party_size=2`);
    return res.body.slots.find((s: { start_time: string }) => s.start_time === time).available as boolean;
  };
  const later = (minutes: number) => {
    get().clock.now = new Date(NOW.getTime() + minutes * 60_000);
  };

  it('holds a slot against everyone else until the holder books it', async () => {
    w = await moneyWorld(get().app);
    get().clock.now = NOW;
    const h = await hold();
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    expect(Date.parse(h.body.expires_at) - NOW.getTime()).toBe(10 * 60_000);
    expect(await free()).toBe(false);
    expect((await hold()).status).toBe(409);
    const other = await book();
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('slot_unavailable');
    const mine = await book({ hold_id: h.body.hold_id, hold_token: h.body.token });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.status).toBe('confirmed');
    // The hold became the booking: releasing it now does nothing (it is gone), the booking stays.
    expect((await call(app(), 'DELETE', `/api/public/holds/${h.body.hold_id}?token=${h.body.token}`)).status).toBe(404);
    expect(await free()).toBe(false);
  });

  it('frees the slot at once when released, and never for a wrong token', async () => {
    const h = await hold('2026-06-10T16:00:00-04:00');
    expect((await call(app(), 'DELETE', `/api/public/holds/${h.body.hold_id}?token=wrong`)).status).toBe(404);
    expect(await free('16:00')).toBe(false);
    expect((await call(app(), 'DELETE', `/api/public/holds/${h.body.hold_id}?token=${h.body.token}`)).status).toBe(204);
    expect(await free('16:00')).toBe(true);
  });

  it('stops blocking when it expires, with no job run', async () => {
    const start = '2026-06-10T18:00:00-04:00';
    const h = await hold(start);
    later(9);
    expect((await book({}, start)).status).toBe(409);
    later(11);
    expect(await free('18:00')).toBe(true);
    const taker = await book({}, start);
    expect(taker.status, JSON.stringify(taker.body)).toBe(201);
    // The late holder finds the slot gone.
    const late = await book({ hold_id: h.body.hold_id, hold_token: h.body.token }, start);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('hold_expired');
    later(0);
  });

  it('lets an expired hold book when nobody took the slot meanwhile', async () => {
    const start = '2026-06-10T20:00:00-04:00';
    const h = await hold(start);
    later(30);
    const res = await book({ hold_id: h.body.hold_id, hold_token: h.body.token }, start);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    later(0);
  });

  it('refuses a hold for another slot, and counts holds against a shared game’s places', async () => {
    const h = await hold('2026-06-11T14:00:00-04:00');
    const wrong = await book({ hold_id: h.body.hold_id, hold_token: h.body.token }, '2026-06-11T15:00:00-04:00');
    expect(wrong.status).toBe(422);
    const shared = await moneyWorld(app(), { booking_mode: 'shared', max_players: 6 });
    expect((await hold(SLOT, 4, shared)).status).toBe(201);
    expect((await hold(SLOT, 3, shared)).status).toBe(409);
    expect((await hold(SLOT, 2, shared)).status).toBe(201);
    expect((await book({ party_size: 1 }, SLOT, shared)).status).toBe(409);
  });

  it('is tidied by the sweep job when nobody books the slot again', async () => {
    const start = '2026-06-12T14:00:00-04:00';
    const h = await hold(start);
    const all = async () => (await call(app(), 'GET', '/api/bookings?from=2026-06-12&to=2026-06-12', { token: w.staff })).body.total as number;
    later(11);
    const swept = await withTenant(get().db, { organizationId: w.organizationId, userId: null, actorRole: 'system' }, (tx) => sweepExpiredCheckouts(tx, get().clock.now, null));
    expect(swept).toBeGreaterThanOrEqual(1); // this hold, and any other expired one of the organization
    expect((await call(app(), 'DELETE', `/api/public/holds/${h.body.hold_id}?token=${h.body.token}`)).status).toBe(404);
    expect(await all()).toBe(0);
    later(0);
  });
});
