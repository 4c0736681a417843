import { z } from 'zod';
import { instant, text } from '../../http/fields.js';

export const WEBHOOK_EVENTS = [
  'booking.created', 'booking.updated', 'booking.cancelled', 'booking.checked_in', 'payment.succeeded', 'payment.refunded', 'customer.created', 'waiver.signed',
] as const;

const events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .refine((l) => new Set(l).size === l.length, 'must not repeat an event')
  .describe('The event types to receive; waiver.signed may be subscribed to but is never sent yet (this version has no waivers)');

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    active: z.boolean(),
    description: z.string(),
    failure_streak: z.number().int().describe('Consecutive failed deliveries; the endpoint is disabled at WEBHOOK_DISABLE_AFTER'),
    disabled_reason: z.string().nullable(),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

/** The endpoint with its signing secret: shown at creation and by rotate-secret only. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string().describe('whsec_…: verify signatures with it (Standard Webhooks)') }).meta({ id: 'WebhookWithSecret' });

export const createWebhookBody = z
  .object({ url: z.url().max(2000).describe('http(s); must resolve to public addresses'), events, active: z.boolean().default(true), description: text(500).optional() })
  .strict()
  .meta({ id: 'CreateWebhookRequest' });
export const updateWebhookBody = z
  .object({ url: z.url().max(2000), events, active: z.boolean(), description: text(500) })
  .partial()
  .strict()
  .meta({ id: 'UpdateWebhookRequest' });

export const deliverySchema = z
  .object({
    id: z.uuid(),
    event_id: z.string().describe('The webhook-id header: receivers deduplicate by it'),
    type: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    response_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    next_attempt_at: instant.nullable(),
    delivered_at: instant.nullable(),
    created_at: instant,
  })
  .meta({ id: 'WebhookDelivery' });
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryParams = z.object({ id: z.uuid(), delivery_id: z.uuid() });
export const listDeliveriesQuery = z.object({ status: z.enum(['pending', 'succeeded', 'failed']).optional() });
