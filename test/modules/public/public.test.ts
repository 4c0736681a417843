import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { createGame, createVenue } from '../../support/catalog.js';
import { signupOrg, type SignedUpOrg } from '../../support/fixtures.js';

// Sunday 2026-03-01, 07:00 in New York.
const NOW = new Date('2026-03-01T12:00:00Z');
const HOURS = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' }));

interface Widget {
  org: SignedUpOrg;
  venueId: string;
  key: string;
  gameId: string;
}

/** An organization with a venue, its main game (private, $25 a player, $30 at this venue) and some others. */
async function widget(app: FastifyInstance, game: Record<string, unknown> = {}): Promise<Widget> {
  const org = await signupOrg(app);
  const venue = await createVenue(app, org.token, {
    name: 'Escape Works Downtown',
    operating_hours: HOURS,
    address: { city: 'New York', country: 'US' },
    closures: [{ date: '2026-03-10' }],
    settings: { public: { parking: 'Garage on 5th' }, internal_notes: 'alarm code 4321' },
  });
  const g = await createGame(app, org.token, {
    name: 'Vault',
    description: 'Crack it.',
    min_notice_minutes: 60,
    venue_ids: [venue.id],
    venue_prices: [{ venue_id: venue.id, price_cents: 3000 }],
    ...game,
  });
  return { org, venueId: venue.id, key: venue.embed_key, gameId: g.id };
}

function bookingBody(w: Widget, extra: Record<string, unknown> = {}) {
  return { game_id: w.gameId, start_at: '2026-03-05T19:00:00-05:00', party_size: 2, customer: { full_name: 'Wendy Widget', email: 'wendy@example.org', phone: '+1 555 0101' }, ...extra };
}

async function publicBook(app: FastifyInstance, w: Widget, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return call(app, 'POST', `/api/public/venues/${w.key}/bookings`, { body: bookingBody(w, extra), headers });
}

async function adminBooking(app: FastifyInstance, w: Widget, bookingNumber: string) {
  const res = await call(app, 'GET', `/api/bookings?q=${bookingNumber}`, { token: w.org.token });
  expect(res.status).toBe(200);
  expect(res.body.total).toBe(1);
  return res.body.data[0] as Record<string, unknown> & { customer: Record<string, unknown>; customer_id: string; status: string };
}

describe('public widget API', () => {
  // A high limit: this file makes many public requests from one address; the limit itself is tested below.
  const t = useTestApp({ now: NOW, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });

  it('shows the venue, organization name and branding, and active games only, without internal fields', async () => {
    const { app } = t();
    const w = await widget(app);
    await call(app, 'PUT', '/api/organization', { token: w.org.token, body: { branding: { primary_color: '#112233', widget_title: 'Book us' } } });
    const mk = (body: Record<string, unknown>) => call(app, 'POST', '/api/games', { token: w.org.token, body: { duration_minutes: 60, max_players: 4, price_cents: 100, venue_ids: [w.venueId], ...body } });
    await mk({ name: 'Sleeping Dragon', active: false });
    const archived = await mk({ name: 'Old Crypt' });
    await call(app, 'DELETE', `/api/games/${archived.body.id}`, { token: w.org.token });
    await call(app, 'POST', '/api/games', { token: w.org.token, body: { name: 'Elsewhere', duration_minutes: 60, max_players: 4, price_cents: 100 } });
    const shared = await mk({ name: 'Arcade', booking_mode: 'shared', pricing: 'flat' });

    const res = await call(app, 'GET', `/api/public/venues/${w.key}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['games', 'organization', 'venue']);
    expect(res.body.venue).toEqual({
      id: w.venueId,
      name: 'Escape Works Downtown',
      timezone: 'America/New_York',
      address: { city: 'New York', country: 'US' },
      phone: null,
      operating_hours: HOURS,
      closures: [{ date: '2026-03-10' }],
      settings: { parking: 'Garage on 5th' },
    });
    expect(res.body.organization).toMatchObject({ name: 'Escape Works', branding: { primary_color: '#112233', widget_title: 'Book us' } });
    expect(Object.keys(res.body.organization).sort()).toEqual(['branding', 'currency', 'name', 'policies']);
    expect(res.body.games).toEqual([
      { id: shared.body.id, name: 'Arcade', description: '', duration_minutes: 60, min_players: 1, max_players: 4, booking_mode: 'shared', pricing: 'flat', price_cents: 100, price_rules: [] },
      { id: w.gameId, name: 'Vault', description: 'Crack it.', duration_minutes: 60, min_players: 1, max_players: 6, booking_mode: 'private', pricing: 'per_player', price_cents: 3000, price_rules: [] },
    ]);
    const text = res.body && JSON.stringify(res.body);
    for (const secret of [w.org.organizationId, w.key, 'alarm code', 'internal_notes', 'organization_id', 'embed_key', 'archived_at', 'created_at', w.org.email]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers 404 for unknown, rotated and archived embed keys', async () => {
    const { app } = t();
    const w = await widget(app);
    for (const key of ['nope', 'x'.repeat(32), `${w.key}x`, `${w.key.slice(0, 31)}\u0000`, `${w.key.slice(0, 31)}é`, `${w.key} `, w.key.toLowerCase() === w.key ? w.key.toUpperCase() : w.key.toLowerCase()]) {
      const res = await call(app, 'GET', `/api/public/venues/${encodeURIComponent(key)}`);
      expect(res.status, key).toBe(404);
      expect(res.body.code).toBe('not_found');
      expect((await call(app, 'POST', `/api/public/venues/${encodeURIComponent(key)}/bookings`, { body: bookingBody(w) })).status).toBe(404);
      expect((await call(app, 'GET', `/api/public/venues/${encodeURIComponent(key)}/games/${w.gameId}/availability?from=2026-03-05&to=2026-03-05`)).status).toBe(404);
    }
    // Longer than any route parameter may be: refused by the router, in the API's error shape.
    const tooLong = await call(app, 'GET', `/api/public/venues/${'k'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('validation_failed');
    await call(app, 'DELETE', `/api/venues/${w.venueId}`, { token: w.org.token });
    expect((await call(app, 'GET', `/api/public/venues/${w.key}`)).status).toBe(404);
  });

  it('serves availability like the admin endpoint, for offered games only', async () => {
    const { app } = t();
    const w = await widget(app, { min_notice_minutes: 240 });
    const q = 'from=2026-03-01&to=2026-03-02&party_size=2';
    const pub = await call(app, 'GET', `/api/public/venues/${w.key}/games/${w.gameId}/availability?${q}`);
    const admin = await call(app, 'GET', `/api/games/${w.gameId}/availability?venue_id=${w.venueId}&${q}`, { token: w.org.token });
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual(admin.body);
    // Now is 07:00; four hours of notice leave 11:00 as today's first slot.
    expect(pub.body.slots[0]).toMatchObject({ start_at: '2026-03-01T11:00:00-05:00', booking_date: '2026-03-01', price_cents: 6000 });
    // Closures apply.
    expect((await call(app, 'GET', `/api/public/venues/${w.key}/games/${w.gameId}/availability?from=2026-03-10&to=2026-03-10`)).body.slots).toEqual([]);
    for (const bad of ['from=2026-03-05&to=2026-03-04', 'from=2026-03-01&to=2026-05-02', 'from=2026-03-01', 'from=2026-03-01&to=2026-03-01&party_size=0']) {
      const res = await call(app, 'GET', `/api/public/venues/${w.key}/games/${w.gameId}/availability?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }

    // Games the widget does not offer: not linked here, inactive, archived, another tenant's, unknown.
    const other = await widget(app);
    const unlinked = await call(app, 'POST', '/api/games', { token: w.org.token, body: { name: 'Not here', duration_minutes: 60, max_players: 4, price_cents: 100 } });
    const inactive = await call(app, 'POST', '/api/games', { token: w.org.token, body: { name: 'Off', duration_minutes: 60, max_players: 4, price_cents: 100, venue_ids: [w.venueId], active: false } });
    for (const id of [unlinked.body.id, inactive.body.id, other.gameId, '00000000-0000-4000-8000-000000000000']) {
      const res = await call(app, 'GET', `/api/public/venues/${w.key}/games/${id}/availability?from=2026-03-05&to=2026-03-05`);
      expect(res.status, id).toBe(404);
      expect(res.body.code).toBe('not_found');
      const booked = await call(app, 'POST', `/api/public/venues/${w.key}/bookings`, { body: bookingBody(w, { game_id: id }) });
      expect(booked.status, id).toBe(404);
    }
    expect((await call(app, 'GET', `/api/public/venues/${w.key}/games/not-a-uuid/availability?from=2026-03-05&to=2026-03-05`)).status).toBe(400);
  });

  it('books a slot: 201 with the booking number, amounts and a manage token; the slot is then taken', async () => {
    const { app } = t();
    const w = await widget(app);
    const res = await publicBook(app, w);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      start_at: '2026-03-05T19:00:00-05:00',
      end_at: '2026-03-05T20:00:00-05:00',
      booking_date: '2026-03-05',
      start_time: '19:00',
      end_time: '20:00',
      party_size: 2,
      final_amount: 6000,
      currency: 'USD',
    });
    expect(res.body.booking_number).toMatch(/^BK-[0-9A-Z]{6,10}$/);
    expect(res.body.manage_token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(res.body.manage_token.length * 6).toBeGreaterThanOrEqual(128);
    for (const hidden of ['organization_id', 'customer_id', 'customer_name', 'created_by', 'id', 'notes']) expect(res.body).not.toHaveProperty(hidden);

    const admin = await adminBooking(app, w, res.body.booking_number);
    expect(admin).toMatchObject({ source: 'widget', created_by: null, status: 'confirmed', party_size: 2, venue_id: w.venueId, game_id: w.gameId });
    expect(admin.customer).toMatchObject({ full_name: 'Wendy Widget', email: 'wendy@example.org', phone: '+1 555 0101' });

    const slot = (await call(app, 'GET', `/api/public/venues/${w.key}/games/${w.gameId}/availability?from=2026-03-05&to=2026-03-05`)).body.slots.find(
      (s: { start_time: string }) => s.start_time === '19:00',
    );
    expect(slot).toMatchObject({ available: false, remaining_capacity: 0 });
    const again = await publicBook(app, w, { customer: { full_name: 'Late Larry', email: 'larry@example.org' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('slot_unavailable');

    // The same slot by local date and time, and another offset for the same instant.
    const local = await publicBook(app, w, { start_at: undefined, booking_date: '2026-03-05', start_time: '20:00' });
    expect(local.status, JSON.stringify(local.body)).toBe(201);
    expect(local.body.start_at).toBe('2026-03-05T20:00:00-05:00');
    const utc = await publicBook(app, w, { start_at: '2026-03-06T02:00:00Z' });
    expect(utc.status, JSON.stringify(utc.body)).toBe(201);
    expect(utc.body.start_at).toBe('2026-03-05T21:00:00-05:00');
  });

  it('refuses bad booking requests without a 500', async () => {
    const { app } = t();
    const w = await widget(app);
    const invalid: [Record<string, unknown>, string][] = [
      [{ customer: undefined }, 'body.customer'],
      [{ customer: { full_name: 'No Mail' } }, 'body.customer.email'],
      [{ customer: { full_name: 'Bad Mail', email: 'not-an-email' } }, 'body.customer.email'],
      [{ customer: { full_name: '', email: 'a@example.org' } }, 'body.customer.full_name'],
      [{ party_size: 0 }, 'body.party_size'],
      [{ start_at: '2026-03-05T19:00:00' }, 'body.start_at'],
      [{ start_at: undefined }, 'body.start_at'],
      [{ booking_date: '2026-03-05' }, 'body.start_at'],
      [{ game_id: 'nope' }, 'body.game_id'],
      [{ venue_id: w.venueId }, 'body'],
      [{ status: 'pending' }, 'body'],
    ];
    for (const [extra, field] of invalid) {
      const res = await publicBook(app, w, extra);
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}), JSON.stringify(res.body)).toContain(field);
    }
    const rules: Record<string, unknown>[] = [
      { party_size: 7 },
      { start_at: '2026-03-05T19:30:00-05:00' }, // off the slot grid
      { start_at: '2026-03-05T08:00:00-05:00' }, // before opening
      { start_at: '2026-03-10T12:00:00-05:00' }, // closed that day
      { start_at: '2026-02-28T12:00:00-05:00' }, // past
      { start_at: '2027-03-05T12:00:00-05:00' }, // beyond max_advance_days
      { booking_date: '2026-03-08', start_time: '02:30', start_at: undefined }, // does not exist in New York
    ];
    for (const extra of rules) {
      const res = await publicBook(app, w, extra);
      expect(res.status, JSON.stringify(extra)).toBe(422);
      expect(res.body.code).toBe('rule_violation');
    }
    // Codes this organization never issued.
    for (const extra of [{ coupon_code: 'SPRING10' }, { gift_card_code: 'GC-1' }, { referral_code: 'REF-NOPE' }]) {
      const res = await publicBook(app, w, extra);
      expect(res.status, JSON.stringify(extra)).toBe(422);
      expect(res.body.code).toBe('invalid_code');
    }
    expect((await call(app, 'GET', `/api/bookings`, { token: w.org.token })).body.total).toBe(0);
  });

  it('respects the minimum notice, which staff at the desk may skip', async () => {
    const { app } = t();
    const w = await widget(app, { min_notice_minutes: 240 });
    // 10:00 is three hours away: too soon for the widget.
    const soon = await publicBook(app, w, { start_at: '2026-03-01T10:00:00-05:00' });
    expect(soon.status).toBe(422);
    expect(soon.body.code).toBe('rule_violation');
    const ok = await publicBook(app, w, { start_at: '2026-03-01T11:00:00-05:00' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const desk = await call(app, 'POST', '/api/bookings', {
      token: w.org.token,
      body: { game_id: w.gameId, venue_id: w.venueId, start_at: '2026-03-01T10:00:00-05:00', party_size: 2, customer: { full_name: 'Walk In', email: 'walkin@example.org' } },
    });
    expect(desk.status, JSON.stringify(desk.body)).toBe(201);
  });

  it('reuses the organization’s customer by email, case-insensitively, without revealing it', async () => {
    const { app } = t();
    const w = await widget(app);
    const alice = await call(app, 'POST', '/api/customers', { token: w.org.token, body: { full_name: 'Alice Original', email: 'alice@example.org', phone: '+1 555 0199' } });
    expect(alice.status).toBe(201);
    const res = await publicBook(app, w, { customer: { full_name: 'Somebody Else', email: 'ALICE@Example.ORG', phone: '+1 555 0000' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // The answer holds nothing of the stored customer.
    const text = JSON.stringify(res.body);
    for (const s of ['Alice Original', '0199', alice.body.id]) expect(text).not.toContain(s);
    const viewed = await call(app, 'GET', `/api/public/bookings/${res.body.booking_number}?token=${res.body.manage_token}`);
    for (const s of ['Alice Original', '0199', alice.body.id]) expect(JSON.stringify(viewed.body)).not.toContain(s);

    const booking = await adminBooking(app, w, res.body.booking_number);
    expect(booking.customer_id).toBe(alice.body.id);
    // The widget cannot rewrite the stored customer.
    expect((await call(app, 'GET', `/api/customers/${alice.body.id}`, { token: w.org.token })).body).toMatchObject({ full_name: 'Alice Original', phone: '+1 555 0199' });

    const bob = await publicBook(app, w, { start_at: '2026-03-05T20:00:00-05:00', customer: { full_name: 'Bob New', email: 'Bob@Example.org' } });
    expect(bob.status).toBe(201);
    const bobBooking = await adminBooking(app, w, bob.body.booking_number);
    expect(bobBooking.customer).toMatchObject({ full_name: 'Bob New', email: 'bob@example.org' });
    const bobAgain = await publicBook(app, w, { start_at: '2026-03-05T21:00:00-05:00', customer: { full_name: 'Bob New', email: 'BOB@example.org' } });
    expect((await adminBooking(app, w, bobAgain.body.booking_number)).customer_id).toBe(bobBooking.customer_id);
    expect((await call(app, 'GET', '/api/customers', { token: w.org.token })).body.total).toBe(2);
  });

  it('shows a booking to the holder of its manage token and 404s everyone else alike', async () => {
    const { app } = t();
    const w = await widget(app);
    const made = await publicBook(app, w);
    const { booking_number: number, manage_token: token } = made.body;
    const view = await call(app, 'GET', `/api/public/bookings/${number}?token=${encodeURIComponent(token)}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ booking_number: number, status: 'confirmed', start_at: made.body.start_at, final_amount: 6000, currency: 'USD', game: { id: w.gameId, name: 'Vault' } });
    expect(view.body).not.toHaveProperty('manage_token');
    expect((await call(app, 'GET', `/api/public/bookings/${number.toLowerCase()}?token=${encodeURIComponent(token)}`)).status).toBe(200);

    const wrong = await call(app, 'GET', `/api/public/bookings/${number}?token=${encodeURIComponent(`${token}x`)}`);
    const unknown = await call(app, 'GET', `/api/public/bookings/BK-ZZZZZZ?token=${encodeURIComponent(token)}`);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    for (const odd of ['BK-%00', 'BK-ÄÖÜ', '%20', 'BK-AAAAAA%00']) {
      const res = await call(app, 'GET', `/api/public/bookings/${odd}?token=${encodeURIComponent(token)}`);
      expect(res.status, odd).toBe(404);
      expect(res.body).toEqual(unknown.body);
      expect((await call(app, 'POST', `/api/public/bookings/${odd}/cancel`, { body: { token } })).status, odd).toBe(404);
    }
    expect((await call(app, 'GET', `/api/public/bookings/${number}?token=%00`)).status).toBeLessThan(500);
    // Another booking's token opens only that booking.
    const other = await publicBook(app, w, { start_at: '2026-03-05T20:00:00-05:00' });
    expect((await call(app, 'GET', `/api/public/bookings/${number}?token=${encodeURIComponent(other.body.manage_token)}`)).status).toBe(404);
    // A booking made at the desk has no manage token at all.
    const desk = await call(app, 'POST', '/api/bookings', {
      token: w.org.token,
      body: { game_id: w.gameId, venue_id: w.venueId, start_at: '2026-03-06T12:00:00-05:00', party_size: 2, customer: { full_name: 'Desk', email: 'desk@example.org' } },
    });
    expect((await call(app, 'GET', `/api/public/bookings/${desk.body.booking_number}?token=${encodeURIComponent(token)}`)).status).toBe(404);
    expect((await call(app, 'POST', `/api/public/bookings/${desk.body.booking_number}/cancel`, { body: { token } })).status).toBe(404);
    expect((await call(app, 'GET', `/api/public/bookings/${number}`)).status).toBe(400);
    expect((await call(app, 'GET', `/api/public/bookings/${number}?token=`)).status).toBe(400);
  });

  it('lets customers cancel under the organization’s cancellation policy', async () => {
    const { app } = t();
    const w = await widget(app);
    // Default policy: 24 hours' window, no cancelling inside it.
    const early = await publicBook(app, w, { start_at: '2026-03-05T19:00:00-05:00' });
    const late = await publicBook(app, w, { start_at: '2026-03-01T18:00:00-05:00' });
    expect(late.status, JSON.stringify(late.body)).toBe(201);

    const wrongToken = await call(app, 'POST', `/api/public/bookings/${early.body.booking_number}/cancel`, { body: { token: late.body.manage_token } });
    expect(wrongToken.status).toBe(404);
    expect((await call(app, 'POST', `/api/public/bookings/${early.body.booking_number}/cancel`, { body: {} })).status).toBe(400);

    const cancelled = await call(app, 'POST', `/api/public/bookings/${early.body.booking_number}/cancel`, { body: { token: early.body.manage_token } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ booking_number: early.body.booking_number, status: 'cancelled', refund_amount: 0 });
    // Cancelling again changes nothing; the slot is free again.
    const twice = await call(app, 'POST', `/api/public/bookings/${early.body.booking_number}/cancel`, { body: { token: early.body.manage_token } });
    expect(twice.status).toBe(200);
    expect(twice.body.status).toBe('cancelled');
    expect((await publicBook(app, w, { start_at: '2026-03-05T19:00:00-05:00', customer: { full_name: 'Next', email: 'next@example.org' } })).status).toBe(201);

    const refused = await call(app, 'POST', `/api/public/bookings/${late.body.booking_number}/cancel`, { body: { token: late.body.manage_token } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('rule_violation');
    expect((await adminBooking(app, w, late.body.booking_number)).status).toBe('confirmed');

    // A shorter window puts the booking outside it.
    expect((await call(app, 'PUT', '/api/organization', { token: w.org.token, body: { policies: { cancellation_window_hours: 6 } } })).status).toBe(200);
    const allowed = await call(app, 'POST', `/api/public/bookings/${late.body.booking_number}/cancel`, { body: { token: late.body.manage_token } });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body.status).toBe('cancelled');

    // A policy that allows cancelling inside the window.
    const last = await publicBook(app, w, { start_at: '2026-03-01T12:00:00-05:00', customer: { full_name: 'Last', email: 'last@example.org' } });
    expect((await call(app, 'POST', `/api/public/bookings/${last.body.booking_number}/cancel`, { body: { token: last.body.manage_token } })).status).toBe(422);
    await call(app, 'PUT', '/api/organization', { token: w.org.token, body: { policies: { allow_cancel_inside_window: true, refund_percent_inside_window: 50 } } });
    const inside = await call(app, 'POST', `/api/public/bookings/${last.body.booking_number}/cancel`, { body: { token: last.body.manage_token } });
    expect(inside.status).toBe(200);
    // Nothing was paid, so nothing is refunded.
    expect(inside.body).toMatchObject({ status: 'cancelled', refund_amount: 0 });

    // Once the session has started, not even a lenient policy lets the customer cancel it.
    const started = await publicBook(app, w, { start_at: '2026-03-01T13:00:00-05:00', customer: { full_name: 'Sam', email: 'sam@example.org' } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { clock } = t();
    clock.now = new Date('2026-03-01T18:30:00Z'); // 13:30 local
    try {
      const gone = await call(app, 'POST', `/api/public/bookings/${started.body.booking_number}/cancel`, { body: { token: started.body.manage_token } });
      expect(gone.status).toBe(422);
      expect(gone.body.code).toBe('rule_violation');
      expect((await call(app, 'GET', `/api/public/bookings/${started.body.booking_number}?token=${encodeURIComponent(started.body.manage_token)}`)).body.status).toBe('confirmed');
    } finally {
      clock.now = NOW;
    }
  });

  it('honours Idempotency-Key on booking creation', async () => {
    const { app } = t();
    const w = await widget(app);
    const first = await publicBook(app, w, {}, { 'idempotency-key': 'widget-attempt-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const replay = await publicBook(app, w, {}, { 'idempotency-key': 'widget-attempt-1' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // Key order does not make another request.
    const reordered = await call(app, 'POST', `/api/public/venues/${w.key}/bookings`, {
      body: Object.fromEntries(Object.entries(bookingBody(w)).reverse()),
      headers: { 'idempotency-key': 'widget-attempt-1' },
    });
    expect(reordered.status).toBe(201);
    expect(reordered.body.booking_number).toBe(first.body.booking_number);
    expect((await call(app, 'GET', '/api/bookings', { token: w.org.token })).body.total).toBe(1);

    const conflict = await publicBook(app, w, { party_size: 3 }, { 'idempotency-key': 'widget-attempt-1' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_conflict');
    // A failed attempt leaves its key unused: the retry runs afresh.
    const failed = await publicBook(app, w, { party_size: 99 }, { 'idempotency-key': 'widget-attempt-2' });
    expect(failed.status).toBe(422);
    const fixed = await publicBook(app, w, { start_at: '2026-03-05T20:00:00-05:00' }, { 'idempotency-key': 'widget-attempt-2' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);
    const taken = await publicBook(app, w, { customer: { full_name: 'X', email: 'x@example.org' } }, { 'idempotency-key': 'widget-attempt-3' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slot_unavailable');
    const retry = await publicBook(app, w, { start_at: '2026-03-05T21:00:00-05:00' }, { 'idempotency-key': 'widget-attempt-3' });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(new Set([first.body.booking_number, fixed.body.booking_number, retry.body.booking_number]).size).toBe(3);
    // Without a key, the same body books again (and here finds the slot taken).
    expect((await publicBook(app, w)).status).toBe(409);
    const badKey = await publicBook(app, w, {}, { 'idempotency-key': 'has spaces' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.code).toBe('validation_failed');
    expect((await call(app, 'GET', '/api/bookings', { token: w.org.token })).body.total).toBe(3);
  });

  it('answers CORS for any origin on /api/public/*, and not on the admin API', async () => {
    const { app } = t();
    const w = await widget(app);
    const origin = 'https://rooms.example.com';
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: `/api/public/venues/${w.key}/bookings`,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(preflight.statusCode).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const get = await call(app, 'GET', `/api/public/venues/${w.key}`, { headers: { origin: 'https://another.example' } });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBe('https://another.example');

    const adminPreflight = await app.inject({ method: 'OPTIONS', url: '/api/venues', headers: { origin, 'access-control-request-method': 'GET' } });
    expect(adminPreflight.headers['access-control-allow-origin']).toBeUndefined();
    const adminGet = await call(app, 'GET', '/api/venues', { token: w.org.token, headers: { origin } });
    expect(adminGet.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('public rate limit', () => {
  const t = useTestApp({ now: NOW, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });

  it('gives 429 rate_limited with Retry-After once an address spends its budget across the public API', async () => {
    const { app } = t();
    const w = await widget(app);
    const from = (remoteAddress: string, url: string) => app.inject({ method: 'GET', url, remoteAddress });
    expect((await from('203.0.113.7', `/api/public/venues/${w.key}`)).statusCode).toBe(200);
    expect((await from('203.0.113.7', '/api/public/venues/unknown-key-unknown-key-unknown')).statusCode).toBe(404);
    expect((await from('203.0.113.7', `/api/public/venues/${w.key}/games/${w.gameId}/availability?from=2026-03-05&to=2026-03-05`)).statusCode).toBe(200);
    // The fourth request, to yet another public route, is one too many.
    const limited = await app.inject({ method: 'POST', url: `/api/public/venues/${w.key}/bookings`, remoteAddress: '203.0.113.7', payload: bookingBody(w), headers: { origin: 'https://rooms.example.com' } });
    expect(limited.statusCode).toBe(429);
    const body = limited.json();
    expect(body).toMatchObject({ code: 'rate_limited', error: 'Too Many Requests' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The browser can read the refusal.
    expect(limited.headers['access-control-allow-origin']).toBe('https://rooms.example.com');
    expect((await call(app, 'GET', '/api/bookings', { token: w.org.token })).body.total).toBe(0);

    // Another address has its own budget; the admin API is not limited this way.
    expect((await from('198.51.100.1', `/api/public/venues/${w.key}`)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await call(app, 'GET', '/api/venues', { token: w.org.token })).status).toBe(200);
  });
});
