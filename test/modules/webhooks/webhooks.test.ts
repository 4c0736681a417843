import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWebhookDispatch, type DispatchOptions } from '../../../src/modules/webhooks/service.js';
import { call, createTestApp, type TestApp } from '../../support/app.js';
import { eventsSettled, moneyWorld, staffBooking, type MoneyWorld } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that answers with the next planned status (200 once the plan is spent; 'hang' never answers). */
async function receiver() {
  const got: Received[] = [];
  const plan: (number | 'hang')[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      const next = plan.shift() ?? 200;
      if (next === 'hang') return;
      res.writeHead(next).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, got, plan, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('outgoing webhooks (Standard Webhooks)', () => {
  let t: TestApp;
  let w: MoneyWorld;
  let rx: Awaited<ReturnType<typeof receiver>>;
  let clock = NOW;
  // A generous timeout: the receiver answers from this process, whose event loop a loaded machine can stall for
  // longer than a real target's 10 s would ever matter. The test of the timeout itself passes a short one.
  const pass = async (opts: Partial<DispatchOptions> = {}) => {
    await eventsSettled(t.db);
    return runWebhookDispatch(t.db, { now: clock, timeoutMs: 5000, allowPrivate: true, maxAttempts: 4, disableAfter: 50, ...opts });
  };
  const hook = async (body: Record<string, unknown> = {}) => {
    // One endpoint at a time: each test plans its receiver's answers for its own deliveries.
    const existing = (await call(t.app, 'GET', '/api/webhooks', { token: w.admin })).body.data as { id: string }[];
    for (const e of existing) await call(t.app, 'DELETE', `/api/webhooks/${e.id}`, { token: w.admin });
    const res = await call(t.app, 'POST', '/api/webhooks', { token: w.admin, body: { url: rx.url, events: ['booking.created', 'booking.cancelled'], ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const deliveries = async (id: string) => (await call(t.app, 'GET', `/api/webhooks/${id}/deliveries`, { token: w.admin })).body.data as { id: string; status: string; attempts: number; next_attempt_at: string | null; last_error: string | null; event_id: string }[];

  beforeAll(async () => {
    // The test drives the dispatcher itself, with its own clock (the app's background loop is off).
    t = await createTestApp({ now: NOW, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_DISPATCH_MS: '0' } });
    w = await moneyWorld(t.app);
    rx = await receiver();
  });
  afterAll(async () => {
    await rx.close();
    await t.app.close();
    await t.tdb.drop();
  });

  it('delivers signed events that the standardwebhooks library verifies, and lists the delivery', async () => {
    await pass(); // the dispatcher starts at the head of the stream
    const h = await hook();
    expect(h.secret).toMatch(/^whsec_/);
    const shown = await call(t.app, 'GET', `/api/webhooks/${h.id}`, { token: w.admin });
    expect(shown.body).not.toHaveProperty('secret');
    const b = await staffBooking(t.app, w, '2026-06-10T14:00:00-04:00');
    expect(await pass()).toMatchObject({ sent: 1, failed: 0 });
    const r = rx.got.pop()!;
    const verified = new Webhook(h.secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: { id: string } };
    expect(verified).toMatchObject({ type: 'booking.created', data: { id: b.id } });
    expect((await deliveries(h.id))[0]).toMatchObject({ status: 'succeeded', attempts: 1, event_id: r.headers['webhook-id'] });
    // A second pass sends nothing again.
    expect(await pass()).toMatchObject({ sent: 0, failed: 0 });
  });

  it('retries with exponential backoff on errors and timeouts, then succeeds once', async () => {
    const h = await hook({ events: ['booking.cancelled'] });
    const b = await staffBooking(t.app, w, '2026-06-10T16:00:00-04:00');
    await call(t.app, 'DELETE', `/api/bookings/${b.id}`, { token: w.staff });
    rx.plan.push(500, 500, 'hang');
    rx.got.length = 0;
    await pass();
    let d = (await deliveries(h.id))[0]!;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_error: 'answered 500' });
    expect(Date.parse(d.next_attempt_at!) - clock.getTime()).toBe(30_000);
    clock = new Date(clock.getTime() + 31_000);
    await pass();
    d = (await deliveries(h.id))[0]!;
    expect(Date.parse(d.next_attempt_at!) - clock.getTime()).toBe(60_000);
    clock = new Date(clock.getTime() + 61_000);
    const started = Date.now();
    await pass({ timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await deliveries(h.id))[0]!.last_error).toMatch(/no answer within 300 ms/);
    clock = new Date(clock.getTime() + 121_000);
    await pass();
    expect((await deliveries(h.id))[0]).toMatchObject({ status: 'succeeded', attempts: 4 });
    expect(new Set(rx.got.map((g) => g.headers['webhook-id'])).size).toBe(1);
  });

  it('replays a delivery with the same webhook-id, and signs with a rotated secret only', async () => {
    const h = await hook({ events: ['booking.created'] });
    await staffBooking(t.app, w, '2026-06-10T18:00:00-04:00');
    await pass();
    const first = rx.got.pop()!;
    const rotated = await call(t.app, 'POST', `/api/webhooks/${h.id}/rotate-secret`, { token: w.admin });
    expect(rotated.body.secret).not.toBe(h.secret);
    const d = (await deliveries(h.id))[0]!;
    expect((await call(t.app, 'POST', `/api/webhooks/${h.id}/deliveries/${d.id}/replay`, { token: w.admin })).status).toBe(200);
    await pass();
    const again = rx.got.pop()!;
    expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(() => new Webhook(h.secret).verify(again.body, again.headers as Record<string, string>)).toThrow();
    expect(new Webhook(rotated.body.secret as string).verify(again.body, again.headers as Record<string, string>)).toBeTruthy();
  });

  it('disables an endpoint after repeated failures, and refuses inside targets at delivery time', async () => {
    const h = await hook({ events: ['booking.created'] });
    for (let i = 0; i < 3; i++) await staffBooking(t.app, w, `2026-06-11T${12 + 2 * i}:00:00-04:00`);
    rx.plan.push(500, 500, 500);
    await pass({ disableAfter: 3 });
    const shown = await call(t.app, 'GET', `/api/webhooks/${h.id}`, { token: w.admin });
    expect(shown.body).toMatchObject({ active: false, failure_streak: 3 });
    expect(shown.body.disabled_reason).toMatch(/3 failed deliveries/);
    // Re-enabled, but the worker no longer allows private targets: 127.0.0.1 is refused on connect.
    await call(t.app, 'PUT', `/api/webhooks/${h.id}`, { token: w.admin, body: { active: true } });
    await staffBooking(t.app, w, '2026-06-11T20:00:00-04:00');
    rx.got.length = 0;
    await pass({ allowPrivate: false });
    expect(rx.got).toEqual([]);
    const latest = (await deliveries(h.id))[0]!;
    expect(latest.last_error).toMatch(/no public address/);
  });

  // A second app with its own database: slow to build on a loaded machine.
  it('refuses URLs that are not http(s) or that point inside the network, unless allowed', { timeout: 180_000 }, async () => {
    const strict = await createTestApp({ now: NOW });
    try {
      const s = await moneyWorld(strict.app);
      for (const url of ['ftp://example.com/x', 'http://127.0.0.1:9/x', 'http://169.254.169.254/latest', 'http://10.1.2.3/', 'http://[::1]/', 'http://user:pw@example.com/', 'not a url']) {
        const res = await call(strict.app, 'POST', '/api/webhooks', { token: s.admin, body: { url, events: ['booking.created'] } });
        expect(res.status, url).toBe(400);
        expect(res.body.fields, url).toHaveProperty(['body.url']);
      }
      const manager = await call(strict.app, 'GET', '/api/webhooks', { token: s.manager });
      expect(manager.status).toBe(403);
    } finally {
      await strict.app.close();
      await strict.tdb.drop();
    }
  });
});
