import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

/** One message as the test SMTP server received it, parsed by mailparser. */
export interface ReceivedMail {
  to: string[];
  /** The X-BookingTMS-Event header. */
  event: string | undefined;
  /** The Message-ID header, `<...>` as sent. */
  messageId: string | undefined;
  subject: string;
  text: string;
  html: string | false;
  parsed: ParsedMail;
}

/** What the server does with the next messages: accept them, refuse with an SMTP code, or never answer. */
export type SmtpBehaviour = { kind: 'accept' } | { kind: 'refuse'; code: number; message?: string } | { kind: 'hang' };

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Every attempt a client made, in order: when, and what the server did with it. */
  attempts: { at: number; outcome: 'accepted' | 'refused' | 'hung'; messageId?: string | undefined }[];
  /** How the server answers from now on (`times` messages, then back to accepting; default: until changed). */
  behave(b: SmtpBehaviour, times?: number): void;
  /** Messages to `to` (optionally of one event), waiting until there are at least `count`. */
  mailsTo(to: string, event?: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), in this process, recording what arrives. `acceptDelayMs` makes it
 * slow: a message is recorded once it is received in full and answered 250 that much later (a crash test keeps
 * mails in flight with it).
 */
export async function startSmtp(opts: { acceptDelayMs?: () => number } = {}): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const attempts: TestSmtp['attempts'] = [];
  let behaviour: SmtpBehaviour = { kind: 'accept' };
  let remaining = Infinity;
  const current = (): SmtpBehaviour => {
    if (remaining <= 0) behaviour = { kind: 'accept' };
    return behaviour;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Hanging connections would otherwise hold close() for its default 30 s.
    closeTimeout: 200,
    onConnect(_session, callback) {
      // A hanging server accepts the connection and never greets: the client's greeting timeout must end it.
      if (current().kind === 'hang') {
        remaining--;
        attempts.push({ at: Date.now(), outcome: 'hung' });
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const b = current();
      simpleParser(stream)
        .then((parsed) => {
          if (b.kind === 'refuse') {
            remaining--;
            attempts.push({ at: Date.now(), outcome: 'refused', messageId: parsed.messageId });
            const err = Object.assign(new Error(b.message ?? 'Refused by the test server'), { responseCode: b.code });
            return callback(err);
          }
          attempts.push({ at: Date.now(), outcome: 'accepted', messageId: parsed.messageId });
          const header = parsed.headers.get('x-bookingtms-event');
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            event: typeof header === 'string' ? header : undefined,
            messageId: parsed.messageId,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html ?? false,
            parsed,
          });
          const delay = opts.acceptDelayMs?.() ?? 0;
          if (delay > 0) setTimeout(() => callback(), delay);
          else callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    attempts,
    behave(b, times = Infinity) {
      behaviour = b;
      remaining = times;
    },
    async mailsTo(to, event, count = 1, timeoutMs = 10_000) {
      const match = () => mails.filter((m) => m.to.includes(to) && (event === undefined || m.event === event));
      for (const started = Date.now(); match().length < count && Date.now() - started < timeoutMs; ) await new Promise((r) => setTimeout(r, 20));
      return match();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts a test SMTP server for the file (register before useTestApp, which then reads its URL). */
export function useSmtp(): () => TestSmtp {
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error('SMTP server not started');
    return smtp;
  };
}
