import type { Transporter } from 'nodemailer';

/** One email as it leaves: already rendered. */
export interface OutgoingEmail {
  /**
   * What this message is, the same on every attempt (a delivery's id, a platform mail's job id): its Message-ID is
   * made from it, so a repeat after a crash (docs/operations.md) reads as the same message to a receiver.
   */
  id: string;
  /** The event or platform kind, sent as the X-BookingTMS-Event header (receivers and tests sort by it). */
  event: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** A booking's .ics and QR code (attachments.ts). */
  attachments?: { filename: string; content: string | Buffer; contentType: string; cid?: string }[];
}

/** How an attempt ended: `permanent` failures (the server refused for good, 5xx) are not retried. */
export type SendOutcome = { ok: true } | { ok: false; error: string; permanent: boolean };

/** Hands email to a server. `configured` is false when SMTP_URL is unset: then nothing is sent. */
export interface EmailTransport {
  readonly configured: boolean;
  send(mail: OutgoingEmail): Promise<SendOutcome>;
}

/**
 * The Message-ID of a message: `<id@domain>`, the domain MAIL_FROM's (RFC 5322 wants one the sender controls).
 * Stable per message rather than nodemailer's random one per attempt: a resend after a crash carries the same
 * Message-ID, and mail systems (Gmail, Outlook, most MTAs' duplicate filters) collapse copies by it.
 */
export function messageIdOf(id: string, from: string): string {
  const domain = /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1] ?? 'bookingtms.invalid';
  return `<${id}@${domain}>`;
}

/** An SMTP error's text without credentials (nodemailer's messages never hold them; the URL might, so it is not logged). */
function errorText(err: unknown): string {
  const e = err as { message?: string; responseCode?: number; code?: string };
  return [e.code, e.responseCode, e.message].filter((p) => p !== undefined && p !== '').join(': ').slice(0, 2000) || 'unknown error';
}

/**
 * Email over SMTP (`SMTP_URL`: any provider, SendGrid's relay included), or none when the URL is unset. Every phase
 * of the conversation is bounded by `timeoutMs`, so a server that accepts the connection and then hangs fails the
 * attempt instead of holding a worker.
 */
export function emailTransport(opts: { url: string | undefined; from: string; timeoutMs: number }): EmailTransport {
  if (!opts.url) return { configured: false, send: async () => ({ ok: false, error: 'SMTP_URL is not set: recorded, not sent', permanent: true }) };
  // nodemailer is loaded at the first send: an API process that runs no workers never holds it.
  let transport: Promise<Transporter> | undefined;
  const connect = async () => {
    const { createTransport } = await import('nodemailer');
    return createTransport(
      { url: opts.url, connectionTimeout: opts.timeoutMs, greetingTimeout: opts.timeoutMs, socketTimeout: opts.timeoutMs, dnsTimeout: opts.timeoutMs },
      { from: opts.from },
    );
  };
  return {
    configured: true,
    async send(mail) {
      try {
        await (transport ??= connect()).then((t) => t.sendMail({
          messageId: messageIdOf(mail.id, opts.from),
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
          headers: { 'X-BookingTMS-Event': mail.event },
        }));
        return { ok: true };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        return { ok: false, error: errorText(err), permanent: typeof code === 'number' && code >= 500 && code < 600 };
      }
    },
  };
}
