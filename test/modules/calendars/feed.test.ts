import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { errorShapeProblems } from '../../support/answers.js';
import { call, useTestApp } from '../../support/app.js';
import { createCustomer, createGame, createVenue } from '../../support/catalog.js';
import { addUser, signupOrg, uniqueEmail } from '../../support/fixtures.js';

// The app's clock is frozen 12 days before New York falls back (2026-11-01) and 5 before London does (2026-10-25).
const NOW = new Date('2026-10-20T12:00:00Z');
const DAY = 86_400_000;
const ALWAYS_OPEN = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
const CUSTOMER = { full_name: 'Zebedee Quartermaine', phone: '+1 212 555 0199' };

interface FeedEvent {
  uid: string;
  start: string;
  end: string;
  /** DTSTART's TZID, or 'UTC' for a time written with Z. */
  zone: string;
  /** DTSTART as written: the venue's wall time for a TZID time. */
  wall: string;
  summary: string;
  status: string;
}

/** A feed parsed with ical.js: its calendar properties and its events by UID. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map<string, FeedEvent>();
  for (const v of calendar.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    const dtstart = v.getFirstProperty('dtstart')!;
    events.set(e.uid, {
      uid: e.uid,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      zone: (dtstart.getParameter('tzid') as string | undefined) ?? (e.startDate.zone?.tzid === 'UTC' ? 'UTC' : 'floating'),
      wall: (dtstart.getFirstValue() as ICAL.Time).toString(),
      summary: e.summary,
      status: String(v.getFirstPropertyValue('status')),
    });
  }
  return { calendar, events };
}

/** An organization with an always-open venue in `timezone`, a private hour-long game and a customer with contacts. */
async function feedWorld(app: FastifyInstance, timezone: string) {
  const org = await signupOrg(app);
  const venue = await createVenue(app, org.token, { name: `Venue ${timezone}`, timezone, operating_hours: ALWAYS_OPEN });
  const game = await createGame(app, org.token, {
    name: 'The Vault', duration_minutes: 60, buffer_minutes: 0, slot_interval_minutes: 60, min_notice_minutes: 0, max_advance_days: 730, venue_ids: [venue.id],
  });
  const email = uniqueEmail('zebedee');
  const customer = await createCustomer(app, org.token, { ...CUSTOMER, email });
  const book = async (start_at: string, extra: Record<string, unknown> = {}) => {
    const res = await call(app, 'POST', '/api/bookings', {
      token: org.token,
      body: { game_id: game.id, venue_id: venue.id, start_at, party_size: 4, customer_id: customer.id, notes: 'door code 4711, allergic to cats', ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; booking_number: string; start_at: string; end_at: string };
  };
  const feedUrl = async (token = org.token) => {
    const res = await call(app, 'POST', `/api/venues/${venue.id}/calendar-feed`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.url).toMatch(/^https:\/\/book\.example\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return (res.body.url as string).replace('https://book.example', '');
  };
  return { org, venue, game, customer, email, book, feedUrl };
}

const fetchFeed = (app: FastifyInstance, path: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: path, headers });

describe('calendar feeds: a secret iCalendar URL per venue', () => {
  const t = useTestApp({ now: NOW, env: { PUBLIC_BASE_URL: 'https://book.example', PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });

  it('one event per live booking, at its instants, in the venue’s zone around the fall-back hour; no contact data', async () => {
    const { app } = t();
    const w = await feedWorld(app, 'America/New_York');
    const evening = await w.book('2026-10-22T23:00:00Z');
    // 01:00 happens twice on 2026-11-01 in New York: 05:00Z (EDT) and 06:00Z (EST). Then 02:00 EST.
    const firstOne = await w.book('2026-11-01T05:00:00Z');
    const secondOne = await w.book('2026-11-01T06:00:00Z');
    const afterwards = await w.book('2026-11-01T07:00:00Z');
    // Spring forward 2027-03-14: 01:00 EST, then 03:00 EDT (02:00 does not exist).
    const beforeGap = await w.book('2027-03-14T06:00:00Z');
    const afterGap = await w.book('2027-03-14T07:00:00Z');
    const pending = await w.book('2026-10-23T15:00:00Z', { status: 'pending' });
    const cancelled = await w.book('2026-10-24T15:00:00Z');
    expect((await call(app, 'DELETE', `/api/bookings/${cancelled.id}`, { token: w.org.token })).status).toBe(200);
    // Past the window's end (365 days ahead): not in the feed.
    const tooFar = await w.book('2027-11-20T15:00:00Z');

    const res = await fetchFeed(app, await w.feedUrl());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=300, must-revalidate');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    // Under the widget API's rate limit.
    expect(res.headers['x-ratelimit-limit']).toBe('10000');

    const { calendar, events } = parseFeed(res.body);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('America/New_York');
    const live = [evening, firstOne, secondOne, afterwards, beforeGap, afterGap, pending];
    expect([...events.keys()].sort()).toEqual(live.map((b) => `${b.id}@bookingtms`).sort());
    expect(events.has(`${cancelled.id}@bookingtms`) || events.has(`${tooFar.id}@bookingtms`)).toBe(false);
    for (const b of live) {
      const e = events.get(`${b.id}@bookingtms`)!;
      expect([e.start, e.end], b.start_at).toEqual([new Date(b.start_at).toISOString(), new Date(b.end_at).toISOString()]);
      expect(e.summary).toBe(`The Vault · 4 players · ${b.booking_number}${b === pending ? ' (pending)' : ''}`);
      expect(e.status).toBe(b === pending ? 'TENTATIVE' : 'CONFIRMED');
    }
    // Wall times of the venue, with its zone...
    const wall = (b: { id: string }) => events.get(`${b.id}@bookingtms`)!;
    expect([wall(evening).zone, wall(evening).wall]).toEqual(['America/New_York', '2026-10-22T19:00:00']);
    expect([wall(afterwards).zone, wall(afterwards).wall]).toEqual(['America/New_York', '2026-11-01T02:00:00']);
    expect([wall(beforeGap).wall, wall(afterGap).wall]).toEqual(['2027-03-14T01:00:00', '2027-03-14T03:00:00']);
    // ...except in the repeated hour, where a wall time cannot say which of the two 01:00s it is.
    expect([wall(firstOne).zone, wall(secondOne).zone]).toEqual(['UTC', 'UTC']);

    for (const secret of [CUSTOMER.full_name, 'Zebedee', 'Quartermaine', w.email, w.email.split('@')[0]!, '555 0199', '5550199', 'door code', 'cats']) {
      expect(res.body.includes(secret), secret).toBe(false);
    }
  });

  it('a repeated hour in London too; a cancellation removes the event; the ETag answers 304 until something changes', async () => {
    const { app } = t();
    const w = await feedWorld(app, 'Europe/London');
    const bst = await w.book('2026-10-25T00:00:00Z');
    const gmt = await w.book('2026-10-25T01:00:00Z');
    const later = await w.book('2026-10-26T18:00:00Z');
    const url = await w.feedUrl();
    const first = await fetchFeed(app, url);
    const events = parseFeed(first.body).events;
    expect(events.get(`${bst.id}@bookingtms`)!.start).toBe('2026-10-25T00:00:00.000Z');
    expect(events.get(`${gmt.id}@bookingtms`)!.start).toBe('2026-10-25T01:00:00.000Z');
    expect([events.get(`${later.id}@bookingtms`)!.zone, events.get(`${later.id}@bookingtms`)!.wall]).toEqual(['Europe/London', '2026-10-26T18:00:00']);

    const again = await fetchFeed(app, url, { 'if-none-match': first.headers.etag as string });
    expect([again.statusCode, again.body]).toEqual([304, '']);
    expect((await call(app, 'DELETE', `/api/bookings/${gmt.id}`, { token: w.org.token })).status).toBe(200);
    const changed = await fetchFeed(app, url, { 'if-none-match': first.headers.etag as string });
    expect(changed.statusCode).toBe(200);
    expect([...parseFeed(changed.body).events.keys()].sort()).toEqual([`${bst.id}@bookingtms`, `${later.id}@bookingtms`].sort());
  });

  it('the window moves with the clock: a booking more than 60 days past leaves the feed', async () => {
    const { app, clock } = t();
    const w = await feedWorld(app, 'Asia/Tokyo');
    const soon = await w.book('2026-10-21T03:00:00Z');
    const url = await w.feedUrl();
    expect(parseFeed((await fetchFeed(app, url)).body).events.has(`${soon.id}@bookingtms`)).toBe(true);
    clock.now = new Date(NOW.getTime() + 62 * DAY);
    try {
      expect(parseFeed((await fetchFeed(app, url)).body).events.size).toBe(0);
    } finally {
      clock.now = NOW;
    }
  });

  it('calling again rotates: the old URL is 404 at once, the new one works; only managers and above make one', async () => {
    const { app } = t();
    const w = await feedWorld(app, 'America/Chicago');
    await w.book('2026-10-22T15:00:00Z');
    const old = await w.feedUrl();
    expect((await fetchFeed(app, old)).statusCode).toBe(200);
    const manager = await addUser(app, w.org.token, 'manager');
    const fresh = await w.feedUrl(manager.token);
    expect(fresh).not.toBe(old);
    const gone = await fetchFeed(app, old);
    expect(gone.statusCode).toBe(404);
    expect(errorShapeProblems(404, gone.body)).toEqual([]);
    expect(gone.json().code).toBe('not_found');
    expect((await fetchFeed(app, fresh)).statusCode).toBe(200);

    const staff = await addUser(app, w.org.token, 'staff');
    expect((await call(app, 'POST', `/api/venues/${w.venue.id}/calendar-feed`, { token: staff.token })).status).toBe(403);
    expect((await call(app, 'POST', `/api/venues/${w.venue.id}/calendar-feed`)).status).toBe(401);
    // Only the token's hash is stored.
    const { rows } = await t().db.query<{ token_hash: string }>('select token_hash from venue_calendar_feeds where venue_id = $1', [w.venue.id]);
    expect(rows).toHaveLength(1);
    expect(fresh).not.toContain(rows[0]!.token_hash);
  });

  it('another organization’s venue is 404, and their attempt leaves the URL working; unknown tokens and archived venues are 404', async () => {
    const { app } = t();
    const a = await feedWorld(app, 'America/Denver');
    const b = await feedWorld(app, 'America/Denver');
    const aUrl = await a.feedUrl();
    for (const token of [b.org.token]) {
      const res = await call(app, 'POST', `/api/venues/${a.venue.id}/calendar-feed`, { token });
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    }
    expect((await fetchFeed(app, aUrl)).statusCode).toBe(200);
    // B's feed shows B's bookings only.
    const aBooking = await a.book('2026-10-22T16:00:00Z');
    const bFeed = await fetchFeed(app, await b.feedUrl());
    expect(bFeed.body).not.toContain(aBooking.booking_number);
    expect(bFeed.body).not.toContain(aBooking.id);

    for (const bad of ['A'.repeat(43), 'short', '%00', `${'a'.repeat(42)}%27`]) {
      const res = await fetchFeed(app, `/api/public/calendar/${bad}.ics`);
      expect(res.statusCode, bad).toBe(404);
      expect(errorShapeProblems(404, res.body), bad).toEqual([]);
    }
    expect((await call(app, 'DELETE', `/api/venues/${a.venue.id}`, { token: a.org.token })).status).toBe(200);
    expect((await fetchFeed(app, aUrl)).statusCode).toBe(404);
    expect((await call(app, 'POST', `/api/venues/${a.venue.id}/calendar-feed`, { token: a.org.token })).status).toBe(422);
  });

  it('a venue name with line breaks and separators stays one property: nothing can be injected into the feed', async () => {
    const { app } = t();
    const w = await feedWorld(app, 'America/New_York');
    const hostile = 'Evil, Inc.; \\x\r\nBEGIN:VEVENT\nUID:injected';
    expect((await call(app, 'PUT', `/api/venues/${w.venue.id}`, { token: w.org.token, body: { name: hostile } })).status).toBe(200);
    const b = await w.book('2026-10-22T15:00:00Z');
    const body = (await fetchFeed(app, await w.feedUrl())).body;
    expect([...parseFeed(body).events.keys()]).toEqual([`${b.id}@bookingtms`]);
    expect(body.split('\r\n').filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(body).not.toMatch(/^UID:injected/m);
    expect(body).toContain('X-WR-CALNAME:Evil\\, Inc.\\; \\\\x\\nBEGIN:VEVENT\\nUID:injected bookings');
  });

  it('both routes are in the OpenAPI document with their answers', async () => {
    const doc = (await t().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/venues/{id}/calendar-feed'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['200', '400', '401', '403', '404', '422', '500', '503']);
    expect(post.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    const get = doc.paths['/api/public/calendar/{token}.ics'].get;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '304', '400', '404', '429', '500', '503']);
    // Public: no credentials (an empty requirement list, as every public route declares).
    expect(get.security).toEqual([]);
  });

  it('DTSTAMP and LAST-MODIFIED are the booking’s last change, so unchanged bookings read the same on every fetch', async () => {
    const { app } = t();
    const w = await feedWorld(app, 'Europe/Berlin');
    const b = await w.book('2026-10-22T15:00:00Z');
    const url = await w.feedUrl();
    const one = await fetchFeed(app, url);
    const two = await fetchFeed(app, url);
    expect(two.body).toBe(one.body);
    expect(two.headers.etag).toBe(one.headers.etag);
    const event = new ICAL.Component(ICAL.parse(one.body)).getFirstSubcomponent('vevent')!;
    const stamp = (event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime();
    const booking = await call(app, 'GET', `/api/bookings/${b.id}`, { token: w.org.token });
    expect(Math.abs(stamp - DateTime.fromISO(booking.body.updated_at as string).toMillis())).toBeLessThan(1000);
  });
});
