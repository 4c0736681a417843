import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AvailabilityCache } from '../../../src/modules/availability/cache.js';
import type { Availability } from '../../../src/modules/availability/schemas.js';
import { call, useTestApp } from '../../support/app.js';
import { createGame, createVenue } from '../../support/catalog.js';
import { signupOrg } from '../../support/fixtures.js';

// Sunday 2026-03-01, 07:00 in New York; the day looked at is Tuesday 2026-03-03.
const NOW = new Date('2026-03-01T12:00:00Z');
const DAYTIME = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '14:00' }));
const WINDOW = 'from=2026-03-03&to=2026-03-03&party_size=2';

async function room(app: FastifyInstance, token: string) {
  const v = await createVenue(app, token, { name: 'NYC', operating_hours: DAYTIME });
  const g = await createGame(app, token, { name: 'Vault', min_notice_minutes: 0, venue_ids: [v.id] });
  const venueId = v.id;
  const gameId = g.id;
  const embedKey = v.embed_key;
  /** Start times of the free slots, as the staff endpoint and the widget answer them (they must agree). */
  const free = async () => {
    const staff = await call(app, 'GET', `/api/games/${gameId}/availability?venue_id=${venueId}&${WINDOW}`, { token });
    const widget = await call(app, 'GET', `/api/public/venues/${embedKey}/games/${gameId}/availability?${WINDOW}`);
    expect(staff.status, JSON.stringify(staff.body)).toBe(200);
    expect(widget.status, JSON.stringify(widget.body)).toBe(200);
    const times = (body: { slots: { start_time: string; available: boolean }[] }) => body.slots.filter((s) => s.available).map((s) => s.start_time);
    expect(times(widget.body)).toEqual(times(staff.body));
    return times(staff.body);
  };
  return { venueId, gameId, embedKey, free };
}

const customer = (n: string) => ({ full_name: `Guest ${n}`, email: `guest-${n}@example.org` });

describe('cached availability answers (AVAILABILITY_CACHE_MS)', () => {
  const t = useTestApp({ now: NOW });

  it("are never stale after this process's own writes: widget and admin bookings, cancellations, venue changes", async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const r = await room(app, org.token);
    expect(await r.free()).toEqual(['10:00', '11:00', '12:00', '13:00']);
    expect(await r.free()).toEqual(['10:00', '11:00', '12:00', '13:00']); // served from the cache

    // A widget booking (no session: the organization is the embed key's) retires both answers.
    const widget = await call(app, 'POST', `/api/public/venues/${r.embedKey}/bookings`, {
      body: { game_id: r.gameId, start_at: '2026-03-03T11:00:00-05:00', party_size: 2, customer: customer('w') },
    });
    expect(widget.status, JSON.stringify(widget.body)).toBe(201);
    expect(await r.free()).toEqual(['10:00', '12:00', '13:00']);

    // So does a booking through the admin API...
    const admin = await call(app, 'POST', '/api/bookings', {
      token: org.token,
      body: { game_id: r.gameId, venue_id: r.venueId, start_at: '2026-03-03T13:00:00-05:00', party_size: 2, customer: customer('a') },
    });
    expect(admin.status, JSON.stringify(admin.body)).toBe(201);
    expect(await r.free()).toEqual(['10:00', '12:00']);

    // ...its cancellation...
    expect((await call(app, 'DELETE', `/api/bookings/${admin.body.id}`, { token: org.token })).status).toBe(200);
    expect(await r.free()).toEqual(['10:00', '12:00', '13:00']);

    // ...and a change of the venue's hours.
    const hours = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '12:00', close: '14:00' }));
    const put = await call(app, 'PUT', `/api/venues/${r.venueId}`, { token: org.token, body: { name: 'NYC', timezone: 'America/New_York', operating_hours: hours } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await r.free()).toEqual(['12:00', '13:00']);
  });

  it('show writes made outside this process (another API process, SQL) once their lifetime has passed', async () => {
    const { app, db, clock } = t();
    const org = await signupOrg(app);
    const r = await room(app, org.token);
    expect(await r.free()).toEqual(['10:00', '11:00', '12:00', '13:00']);
    // Another process's write: this process hears nothing of it...
    await db.query(`update games set active = false where id = $1`, [r.gameId]);
    expect(await r.free()).toEqual(['10:00', '11:00', '12:00', '13:00']);
    // ...so its answers show it after at most the cache's lifetime (2 s by default).
    clock.now = new Date(NOW.getTime() + 2000);
    const staff = await call(app, 'GET', `/api/games/${r.gameId}/availability?venue_id=${r.venueId}&${WINDOW}`, { token: org.token });
    expect(staff.body.slots).toEqual([]);
    const widget = await call(app, 'GET', `/api/public/venues/${r.embedKey}/games/${r.gameId}/availability?${WINDOW}`);
    expect(widget.status).toBe(404); // the widget knows only active games
    clock.now = NOW;
  });

  it("never serve one organization's answer to another, nor to a signed-out caller", async () => {
    const { app } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    const r = await room(app, a.token);
    await r.free(); // cached for organization a
    const url = `/api/games/${r.gameId}/availability?venue_id=${r.venueId}&${WINDOW}`;
    const other = await call(app, 'GET', url, { token: b.token });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('not_found');
    expect((await call(app, 'GET', url)).status).toBe(401);
    expect((await call(app, 'GET', url, { token: 'made-up-token' })).status).toBe(401);
  });
});

describe('availability without the cache (AVAILABILITY_CACHE_MS=0)', () => {
  const t = useTestApp({ now: NOW, env: { AVAILABILITY_CACHE_MS: '0' } });

  it('shows a write made outside this process at once', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const r = await room(app, org.token);
    expect(await r.free()).toEqual(['10:00', '11:00', '12:00', '13:00']);
    await db.query(`update games set active = false where id = $1`, [r.gameId]);
    const staff = await call(app, 'GET', `/api/games/${r.gameId}/availability?venue_id=${r.venueId}&${WINDOW}`, { token: org.token });
    expect(staff.body.slots).toEqual([]);
  });
});

describe('AvailabilityCache', () => {
  const answer = (n: number) => ({ game_id: String(n), venue_id: 'v', timezone: 'UTC', party_size: 1, slots: [] }) as Availability;

  it('does not keep an answer read before a write that committed while it was being computed', async () => {
    const cache = new AvailabilityCache(2000);
    const first = await cache.through('k', 'org', 0, async () => {
      cache.invalidate('org'); // a booking commits while this answer is read
      return answer(1);
    });
    expect(first).toEqual(answer(1)); // served to its own request...
    expect(cache.get('k', 1)).toBeUndefined(); // ...but not kept
    await cache.through('k', 'org', 1, async () => answer(2));
    expect(cache.get('k', 2)).toEqual(answer(2));
    cache.invalidate('other-org');
    expect(cache.get('k', 3)).toEqual(answer(2));
    expect(cache.get('k', 2001)).toBeUndefined(); // expired
  });

  it('holds at most its capacity, dropping the oldest first, and nothing when its lifetime is 0', () => {
    const cache = new AvailabilityCache(2000, 2);
    for (const k of ['a', 'b', 'c']) cache.set(k, 'org', 0, 0, answer(1));
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)].map(Boolean)).toEqual([false, true, true]);
    const off = new AvailabilityCache(0);
    off.set('a', 'org', 0, 0, answer(1));
    expect(off.get('a', 0)).toBeUndefined();
  });
});
