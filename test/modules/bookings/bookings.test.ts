import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg } from '../../support/fixtures.js';
import { at, book, createCustomer, createGame, createVenue, DAY, NOW, postBooking, world, type Booking } from './helpers.js';

describe('bookings: create', () => {
  const t = useTestApp({ now: NOW });

  it('books by start_at and by venue-local date and time, with venue-local fields and amounts in minor units', async () => {
    const { app } = t();
    const org = await signupOrg(app, { currency: 'EUR', timezone: 'Europe/Berlin' });
    const { venue, game, customer } = await world(app, org.token);

    const byInstant = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: '2026-06-10T14:00:00Z', party_size: 4, customer_id: customer.id, notes: 'Birthday' });
    expect(byInstant.booking_number).toMatch(/^BK-[2-9A-HJ-NP-Z]{7}$/);
    expect(byInstant).toMatchObject({
      organization_id: org.organizationId, customer_id: customer.id, game_id: game.id, venue_id: venue.id,
      start_at: at('10:00'), end_at: at('11:00'), booking_date: DAY, start_time: '10:00', end_time: '11:00',
      party_size: 4, status: 'confirmed', payment_status: 'pending', total_amount: 12000, discount_amount: 0,
      final_amount: 12000, refund_amount: 0, currency: 'EUR', notes: 'Birthday', source: 'admin', created_by: org.userId,
      customer: { id: customer.id, full_name: 'Casey Customer' }, game: { id: game.id, name: 'The Vault', duration_minutes: 60 },
    });

    const byLocal = await book(app, org.token, { game_id: game.id, venue_id: venue.id, booking_date: DAY, start_time: '20:30', party_size: 2, customer_id: customer.id, status: 'pending' });
    expect(byLocal).toMatchObject({ start_at: at('20:30'), end_at: at('21:30'), booking_date: DAY, start_time: '20:30', end_time: '21:30', status: 'pending', total_amount: 6000 });
    expect(Date.parse(byLocal.start_at)).toBe(Date.parse('2026-06-11T00:30:00Z'));
    expect(byLocal.booking_number).not.toBe(byInstant.booking_number);
  });

  it('prices flat games per booking and applies a venue price override', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const cheap = await createVenue(app, org.token, { name: 'Outlet' });
    const normal = await createVenue(app, org.token);
    const flat = await createGame(app, org.token, [cheap.id, normal.id], { pricing: 'flat', price_cents: 15000, venue_prices: [{ venue_id: cheap.id, price_cents: 9900 }] });
    const perPlayer = await createGame(app, org.token, [cheap.id], { price_cents: 2500, venue_prices: [{ venue_id: cheap.id, price_cents: 2000 }] });
    const c = await createCustomer(app, org.token);
    const base = { start_at: at('12:00'), customer_id: c.id };
    expect(await book(app, org.token, { ...base, game_id: flat.id, venue_id: normal.id, party_size: 5 })).toMatchObject({ total_amount: 15000, final_amount: 15000, currency: 'USD' });
    expect(await book(app, org.token, { ...base, game_id: flat.id, venue_id: cheap.id, party_size: 2 })).toMatchObject({ total_amount: 9900, final_amount: 9900 });
    expect(await book(app, org.token, { ...base, game_id: perPlayer.id, venue_id: cheap.id, party_size: 3 })).toMatchObject({ total_amount: 6000, final_amount: 6000 });
  });

  it('finds the customer by email case-insensitively, or creates one', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game } = await world(app, org.token);
    const known = await createCustomer(app, org.token, { full_name: 'Dana Known', email: 'dana@example.org' });
    const b1 = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('10:00'), party_size: 2, customer: { full_name: 'Someone Else', email: 'DANA@Example.ORG', phone: '+1 555 0101' } });
    expect(b1.customer_id).toBe(known.id);
    expect(b1.customer).toMatchObject({ id: known.id, full_name: 'Dana Known', email: 'dana@example.org', phone: '+1 555 0101' });

    const b2 = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('12:00'), party_size: 2, customer: { full_name: 'Eve New', email: 'Eve@Example.org' } });
    expect(b2.customer_id).not.toBe(known.id);
    const eve = await call(app, 'GET', `/api/customers/${b2.customer_id}`, { token: org.token });
    expect(eve.body).toMatchObject({ full_name: 'Eve New', email: 'eve@example.org', total_bookings: 1 });
    // The customer row and the booking are written by one statement: the reused customer's statistics still count it.
    const dana = await call(app, 'GET', `/api/customers/${known.id}`, { token: org.token });
    expect(dana.body).toMatchObject({ phone: '+1 555 0101', total_bookings: 1 });

    // Another organization with the same email gets its own customer.
    const other = await signupOrg(app);
    const w = await world(app, other.token);
    const b3 = await book(app, other.token, { game_id: w.game.id, venue_id: w.venue.id, start_at: at('10:00'), party_size: 2, customer: { full_name: 'Dana Elsewhere', email: 'dana@example.org' } });
    expect(b3.customer_id).not.toBe(known.id);
    expect(b3.customer.full_name).toBe('Dana Elsewhere');
  });

  it('a booking reuses a customer by email without renaming it, fills only a missing phone, never revives an erased one', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game } = await world(app, org.token);
    const existing = await createCustomer(app, org.token, { full_name: 'Operator Name', email: 'guest@example.org' });
    const first = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('10:00'), party_size: 2, customer: { full_name: 'Widget Name', email: 'GUEST@Example.ORG', phone: '555 0001' } });
    const second = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('12:00'), party_size: 2, customer: { full_name: 'Other', email: 'guest@example.org', phone: '555 9999' } });
    expect([first.customer_id, second.customer_id]).toEqual([existing.id, existing.id]);
    expect(second.customer).toMatchObject({ full_name: 'Operator Name', phone: '555 0001' });
    expect((await call(app, 'GET', `/api/customers/${existing.id}`, { token: org.token })).body).toMatchObject({ full_name: 'Operator Name', phone: '555 0001', total_bookings: 2 });

    const erased = await createCustomer(app, org.token, { full_name: 'Erase Me', email: 'gone@example.org' });
    expect((await call(app, 'DELETE', `/api/customers/${erased.id}`, { token: org.token })).status).toBe(204);
    const back = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('14:00'), party_size: 2, customer: { full_name: 'Back Again', email: 'gone@example.org' } });
    expect(back.customer_id).not.toBe(erased.id);
    expect(back.customer).toMatchObject({ full_name: 'Back Again', email: 'gone@example.org', phone: null });
  });

  it('concurrent bookings in different rooms by one new email make exactly one customer', async () => {
    // Different games are different rooms, so these bookings do not wait for each other's room lock: the
    // customers' unique (organization, email) key alone decides, inside each booking's single statement.
    const { app, db } = t();
    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const games = await Promise.all(Array.from({ length: 10 }, (_, i) => createGame(app, org.token, [venue.id], { name: `Room ${i}` })));
    const email = `rush-${randomUUID()}@example.org`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postBooking(app, org.token, {
          game_id: games[i % 10]!.id, venue_id: venue.id, start_at: at(i < 10 ? '10:00' : '14:00'), party_size: 2,
          customer: { full_name: `Racer ${i}`, email: i % 2 ? email.toUpperCase() : email, phone: `555 00${i}` },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => (a.body as Booking).customer_id)).size).toBe(1);
    const rows = await db.query<{ n: number; total: number }>('select count(*)::int as n, max(total_bookings)::int as total from customers where organization_id = $1 and email = $2', [org.organizationId, email]);
    expect(rows.rows[0]).toEqual({ n: 1, total: 20 });
  });

  it('refuses starts outside opening hours, off the grid, in the past or in a DST gap with 422', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id };
    const refusals: Record<string, unknown>[] = [
      { start_at: at('09:30') }, // before opening
      { start_at: at('21:30') }, // would end after closing
      { start_at: at('10:10') }, // off the 30-minute grid
      { start_at: '2026-05-31T14:00:00Z' }, // yesterday
      { start_at: '2026-06-01T11:00:00Z' }, // an hour ago
      { start_at: at('12:00', '2027-01-15') }, // beyond max_advance_days (90)
      { booking_date: '2027-03-14', start_time: '02:30' }, // does not exist in New York
    ];
    for (const when of refusals) {
      const res = await postBooking(app, org.token, { ...base, ...when });
      expect(res.status, JSON.stringify(when)).toBe(422);
      expect(res.body.code).toBe('rule_violation');
    }
    const list = await call(app, 'GET', '/api/bookings', { token: org.token });
    expect(list.body.total).toBe(0);
  });

  it('books both instants of a repeated fall-back hour, and refuses an ambiguous or skipped local time', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token, { name: 'Night owl', operating_hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' })) });
    const game = await createGame(app, org.token, [venue.id], { buffer_minutes: 0, max_advance_days: 365 });
    const c = await createCustomer(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: c.id };
    const first = await book(app, org.token, { ...base, start_at: '2026-11-01T01:30:00-04:00' });
    const second = await book(app, org.token, { ...base, start_at: '2026-11-01T01:30:00-05:00' });
    expect(first).toMatchObject({ booking_date: '2026-11-01', start_time: '01:30', end_time: '01:30', start_at: '2026-11-01T01:30:00-04:00', end_at: '2026-11-01T01:30:00-05:00' });
    expect(second).toMatchObject({ booking_date: '2026-11-01', start_time: '01:30', end_time: '02:30', start_at: '2026-11-01T01:30:00-05:00' });
    for (const local of [{ booking_date: '2026-11-01', start_time: '01:30' }, { booking_date: '2027-03-14', start_time: '02:30' }]) {
      const res = await postBooking(app, org.token, { ...base, ...local });
      expect(res.status, JSON.stringify(local)).toBe(422);
      expect(res.body.code).toBe('rule_violation');
    }
    // The hour before the gap exists once: 01:30 EST, ending at 03:30 EDT.
    expect(await book(app, org.token, { ...base, booking_date: '2027-03-14', start_time: '01:30' })).toMatchObject({ start_at: '2027-03-14T01:30:00-05:00', end_time: '03:30' });
  });

  it('refuses a party outside the game’s player range with 422', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    for (const party_size of [1, 7]) {
      const res = await postBooking(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('10:00'), party_size, customer_id: customer.id });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'rule_violation', fields: { party_size: 'between 2 and 6' } });
    }
  });

  it('answers 404 for unknown ids and for another organization’s venue, game or customer', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const mine = await world(app, org.token);
    const other = await signupOrg(app);
    const theirs = await world(app, other.token);
    const unlinked = await createVenue(app, org.token, { name: 'Not offered here' });
    const base = { game_id: mine.game.id, venue_id: mine.venue.id, start_at: at('10:00'), party_size: 2, customer_id: mine.customer.id };
    const cases: Record<string, unknown>[] = [
      { game_id: randomUUID() }, { venue_id: randomUUID() }, { customer_id: randomUUID() },
      { game_id: theirs.game.id }, { venue_id: theirs.venue.id }, { customer_id: theirs.customer.id },
      { venue_id: unlinked.id },
    ];
    for (const change of cases) {
      const res = await postBooking(app, org.token, { ...base, ...change });
      expect(res.status, JSON.stringify(change)).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    // Their booking is invisible here.
    const theirBooking = await book(app, other.token, { game_id: theirs.game.id, venue_id: theirs.venue.id, start_at: at('10:00'), party_size: 2, customer_id: theirs.customer.id });
    for (const [method, url] of [['GET', ''], ['PUT', ''], ['DELETE', ''], ['POST', '/checkin']] as const) {
      const res = await call(app, method, `/api/bookings/${theirBooking.id}${url}`, { token: org.token, ...(method === 'PUT' ? { body: { notes: 'x' } } : {}) });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    const still = await call(app, 'GET', `/api/bookings/${theirBooking.id}`, { token: other.token });
    expect(still.body).toMatchObject({ status: 'confirmed', notes: '' });
  });

  it('refuses bad bodies with 400 validation_failed and fields', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, start_at: at('10:00'), party_size: 2, customer_id: customer.id };
    const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));
    const noStart = without('start_at');
    const noCustomer = without('customer_id');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, game_id: 'nope' }, 'body.game_id'],
      [{ ...base, party_size: 0 }, 'body.party_size'],
      [{ ...base, party_size: 2.5 }, 'body.party_size'],
      [{ ...base, start_at: '2026-06-10T10:00:00' }, 'body.start_at'], // no offset
      [noStart, 'body.start_at'],
      [{ ...noStart, booking_date: DAY }, 'body.start_time'],
      [{ ...noStart, booking_date: '2026-02-30', start_time: '10:00' }, 'body.booking_date'],
      [{ ...noStart, booking_date: DAY, start_time: '25:00' }, 'body.start_time'],
      [{ ...base, booking_date: DAY, start_time: '10:00' }, 'body.start_at'],
      [noCustomer, 'body.customer_id'],
      [{ ...base, customer: { full_name: 'X', email: 'x@example.org' } }, 'body.customer_id'],
      [{ ...noCustomer, customer: { full_name: 'X', email: 'not-an-email' } }, 'body.customer.email'],
      [{ ...noCustomer, customer: { full_name: '', email: 'x@example.org' } }, 'body.customer.full_name'],
      [{ ...base, status: 'checked-in' }, 'body.status'],
      [{ ...base, surprise: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await postBooking(app, org.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    const malformed = await app.inject({ method: 'POST', url: '/api/bookings', headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' }, payload: '{"game_id":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed' });
  });
});

describe('bookings: one slot, one group (private) or up to capacity (shared)', () => {
  const t = useTestApp({ now: NOW });

  it('refuses an overlapping private booking, the turnover buffer included, with 409 slot_unavailable', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const other = await createCustomer(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2 };
    await book(app, org.token, { ...base, start_at: at('12:00'), customer_id: customer.id });
    // 12:00-13:00 plus 30 minutes of turnover: a start from 11:00 (whose own turnover reaches 12:30) to 13:00 overlaps.
    for (const time of ['12:00', '12:30', '13:00', '11:30', '11:00']) {
      const res = await postBooking(app, org.token, { ...base, start_at: at(time), customer_id: other.id });
      expect(res.status, time).toBe(409);
      expect(res.body.code).toBe('slot_unavailable');
    }
    await book(app, org.token, { ...base, start_at: at('13:30'), customer_id: other.id });
    await book(app, org.token, { ...base, start_at: at('10:30'), customer_id: other.id }); // ends 11:30, free by 12:00
    // Another venue, or another game, is another room.
    const venue2 = await createVenue(app, org.token, { name: 'Uptown' });
    const game2 = await createGame(app, org.token, [venue.id, venue2.id], { name: 'The Lab' });
    await book(app, org.token, { ...base, game_id: game2.id, start_at: at('12:00'), customer_id: other.id });
    await book(app, org.token, { ...base, game_id: game2.id, venue_id: venue2.id, start_at: at('12:00'), customer_id: other.id });

    const list = await call(app, 'GET', `/api/bookings?game_id=${game.id}`, { token: org.token });
    expect(list.body.data.map((b: Booking) => b.start_time)).toEqual(['10:30', '12:00', '13:30']);
  });

  it('sells shared seats until max_players, then answers 409', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token, { booking_mode: 'shared', min_players: 1, max_players: 8, price_cents: 1500 });
    const base = { game_id: game.id, venue_id: venue.id, start_at: at('15:00'), customer_id: customer.id };
    expect(await book(app, org.token, { ...base, party_size: 5 })).toMatchObject({ total_amount: 7500 });
    const tooMany = await postBooking(app, org.token, { ...base, party_size: 4 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.code).toBe('slot_unavailable');
    await book(app, org.token, { ...base, party_size: 3 });
    const full = await postBooking(app, org.token, { ...base, party_size: 1 });
    expect(full.status).toBe(409);
    // The overlapping half-hour is part of the same session's seats; the next free start is after the buffer.
    expect((await postBooking(app, org.token, { ...base, start_at: at('15:30'), party_size: 1 })).status).toBe(409);
    await book(app, org.token, { ...base, start_at: at('16:30'), party_size: 8 });

    const avail = await call(app, 'GET', `/api/games/${game.id}/availability?venue_id=${venue.id}&from=${DAY}&to=${DAY}&party_size=1`, { token: org.token });
    expect(avail.status).toBe(200);
    const slot = avail.body.slots.find((s: { start_time: string }) => s.start_time === '15:00');
    expect(slot).toMatchObject({ available: false, remaining_capacity: 0 });
  });
});

describe('bookings: read and search', () => {
  const t = useTestApp({ now: NOW });

  it('returns one booking with its summaries, and lists with filters and pagination', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const venue2 = await createVenue(app, org.token, { name: 'Uptown', timezone: 'America/Los_Angeles' });
    const game2 = await createGame(app, org.token, [venue.id, venue2.id], { name: 'Pirate Ship' });
    const zoe = await createCustomer(app, org.token, { full_name: 'Zoe Quartz', email: 'zoe.quartz@example.org' });

    const a = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('10:00'), party_size: 2, customer_id: customer.id });
    const b = await book(app, org.token, { game_id: game.id, venue_id: venue.id, start_at: at('10:00', '2026-06-11'), party_size: 2, customer_id: zoe.id, status: 'pending' });
    const c = await book(app, org.token, { game_id: game2.id, venue_id: venue.id, start_at: at('10:00', '2026-06-12'), party_size: 3, customer_id: zoe.id });
    // 21:30 in Los Angeles on June 12 is already June 13 in UTC: the filter uses the venue-local date.
    const d = await book(app, org.token, { game_id: game2.id, venue_id: venue2.id, booking_date: '2026-06-12', start_time: '20:30', party_size: 2, customer_id: customer.id });
    expect(d).toMatchObject({ booking_date: '2026-06-12', start_time: '20:30', start_at: '2026-06-12T20:30:00-07:00' });
    await call(app, 'DELETE', `/api/bookings/${a.id}`, { token: org.token });

    const one = await call(app, 'GET', `/api/bookings/${c.id}`, { token: org.token });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: c.id, booking_number: c.booking_number, customer: { id: zoe.id, full_name: 'Zoe Quartz', email: 'zoe.quartz@example.org', phone: null },
      game: { id: game2.id, name: 'Pirate Ship', duration_minutes: 60 }, venue: { id: venue.id, name: 'Downtown' },
    });
    expect((await call(app, 'GET', `/api/bookings/${randomUUID()}`, { token: org.token })).status).toBe(404);
    expect((await call(app, 'GET', '/api/bookings/not-a-uuid', { token: org.token })).status).toBe(400);

    const ids = async (query: string) => {
      const res = await call(app, 'GET', `/api/bookings?${query}`, { token: org.token });
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
      return (res.body.data as Booking[]).map((x) => x.id);
    };
    expect(await ids('')).toEqual([a.id, b.id, c.id, d.id]);
    expect(await ids('status=cancelled')).toEqual([a.id]);
    expect(await ids('status=pending,confirmed')).toEqual([b.id, c.id, d.id]);
    expect(await ids(`venue_id=${venue2.id}`)).toEqual([d.id]);
    expect(await ids(`game_id=${game2.id}`)).toEqual([c.id, d.id]);
    expect(await ids(`customer_id=${zoe.id}`)).toEqual([b.id, c.id]);
    expect(await ids('from=2026-06-11&to=2026-06-12')).toEqual([b.id, c.id, d.id]);
    expect(await ids('to=2026-06-10')).toEqual([a.id]);
    expect(await ids('from=2026-06-13')).toEqual([]);
    expect(await ids(`q=${c.booking_number}`)).toEqual([c.id]);
    expect(await ids(`q=${c.booking_number.toLowerCase()}`)).toEqual([c.id]);
    expect(await ids('q=quartz')).toEqual([b.id, c.id]);
    expect(await ids('q=ZOE.QUARTZ%40example')).toEqual([b.id, c.id]);
    expect(await ids('q=casey')).toEqual([a.id, d.id]);
    expect(await ids('q=%25')).toEqual([]);
    expect(await ids('q=_')).toEqual([]);
    expect(await ids('sort=-start_at')).toEqual([d.id, c.id, b.id, a.id]);

    const page = await call(app, 'GET', '/api/bookings?limit=3&page=2', { token: org.token });
    expect(page.body).toMatchObject({ total: 4, page: 2, pages: 2 });
    expect(page.body.data.map((x: Booking) => x.id)).toEqual([d.id]);
    for (const bad of ['status=lost', 'venue_id=x', 'from=2026-13-01', 'limit=101', 'page=0']) {
      const res = await call(app, 'GET', `/api/bookings?${bad}`, { token: org.token });
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    // Another organization sees none of them.
    const other = await signupOrg(app);
    expect((await call(app, 'GET', '/api/bookings', { token: other.token })).body).toEqual({ data: [], total: 0, page: 1, pages: 1, total_exact: true });
  });
});
