import { z } from 'zod';
import { instant, uuid } from '../../http/fields.js';
import { PLATFORM_EVENTS } from './deliveries.js';
import { TEMPLATE_EVENTS } from './placeholders.js';

export const templateEvent = z.enum(TEMPLATE_EVENTS).describe('What the message is for; waiver_request is not sent yet (this version has no waivers)');
export const channel = z
  .enum(['email', 'sms'])
  .describe('email goes out over SMTP_URL, sms through Twilio (TWILIO_*); with the channel unconfigured, deliveries are recorded as skipped, not sent');
export type Channel = z.infer<typeof channel>;
export const deliveryStatus = z.enum(['queued', 'sent', 'failed', 'skipped']);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;
export const locale = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as en or pt-BR');

// Bounds mirror the check constraints of migration 0015. Control characters are allowed: templates are multi-line.
const templateFields = {
  event: templateEvent,
  channel,
  locale: locale.default('en'),
  subject: z.string().min(1).max(500).nullable().default(null).describe('Liquid; required for email, null for SMS'),
  body_text: z.string().min(1).max(20_000).describe('Liquid; the plain-text body (the whole message for SMS)'),
  body_html: z.string().min(1).max(100_000).nullable().default(null).describe('Liquid; values are HTML-escaped; null for SMS'),
  active: z.boolean().default(true),
};

/** The rules between fields, as a field -> message map. */
export function channelProblems(t: { channel: Channel; subject: string | null; body_html: string | null }): Record<string, string> {
  const p: Record<string, string> = {};
  if (t.channel === 'email' && t.subject === null) p.subject = 'an email template needs a subject';
  if (t.channel === 'sms' && t.subject !== null) p.subject = 'an SMS template has no subject';
  if (t.channel === 'sms' && t.body_html !== null) p.body_html = 'an SMS template has no HTML body';
  return p;
}

const coherent = (t: { channel: Channel; subject: string | null; body_html: string | null }, ctx: z.RefinementCtx) => {
  for (const [path, message] of Object.entries(channelProblems(t))) ctx.addIssue({ code: 'custom', path: [path], message });
};

export const templateBody = z.object(templateFields).strict().superRefine(coherent);
export type TemplateBody = z.infer<typeof templateBody>;

export const templateSchema = z.object({
  id: z.uuid(),
  event: templateEvent,
  channel,
  locale: z.string(),
  subject: z.string().nullable(),
  body_text: z.string(),
  body_html: z.string().nullable(),
  active: z.boolean(),
  created_at: instant,
  updated_at: instant,
});
export type NotificationTemplate = z.infer<typeof templateSchema>;

export const listTemplatesQuery = z.object({ event: templateEvent.optional(), channel: channel.optional(), locale: locale.optional() });

export const previewAnswer = z.object({ subject: z.string().nullable(), body_text: z.string(), body_html: z.string().nullable() });

export const placeholdersAnswer = z.object({
  events: z.array(z.object({ event: templateEvent, placeholders: z.array(z.object({ name: z.string(), example: z.string() })) })),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  event: z.enum([...TEMPLATE_EVENTS, ...PLATFORM_EVENTS]).describe('A template event, or a mail of the platform to an account (password_reset, signup_existing)'),
  channel,
  to: z.string().describe('An email address (or a phone number for SMS)'),
  status: deliveryStatus,
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  template_id: z.uuid().nullable(),
  booking_id: z.uuid().nullable(),
  customer_id: z.uuid().nullable(),
  sent_at: instant.nullable(),
  created_at: instant,
});
export type Delivery = z.infer<typeof deliverySchema>;

export const listDeliveriesQuery = z.object({
  booking_id: uuid.optional(),
  customer_id: uuid.optional(),
  status: deliveryStatus.optional(),
  channel: channel.optional(),
});
