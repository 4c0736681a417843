/**
 * kill -9 of the real server while webhook deliveries are pending, on the PostgreSQL server.
 *
 * 200 bookings are made; each raises a booking.created event that the server's webhook worker delivers to a
 * receiver on 127.0.0.1 (slow on purpose, so deliveries are in flight). The server is killed once some have
 * arrived and restarted on the same database. Then:
 * - every one of the 200 events arrives, with a valid Standard Webhooks signature;
 * - none is lost, and the only repeats are deliveries that were in flight at the kill (sent, not yet recorded:
 *   at most the worker's 8 concurrent sends), each with its original webhook-id, by which receivers deduplicate
 *   (docs/operations.md "Webhooks across a crash").
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql, call, killAll, killChild, must, SERVER_URL, sleep, startServer, withDatabase } from './harness.js';

const BOOKINGS = 200;
const databases: string[] = [];
let receiver: Server | undefined;

afterAll(async () => {
  await killAll();
  receiver?.close();
  for (const name of databases) await adminSql(SERVER_URL, `drop database if exists ${name} with (force)`).catch(() => undefined);
});

describe('webhook deliveries across kill -9 (PostgreSQL server)', () => {
  it('delivers every event after a restart, repeating only what was in flight', async () => {
    const name = `faults_webhooks_${Date.now()}`;
    await adminSql(SERVER_URL, `create database ${name}`);
    databases.push(name);
    const env = { DATABASE_URL: withDatabase(SERVER_URL, name), WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_DISPATCH_MS: '100', WEBHOOK_TIMEOUT_MS: '2000' };

    const arrivals: { id: string; at: number }[] = [];
    let secret = '';
    const invalid: string[] = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        try {
          new Webhook(secret).verify(body, req.headers as Record<string, string>);
        } catch {
          invalid.push(String(req.headers['webhook-id']));
        }
        // Slow on purpose: several deliveries are in flight whenever the kill comes.
        setTimeout(() => {
          arrivals.push({ id: String(req.headers['webhook-id']), at: Date.now() });
          res.writeHead(200).end();
        }, 30);
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    let server = await startServer(env);
    const signup = await must(server.url, 'POST', '/api/auth/signup', 201, {
      body: { email: `crash-${Date.now()}@example.test`, password: 'correct horse battery', full_name: 'Crash Admin', organization_name: 'Crash Co', timezone: 'UTC' },
    });
    const token = signup.token as string;
    const open = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
    const venue = await must(server.url, 'POST', '/api/venues', 201, { token, body: { name: 'Crash Hall', timezone: 'UTC', operating_hours: open } });
    const game = await must(server.url, 'POST', '/api/games', 201, {
      token, body: { name: 'Arena', duration_minutes: 60, max_players: 1000, booking_mode: 'shared', price_cents: 1000, venue_ids: [venue.id], min_notice_minutes: 0 },
    });
    const hook = await must(server.url, 'POST', '/api/webhooks', 201, { token, body: { url: hookUrl, events: ['booking.created'] } });
    secret = hook.secret as string;

    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(12, 0, 0, 0);
    const ids: string[] = [];
    for (let i = 0; i < BOOKINGS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          must(server.url, 'POST', '/api/bookings', 201, {
            token, body: { game_id: game.id, venue_id: venue.id, start_at: start.toISOString(), party_size: 1, customer: { full_name: `Guest ${i + k}`, email: `guest-${i + k}@example.test` } },
          }),
        ),
      );
      ids.push(...batch.map((b) => b.id as string));
    }

    const deadline = Date.now() + 60_000;
    while (arrivals.length < 20 && Date.now() < deadline) await sleep(20);
    expect(arrivals.length, server.output()).toBeGreaterThanOrEqual(20);
    const killedAt = Date.now();
    await killChild(server.child, 'SIGKILL');
    const beforeRestart = arrivals.length;

    server = await startServer(env);
    const done = Date.now() + 120_000;
    while (new Set(arrivals.map((a) => a.id)).size < BOOKINGS && Date.now() < done) await sleep(100);

    const distinct = new Set(arrivals.map((a) => a.id));
    expect(distinct.size, `${beforeRestart} before the kill; ${arrivals.length} in all`).toBe(BOOKINGS);
    expect(invalid).toEqual([]);
    const counts = new Map<string, number>();
    for (const a of arrivals) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
    const repeated = [...counts.entries()].filter(([, n]) => n > 1).map(([id]) => id);
    expect(repeated.length).toBeLessThanOrEqual(8);
    // A repeat is a delivery whose first arrival came at the kill (sent, its success not yet recorded).
    for (const id of repeated) {
      const first = arrivals.find((a) => a.id === id)!;
      expect(Math.abs(first.at - killedAt)).toBeLessThan(2000);
    }
    // The events are the bookings: the deliveries list says each succeeded once recorded.
    const list = await must(server.url, 'GET', `/api/webhooks/${hook.id}/deliveries?limit=100&status=succeeded`, 200, { token });
    expect(list.total).toBe(BOOKINGS);
    expect(ids).toHaveLength(BOOKINGS);
    await call(server.url, 'GET', '/api/health');
  }, 240_000);
});
