import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { call, useTestApp } from '../../support/app.js';
import { createCustomer, createGame, createVenue, EVERY_DAY_10_TO_22 } from '../../support/catalog.js';
import { useFakeTwilio, type FakeTwilio } from '../../support/fake-twilio.js';
import { signupOrg, uniqueEmail } from '../../support/fixtures.js';
import { settledDelivery, sleep } from './support.js';

// The app's clock is frozen (it decides what is scheduled); pg-boss runs jobs by real time.
const NOW = new Date('2026-06-01T12:00:00Z');
const FROM = '+15005550006';

// Timeouts generous enough for a loaded 2-core CI machine: an attempt that times out is retried, and the attempt
// counts below would change.
const smsEnv = (twilio: FakeTwilio & { url: string }) => ({
  TWILIO_ACCOUNT_SID: twilio.accountSid,
  TWILIO_AUTH_TOKEN: twilio.authToken,
  TWILIO_FROM: FROM,
  TWILIO_API_BASE: twilio.url,
  TWILIO_TIMEOUT_MS: '2000',
  JOB_RETRY_LIMIT: '2',
  JOB_RETRY_DELAY_SECONDS: '1',
  JOB_POLL_SECONDS: '0.5',
  PUBLIC_BASE_URL: 'https://book.example',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
});

interface SmsRow {
  id: string;
  event: string;
  channel: string;
  to: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

/** The SMS deliveries of a booking, oldest first, once none is queued any more. */
async function smsOf(app: FastifyInstance, token: string, bookingId: string, count = 1): Promise<SmsRow[]> {
  let rows: SmsRow[] = [];
  for (const started = Date.now(); Date.now() - started < 20_000; await sleep(100)) {
    const res = await call(app, 'GET', `/api/notification-deliveries?booking_id=${bookingId}&channel=sms&limit=100`, { token });
    expect(res.status).toBe(200);
    rows = (res.body.data as SmsRow[]).reverse();
    if (rows.length >= count && rows.every((r) => r.status !== 'queued')) return rows;
  }
  throw new Error(`SMS deliveries of ${bookingId} did not settle: ${JSON.stringify(rows)}`);
}

/** An organization with a venue in `timezone` (open 10-22 daily, in `country` when given) and a private game. */
async function smsWorld(app: FastifyInstance, timezone: string, country?: string) {
  const org = await signupOrg(app);
  const noReminders = await call(app, 'PUT', '/api/organization', { token: org.token, body: { policies: { reminder_offsets_minutes: [] } } });
  expect(noReminders.status).toBe(200);
  const address = { line1: '5 Quay Street', city: 'Springfield', ...(country ? { country } : {}) };
  const venue = await createVenue(app, org.token, { name: 'Riverside', timezone, operating_hours: EVERY_DAY_10_TO_22, address });
  const game = await createGame(app, org.token, { name: 'The Vault', duration_minutes: 60, buffer_minutes: 0, slot_interval_minutes: 30, min_notice_minutes: 0, venue_ids: [venue.id] });
  const customer = async (phone: string | null, preferences?: { email: boolean; sms: boolean }) =>
    createCustomer(app, org.token, { full_name: 'Robin Guest', email: uniqueEmail('guest'), phone, ...(preferences ? { notification_preferences: preferences } : {}) });
  const book = async (customerId: string, start_at: string) => {
    const res = await call(app, 'POST', '/api/bookings', { token: org.token, body: { game_id: game.id, venue_id: venue.id, start_at, party_size: 3, customer_id: customerId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; booking_number: string };
  };
  return { org, venue, game, customer, book };
}

describe('SMS through the twilio SDK, against a local fake of Twilio’s HTTP API', () => {
  const twilio = useFakeTwilio();
  const t = useTestApp({ now: NOW, env: () => smsEnv(twilio()) });

  it('a confirmation reaches Twilio with To in E.164, the From, and a short body in the venue’s local time, in two zones', async () => {
    const { app } = t();
    const ny = await smsWorld(app, 'America/New_York', 'US');
    // A national number is read in the venue's country.
    const nyGuest = await ny.customer('(212) 555-0142');
    const nyBooking = await ny.book(nyGuest.id, '2026-06-10T15:00:00Z');
    const [nyText] = await twilio().messagesTo('+12125550142');
    expect(nyText).toMatchObject({ from: FROM, messagingServiceSid: undefined });
    expect(nyText!.body).toBe(`Escape Works: booking ${nyBooking.booking_number} confirmed. The Vault, Wednesday, June 10, 2026 at 11:00, Riverside.`);

    const tokyo = await smsWorld(app, 'Asia/Tokyo');
    const tokyoGuest = await tokyo.customer('+81 3-1234-5678');
    // 15:00 UTC is 00:00 the next day in Tokyo: the venue's date, not the server's.
    const tokyoBooking = await tokyo.book(tokyoGuest.id, '2026-06-10T03:30:00Z');
    const [tokyoText] = await twilio().messagesTo('+81312345678');
    expect(tokyoText!.body).toContain('The Vault, Wednesday, June 10, 2026 at 12:30, Riverside.');
    expect(tokyoText!.body.length).toBeLessThanOrEqual(160);

    const [row] = await smsOf(app, ny.org.token, nyBooking.id);
    expect(row).toMatchObject({ event: 'booking_confirmed', channel: 'sms', to: '+12125550142', status: 'sent', attempts: 1, last_error: null });
    expect((await smsOf(app, tokyo.org.token, tokyoBooking.id))[0]).toMatchObject({ to: '+81312345678', status: 'sent' });
    // The email went its own way (no SMTP here: recorded, not sent); the two channels are separate rows.
    const all = await call(app, 'GET', `/api/notification-deliveries?booking_id=${nyBooking.id}`, { token: ny.org.token });
    expect(all.body.data.map((d: SmsRow) => d.channel).sort()).toEqual(['email', 'sms']);
  });

  it('a widget booking’s text carries its manage link; a reschedule and a cancellation text the new time and the end', async () => {
    const { app } = t();
    const w = await smsWorld(app, 'Europe/London', 'GB');
    const phone = '07700 900123';
    const made = await call(app, 'POST', `/api/public/venues/${w.venue.embed_key}/bookings`, {
      body: { game_id: w.game.id, start_at: '2026-06-12T09:00:00Z', party_size: 2, customer: { full_name: 'Wendy Widget', email: uniqueEmail('widget'), phone } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { booking_number, manage_token } = made.body as { booking_number: string; manage_token: string };
    const [confirmation] = await twilio().messagesTo('+447700900123');
    expect(confirmation!.body).toContain('Friday, June 12, 2026 at 10:00');
    expect(confirmation!.body).toContain(` Manage: https://book.example/manage/${booking_number}?token=${manage_token}`);

    const listed = await call(app, 'GET', `/api/bookings?q=${booking_number}`, { token: w.org.token });
    const id = listed.body.data[0].id as string;
    expect((await call(app, 'PUT', `/api/bookings/${id}`, { token: w.org.token, body: { start_at: '2026-06-12T13:30:00Z' } })).status).toBe(200);
    expect((await call(app, 'DELETE', `/api/bookings/${id}`, { token: w.org.token })).status).toBe(200);
    const texts = await twilio().messagesTo('+447700900123', 3);
    expect(texts[1]!.body).toContain(`booking ${booking_number} moved to Friday, June 12, 2026 at 14:30 (The Vault, Riverside).`);
    expect(texts[2]!.body).toContain(`booking ${booking_number} (The Vault, Friday, June 12, 2026 at 14:30) is cancelled.`);
    // Staff changes have no manage token: no dangling "Manage:".
    expect(texts[1]!.body).not.toContain('Manage');
    const rows = await smsOf(app, w.org.token, id, 3);
    expect(rows.map((r) => [r.event, r.status])).toEqual([
      ['booking_confirmed', 'sent'],
      ['booking_rescheduled', 'sent'],
      ['booking_cancelled', 'sent'],
    ]);
  });

  it('preferences, unsubscribe and unusable numbers: logged skipped with the reason, nothing reaches Twilio', async () => {
    const { app } = t();
    const w = await smsWorld(app, 'Asia/Tokyo');
    const before = twilio().requests.length;
    // [phone, preferences, reason, the log's `to`: E.164 when the number is usable, else what was typed]
    const cases: [string | null, { email: boolean; sms: boolean } | undefined, string, string][] = [
      ['+81 90-1234-5678', { email: true, sms: false }, 'customer unsubscribed from sms', '+819012345678'],
      [null, undefined, 'customer has no phone number', ''],
      // The venue has no country, so a national number cannot be read.
      ['090-1234-5678', undefined, 'phone number has no country code (and the venue no country)', '090-1234-5678'],
      ['+1 555', undefined, 'phone number is not valid', '+1 555'],
    ];
    let hour = 1;
    for (const [phone, preferences, reason, to] of cases) {
      const guest = await w.customer(phone, preferences);
      const booking = await w.book(guest.id, `2026-06-10T0${hour++}:00:00Z`);
      const [row] = await smsOf(app, w.org.token, booking.id);
      expect(row, reason).toMatchObject({ status: 'skipped', last_error: reason, attempts: 0, to });
    }
    // The unsubscribe link (?channel=sms) turns texts off and leaves mail on.
    const guest = await w.customer('+81 90-1111-2222');
    const { rows } = await t().db.query<{ unsubscribe_token: string }>('select unsubscribe_token from customers where id = $1', [guest.id]);
    expect((await call(app, 'GET', `/api/public/unsubscribe/${rows[0]!.unsubscribe_token}?channel=sms`)).body).toEqual({ unsubscribed: ['sms'] });
    const booking = await w.book(guest.id, '2026-06-10T06:00:00Z');
    expect((await smsOf(app, w.org.token, booking.id))[0]).toMatchObject({ status: 'skipped', last_error: 'customer unsubscribed from sms' });
    await sleep(800);
    expect(twilio().requests.length).toBe(before);
  });

  it('Twilio answering 500 is retried with growing delays until the text goes through', async () => {
    const { app } = t();
    const w = await smsWorld(app, 'America/Chicago', 'US');
    twilio().failNext(2, 500);
    const first = twilio().requests.length;
    const guest = await w.customer('+1 312 555 0177');
    const booking = await w.book(guest.id, '2026-06-10T16:00:00Z');
    const [row] = await smsOf(app, w.org.token, booking.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    const attempts = twilio().requests.slice(first);
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'accepted']);
    // Backoff: the n-th retry waits between retryDelay * 2^(n-1) and twice that (pg-boss adds jitter).
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(1900);
    expect(await twilio().messagesTo('+13125550177')).toHaveLength(1);
  });

  it('a 400 (a number Twilio refuses) fails at once, without retries; retried through the API it is sent', async () => {
    const { app } = t();
    const w = await smsWorld(app, 'America/Denver', 'US');
    twilio().failNext(1, { status: 400, code: 21211, message: "Invalid 'To' Phone Number: +17205550188" });
    const first = twilio().requests.length;
    const guest = await w.customer('+1 720 555 0188');
    const booking = await w.book(guest.id, '2026-06-10T17:00:00Z');
    const [failed] = await smsOf(app, w.org.token, booking.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.last_error).toBe("Twilio 400: error 21211: Invalid 'To' Phone Number: +17205550188");
    // No retry was scheduled: nothing more reaches Twilio.
    await sleep(2500);
    expect(twilio().requests.length - first).toBe(1);

    const retried = await call(app, 'POST', `/api/notification-deliveries/${failed!.id}/retry`, { token: w.org.token });
    expect([retried.status, retried.body.status]).toEqual([202, 'queued']);
    expect(await settledDelivery(app, w.org.token, failed!.id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(await twilio().messagesTo('+17205550188')).toHaveLength(1);
  });

  it('a Twilio that never answers times out each attempt (TWILIO_TIMEOUT_MS), ends failed, and the queue goes on', async () => {
    const { app } = t();
    const w = await smsWorld(app, 'America/Los_Angeles', 'US');
    twilio().failNext(3, 'hang');
    const guest = await w.customer('+1 415 555 0199');
    const booking = await w.book(guest.id, '2026-06-10T18:00:00Z');
    const [failed] = await smsOf(app, w.org.token, booking.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed!.last_error).toMatch(/^Twilio unreachable: .*timeout/i);
    const next = await w.customer('+1 415 555 0123');
    await w.book(next.id, '2026-06-10T19:00:00Z');
    expect(await twilio().messagesTo('+14155550123')).toHaveLength(1);
  });

  it('a reminder goes out as a text too, once however often its job runs', async () => {
    const { app, db } = t();
    const w = await smsWorld(app, 'America/New_York', 'US');
    expect((await call(app, 'PUT', '/api/organization', { token: w.org.token, body: { policies: { reminder_offsets_minutes: [120] } } })).status).toBe(200);
    const guest = await w.customer('+1 646 555 0111');
    const booking = await w.book(guest.id, '2026-06-10T15:00:00Z');
    await twilio().messagesTo('+16465550111');
    const jobs = `select count(*)::int as n from pgboss.job where name = 'booking-reminder' and data->>'booking_id' = $1 and state <> 'completed'`;
    // Due now, and once more (a job run twice after a crash): one reminder row per channel all the same.
    for (let run = 0; run < 2; run++) {
      await db.query(`update pgboss.job set start_after = now(), state = 'created' where name = 'booking-reminder' and data->>'booking_id' = $1`, [booking.id]);
      for (const started = Date.now(); Date.now() - started < 15_000; await sleep(100)) {
        if ((await db.query<{ n: number }>(jobs, [booking.id])).rows[0]!.n === 0) break;
      }
    }
    const rows = await smsOf(app, w.org.token, booking.id, 2);
    expect(rows.map((r) => [r.event, r.status])).toEqual([
      ['booking_confirmed', 'sent'],
      ['booking_reminder', 'sent'],
    ]);
    const texts = await twilio().messagesTo('+16465550111', 2);
    expect(texts[1]!.body).toBe(`Reminder from Escape Works: The Vault, Wednesday, June 10, 2026 at 11:00, Riverside (booking ${booking.booking_number}).`);
    await sleep(500);
    expect(await twilio().messagesTo('+16465550111', 3, 0)).toHaveLength(2);
  });
});

describe('SMS with no Twilio configured', () => {
  const t = useTestApp({ now: NOW, env: { JOB_POLL_SECONDS: '0.5' } });

  it('is recorded and logged skipped, not sent', async () => {
    const { app, db } = t();
    const w = await smsWorld(app, 'America/New_York', 'US');
    const guest = await w.customer('+1 212 555 0100');
    const booking = await w.book(guest.id, '2026-06-10T15:00:00Z');
    const [row] = await smsOf(app, w.org.token, booking.id);
    expect(row).toMatchObject({
      status: 'skipped',
      to: '+12125550100',
      attempts: 1,
      last_error: 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are not set: recorded, not sent',
    });
    // Settled: its content (the message's variables) is gone.
    const { rows } = await db.query<{ content: unknown }>('select content from notification_deliveries where id = $1', [row!.id]);
    expect(rows[0]!.content).toBeNull();
  });
});

describe('Twilio settings', () => {
  it('all three credentials or none: half a set-up stops the start, naming what is missing', () => {
    const sid = `AC${'0'.repeat(32)}`;
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: sid })).toThrow(/TWILIO_AUTH_TOKEN: is required with TWILIO_ACCOUNT_SID[\s\S]*TWILIO_FROM: is required/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'SK123', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: FROM })).toThrow(/TWILIO_ACCOUNT_SID: must be a Twilio account SID/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '555-0100' })).toThrow(/TWILIO_FROM: must be a number in E\.164/);
    expect(() => loadConfig({ TWILIO_API_BASE: 'https://api.twilio.com/2010-04-01' })).toThrow(/TWILIO_API_BASE/);
    expect(loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: `MG${'a'.repeat(32)}` }).TWILIO_API_BASE).toBe('https://api.twilio.com');
    expect(loadConfig({}).TWILIO_ACCOUNT_SID).toBeUndefined();
  });
});
