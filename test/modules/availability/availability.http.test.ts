import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { createGame, createVenue } from '../../support/catalog.js';
import { addUser, signupOrg } from '../../support/fixtures.js';

// Sunday 2026-03-01, 07:00 in New York (EST, -05:00).
const NOW = new Date('2026-03-01T12:00:00Z');
const ALL_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
const DAYTIME = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' }));

interface SlotBody {
  start_at: string;
  end_at: string;
  booking_date: string;
  start_time: string;
  end_time: string;
  available: boolean;
  remaining_capacity: number;
  price_cents: number;
}

async function setup(app: FastifyInstance, token: string, venue: Record<string, unknown>, game: Record<string, unknown>) {
  const v = await createVenue(app, token, { name: 'NYC', operating_hours: DAYTIME, ...venue });
  const g = await createGame(app, token, { name: 'Vault', min_notice_minutes: 0, max_advance_days: 365, venue_ids: [v.id], ...game });
  return { venueId: v.id, gameId: g.id };
}

async function slots(app: FastifyInstance, token: string, gameId: string, query: string): Promise<SlotBody[]> {
  const res = await call(app, 'GET', `/api/games/${gameId}/availability?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.slots as SlotBody[];
}

async function book(app: FastifyInstance, token: string, body: Record<string, unknown>) {
  return call(app, 'POST', '/api/bookings', { token, body: { party_size: 2, customer: { full_name: 'Bo Booker', email: 'bo@example.org' }, ...body } });
}

const times = (list: SlotBody[]) => list.map((s) => s.start_time);
const ms = (iso: string) => Date.parse(iso);

describe('GET /api/games/:id/availability', () => {
  const t = useTestApp({ now: NOW });

  it('answers the API.md shape with the venue’s offset and local dates and times', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, {}, {});
    const res = await call(app, 'GET', `/api/games/${gameId}/availability?venue_id=${venueId}&from=2026-03-03&to=2026-03-04&party_size=3`, { token: org.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ game_id: gameId, venue_id: venueId, timezone: 'America/New_York' });
    const list = res.body.slots as SlotBody[];
    expect(list).toHaveLength(24);
    expect(list[0]).toEqual({
      start_at: '2026-03-03T10:00:00-05:00',
      end_at: '2026-03-03T11:00:00-05:00',
      booking_date: '2026-03-03',
      start_time: '10:00',
      end_time: '11:00',
      available: true,
      remaining_capacity: 6,
      price_cents: 7500,
    });
    expect(list[11]).toMatchObject({ start_time: '21:00', end_time: '22:00', booking_date: '2026-03-03' });
    expect(list[12]).toMatchObject({ start_at: '2026-03-04T10:00:00-05:00', booking_date: '2026-03-04' });
    for (const s of list) expect(ms(s.end_at) - ms(s.start_at)).toBe(3_600_000);

    // Without venue_id when the game runs at one venue only; party size defaults to min_players.
    const implied = await call(app, 'GET', `/api/games/${gameId}/availability?from=2026-03-03&to=2026-03-03`, { token: org.token });
    expect(implied.status).toBe(200);
    expect(implied.body.venue_id).toBe(venueId);
    expect(implied.body.slots[0].price_cents).toBe(2500);

    // Staff take bookings, so they may read availability; strangers may not.
    const staff = await addUser(app, org.token, 'staff');
    expect((await call(app, 'GET', `/api/games/${gameId}/availability?from=2026-03-03&to=2026-03-03`, { token: staff.token })).status).toBe(200);
    expect((await call(app, 'GET', `/api/games/${gameId}/availability?from=2026-03-03&to=2026-03-03`)).status).toBe(401);
  });

  it('skips the nonexistent hour on the spring-forward day (2026-03-08 in New York)', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, { operating_hours: ALL_DAY }, { duration_minutes: 30 });
    const list = await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-08&to=2026-03-08`);
    expect(list).toHaveLength(46);
    expect(times(list).filter((x) => x.startsWith('02:'))).toEqual([]);
    const i = times(list).indexOf('01:30');
    expect(list[i]).toMatchObject({ start_at: '2026-03-08T01:30:00-05:00', end_time: '03:00', end_at: '2026-03-08T03:00:00-04:00' });
    expect(list[i + 1]).toMatchObject({ start_at: '2026-03-08T03:00:00-04:00', start_time: '03:00' });
    for (const s of list) {
      expect(s.booking_date).toBe('2026-03-08');
      expect(ms(s.end_at) - ms(s.start_at)).toBe(30 * 60_000);
    }
    // Consecutive slots are 30 real minutes apart: the gap costs no extra slot and creates no overlap.
    for (let k = 1; k < list.length; k++) expect(ms(list[k]!.start_at) - ms(list[k - 1]!.start_at)).toBe(30 * 60_000);
  });

  it('gives the repeated hour of the fall-back day (2026-11-01) two distinct slots', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, { operating_hours: ALL_DAY }, { duration_minutes: 30 });
    const list = await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-11-01&to=2026-11-01`);
    expect(list).toHaveLength(50);
    const repeated = list.filter((s) => s.start_time.startsWith('01:'));
    expect(repeated.map((s) => s.start_at)).toEqual([
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:30:00-05:00',
    ]);
    expect(new Set(list.map((s) => ms(s.start_at))).size).toBe(50);
    // The first 01:30 ends at the second 01:00.
    expect(repeated[1]).toMatchObject({ end_time: '01:00', end_at: '2026-11-01T01:00:00-05:00' });

    // Booking the first 01:00 leaves the second one free (they are different instants).
    const first = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-11-01T01:00:00-04:00' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const after = (await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-11-01&to=2026-11-01`)).filter((s) => s.start_time.startsWith('01:'));
    expect(after.map((s) => s.available)).toEqual([false, true, true, true]);
    // A wall time that happens twice is ambiguous without an offset.
    const ambiguous = await book(app, org.token, { game_id: gameId, venue_id: venueId, booking_date: '2026-11-01', start_time: '01:30' });
    expect(ambiguous.status).toBe(422);
  });

  it('applies closures: closed days have no slots, special hours replace the weekday’s', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(
      app,
      org.token,
      { closures: [{ date: '2026-03-04' }, { date: '2026-03-05', open: '12:00', close: '14:00' }, { date: '2026-03-05', open: '20:00', close: '23:30' }] },
      {},
    );
    const list = await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-03&to=2026-03-06`);
    const byDate = (d: string) => times(list.filter((s) => s.booking_date === d));
    expect(byDate('2026-03-03')).toHaveLength(12);
    expect(byDate('2026-03-04')).toEqual([]);
    expect(byDate('2026-03-05')).toEqual(['12:00', '13:00', '20:00', '21:00', '22:00']);
    expect(byDate('2026-03-06')).toHaveLength(12);

    // Changing the closures changes availability at once.
    await call(app, 'PUT', `/api/venues/${venueId}`, { token: org.token, body: { closures: [] } });
    expect(await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-04&to=2026-03-04`)).toHaveLength(12);
  });

  it('applies the minimum notice and the booking horizon against the frozen clock', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, { operating_hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '06:00', close: '12:00' })) }, { min_notice_minutes: 120, max_advance_days: 10 });
    // Now is 07:00 local: nothing before 09:00 today.
    const today = await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-01&to=2026-03-01`);
    expect(times(today)).toEqual(['09:00', '10:00', '11:00']);
    // Yesterday is gone entirely.
    expect(await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-02-27&to=2026-02-28`)).toEqual([]);
    // The horizon: 10 days ahead is the last bookable date.
    const far = await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-10&to=2026-03-13`);
    expect([...new Set(far.map((s) => s.booking_date))]).toEqual(['2026-03-10', '2026-03-11']);

    // Moving the clock moves the window.
    const { clock } = t();
    clock.now = new Date('2026-03-01T15:30:00Z'); // 10:30 local
    try {
      expect(times(await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-01&to=2026-03-01`))).toEqual([]);
    } finally {
      clock.now = NOW;
    }
  });

  it('marks a private slot and every slot its buffer touches unavailable; cancelling frees them', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, {}, { buffer_minutes: 30, slot_interval_minutes: 30 });
    const query = `venue_id=${venueId}&from=2026-03-03&to=2026-03-03`;
    const booked = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-03-03T12:00:00-05:00' });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const list = await slots(app, org.token, gameId, query);
    const taken = list.filter((s) => !s.available).map((s) => s.start_time);
    // The booking blocks [12:00, 13:30); a slot blocks its own 60 + 30 minutes.
    expect(taken).toEqual(['11:00', '11:30', '12:00', '12:30', '13:00']);
    for (const s of list) expect(s.remaining_capacity).toBe(s.available ? 6 : 0);
    // What availability says is what booking does.
    const clash = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-03-03T11:30:00-05:00', customer: { full_name: 'Cy', email: 'cy@example.org' } });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('slot_unavailable');
    const next = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-03-03T13:30:00-05:00', customer: { full_name: 'Cy', email: 'cy@example.org' } });
    expect(next.status, JSON.stringify(next.body)).toBe(201);

    // Another game, or the same game at another venue, is not blocked.
    const other = await setup(app, org.token, {}, { name: 'Other room' });
    expect((await slots(app, org.token, other.gameId, `venue_id=${other.venueId}&from=2026-03-03&to=2026-03-03`)).every((s) => s.available)).toBe(true);

    expect((await call(app, 'DELETE', `/api/bookings/${booked.body.id}`, { token: org.token })).status).toBe(200);
    const freed = (await slots(app, org.token, gameId, query)).filter((s) => !s.available).map((s) => s.start_time);
    expect(freed).toEqual(['12:30', '13:00', '13:30', '14:00', '14:30']);
  });

  // The look-up window is computed without the venue's zone (bookingWindow), so pin it at both ends of the offsets.
  for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    it(`a booking of the longest kind (24 h game, 24 h turnover) still blocks the days after it (${timezone})`, async () => {
      const { app, db } = t();
      const org = await signupOrg(app);
      const longest = { duration_minutes: 1440, buffer_minutes: 1440, slot_interval_minutes: 1440 };
      const { venueId, gameId } = await setup(app, org.token, { timezone, operating_hours: ALL_DAY }, longest);
      const booked = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: `2026-03-05T00:00:00${timezone === 'Pacific/Kiritimati' ? '+14:00' : '-11:00'}` });
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      // Blocked until local 03-07 00:00: the 03-06 slot is taken, 03-07's is free again.
      const list = await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-06&to=2026-03-07`);
      expect(list.map((s) => [s.booking_date, s.start_time, s.available])).toEqual([
        ['2026-03-06', '00:00', false],
        ['2026-03-07', '00:00', true],
      ]);
      // The two-day bound the look-up relies on is the database's: a longer block is refused.
      await expect(
        db.query(`update bookings set blocked_until = start_at + interval '2 days 1 minute' where id = $1`, [booked.body.id]),
      ).rejects.toMatchObject({ code: '23514', constraint: 'bookings_span_check' });
    });
  }

  it('shows the remaining capacity of shared slots and compares it with party_size', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, {}, { booking_mode: 'shared', max_players: 10, pricing: 'per_player', price_cents: 1000 });
    const b1 = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-03-03T14:00:00-05:00', party_size: 4 });
    expect(b1.status, JSON.stringify(b1.body)).toBe(201);
    const b2 = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-03-03T14:00:00-05:00', party_size: 3, customer: { full_name: 'Di', email: 'di@example.org' } });
    expect(b2.status, JSON.stringify(b2.body)).toBe(201);
    const at = async (partySize: number) =>
      (await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-03&to=2026-03-03&party_size=${partySize}`)).find((s) => s.start_time === '14:00')!;
    expect(await at(3)).toMatchObject({ available: true, remaining_capacity: 3, price_cents: 3000 });
    expect(await at(4)).toMatchObject({ available: false, remaining_capacity: 3 });
    const free = (await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-03&to=2026-03-03`)).find((s) => s.start_time === '15:00')!;
    expect(free).toMatchObject({ available: true, remaining_capacity: 10 });
    const over = await book(app, org.token, { game_id: gameId, venue_id: venueId, start_at: '2026-03-03T14:00:00-05:00', party_size: 4, customer: { full_name: 'Ed', email: 'ed@example.org' } });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('slot_unavailable');
  });

  it('refuses bad windows and parameters with 400, unknown things with 404', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, {}, {});
    const url = (q: string) => `/api/games/${gameId}/availability?${q}`;
    const bad: [string, string][] = [
      [`venue_id=${venueId}&from=2026-03-05&to=2026-03-04`, 'querystring.to'],
      [`venue_id=${venueId}&from=2026-03-01&to=2026-05-02`, 'querystring.to'],
      [`venue_id=${venueId}&to=2026-03-04`, 'querystring.from'],
      [`venue_id=${venueId}&from=2026-03-04`, 'querystring.to'],
      [`venue_id=${venueId}&from=2026-02-30&to=2026-03-04`, 'querystring.from'],
      [`venue_id=${venueId}&from=20260301&to=2026-03-04`, 'querystring.from'],
      [`venue_id=${venueId}&from=2026-03-01&to=2026-03-04&party_size=0`, 'querystring.party_size'],
      [`venue_id=${venueId}&from=2026-03-01&to=2026-03-04&party_size=two`, 'querystring.party_size'],
      [`venue_id=${venueId}&from=2026-03-01&to=2026-03-04&party_size=7`, 'querystring.party_size'],
      [`venue_id=nope&from=2026-03-01&to=2026-03-04`, 'querystring.venue_id'],
    ];
    for (const [q, field] of bad) {
      const res = await call(app, 'GET', url(q), { token: org.token });
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), `${q} ${JSON.stringify(res.body)}`).toContain(field);
    }
    // 62 days inclusive is the most.
    expect((await call(app, 'GET', url(`venue_id=${venueId}&from=2026-03-01&to=2026-05-01`), { token: org.token })).status).toBe(200);
    // Far-away years are not an error, just empty.
    for (const q of ['from=0000-01-01&to=0000-01-02', 'from=0001-01-01&to=0001-01-02', 'from=9999-12-30&to=9999-12-31', 'from=1969-12-31&to=1970-01-01']) {
      const res = await call(app, 'GET', url(`venue_id=${venueId}&${q}`), { token: org.token });
      expect(res.status, `${q} ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.slots).toEqual([]);
    }

    // Several venues: venue_id is required.
    const second = await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'Second', timezone: 'Europe/London', operating_hours: DAYTIME } });
    await call(app, 'PUT', `/api/games/${gameId}`, { token: org.token, body: { venue_ids: [venueId, second.body.id] } });
    const ambiguous = await call(app, 'GET', url('from=2026-03-03&to=2026-03-03'), { token: org.token });
    expect(ambiguous.status).toBe(400);
    expect(Object.keys(ambiguous.body.fields)).toContain('querystring.venue_id');
    const london = await call(app, 'GET', url(`venue_id=${second.body.id}&from=2026-03-03&to=2026-03-03`), { token: org.token });
    expect(london.body).toMatchObject({ timezone: 'Europe/London' });
    expect(london.body.slots[0].start_at).toBe('2026-03-03T10:00:00Z');

    const unlinked = await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'Unlinked', timezone: 'UTC' } });
    const notFound = [
      url(`venue_id=${unlinked.body.id}&from=2026-03-03&to=2026-03-03`),
      url(`venue_id=00000000-0000-4000-8000-000000000000&from=2026-03-03&to=2026-03-03`),
      `/api/games/00000000-0000-4000-8000-000000000000/availability?venue_id=${venueId}&from=2026-03-03&to=2026-03-03`,
      `/api/games/00000000-0000-4000-8000-000000000000/availability?from=2026-03-03&to=2026-03-03`,
    ];
    for (const u of notFound) {
      const res = await call(app, 'GET', u, { token: org.token });
      expect(res.status, u).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    // An archived venue or game has nothing to offer.
    await call(app, 'DELETE', `/api/venues/${second.body.id}`, { token: org.token });
    expect((await call(app, 'GET', url(`venue_id=${second.body.id}&from=2026-03-03&to=2026-03-03`), { token: org.token })).status).toBe(404);
    await call(app, 'DELETE', `/api/games/${gameId}`, { token: org.token });
    expect((await call(app, 'GET', url(`venue_id=${venueId}&from=2026-03-03&to=2026-03-03`), { token: org.token })).status).toBe(404);
  });

  it('asks for a venue when the game is offered at none', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const g = await call(app, 'POST', '/api/games', { token: org.token, body: { name: 'Nowhere', duration_minutes: 60, max_players: 4, price_cents: 100 } });
    const res = await call(app, 'GET', `/api/games/${g.body.id}/availability?from=2026-03-03&to=2026-03-03`, { token: org.token });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', message: 'This game is not offered at any venue yet', fields: { 'querystring.venue_id': 'required' } });
  });

  it('has no slots for an inactive game', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venueId, gameId } = await setup(app, org.token, {}, { active: false });
    expect(await slots(app, org.token, gameId, `venue_id=${venueId}&from=2026-03-03&to=2026-03-03`)).toEqual([]);
  });
});
