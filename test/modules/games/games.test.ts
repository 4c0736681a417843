import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { expectValidation } from '../../support/answers.js';
import { createGame, createVenue } from '../../support/catalog.js';
import { addUser, signupOrg } from '../../support/fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');

const sorted = (ids: string[]) => [...ids].sort();

describe('games', () => {
  const t = useTestApp({ now: NOW });

  it('creates a game with every field and reads it back', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const a = await createVenue(app, org.token, { name: 'A' });
    const b = await createVenue(app, org.token, { name: 'B' });
    const body = {
      name: 'The Heist',
      description: 'Crack the vault in 75 minutes.',
      duration_minutes: 75,
      buffer_minutes: 15,
      min_players: 2,
      max_players: 8,
      booking_mode: 'shared',
      pricing: 'flat',
      price_cents: 19900,
      min_notice_minutes: 120,
      max_advance_days: 30,
      slot_interval_minutes: 30,
      venue_ids: [a.id, b.id],
      venue_prices: [{ venue_id: b.id, price_cents: 24900 }],
      active: false,
    };
    const game = await createGame(app, org.token, body);
    expect(game).toMatchObject({ ...body, venue_ids: sorted([a.id, b.id]), organization_id: org.organizationId, archived_at: null });
    expect(game.venue_prices).toEqual([{ venue_id: b.id, price_cents: 24900 }]);
    expect((await call(app, 'GET', `/api/games/${game.id}`, { token: org.token })).body).toEqual(game);
  });

  it('fills defaults; slot_interval_minutes follows duration + buffer until set, and null resets it', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const game = await createGame(app, org.token, { buffer_minutes: 15 });
    expect(game).toMatchObject({
      description: '', buffer_minutes: 15, min_players: 1, booking_mode: 'private', pricing: 'per_player', min_notice_minutes: 60,
      max_advance_days: 90, slot_interval_minutes: 75, venue_ids: [], venue_prices: [], active: true,
    });
    const longer = await call(app, 'PUT', `/api/games/${game.id}`, { token: org.token, body: { duration_minutes: 90 } });
    expect(longer.body.slot_interval_minutes).toBe(105);
    const fixed = await call(app, 'PUT', `/api/games/${game.id}`, { token: org.token, body: { slot_interval_minutes: 30 } });
    expect(fixed.body.slot_interval_minutes).toBe(30);
    expect((await call(app, 'PUT', `/api/games/${game.id}`, { token: org.token, body: { buffer_minutes: 0 } })).body.slot_interval_minutes).toBe(30);
    const reset = await call(app, 'PUT', `/api/games/${game.id}`, { token: org.token, body: { slot_interval_minutes: null } });
    expect(reset.body.slot_interval_minutes).toBe(90);
  });

  it('updates only the fields given, lists, filters and archives', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const v = await createVenue(app, org.token);
    const g1 = await createGame(app, org.token, { name: 'Alpha', venue_ids: [v.id] });
    const g2 = await createGame(app, org.token, { name: 'Beta', active: false });
    const put = await call(app, 'PUT', `/api/games/${g1.id}`, {
      token: org.token,
      body: { description: 'New text', booking_mode: 'shared', pricing: 'flat', price_cents: 9000, min_notice_minutes: 0, max_advance_days: 730, active: false },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ name: 'Alpha', duration_minutes: 60, max_players: 6, description: 'New text', booking_mode: 'shared', pricing: 'flat', price_cents: 9000, min_notice_minutes: 0, max_advance_days: 730, active: false, venue_ids: [v.id] });
    expect((await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: {} })).body).toMatchObject({ name: 'Alpha', venue_ids: [v.id] });
    expect((await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { active: true } })).body.active).toBe(true);

    const names = async (query: string): Promise<string[]> =>
      ((await call(app, 'GET', `/api/games${query}`, { token: org.token })).body.data as { name: string }[]).map((g) => g.name);
    expect(await names('')).toEqual(['Alpha', 'Beta']);
    expect(await names('?active=true')).toEqual(['Alpha']);
    expect(await names('?active=false')).toEqual(['Beta']);
    expect(await names(`?venue_id=${v.id}`)).toEqual(['Alpha']);
    expect(await names('?q=bet')).toEqual(['Beta']);
    expect((await call(app, 'GET', '/api/games?limit=1', { token: org.token })).body).toMatchObject({ total: 2, pages: 2, page: 1 });

    const del = await call(app, 'DELETE', `/api/games/${g2.id}`, { token: org.token });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ active: false });
    expect(del.body.archived_at).not.toBeNull();
    expect(await names('')).toEqual(['Alpha']);
    expect(await names('?include_archived=true')).toEqual(['Alpha', 'Beta']);
    expect((await call(app, 'GET', `/api/games/${g2.id}`, { token: org.token })).status).toBe(200);
    const late = await call(app, 'PUT', `/api/games/${g2.id}`, { token: org.token, body: { active: true } });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('rule_violation');
    expect((await call(app, 'DELETE', `/api/games/${g2.id}`, { token: org.token })).body.archived_at).toBe(del.body.archived_at);
  });

  it('links venues many-to-many with optional venue-specific prices', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const a = await createVenue(app, org.token, { name: 'A' });
    const b = await createVenue(app, org.token, { name: 'B' });
    const c = await createVenue(app, org.token, { name: 'C' });
    const g1 = await createGame(app, org.token, { name: 'One', venue_ids: [a.id, b.id], venue_prices: [{ venue_id: a.id, price_cents: 3000 }] });
    const g2 = await createGame(app, org.token, { name: 'Two', venue_ids: [b.id, c.id] });
    expect(g1.venue_ids).toEqual(sorted([a.id, b.id]));
    expect(g2.venue_ids).toEqual(sorted([b.id, c.id]));
    const atB = await call(app, 'GET', `/api/games?venue_id=${b.id}`, { token: org.token });
    expect(atB.body.data.map((g: { name: string }) => g.name)).toEqual(['One', 'Two']);

    // The venue price is what availability (and so bookings) charge there; elsewhere the game's price.
    const slotPrice = async (gameId: string, venueId: string) => {
      const res = await call(app, 'GET', `/api/games/${gameId}/availability?venue_id=${venueId}&from=2026-06-03&to=2026-06-03&party_size=2`, { token: org.token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.slots[0].price_cents as number;
    };
    expect(await slotPrice(g1.id, a.id)).toBe(6000);
    expect(await slotPrice(g1.id, b.id)).toBe(5000);

    // Replacing venue_ids keeps the override of a venue that stays linked, drops the links left out.
    const moved = await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_ids: [a.id, c.id] } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.venue_ids).toEqual(sorted([a.id, c.id]));
    expect(moved.body.venue_prices).toEqual([{ venue_id: a.id, price_cents: 3000 }]);
    expect((await call(app, 'GET', `/api/games/${g1.id}/availability?venue_id=${b.id}&from=2026-06-03&to=2026-06-03`, { token: org.token })).status).toBe(404);

    // venue_prices alone replaces every override.
    const repriced = await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_prices: [{ venue_id: c.id, price_cents: 0 }] } });
    expect(repriced.body.venue_prices).toEqual([{ venue_id: c.id, price_cents: 0 }]);
    expect(await slotPrice(g1.id, a.id)).toBe(5000);
    expect(await slotPrice(g1.id, c.id)).toBe(0);

    // A price for a venue the game is not at, repeats, and archived venues are refused.
    expectValidation(await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_prices: [{ venue_id: b.id, price_cents: 1 }] } }), 'body.venue_prices.0.venue_id');
    expectValidation(await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_ids: [a.id, a.id] } }), 'body.venue_ids.1');
    expectValidation(
      await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_prices: [{ venue_id: a.id, price_cents: 1 }, { venue_id: a.id, price_cents: 2 }] } }),
      'body.venue_prices.1',
    );
    await call(app, 'DELETE', `/api/venues/${c.id}`, { token: org.token });
    expect((await call(app, 'GET', `/api/games/${g1.id}`, { token: org.token })).body.venue_ids).toEqual([a.id]);
    expectValidation(await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_ids: [a.id, c.id] } }), 'body.venue_ids');
    // A refused change changes nothing.
    expect((await call(app, 'GET', `/api/games/${g1.id}`, { token: org.token })).body).toMatchObject({ venue_ids: [a.id] });
    expect((await call(app, 'PUT', `/api/games/${g1.id}`, { token: org.token, body: { venue_ids: [] } })).body.venue_ids).toEqual([]);
  });

  it('refuses min_players above max_players, on create and on update', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    expectValidation(await call(app, 'POST', '/api/games', { token: org.token, body: { name: 'G', duration_minutes: 60, price_cents: 0, min_players: 7, max_players: 6 } }), 'body.min_players');
    const g = await createGame(app, org.token, { min_players: 2, max_players: 6 });
    expectValidation(await call(app, 'PUT', `/api/games/${g.id}`, { token: org.token, body: { min_players: 7 } }), 'body.min_players');
    expectValidation(await call(app, 'PUT', `/api/games/${g.id}`, { token: org.token, body: { max_players: 1 } }), 'body.max_players');
    expectValidation(await call(app, 'PUT', `/api/games/${g.id}`, { token: org.token, body: { min_players: 5, max_players: 4 } }), 'body.min_players');
    const both = await call(app, 'PUT', `/api/games/${g.id}`, { token: org.token, body: { min_players: 8, max_players: 10 } });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ min_players: 8, max_players: 10 });
    const equal = await call(app, 'PUT', `/api/games/${g.id}`, { token: org.token, body: { max_players: 8 } });
    expect(equal.body).toMatchObject({ min_players: 8, max_players: 8 });
  });

  it('refuses out-of-range and malformed fields with 400 validation_failed', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const base = { name: 'G', duration_minutes: 60, max_players: 6, price_cents: 100 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, name: undefined }, 'body.name'],
      [{ ...base, name: ' ' }, 'body.name'],
      [{ ...base, duration_minutes: undefined }, 'body.duration_minutes'],
      [{ ...base, duration_minutes: 4 }, 'body.duration_minutes'],
      [{ ...base, duration_minutes: 1441 }, 'body.duration_minutes'],
      [{ ...base, duration_minutes: 60.5 }, 'body.duration_minutes'],
      [{ ...base, buffer_minutes: -1 }, 'body.buffer_minutes'],
      [{ ...base, min_players: 0 }, 'body.min_players'],
      [{ ...base, max_players: 1001 }, 'body.max_players'],
      [{ ...base, booking_mode: 'group' }, 'body.booking_mode'],
      [{ ...base, pricing: 'hourly' }, 'body.pricing'],
      [{ ...base, price_cents: -1 }, 'body.price_cents'],
      [{ ...base, price_cents: 12.5 }, 'body.price_cents'],
      [{ ...base, price_cents: '100' }, 'body.price_cents'],
      [{ ...base, price_cents: 100_000_001 }, 'body.price_cents'],
      [{ ...base, min_notice_minutes: -5 }, 'body.min_notice_minutes'],
      [{ ...base, max_advance_days: 0 }, 'body.max_advance_days'],
      [{ ...base, max_advance_days: 731 }, 'body.max_advance_days'],
      [{ ...base, slot_interval_minutes: 4 }, 'body.slot_interval_minutes'],
      [{ ...base, venue_ids: ['not-a-uuid'] }, 'body.venue_ids.0'],
      [{ ...base, venue_prices: [{ venue_id: '00000000-0000-4000-8000-000000000000', price_cents: -1 }] }, 'body.venue_prices.0.price_cents'],
      [{ ...base, active: 'yes' }, 'body.active'],
      [{ ...base, organization_id: org.organizationId }, 'body'],
    ];
    for (const [body, field] of cases) {
      expectValidation(await call(app, 'POST', '/api/games', { token: org.token, body }), field, JSON.stringify(body));
    }
    // A venue price needs a venue among the game's venue_ids, and an unknown venue is refused like another tenant's.
    expectValidation(await call(app, 'POST', '/api/games', { token: org.token, body: { ...base, venue_prices: [{ venue_id: '00000000-0000-4000-8000-000000000000', price_cents: 1 }] } }), 'body.venue_prices.0.venue_id');
    expectValidation(await call(app, 'POST', '/api/games', { token: org.token, body: { ...base, venue_ids: ['00000000-0000-4000-8000-000000000000'] } }), 'body.venue_ids');
    expect((await call(app, 'GET', '/api/games', { token: org.token })).body.total).toBe(0);
    for (const query of ['active=maybe', 'venue_id=nope', 'limit=0', 'include_archived=1']) {
      expect((await call(app, 'GET', `/api/games?${query}`, { token: org.token })).status, query).toBe(400);
    }
  });

  it('lets managers shape games; staff may only read', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const manager = await addUser(app, org.token, 'manager');
    const staff = await addUser(app, org.token, 'staff');
    const g = await createGame(app, manager.token, { name: 'By manager' });
    expect((await call(app, 'PUT', `/api/games/${g.id}`, { token: manager.token, body: { price_cents: 1 } })).status).toBe(200);
    expect((await call(app, 'GET', '/api/games', { token: staff.token })).body.total).toBe(1);
    expect((await call(app, 'GET', `/api/games/${g.id}`, { token: staff.token })).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/api/games', { name: 'S', duration_minutes: 60, max_players: 4, price_cents: 1 }],
      ['PUT', `/api/games/${g.id}`, { price_cents: 0 }],
      ['DELETE', `/api/games/${g.id}`, undefined],
    ];
    for (const [method, url, body] of writes) {
      const res = await call(app, method, url, { token: staff.token, body });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect((await call(app, method as 'POST', url, { body })).status).toBe(401);
    }
    expect((await call(app, 'GET', `/api/games/${g.id}`, { token: org.token })).body).toMatchObject({ price_cents: 1, archived_at: null });
    expect((await call(app, 'DELETE', `/api/games/${g.id}`, { token: manager.token })).status).toBe(200);
  });

  it('keeps organizations apart: another tenant’s game is 404, its venue in venue_ids is 400 like an unknown one', async () => {
    const { app } = t();
    const mine = await signupOrg(app);
    const theirs = await signupOrg(app, { organization_name: 'Rival Rooms' });
    const theirVenue = await createVenue(app, theirs.token);
    const theirGame = await createGame(app, theirs.token, { venue_ids: [theirVenue.id] });
    for (const [method, url, body] of [
      ['GET', `/api/games/${theirGame.id}`, undefined],
      ['PUT', `/api/games/${theirGame.id}`, { price_cents: 0 }],
      ['DELETE', `/api/games/${theirGame.id}`, undefined],
      ['GET', `/api/games/${theirGame.id}/availability?venue_id=${theirVenue.id}&from=2026-06-03&to=2026-06-03`, undefined],
    ] as const) {
      const res = await call(app, method, url, { token: mine.token, body });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await call(app, 'GET', `/api/games?venue_id=${theirVenue.id}`, { token: mine.token })).body.total).toBe(0);

    const myVenue = await createVenue(app, mine.token);
    const unknown = await call(app, 'POST', '/api/games', { token: mine.token, body: { name: 'X', duration_minutes: 60, max_players: 4, price_cents: 1, venue_ids: ['00000000-0000-4000-8000-000000000000'] } });
    const foreign = await call(app, 'POST', '/api/games', { token: mine.token, body: { name: 'X', duration_minutes: 60, max_players: 4, price_cents: 1, venue_ids: [myVenue.id, theirVenue.id] } });
    expectValidation(foreign, 'body.venue_ids');
    expect(foreign.body.fields['body.venue_ids']).toBe(`venue ${theirVenue.id} does not exist or is archived`);
    expect(unknown.body.fields['body.venue_ids']).toBe('venue 00000000-0000-4000-8000-000000000000 does not exist or is archived');
    expect((await call(app, 'GET', '/api/games', { token: mine.token })).body.total).toBe(0);
    const mineGame = await createGame(app, mine.token, { venue_ids: [myVenue.id] });
    expectValidation(await call(app, 'PUT', `/api/games/${mineGame.id}`, { token: mine.token, body: { venue_ids: [theirVenue.id] } }), 'body.venue_ids');
    expect((await call(app, 'GET', `/api/games/${theirGame.id}`, { token: theirs.token })).body).toMatchObject({ venue_ids: [theirVenue.id], price_cents: 2500 });
  });
});
