import { z } from 'zod';
import { instant, isoDate } from '../../http/fields.js';

const windowFields = z.object({
  from: isoDate,
  to: isoDate,
  party_size: z.coerce.number().int().min(1).max(1000).optional(),
});

/** `to` is inclusive and at most 62 days of venue-local dates after `from`. */
function checkWindow(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  if (days > 61) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most 62 days from `from` (inclusive)' });
}

/** The admin query: the venue is named (optional when the game is offered at one venue only). */
export const availabilityQuery = windowFields.extend({ venue_id: z.uuid().optional() }).superRefine(checkWindow);
/** The widget's query: the venue comes from the embed key. */
export const publicAvailabilityQuery = windowFields.superRefine(checkWindow);
export type AvailabilityRequest = z.infer<typeof availabilityQuery>;

export const slotSchema = z.object({
  start_at: instant,
  end_at: instant,
  booking_date: isoDate,
  start_time: z.string(),
  end_time: z.string(),
  available: z.boolean(),
  remaining_capacity: z.number().int(),
  price_cents: z.number().int(),
});

export const availabilitySchema = z
  .object({ game_id: z.uuid(), venue_id: z.uuid(), timezone: z.string(), party_size: z.number().int(), slots: z.array(slotSchema) })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof availabilitySchema>;
