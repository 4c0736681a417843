import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { LocalFake } from './local-fake.js';

/**
 * A local stand-in for the part of Twilio's REST API the SMS transport uses (Programmable Messaging: create a
 * Message), spoken the way the real `twilio` SDK speaks it: form-encoded requests with HTTP Basic auth, JSON
 * answers and Twilio-shaped errors. Tests exercise the SDK itself and nothing leaves the machine. Point
 * TWILIO_API_BASE at `start()`'s url.
 */

/** How the next requests fail: Twilio's 500, a 4xx refusal with a Twilio error code, or no answer at all. */
export type TwilioFailure = 500 | 'hang' | { status: number; code: number; message: string };

/** A message Twilio accepted. */
export interface SentSms {
  sid: string;
  to: string;
  from: string | undefined;
  messagingServiceSid: string | undefined;
  body: string;
  at: number;
}

const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export class FakeTwilio extends LocalFake {
  /** Every request received, in order, failed ones included. */
  readonly requests: { at: number; method: string; path: string; outcome: 'accepted' | 'refused' | 'failed' | 'hung' }[] = [];
  /** The messages Twilio accepted. */
  readonly messages: SentSms[] = [];
  private failures: TwilioFailure[] = [];

  constructor(
    readonly accountSid = `AC${'a1'.repeat(16)}`,
    readonly authToken = 'fake-twilio-auth-token',
  ) {
    super();
  }


  /** The next `count` requests fail with `failure`. */
  failNext(count: number, failure: TwilioFailure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** Messages to `to`, waiting until there are at least `count` (or the time is up). */
  async messagesTo(to: string, count = 1, timeoutMs = 10_000): Promise<SentSms[]> {
    const match = () => this.messages.filter((m) => m.to === to);
    for (const started = Date.now(); match().length < count && Date.now() - started < timeoutMs; ) await new Promise((r) => setTimeout(r, 20));
    return match();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const record = (outcome: FakeTwilio['requests'][number]['outcome']) => this.requests.push({ at: Date.now(), method, path, outcome });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'twilio-request-id': newSid('RQ') });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string) => {
      record(status >= 500 ? 'failed' : 'refused');
      send(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    };

    const failure = this.failures.shift();
    if (failure === 'hang') return void record('hung'); // never answers; close() drops the socket
    if (failure === 500) return error(500, 20500, 'An internal server error has occurred');
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return error(401, 20003, 'Authenticate');
    if (method !== 'POST' || path !== `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) {
      return error(404, 20404, `The requested resource ${path} was not found`);
    }
    if (failure) return error(failure.status, failure.code, failure.message);

    const form = new URLSearchParams(text);
    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    // What Twilio itself refuses before sending anything.
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!from && !messagingServiceSid) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
    if (!body) return error(400, 21602, 'Message body is required.');
    if (body.length > 1600) return error(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');

    const sid = newSid('SM');
    this.messages.push({ sid, to, from, messagingServiceSid, body, at: Date.now() });
    record('accepted');
    const now = new Date().toUTCString().replace('GMT', '+0000');
    send(201, {
      account_sid: this.accountSid, api_version: '2010-04-01', body, date_created: now, date_sent: null, date_updated: now,
      direction: 'outbound-api', error_code: null, error_message: null, from: from ?? null, messaging_service_sid: messagingServiceSid ?? null,
      num_media: '0', num_segments: String(Math.ceil(body.length / 153)), price: null, price_unit: 'USD', sid, status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}/Media.json` }, to,
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}.json`,
    });
  }
}

/** Starts a fake Twilio for the file (register before useTestApp, which then reads its URL). */
export function useFakeTwilio(): () => FakeTwilio & { url: string } {
  let fake: (FakeTwilio & { url: string }) | undefined;
  beforeAll(async () => {
    const twilio = new FakeTwilio();
    const { url } = await twilio.start();
    fake = Object.assign(twilio, { url });
  });
  afterAll(async () => {
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error('fake Twilio not started');
    return fake;
  };
}
