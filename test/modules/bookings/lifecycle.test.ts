import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { addUser, signupOrg } from '../../support/fixtures.js';
import { at, book, createCustomer, DAY, NOW, postBooking, world, type Booking } from './helpers.js';

/** Pays what a booking still owes, at the desk. */
async function markPaid(app: FastifyInstance, token: string, bookingId: string) {
  const due = (await call(app, 'GET', `/api/bookings/${bookingId}`, { token })).body as { final_amount: number; amount_paid: number };
  const res = await call(app, 'POST', '/api/payments', { token, body: { booking_id: bookingId, method: 'card_present', amount_cents: due.final_amount - due.amount_paid } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const put = (app: FastifyInstance, token: string, id: string, body: Record<string, unknown>) => call(app, 'PUT', `/api/bookings/${id}`, { token, body });
const act = (app: FastifyInstance, token: string, id: string, action: string) => call(app, 'POST', `/api/bookings/${id}/${action}`, { token });

describe('bookings: reschedule and edit', () => {
  const t = useTestApp({ now: NOW });

  it('moves a booking only onto a free slot; the old slot frees up', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id };
    const a = await book(app, org.token, { ...base, start_at: at('10:00') });
    const b = await book(app, org.token, { ...base, start_at: at('12:00') });

    for (const when of [{ start_at: at('12:00') }, { start_at: at('11:00') }, { booking_date: DAY, start_time: '12:30' }]) {
      const taken = await put(app, org.token, a.id, when);
      expect(taken.status, JSON.stringify(when)).toBe(409);
      expect(taken.body.code).toBe('slot_unavailable');
    }
    const outside = await put(app, org.token, a.id, { start_at: at('21:30') });
    expect(outside.status).toBe(422);
    expect((await call(app, 'GET', `/api/bookings/${a.id}`, { token: org.token })).body).toMatchObject({ start_time: '10:00', end_time: '11:00' });

    const moved = await put(app, org.token, a.id, { booking_date: '2026-06-11', start_time: '14:00', notes: 'moved by phone' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ id: a.id, booking_number: a.booking_number, start_at: at('14:00', '2026-06-11'), booking_date: '2026-06-11', start_time: '14:00', end_time: '15:00', notes: 'moved by phone', total_amount: 6000 });
    // A small move that overlaps its own old time is fine.
    expect((await put(app, org.token, b.id, { start_at: at('12:30') })).body).toMatchObject({ start_time: '12:30' });
    // 10:00 is free again.
    await book(app, org.token, { ...base, start_at: at('10:00') });
  });

  it('re-prices a party size change and re-checks the player range and shared capacity', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const a = await book(app, org.token, { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id, start_at: at('10:00') });
    expect((await put(app, org.token, a.id, { party_size: 5 })).body).toMatchObject({ party_size: 5, total_amount: 15000, final_amount: 15000 });
    for (const party_size of [1, 7]) {
      const res = await put(app, org.token, a.id, { party_size });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('rule_violation');
    }
    expect((await put(app, org.token, a.id, { notes: 'allergic to cats' })).body).toMatchObject({ party_size: 5, total_amount: 15000, notes: 'allergic to cats' });
    expect((await put(app, org.token, a.id, { party_size: 0 })).status).toBe(400);

    const shared = await world(app, org.token, { booking_mode: 'shared', min_players: 1, max_players: 6, name: 'Quiz night' });
    const sb = { game_id: shared.game.id, venue_id: shared.venue.id, customer_id: customer.id, start_at: at('18:00') };
    const s1 = await book(app, org.token, { ...sb, party_size: 3 });
    await book(app, org.token, { ...sb, party_size: 2 });
    const over = await put(app, org.token, s1.id, { party_size: 5 });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('slot_unavailable');
    expect((await put(app, org.token, s1.id, { party_size: 4 })).body).toMatchObject({ party_size: 4, total_amount: 12000 });
  });

  it('refuses to move or resize a booking that is over, and to edit another status than by the machine', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const a = await book(app, org.token, { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id, start_at: at('10:00') });
    expect((await put(app, org.token, a.id, { status: 'pending' })).body.code).toBe('invalid_transition');
    expect((await act(app, org.token, a.id, 'checkin')).status).toBe(200);
    for (const body of [{ start_at: at('14:00') }, { party_size: 3 }]) {
      const res = await put(app, org.token, a.id, body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('rule_violation');
    }
    expect((await put(app, org.token, a.id, { notes: 'great team' })).body).toMatchObject({ status: 'checked-in', notes: 'great team' });
    expect((await put(app, org.token, a.id, { status: 'completed' })).body.status).toBe('completed');
    expect((await put(app, org.token, a.id, { status: 'cancelled' })).body.code).toBe('invalid_transition');
  });
});

describe('bookings: cancel', () => {
  const t = useTestApp({ now: NOW });

  it('keeps the row, frees the slot, and is safe to repeat', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id, start_at: at('10:00') };
    const a = await book(app, org.token, base);
    const cancelled = await call(app, 'DELETE', `/api/bookings/${a.id}`, { token: org.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: a.id, status: 'cancelled', cancelled_at: NOW.toISOString(), refund_amount: 0, payment_status: 'pending' });
    expect((await call(app, 'GET', `/api/bookings/${a.id}`, { token: org.token })).body.status).toBe('cancelled');
    const again = await call(app, 'DELETE', `/api/bookings/${a.id}`, { token: org.token });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('cancelled');

    const b = await book(app, org.token, base);
    expect(b.id).not.toBe(a.id);
    // A cancelled booking stays cancelled: it cannot take its old slot back.
    for (const action of ['confirm', 'checkin']) expect((await act(app, org.token, a.id, action)).body.code).toBe('invalid_transition');
    expect((await put(app, org.token, a.id, { status: 'confirmed' })).body.code).toBe('invalid_transition');
    const list = await call(app, 'GET', '/api/bookings', { token: org.token });
    expect(list.body.total).toBe(2);
  });

  it('refunds what was paid by the organization’s policy, inside and outside the window', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 4, customer_id: customer.id };
    const cancel = async (start_at: string, paid = true) => {
      const b = await book(app, org.token, { ...base, start_at });
      if (paid) await markPaid(app, org.token, b.id);
      const res = await call(app, 'DELETE', `/api/bookings/${b.id}`, { token: org.token });
      expect(res.status).toBe(200);
      return res.body as Booking;
    };
    // Default policy: 24 h window, full refund before it, none inside it. NOW is 08:00 in New York on June 1.
    expect(await cancel(at('10:00'))).toMatchObject({ status: 'cancelled', final_amount: 12000, refund_amount: 12000, payment_status: 'refunded' });
    expect(await cancel(at('20:00', '2026-06-01'))).toMatchObject({ refund_amount: 0, payment_status: 'paid' });
    expect(await cancel(at('10:00', '2026-06-03'), false)).toMatchObject({ refund_amount: 0, payment_status: 'pending' });

    const policy = await call(app, 'PUT', '/api/organization', { token: org.token, body: { policies: { cancellation_window_hours: 48, refund_percent_inside_window: 50, refund_percent_outside_window: 90 } } });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    expect(await cancel(at('12:00', '2026-06-02'))).toMatchObject({ refund_amount: 6000 }); // 28 h ahead: inside 48 h
    expect(await cancel(at('12:00', '2026-06-04'))).toMatchObject({ refund_amount: 10800 }); // 76 h ahead: 90 %
  });
});

describe('bookings: status machine', () => {
  const t = useTestApp({ now: NOW });

  it('checks in, completes, marks no-shows and confirms; refuses every other move with 409', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    let slot = 0;
    const next = (status: 'pending' | 'confirmed' = 'confirmed') =>
      book(app, org.token, { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id, start_at: at(`${10 + 2 * slot++}:00`), status });

    const a = await next();
    const checkedIn = await act(app, org.token, a.id, 'checkin');
    expect(checkedIn.body).toMatchObject({ status: 'checked-in', checked_in_at: NOW.toISOString() });
    expect((await act(app, org.token, a.id, 'complete')).body.status).toBe('completed');

    const p = await next('pending');
    for (const action of ['checkin', 'no-show', 'complete']) {
      const res = await act(app, org.token, p.id, action);
      expect(res.status, action).toBe(409);
      expect(res.body.code).toBe('invalid_transition');
    }
    expect((await act(app, org.token, p.id, 'confirm')).body.status).toBe('confirmed');
    expect((await act(app, org.token, p.id, 'no-show')).body.status).toBe('no-show');

    const illegal: [string, string][] = [[a.id, 'confirm'], [a.id, 'checkin'], [a.id, 'no-show'], [p.id, 'checkin'], [p.id, 'confirm']];
    for (const [id, action] of illegal) {
      const res = await act(app, org.token, id, action);
      expect(res.status, action).toBe(409);
      expect(res.body.code).toBe('invalid_transition');
    }
    const del = await call(app, 'DELETE', `/api/bookings/${a.id}`, { token: org.token });
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('invalid_transition');
    const c = await next();
    expect((await act(app, org.token, c.id, 'complete')).body.code).toBe('invalid_transition');
    expect((await act(app, org.token, randomUUID(), 'checkin')).status).toBe(404);
    expect((await call(app, 'GET', `/api/bookings/${a.id}`, { token: org.token })).body.status).toBe('completed');
  });

  it('batch-status applies one status to many bookings, each succeeding or failing alone', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id };
    const a = await book(app, org.token, { ...base, start_at: at('10:00') });
    const b = await book(app, org.token, { ...base, start_at: at('12:00') });
    const p = await book(app, org.token, { ...base, start_at: at('14:00'), status: 'pending' });
    const other = await signupOrg(app);
    const w = await world(app, other.token);
    const theirs = await book(app, other.token, { game_id: w.game.id, venue_id: w.venue.id, party_size: 2, customer_id: w.customer.id, start_at: at('10:00') });
    const unknown = randomUUID();

    const res = await call(app, 'POST', '/api/bookings/batch-status', { token: org.token, body: { ids: [a.id, p.id, theirs.id, b.id, unknown, a.id], status: 'checked-in' } });
    expect(res.status).toBe(200);
    expect(res.body.updated).toEqual([a.id, b.id]);
    expect(res.body.failed).toEqual([
      { id: p.id, code: 'invalid_transition', message: expect.any(String) },
      { id: theirs.id, code: 'not_found', message: expect.any(String) },
      { id: unknown, code: 'not_found', message: expect.any(String) },
    ]);
    expect((await call(app, 'GET', `/api/bookings/${theirs.id}`, { token: other.token })).body.status).toBe('confirmed');
    expect((await call(app, 'GET', `/api/bookings/${p.id}`, { token: org.token })).body.status).toBe('pending');
    expect((await call(app, 'GET', `/api/bookings/${b.id}`, { token: org.token })).body).toMatchObject({ status: 'checked-in', checked_in_at: NOW.toISOString() });

    const cancel = await call(app, 'POST', '/api/bookings/batch-status', { token: org.token, body: { ids: [p.id, a.id], status: 'cancelled' } });
    expect(cancel.body).toMatchObject({ updated: [p.id], failed: [{ id: a.id, code: 'invalid_transition' }] });
    expect((await call(app, 'GET', `/api/bookings/${p.id}`, { token: org.token })).body).toMatchObject({ status: 'cancelled', cancelled_at: NOW.toISOString() });

    for (const body of [{ ids: [], status: 'confirmed' }, { ids: ['x'], status: 'confirmed' }, { ids: [a.id], status: 'lost' }, { ids: [a.id] }]) {
      const bad = await call(app, 'POST', '/api/bookings/batch-status', { token: org.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
  });
});

describe('bookings: idempotency, roles and customer statistics', () => {
  const t = useTestApp({ now: NOW });

  it('replays the first answer for the same Idempotency-Key and body, and refuses another body', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game } = await world(app, org.token);
    const body = { game_id: game.id, venue_id: venue.id, start_at: at('10:00'), party_size: 3, customer: { full_name: 'Ivy Idem', email: 'ivy@example.org' } };
    const key = { 'idempotency-key': 'order-1234' };

    const first = await postBooking(app, org.token, body, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await postBooking(app, org.token, { ...body, customer: { email: 'ivy@example.org', full_name: 'Ivy Idem' } }, key);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);

    const conflict = await postBooking(app, org.token, { ...body, party_size: 4 }, key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_conflict');
    const list = await call(app, 'GET', '/api/bookings', { token: org.token });
    expect(list.body.total).toBe(1);
    const customers = await call(app, 'GET', '/api/customers?q=ivy', { token: org.token });
    expect(customers.body.total).toBe(1);

    // Without a key, the same body is a second request, and the slot is taken.
    expect((await postBooking(app, org.token, body)).status).toBe(409);

    // Keys belong to an organization: another one may use the same key for its own booking.
    const other = await signupOrg(app);
    const w = await world(app, other.token);
    const theirs = await postBooking(app, other.token, { ...body, game_id: w.game.id, venue_id: w.venue.id }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(first.body.id);

    // A refused request leaves its key unused: the corrected request with that key goes through.
    const retryKey = { 'idempotency-key': 'order-5678' };
    expect((await postBooking(app, org.token, { ...body, start_at: at('09:00') }, retryKey)).status).toBe(422);
    const retried = await postBooking(app, org.token, { ...body, start_at: at('12:00') }, retryKey);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();

    // A key is remembered for 24 hours; after that it may name a new request.
    const clock = t().clock;
    clock.now = new Date(NOW.getTime() + 25 * 3_600_000);
    try {
      const reused = await postBooking(app, org.token, { ...body, start_at: at('16:00') }, key);
      expect(reused.status).toBe(201);
      expect(reused.headers['idempotent-replayed']).toBeUndefined();
      expect(reused.body.id).not.toBe(first.body.id);
    } finally {
      clock.now = NOW;
    }

    for (const bad of ['', 'has space', 'x'.repeat(201), 'é']) {
      const res = await postBooking(app, org.token, { ...body, start_at: at('14:00') }, { 'idempotency-key': bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('lets staff create, update, cancel and check in; refuses anonymous callers with 401', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game, customer } = await world(app, org.token);
    const staff = await addUser(app, org.token, 'staff');
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2, customer_id: customer.id };

    const a = await book(app, staff.token, { ...base, start_at: at('10:00') });
    expect(a.created_by).toBe(staff.userId);
    expect((await put(app, staff.token, a.id, { start_at: at('12:00'), party_size: 3 })).body).toMatchObject({ start_time: '12:00', total_amount: 9000 });
    expect((await act(app, staff.token, a.id, 'checkin')).body.status).toBe('checked-in');
    const b = await book(app, staff.token, { ...base, customer: { full_name: 'Walk In', email: 'walk.in@example.org' }, customer_id: undefined, start_at: at('14:00') });
    expect((await call(app, 'DELETE', `/api/bookings/${b.id}`, { token: staff.token })).body.status).toBe('cancelled');
    expect((await call(app, 'POST', '/api/bookings/batch-status', { token: staff.token, body: { ids: [a.id], status: 'completed' } })).body.updated).toEqual([a.id]);
    expect((await call(app, 'GET', '/api/bookings', { token: staff.token })).body.total).toBe(2);

    const anonymous: [string, string, unknown?][] = [
      ['GET', '/api/bookings'], ['POST', '/api/bookings', { ...base, start_at: at('16:00') }], ['GET', `/api/bookings/${a.id}`],
      ['PUT', `/api/bookings/${a.id}`, { notes: 'x' }], ['DELETE', `/api/bookings/${a.id}`], ['POST', `/api/bookings/${a.id}/checkin`],
      ['POST', '/api/bookings/batch-status', { ids: [a.id], status: 'cancelled' }],
    ];
    for (const [method, url, body] of anonymous) {
      const res = await call(app, method, url, body === undefined ? {} : { body });
      expect(res.status, `${method} ${url}`).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
    expect((await call(app, 'GET', '/api/bookings', { token: 'not-a-real-token' })).status).toBe(401);
    expect((await call(app, 'GET', `/api/bookings/${a.id}`, { token: org.token })).body).toMatchObject({ status: 'completed', notes: '' });
  });

  it('keeps the customer’s statistics and segment current as bookings are made, paid and cancelled', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const { venue, game } = await world(app, org.token);
    const c = await createCustomer(app, org.token);
    const stats = async () => {
      const res = await call(app, 'GET', `/api/customers/${c.id}`, { token: org.token });
      expect(res.status).toBe(200);
      return res.body as { total_bookings: number; lifetime_value_cents: number; last_booking_at: string | null; segment: string };
    };
    expect(await stats()).toMatchObject({ total_bookings: 0, lifetime_value_cents: 0, last_booking_at: null, segment: 'new' });
    const base = { game_id: game.id, venue_id: venue.id, customer_id: c.id };

    const a = await book(app, org.token, { ...base, party_size: 4, start_at: at('10:00') });
    let s = await stats();
    expect(s).toMatchObject({ total_bookings: 1, lifetime_value_cents: 12000, segment: 'new' });
    expect(Date.parse(s.last_booking_at!)).toBe(Date.parse(at('10:00')));

    const b = await book(app, org.token, { ...base, party_size: 2, start_at: at('10:00', '2026-06-20') });
    s = await stats();
    expect(s).toMatchObject({ total_bookings: 2, lifetime_value_cents: 18000, segment: 'regular' });
    expect(Date.parse(s.last_booking_at!)).toBe(Date.parse(at('10:00', '2026-06-20')));

    // Cancelling an unpaid booking takes it out of the count, the value and the last booking date.
    await call(app, 'DELETE', `/api/bookings/${b.id}`, { token: org.token });
    s = await stats();
    expect(s).toMatchObject({ total_bookings: 1, lifetime_value_cents: 12000, segment: 'new' });
    expect(Date.parse(s.last_booking_at!)).toBe(Date.parse(at('10:00')));

    // A paid booking cancelled inside the window without refund keeps its value; a refunded one does not.
    await markPaid(app, org.token, a.id);
    const late = await book(app, org.token, { ...base, party_size: 2, start_at: at('20:00', '2026-06-01') });
    await markPaid(app, org.token, late.id);
    await call(app, 'DELETE', `/api/bookings/${late.id}`, { token: org.token });
    expect(await stats()).toMatchObject({ total_bookings: 1, lifetime_value_cents: 18000 });
    await call(app, 'DELETE', `/api/bookings/${a.id}`, { token: org.token });
    expect(await stats()).toMatchObject({ total_bookings: 0, lifetime_value_cents: 6000, last_booking_at: null });

    // A pending booking counts as a booking but not as value until confirmed.
    const p = await book(app, org.token, { ...base, party_size: 3, start_at: at('14:00'), status: 'pending' });
    expect(await stats()).toMatchObject({ total_bookings: 1, lifetime_value_cents: 6000 });
    await act(app, org.token, p.id, 'confirm');
    expect(await stats()).toMatchObject({ total_bookings: 1, lifetime_value_cents: 15000 });
  });
});
