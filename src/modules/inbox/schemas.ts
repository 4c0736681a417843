import { z } from 'zod';
import { instant } from '../../http/fields.js';

export const INBOX_EVENTS = ['booking.created', 'booking.cancelled', 'webhook.disabled'] as const;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    event: z.string(),
    title: z.string(),
    body: z.string(),
    record: z.object({ table: z.string(), id: z.string() }).nullable(),
    read_at: instant.nullable(),
    created_at: instant,
  })
  .meta({ id: 'InAppNotification' });
export type InAppNotification = z.infer<typeof notificationSchema>;

const channels = z.object({ in_app: z.boolean(), email: z.boolean() }).partial().strict();
export const settingsSchema = z
  .object(Object.fromEntries(INBOX_EVENTS.map((e) => [e, channels.optional()])) as Record<(typeof INBOX_EVENTS)[number], z.ZodOptional<typeof channels>>)
  .strict()
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof settingsSchema>;

export const listQuery = z.object({ unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
