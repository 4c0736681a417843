/**
 * kill -9 of the real server while 200 confirmation mails, 200 reminders and 200 webhook deliveries are pending, on
 * the PostgreSQL server (docs/operations.md "Notifications and webhooks across a crash").
 *
 * 200 bookings are made, each with a reminder due at M, a minute boundary LEAD_MS or more ahead. Each booking
 * queues a confirmation mail to the test's SMTP server, schedules its reminder and raises a booking.created event
 * that the webhook worker delivers to a receiver on 127.0.0.1. Until the kill both receivers answer slowly, paced
 * so that mails and webhooks are still arriving just after M. Then, once reminders have started to run, the server
 * is killed with SIGKILL and restarted on the same database. Then:
 * - every one of the 400 mails and 200 webhooks arrives: one confirmation and one reminder per booking, each mail
 *   named by a Message-ID made from its delivery's id, each webhook with a valid Standard Webhooks signature;
 * - the only repeats are messages that were in flight at the kill (received, their success not yet recorded): at
 *   most the one mail the mail worker was sending, at most the webhook worker's 8 concurrent sends; a repeat has
 *   the original Message-ID or webhook-id, by which receivers deduplicate;
 * - the delivery logs say every mail was sent and every webhook succeeded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { adminSql, killAll, killChild, must, SERVER_URL, sleep, startServer, withDatabase, type Json } from './harness.js';

const BOOKINGS = 200;
/** The reminders' minute is at least this far ahead when the bookings start: they must all be made before it. */
const LEAD_MS = 35_000;
/** Until the kill, the receivers answer each message this late at most (paced to last until just after M). */
// The caps bound how fast a quiet machine drains: 200 webhooks over 8 sends of up to 5 s take at least 125 s, longer
// than the wait for M (at most LEAD_MS + a minute), so webhooks too are still pending at the kill.
const SLOW_MAIL_MS = 3000;
const SLOW_HOOK_MS = 5000;
/** Above SLOW_HOOK_MS: a slow answer is a success, not a timeout. */
const WEBHOOK_TIMEOUT_MS = 8000;

const databases: string[] = [];
let receiver: Server | undefined;
let smtp: TestSmtp | undefined;

afterAll(async () => {
  await killAll();
  receiver?.close();
  await smtp?.close();
  for (const name of databases) await adminSql(SERVER_URL, `drop database if exists ${name} with (force)`).catch(() => undefined);
});

/** Polls `done` every 100 ms until it holds or `ms` pass. */
async function until(done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; !(await done()) && Date.now() < deadline; ) await sleep(100);
}

/** Ids that arrived more than once, each with its first arrival. */
function repeats(arrivals: { id: string; at: number }[]): { id: string; first: number }[] {
  const seen = new Map<string, { n: number; first: number }>();
  for (const a of arrivals) {
    const s = seen.get(a.id);
    if (s) s.n++;
    else seen.set(a.id, { n: 1, first: a.at });
  }
  return [...seen.entries()].filter(([, s]) => s.n > 1).map(([id, s]) => ({ id, first: s.first }));
}

describe('notifications and webhooks across kill -9 (PostgreSQL server)', () => {
  it('delivers every confirmation, reminder and webhook after a restart, repeating only what was in flight', async () => {
    const name = `faults_notifications_${Date.now()}`;
    await adminSql(SERVER_URL, `create database ${name}`);
    databases.push(name);
    const databaseUrl = withDatabase(SERVER_URL, name);

    // Until the kill, each answer waits so that what is left lasts until PACE_UNTIL (set with M below); after it, none.
    let slow = true;
    let paceUntil = Infinity;
    const pace = (left: number, parallel: number, most: number) => (slow ? Math.min(most, Math.max(20, ((paceUntil - Date.now()) * parallel) / Math.max(1, left))) : 0);
    smtp = await startSmtp({ acceptDelayMs: () => pace(BOOKINGS - smtp!.mails.length, 1, SLOW_MAIL_MS) });
    const hooks: { id: string; at: number }[] = [];
    const invalid: string[] = [];
    let secret = '';
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        try {
          new Webhook(secret).verify(body, req.headers as Record<string, string>);
        } catch {
          invalid.push(String(req.headers['webhook-id']));
        }
        // Received (a receiver would act on it now); the answer comes later, so sends are in flight at the kill.
        hooks.push({ id: String(req.headers['webhook-id']), at: Date.now() });
        setTimeout(() => res.writeHead(200).end(), pace(BOOKINGS - hooks.length, 8, SLOW_HOOK_MS));
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    const env = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtp.url,
      SMTP_TIMEOUT_MS: '5000',
      JOB_POLL_SECONDS: '0.5',
      JOB_RETRY_DELAY_SECONDS: '1',
      // A killed worker's job is retried once its heartbeat is 10 s stale (pg-boss's minimum), not after 5 minutes.
      JOB_HEARTBEAT_SECONDS: '10',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_DISPATCH_MS: '100',
      WEBHOOK_TIMEOUT_MS: String(WEBHOOK_TIMEOUT_MS),
    };
    let server = await startServer(env);
    const signup = await must(server.url, 'POST', '/api/auth/signup', 201, {
      body: { email: `crash-${Date.now()}@example.test`, password: 'correct horse battery', full_name: 'Crash Admin', organization_name: 'Crash Co', timezone: 'UTC' },
    });
    const token = signup.token as string;
    const open = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
    const venue = await must(server.url, 'POST', '/api/venues', 201, { token, body: { name: 'Crash Hall', timezone: 'UTC', operating_hours: open } });
    const game = await must(server.url, 'POST', '/api/games', 201, {
      token,
      body: { name: 'Arena', duration_minutes: 60, slot_interval_minutes: 5, max_players: 1000, booking_mode: 'shared', price_cents: 1000, venue_ids: [venue.id], min_notice_minutes: 0 },
    });
    const hook = await must(server.url, 'POST', '/api/webhooks', 201, { token, body: { url: hookUrl, events: ['booking.created'] } });
    secret = hook.secret as string;

    // Reminders are due on whole minutes (offsets in minutes before a start on the 5-minute grid): every booking's
    // reminder is due at M, the first minute boundary at least LEAD_MS ahead.
    const minute = 60_000;
    const m = Math.ceil((Date.now() + LEAD_MS) / minute) * minute;
    const start = Math.ceil((m + minute) / (5 * minute)) * (5 * minute);
    await must(server.url, 'PUT', '/api/organization', 200, { token, body: { policies: { reminder_offsets_minutes: [(start - m) / minute] } } });
    paceUntil = m + 5000;
    const creating = Date.now();

    const bookings: Json[] = [];
    for (let i = 0; i < BOOKINGS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          must(server.url, 'POST', '/api/bookings', 201, {
            token,
            body: { game_id: game.id, venue_id: venue.id, start_at: new Date(start).toISOString(), party_size: 1, customer: { full_name: `Guest ${i + k}`, email: `guest-${i + k}@example.test` } },
          }),
        ),
      );
      bookings.push(...batch);
    }
    // A booking made at or after M schedules no reminder (its time has passed): the run would prove less.
    const created = Date.now();
    expect(created, `200 bookings took ${created - creating} ms: past M on this machine`).toBeLessThan(m);

    // Kill once reminders have begun to run (their deliveries are written by the reminder jobs).
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const reminderRows = async () => Number((await db.query("select count(*) from notification_deliveries where event = 'booking_reminder'")).rows[0].count);
    // M may be up to LEAD_MS + a minute away: wait for it, then up to a minute for the reminders to start.
    await until(async () => Date.now() >= m && (await reminderRows()) >= 10, Math.max(0, m - Date.now()) + 60_000);
    expect(Date.now(), 'killed before M: the reminders had not begun').toBeGreaterThanOrEqual(m);
    const remindersWritten = await reminderRows();
    await killChild(server.child, 'SIGKILL');
    const killedAt = Date.now();
    await db.end();
    slow = false;
    const mailsBefore = smtp.mails.length;
    const hooksBefore = hooks.length;
    const mailIds = (event: string) => new Set(smtp!.mails.filter((x) => x.event === event).map((x) => x.messageId));
    const pendingAtKill = {
      confirmations: BOOKINGS - mailIds('booking_confirmed').size,
      reminderJobs: BOOKINGS - remindersWritten,
      reminderMails: BOOKINGS - mailIds('booking_reminder').size,
      webhooks: BOOKINGS - new Set(hooks.map((h) => h.id)).size,
    };
    // Each kind still had work left when the process died.
    expect(pendingAtKill.confirmations, JSON.stringify(pendingAtKill)).toBeGreaterThan(0);
    expect(pendingAtKill.reminderMails, JSON.stringify(pendingAtKill)).toBeGreaterThan(0);
    expect(pendingAtKill.webhooks, JSON.stringify(pendingAtKill)).toBeGreaterThan(0);

    server = await startServer(env);
    const restarted = Date.now();
    const complete = () => mailIds('booking_confirmed').size >= BOOKINGS && mailIds('booking_reminder').size >= BOOKINGS && new Set(hooks.map((h) => h.id)).size >= BOOKINGS;
    await until(complete, 90_000);
    const phases = `bookings ${created - creating} ms, kill ${killedAt - m} ms after M, restart ${restarted - killedAt} ms, all in ${Date.now() - restarted} ms after it`;
    const summary = `${phases}; pending at the kill ${JSON.stringify(pendingAtKill)}; ${mailsBefore} mails and ${hooksBefore} webhooks before it, ${smtp.mails.length} and ${hooks.length} in all`;

    // Every message arrived: one confirmation and one reminder per booking, each its own delivery.
    for (const event of ['booking_confirmed', 'booking_reminder']) {
      const mails = smtp.mails.filter((x) => x.event === event);
      expect(new Set(mails.map((x) => x.messageId)).size, `${event}: ${summary}`).toBe(BOOKINGS);
      expect(new Set(mails.map((x) => x.to.join())).size, event).toBe(BOOKINGS);
      for (const x of mails) expect(x.messageId).toMatch(/^<[0-9a-f-]{36}@bookingtms\.invalid>$/);
    }
    expect(new Set(hooks.map((h) => h.id)).size, summary).toBe(BOOKINGS);
    expect(invalid).toEqual([]);

    // Repeats only from the kill's window: the one mail being sent, the webhook sends in flight (at most 8).
    const mailArrivals = smtp.attempts.filter((x) => x.outcome === 'accepted').map((x) => ({ id: x.messageId!, at: x.at }));
    const lastMailBeforeKill = mailArrivals[mailsBefore - 1]!.id;
    const mailRepeats = repeats(mailArrivals);
    expect(mailRepeats.length, summary).toBeLessThanOrEqual(1);
    for (const r of mailRepeats) expect(r.id).toBe(lastMailBeforeKill);
    const hookRepeats = repeats(hooks);
    expect(hookRepeats.length, summary).toBeLessThanOrEqual(8);
    for (const r of hookRepeats) expect(r.first, summary).toBeGreaterThanOrEqual(killedAt - SLOW_HOOK_MS - 2000);
    console.log(`${summary}; repeated: ${mailRepeats.length} mail, ${hookRepeats.length} webhooks`);

    // The logs agree: every mail delivery sent (and it is a mail that arrived), every webhook delivery succeeded.
    const sent = new Set<string>();
    for (let page = 1; page <= Math.ceil((2 * BOOKINGS) / 100) + 1; page++) {
      const list = await must(server.url, 'GET', `/api/notification-deliveries?channel=email&limit=100&page=${page}`, 200, { token });
      for (const d of list.data as { id: string; status: string; event: string }[]) {
        if (d.event !== 'booking_confirmed' && d.event !== 'booking_reminder') continue;
        expect(d.status).toBe('sent');
        sent.add(`<${d.id}@bookingtms.invalid>`);
      }
    }
    expect(sent).toEqual(new Set(mailArrivals.map((x) => x.id)));
    await until(async () => (await must(server.url, 'GET', `/api/webhooks/${hook.id}/deliveries?limit=1&status=succeeded`, 200, { token })).total === BOOKINGS, 15_000);
    expect((await must(server.url, 'GET', `/api/webhooks/${hook.id}/deliveries?limit=1&status=succeeded`, 200, { token })).total).toBe(BOOKINGS);
    expect(bookings).toHaveLength(BOOKINGS);
  }, 240_000);
});
