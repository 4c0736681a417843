import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { call } from '../../support/app.js';
import { createCustomer, createGame, createVenue, EVERY_DAY_10_TO_22 } from '../../support/catalog.js';
import { signupOrg, uniqueEmail } from '../../support/fixtures.js';
import type { ReceivedMail } from '../../support/smtp.js';

// jsqr is a CommonJS bundle whose types declare an ES default export: take the function whichever way it arrives.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode = (jsQRModule as unknown as { default?: Decode }).default ?? (jsQRModule as unknown as Decode);

/** The mail settings of these tests: a real SMTP server, a fast poll, links under a fixed base URL. */
export const mailEnv = (smtpUrl: string) => ({
  SMTP_URL: smtpUrl, SMTP_TIMEOUT_MS: '2000', JOB_POLL_SECONDS: '0.5', PUBLIC_BASE_URL: 'https://book.example', PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
});

/** An organization with a venue in `timezone` (open 10-22 daily), a private game there and a customer with an email. */
export async function bookingWorld(app: FastifyInstance, opts: { timezone?: string; reminders?: number[] } = {}) {
  const org = await signupOrg(app);
  const policies = await call(app, 'PUT', '/api/organization', { token: org.token, body: { policies: { reminder_offsets_minutes: opts.reminders ?? [] } } });
  expect(policies.status, JSON.stringify(policies.body)).toBe(200);
  const venue = await createVenue(app, org.token, { name: 'Riverside', timezone: opts.timezone ?? 'America/New_York', operating_hours: EVERY_DAY_10_TO_22, address: { line1: '5 Quay Street', city: 'Springfield' } });
  const game = await createGame(app, org.token, { name: 'The Vault', duration_minutes: 60, buffer_minutes: 0, slot_interval_minutes: 30, min_notice_minutes: 0, venue_ids: [venue.id] });
  const email = uniqueEmail('guest');
  const customer = await createCustomer(app, org.token, { full_name: 'Robin Guest', email });
  return { org, venue, game, customer, email };
}

/** The booking's calendar attachment, parsed with ical.js. */
export function calendarOf(mail: ReceivedMail) {
  const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(ics, 'an .ics attachment').toBeDefined();
  expect(ics!.filename).toBe('booking.ics');
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics!.content.toString('utf8'))).getFirstSubcomponent('vevent')!);
  return { start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), summary: event.summary, location: event.location };
}

/** The text the QR code attachment encodes (decoded from its PNG with jsQR), or undefined without one. */
export function qrOf(mail: ReceivedMail): string | undefined {
  const png = mail.parsed.attachments.find((a) => a.contentType === 'image/png');
  if (!png) return undefined;
  const image = PNG.sync.read(png.content);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** The unsubscribe link every customer mail ends with. */
export function unsubscribeLink(mail: ReceivedMail): string {
  const m = /To stop these emails: (https:\/\/book\.example\/api\/public\/unsubscribe\/[A-Za-z0-9]+)/.exec(mail.text);
  expect(m, mail.text).not.toBeNull();
  return m![1]!;
}

/** The email deliveries of a booking, read through the API (its SMS are rows of their own). */
export async function deliveriesOf(app: FastifyInstance, token: string, bookingId: string) {
  const res = await call(app, 'GET', `/api/notification-deliveries?booking_id=${bookingId}&channel=email&limit=100`, { token });
  expect(res.status).toBe(200);
  return res.body.data as { id: string; event: string; status: string; last_error: string | null; to: string }[];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The delivery once it has settled (sent, failed or skipped), read through the API. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function settledDelivery(app: FastifyInstance, token: string, id: string, timeoutMs = 20_000): Promise<any> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(100)) {
    const res = await call(app, 'GET', '/api/notification-deliveries?limit=100', { token });
    const d = (res.body.data as { id: string; status: string }[]).find((x) => x.id === id);
    if (d && d.status !== 'queued') return d;
  }
  throw new Error(`delivery ${id} did not settle`);
}
