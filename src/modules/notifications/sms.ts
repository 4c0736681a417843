import type twilio from 'twilio';
import type { SendOutcome } from './mailer.js';

/** One text message as it leaves: already rendered, to a number in E.164. */
export interface OutgoingSms {
  event: string;
  to: string;
  body: string;
}

/** Hands text messages to Twilio. `configured` is false when the TWILIO_* credentials are unset: then nothing is sent. */
export interface SmsTransport {
  readonly configured: boolean;
  send(sms: OutgoingSms): Promise<SendOutcome>;
}

export interface TwilioSettings {
  accountSid: string | undefined;
  authToken: string | undefined;
  /** A sender number (E.164) or a Messaging Service SID (MG...). */
  from: string | undefined;
  /** Where Twilio's API is (`https://api.twilio.com`, or a local fake in tests). */
  apiBase: string;
  timeoutMs: number;
}

type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

const TWILIO_ORIGIN = 'https://api.twilio.com';
/** Twilio takes at most 1,600 characters in a message body (error 21617 past it): a longer one is cut, never refused. */
export const SMS_MAX_LENGTH = 1600;
export const SMS_NOT_CONFIGURED = 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM are not set: recorded, not sent';

/**
 * The SDK's own HTTP client, with its requests sent to `apiBase` instead of Twilio's host: the SDK builds every URL
 * from fixed hosts and offers no base-URL option, but it takes the HTTP client to use. Everything else (form
 * encoding, auth, parsing, errors) stays the SDK's. No retries inside the SDK (the job queue retries with its own
 * backoff), a bounded wait for each answer.
 */
function requestClient(sdk: typeof twilio, apiBase: string, timeoutMs: number): twilio.RequestClient {
  if (apiBase === TWILIO_ORIGIN) return new sdk.RequestClient({ timeout: timeoutMs, autoRetry: false });
  class RedirectingClient extends sdk.RequestClient {
    override request<TData>(opts: RequestOptions<TData>) {
      const uri = new URL(opts.uri);
      const base = new URL(apiBase);
      uri.protocol = base.protocol;
      uri.host = base.host;
      return super.request<TData>({ ...opts, uri: uri.href });
    }
  }
  return new RedirectingClient({ timeout: timeoutMs, autoRetry: false });
}

/** How a Twilio failure is retried: its 4xx are for good (a bad or blocked number, bad credentials), except 429. */
function outcomeOf(err: unknown): SendOutcome {
  const e = err as { status?: number; code?: number | string; message?: string; moreInfo?: string };
  if (typeof e.status === 'number') {
    const permanent = e.status >= 400 && e.status < 500 && e.status !== 429;
    const text = [`Twilio ${e.status}`, typeof e.code === 'number' ? `error ${e.code}` : null, e.message].filter(Boolean).join(': ');
    return { ok: false, error: text.slice(0, 2000), permanent };
  }
  // No answer at all: refused, reset, timed out. Twilio may or may not have it; the queue tries again.
  const text = [e.code, e.message].filter((p) => p !== undefined && p !== '').join(': ') || 'unknown error';
  return { ok: false, error: `Twilio unreachable: ${text}`.slice(0, 2000), permanent: false };
}

/**
 * SMS through the official Twilio SDK, or none when the credentials are unset. Each call waits at most
 * `timeoutMs` for Twilio's answer, so a Twilio that hangs fails the attempt instead of holding a worker.
 */
export function smsTransport(s: TwilioSettings): SmsTransport {
  if (!s.accountSid || !s.authToken || !s.from) {
    return { configured: false, send: async () => ({ ok: false, error: SMS_NOT_CONFIGURED, permanent: true }) };
  }
  const { accountSid, authToken, apiBase, timeoutMs } = s;
  // The SDK is loaded at the first send: an API process that runs no workers never holds it.
  // It reads TWILIO_EDGE / TWILIO_REGION from the environment itself (Twilio's edge locations); with another
  // TWILIO_API_BASE every request goes to that origin whatever they say.
  let client: Promise<twilio.Twilio> | undefined;
  const connect = async () => {
    const { default: sdk } = await import('twilio');
    return sdk(accountSid, authToken, { httpClient: requestClient(sdk, apiBase, timeoutMs), timeout: timeoutMs, autoRetry: false });
  };
  const sender = s.from.startsWith('MG') ? { messagingServiceSid: s.from } : { from: s.from };
  return {
    configured: true,
    async send(sms) {
      const body = sms.body.length > SMS_MAX_LENGTH ? `${sms.body.slice(0, SMS_MAX_LENGTH - 1)}…` : sms.body;
      try {
        await (await (client ??= connect())).messages.create({ to: sms.to, body, ...sender });
        return { ok: true };
      } catch (err) {
        return outcomeOf(err);
      }
    },
  };
}
