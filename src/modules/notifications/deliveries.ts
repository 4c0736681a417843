import type { Database, Queryable } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { Attempt, JobQueue } from '../../queue/queue.js';
import { withExtras, type MailExtras } from './attachments.js';
import { defaultTemplate, type TemplateParts } from './defaults.js';
import type { EmailTransport, OutgoingEmail, SendOutcome } from './mailer.js';
import { SMS_NOT_CONFIGURED, type OutgoingSms, type SmsTransport } from './sms.js';
import { TEMPLATE_EVENTS, type TemplateData, type TemplateEvent } from './placeholders.js';
import type { Channel, Delivery, DeliveryStatus } from './schemas.js';
import * as sql from './sql.js';
import { renderTemplate } from './templates.js';

/** Platform mails: written by the platform, not a tenant's template; their content is the finished message. */
export const PLATFORM_EVENTS = ['password_reset', 'signup_existing'] as const;
export type PlatformEvent = (typeof PLATFORM_EVENTS)[number];

export interface DeliveryInput {
  event: TemplateEvent | PlatformEvent;
  channel: Channel;
  to: string;
  locale?: string;
  bookingId?: string | null;
  customerId?: string | null;
  /** A template event's variables (every placeholder of the event: '' where a value is absent), or a platform mail. */
  content: TemplateData | { subject: string; text: string };
  /** At most one delivery per key in the organization: a second one with the same key writes nothing. */
  dedupeKey?: string;
  /** Log the delivery as skipped (preferences, unsubscribe) instead of queueing it. */
  skipReason?: string;
}

interface DeliveryRow extends Omit<Delivery, 'to' | 'sent_at' | 'created_at'> {
  to_address: string;
  sent_at: Date | null;
  created_at: Date;
}

const toDelivery = ({ to_address, ...r }: DeliveryRow): Delivery => ({
  ...r,
  to: to_address,
  sent_at: r.sent_at?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
});

/**
 * Logs a delivery and enqueues its job, both in the caller's transaction: it is sent after commit, by a worker,
 * and a rolled-back change sends nothing. The transaction's organization owns the row.
 */
export async function queueDelivery(tx: Queryable, queue: JobQueue, input: Omit<DeliveryInput, 'dedupeKey'>): Promise<Delivery> {
  return (await queueDeliveryOnce(tx, queue, input))!;
}

/** queueDelivery with a `dedupeKey`: null when a delivery with that key exists already (nothing is written). */
export async function queueDeliveryOnce(tx: Queryable, queue: JobQueue, input: DeliveryInput): Promise<Delivery | null> {
  const status: DeliveryStatus = input.skipReason ? 'skipped' : 'queued';
  const { rows } = await tx.query<DeliveryRow & { organization_id: string }>(sql.INSERT_DELIVERY, [
    input.event,
    input.channel,
    input.to,
    input.locale ?? 'en',
    status,
    input.skipReason ?? null,
    input.bookingId ?? null,
    input.customerId ?? null,
    input.skipReason ? null : JSON.stringify(input.content),
    input.dedupeKey ?? null,
  ]);
  // Its key was taken: this message was written before (a job that ran twice).
  if (!rows[0]) return null;
  const { organization_id, ...row } = rows[0];
  if (status === 'queued') await queue.enqueue(tx, 'notification-deliver', { organization_id, delivery_id: row.id });
  return toDelivery(row);
}

/** The organization's delivery log, newest first. */
export async function listDeliveries(
  tx: Queryable,
  filter: { booking_id?: string | undefined; customer_id?: string | undefined; status?: string | undefined; channel?: string | undefined },
  page: Pagination,
) {
  const p = [filter.booking_id ?? null, filter.customer_id ?? null, filter.status ?? null, filter.channel ?? null];
  return fetchPage(tx, { page: sql.deliveryPage, count: sql.DELIVERY_COUNT }, p, page, toDelivery);
}

/** Sends a failed delivery again (a new job; its attempts keep counting). 409 for one that has not failed. */
export async function retryDelivery(tx: Queryable, queue: JobQueue, id: string): Promise<Delivery> {
  const { rows } = await tx.query<DeliveryRow & { organization_id: string }>(sql.REQUEUE_DELIVERY, [id]);
  if (!rows[0]) {
    const { rows: found } = await tx.query<DeliveryRow>(sql.SELECT_DELIVERY, [id]);
    if (!found[0]) throw notFound('Delivery');
    throw new AppError('invalid_transition', `Only a failed delivery can be retried; this one is ${found[0].status}`);
  }
  const { organization_id, ...row } = rows[0];
  await queue.enqueue(tx, 'notification-deliver', { organization_id, delivery_id: row.id });
  return toDelivery(row);
}

interface ToSend {
  id: string;
  event: string;
  channel: Channel;
  to_address: string;
  status: DeliveryStatus;
  content: Record<string, unknown> | null;
  template_id: string | null;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
}

/** How each channel leaves: SMTP for email, Twilio for SMS (either may be unconfigured: then nothing is sent). */
export interface Transports {
  email: EmailTransport;
  sms: SmsTransport;
}

type Message = { channel: 'email'; mail: OutgoingEmail; templateId: string | null } | { channel: 'sms'; sms: OutgoingSms; templateId: string | null };

/** The message a delivery row stands for: a platform mail as written, else its template (or the built-in one) rendered. */
async function compose(row: ToSend): Promise<Message> {
  const content = row.content ?? {};
  if ((PLATFORM_EVENTS as readonly string[]).includes(row.event)) {
    return { channel: 'email', mail: { id: row.id, event: row.event, to: row.to_address, subject: String(content.subject), text: String(content.text) }, templateId: null };
  }
  if (!(TEMPLATE_EVENTS as readonly string[]).includes(row.event)) throw new Error(`no template for event ${row.event}`);
  const own: TemplateParts | null = row.body_text === null ? null : { subject: row.subject, body_text: row.body_text, body_html: row.body_html };
  const parts = renderTemplate(own ?? defaultTemplate(row.event as TemplateEvent, row.channel), content as TemplateData);
  const templateId = own ? row.template_id : null;
  // A text message is the plain body, without the blank lines a template's layout may leave.
  if (row.channel === 'sms') return { channel: 'sms', sms: { event: row.event, to: row.to_address, body: parts.body_text.replace(/\n{3,}/g, '\n\n').trim() }, templateId };
  const mail = { id: row.id, event: row.event, to: row.to_address, subject: parts.subject ?? '', text: parts.body_text, html: parts.body_html };
  return { channel: 'email', mail: await withExtras(mail, content._mail as MailExtras | undefined), templateId };
}

/** Sends one message through its channel's transport; an unconfigured channel answers `notConfigured`. */
async function send(message: Message, transports: Transports): Promise<SendOutcome & { notConfigured?: boolean }> {
  const transport = transports[message.channel];
  if (!transport.configured) return { ok: false, error: message.channel === 'sms' ? SMS_NOT_CONFIGURED : 'SMTP_URL is not set: recorded, not sent', permanent: true, notConfigured: true };
  return message.channel === 'sms' ? transports.sms.send(message.sms) : transports.email.send(message.mail);
}

/**
 * One attempt at a delivery (the worker's job): read and render in one transaction, talk to the server outside
 * any transaction (it may take up to the SMTP or Twilio timeout), record the outcome in another. A transient
 * failure is thrown after it is recorded, so the queue retries it with backoff; on the final attempt the row says
 * failed. A permanent one (SMTP 5xx, Twilio 4xx) fails at once. A channel without a configuration is `skipped`.
 * A delivery already settled (a job run twice after a crash) is left alone.
 */
export async function deliverNotification(
  db: Database,
  transports: Transports,
  job: { organization_id: string; delivery_id: string },
  attempt: Attempt,
): Promise<{ status: DeliveryStatus; error: string | null }> {
  const ctx = { organizationId: job.organization_id, userId: null };
  const prepared = await withTenant(db, ctx, async (tx): Promise<Message | { renderError: string } | null> => {
    const { rows } = await tx.query<ToSend>(sql.DELIVERY_TO_SEND, [job.delivery_id]);
    const row = rows[0];
    if (!row || row.status !== 'queued') return null;
    try {
      return await compose(row);
    } catch (err) {
      return { renderError: err instanceof Error ? err.message : String(err) };
    }
  });
  if (!prepared) return { status: 'skipped', error: null };
  const outcome = 'renderError' in prepared ? { ok: false as const, error: prepared.renderError, permanent: true } : await send(prepared, transports);
  const templateId = 'renderError' in prepared ? null : prepared.templateId;
  const status: DeliveryStatus = outcome.ok ? 'sent' : 'notConfigured' in outcome ? 'skipped' : outcome.permanent || attempt.final ? 'failed' : 'queued';
  const error = outcome.ok ? null : outcome.error;
  await withTenant(db, ctx, (tx) => tx.query(sql.RECORD_ATTEMPT, [job.delivery_id, status, error, templateId]));
  if (!outcome.ok && !outcome.permanent) throw new Error(error ?? 'delivery failed');
  return { status, error };
}
