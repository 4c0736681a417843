import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { moneyWorld, type MoneyWorld } from '../../support/money.js';
import { parseCsv } from './csv-parse.js';

// Funnel analytics through HTTP: events from the widget's embed key, deduplicated per session and step, counted
// per local date of the venue's zone (New York), never another organization's. Figures computed by hand below.
const ZONE = 'America/New_York';
// 23:30 local on a fixed date: the events of the first batch are on DAY, although it is already the next UTC date.
const DAY = '2026-03-20';
const LATE = DateTime.fromISO(`${DAY}T23:30`, { zone: ZONE }).toJSDate();
const get = useTestApp({ now: LATE, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });

const event = (embed_key: string, type: string, session_id: string, game_id?: string, remoteAddress = '203.0.113.9') =>
  get().app.inject({ method: 'POST', url: '/api/analytics/events', remoteAddress, payload: { embed_key, type, session_id, ...(game_id ? { game_id } : {}) } });

describe('funnel analytics', () => {
  let w: MoneyWorld;
  let other: MoneyWorld;
  const app = () => get().app;
  const funnel = (query: string, token = w.manager) => call(app(), 'GET', `/api/reports/funnel?${query}`, { token });

  beforeAll(async () => {
    w = await moneyWorld(app());
    other = await moneyWorld(app());
    // Four sessions view the widget, three select a slot (two of them of The Vault by id), two start a checkout,
    // one books. 4 -> 3 -> 2 -> 1: conversions 0.75, 0.6667, 0.5; overall 1 / 4 = 0.25.
    const steps: [string, string, boolean][] = [
      ['widget_view', 'sess-aaaa1', false], ['widget_view', 'sess-aaaa2', false], ['widget_view', 'sess-aaaa3', false], ['widget_view', 'sess-aaaa4', false],
      ['slot_selected', 'sess-aaaa1', true], ['slot_selected', 'sess-aaaa2', true], ['slot_selected', 'sess-aaaa3', false],
      ['checkout_started', 'sess-aaaa1', true], ['checkout_started', 'sess-aaaa2', true],
      ['booking_completed', 'sess-aaaa1', true],
    ];
    for (const [type, session, withGame] of steps) {
      const res = await event(w.venue.embed_key, type, session, withGame ? w.game.id : undefined);
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toEqual({ recorded: true });
    }
    // Another organization's widget, with the very same session ids: its events are its own.
    for (const session of ['sess-aaaa1', 'sess-aaaa2', 'sess-bbbb1']) {
      expect((await event(other.venue.embed_key, 'widget_view', session)).statusCode).toBe(202);
      expect((await event(other.venue.embed_key, 'booking_completed', session)).statusCode).toBe(202);
    }
  });

  it('counts sessions per step with the conversion between steps and overall, on local dates', async () => {
    const res = await funnel(`from=${DAY}&to=${DAY}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      from: DAY,
      to: DAY,
      timezone: ZONE,
      steps: [
        { type: 'widget_view', sessions: 4, conversion_rate: null },
        { type: 'slot_selected', sessions: 3, conversion_rate: 0.75 },
        { type: 'checkout_started', sessions: 2, conversion_rate: 0.6667 },
        { type: 'booking_completed', sessions: 1, conversion_rate: 0.5 },
      ],
      overall_conversion_rate: 0.25,
    });
    // 23:30 in New York is 03:30 UTC of the next day: the next local date has none of them.
    const next = await funnel(`from=2026-03-21&to=2026-03-21`);
    expect(next.body.steps.map((s: { sessions: number }) => s.sessions)).toEqual([0, 0, 0, 0]);
    expect(next.body.overall_conversion_rate).toBeNull();
  });

  it('narrows to a venue and a game; answers CSV like the other reports', async () => {
    const byGame = await funnel(`from=${DAY}&to=${DAY}&game_id=${w.game.id}`);
    expect(byGame.body.steps.map((s: { sessions: number }) => s.sessions)).toEqual([0, 2, 2, 1]);
    expect(byGame.body.steps[2].conversion_rate).toBe(1);
    const byVenue = await funnel(`from=${DAY}&to=${DAY}&venue_id=${w.venue.id}`);
    expect(byVenue.body.steps[0].sessions).toBe(4);
    // Another organization's venue is unknown here.
    expect((await funnel(`from=${DAY}&to=${DAY}&venue_id=${other.venue.id}`)).status).toBe(404);
    const csv = await app().inject({ method: 'GET', url: `/api/reports/funnel?from=${DAY}&to=${DAY}&format=csv`, headers: { authorization: `Bearer ${w.manager}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(parseCsv(csv.body)).toEqual([
      ['step', 'sessions', 'conversion_rate'],
      ['widget_view', '4', ''],
      ['slot_selected', '3', '0.75'],
      ['checkout_started', '2', '0.6667'],
      ['booking_completed', '1', '0.5'],
      ['overall', '', '0.25'],
    ]);
  });

  it('records a session’s step once: a repeat answers 204 and writes nothing', async () => {
    const again = await event(w.venue.embed_key, 'widget_view', 'sess-aaaa1');
    expect(again.statusCode).toBe(204);
    expect(again.body).toBe('');
    const { rows } = await get().db.query<{ n: number }>(`select count(*)::int as n from analytics_events where organization_id = $1`, [w.organizationId]);
    expect(rows[0]!.n).toBe(10);
    expect((await funnel(`from=${DAY}&to=${DAY}`)).body.steps[0].sessions).toBe(4);
  });

  it('refuses unknown keys, other organizations’ games and malformed events; the report is for managers', async () => {
    expect((await event('x'.repeat(32), 'widget_view', 'sess-cccc1')).statusCode).toBe(404);
    // The other organization's game, through this organization's key: unknown here, nothing written.
    expect((await event(w.venue.embed_key, 'slot_selected', 'sess-cccc1', other.game.id)).statusCode).toBe(404);
    expect((await event(w.venue.embed_key, 'purchase', 'sess-cccc1')).statusCode).toBe(400);
    expect((await event(w.venue.embed_key, 'widget_view', 'short')).statusCode).toBe(400);
    expect((await event(w.venue.embed_key, 'widget_view', 'bad session id with spaces')).statusCode).toBe(400);
    expect((await funnel(`from=${DAY}&to=${DAY}`, w.staff)).status).toBe(403);
    expect((await call(app(), 'GET', `/api/reports/funnel`)).status).toBe(401);
    // The other organization sees its own three sessions, all of which booked.
    const theirs = await funnel(`from=${DAY}&to=${DAY}`, other.manager);
    expect(theirs.body.steps.map((s: { sessions: number }) => s.sessions)).toEqual([3, 0, 0, 3]);
    expect(theirs.body.overall_conversion_rate).toBe(1);
  });

  it('shows a new event in the next answer, although answers are cached', async () => {
    const before = (await funnel(`from=${DAY}&to=${DAY}`)).body.steps[0].sessions;
    expect((await event(w.venue.embed_key, 'widget_view', 'sess-dddd1')).statusCode).toBe(202);
    expect((await funnel(`from=${DAY}&to=${DAY}`)).body.steps[0].sessions).toBe(before + 1);
  });
});

describe('funnel events rate limit', () => {
  const t = useTestApp({ now: LATE, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });

  it('gives 429 with Retry-After once an address spends its budget, and records nothing then', async () => {
    const w = await moneyWorld(t().app);
    const send = (session: string, remoteAddress = '203.0.113.7') =>
      t().app.inject({ method: 'POST', url: '/api/analytics/events', remoteAddress, payload: { embed_key: w.venue.embed_key, type: 'widget_view', session_id: session } });
    for (const s of ['sess-rate1', 'sess-rate2', 'sess-rate3']) expect((await send(s)).statusCode).toBe(202);
    const limited = await send('sess-rate4');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address has its own budget; the refused event was never written.
    expect((await send('sess-rate5', '198.51.100.1')).statusCode).toBe(202);
    const { rows } = await t().db.query<{ n: number }>(`select count(*)::int as n from analytics_events where session_id = 'sess-rate4'`);
    expect(rows[0]!.n).toBe(0);
  });
});
