import type { Database } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import type { JobPayloads, JobQueue } from '../../queue/queue.js';
import { queueDelivery, type PlatformEvent } from './deliveries.js';
import type { EmailTransport } from './mailer.js';

export { notifyBooking, notifyBookingChange, sendReminder, type BookingNoticeContext, type ReminderOutcome } from './booking-mail.js';
export { deliverNotification, listDeliveries, queueDelivery, retryDelivery, PLATFORM_EVENTS, type DeliveryInput, type PlatformEvent, type Transports } from './deliveries.js';
export { smsTransport, type SmsTransport } from './sms.js';
export { emailTransport, type EmailTransport, type OutgoingEmail, type SendOutcome } from './mailer.js';
export { bookingData, formatMoney, TEMPLATE_EVENTS, type BookingDataInput, type TemplateData, type TemplateEvent } from './placeholders.js';
export {
  createDefaultTemplates,
  createTemplate,
  deleteTemplate,
  getTemplate,
  listPlaceholders,
  listTemplates,
  previewTemplate,
  updateTemplate,
} from './template-store.js';
export type { Delivery, NotificationTemplate } from './schemas.js';

/** A platform mail (auth's): who it is for, and the finished text (platform mails are not tenant templates). */
export interface MailMessage {
  organizationId: string | null;
  to: string;
  subject: string;
  body: string;
  kind: PlatformEvent;
}

/** Hands a platform mail to the delivery path; it is sent after commit by a worker. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Platform mails through the job queue. A mail to a user of an organization is logged in that organization's
 * delivery log (its admins see and can retry it; the content is dropped once sent); a mail to an account without
 * one (the platform operator) is a `mail-platform` job, logged by the worker only.
 */
export function queuedMailer(db: Database, queue: JobQueue): Mailer {
  return {
    async send(m) {
      await withTenant(db, { organizationId: m.organizationId, userId: null }, async (tx) => {
        if (m.organizationId) {
          await queueDelivery(tx, queue, { event: m.kind, channel: 'email', to: m.to, content: { subject: m.subject, text: m.body } });
        } else {
          await queue.enqueue(tx, 'mail-platform', { event: m.kind, to: m.to, subject: m.subject, text: m.body });
        }
      });
    },
  };
}

/**
 * Sends a platform mail of an account without an organization (the worker's job). Any failure is thrown, so
 * the queue retries it and, past its retries, keeps it as a failed (dead) job.
 */
export async function deliverPlatformMail(transport: EmailTransport, job: JobPayloads['mail-platform'], jobId: string): Promise<'sent' | 'skipped'> {
  if (!transport.configured) return 'skipped';
  // The job's id names the message: its retries carry the same Message-ID.
  const outcome = await transport.send({ id: jobId, event: job.event, to: job.to, subject: job.subject, text: job.text });
  if (!outcome.ok) throw new Error(outcome.error);
  return 'sent';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** How this app sends platform mail (through the queue by default; tests may pass their own). */
    mailer: Mailer;
  }
}
