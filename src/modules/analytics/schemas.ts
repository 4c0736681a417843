import { z } from 'zod';
import { isoDate } from '../../http/fields.js';

/** The widget's steps, in funnel order: each one's conversion is over the step before it. */
export const FUNNEL_STEPS = ['widget_view', 'slot_selected', 'checkout_started', 'booking_completed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const eventBody = z.object({
  embed_key: z.string().min(1).max(200).describe('The venue’s embed key, as the widget was opened with'),
  type: z.enum(FUNNEL_STEPS),
  // The widget makes one per visit (a random id kept in sessionStorage); it only has to be unique per visit.
  session_id: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8-100 letters, digits, - or _'),
  game_id: z.uuid().optional().describe('The game the step is about; must be one of the venue’s organization'),
});
export type EventBody = z.infer<typeof eventBody>;

export const eventAccepted = z.object({ recorded: z.literal(true) });

const step = z.object({
  type: z.enum(FUNNEL_STEPS),
  sessions: z.number().int().describe('Sessions that reached this step in the period (each counted once)'),
  conversion_rate: z.number().nullable().describe('sessions over the previous step’s, four decimals; null for the first step or when the previous is 0'),
});

export const funnelSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    timezone: z.string(),
    steps: z.array(step),
    overall_conversion_rate: z.number().nullable().describe('booking_completed over widget_view; null when there was no view'),
  })
  .meta({ id: 'FunnelReport' });
export type FunnelReport = z.infer<typeof funnelSchema>;
