import { z } from 'zod';
import { instant, isoDate, text, wallTime } from '../../http/fields.js';
import { customerInput } from '../bookings/schemas.js';
import { publicGameSchema } from '../games/schemas.js';
import { publicVenueSchema } from '../venues/schemas.js';

export const embedKeyParams = z.object({ embed_key: z.string().min(1).max(200) });
export const bookingNumberParams = z.object({ booking_number: z.string().min(1).max(40) });

export const publicBookingBody = z
  .object({
    game_id: z.uuid(),
    start_at: instant.optional(),
    booking_date: isoDate.optional(),
    start_time: wallTime.optional(),
    party_size: z.number().int().min(1).max(1000),
    customer: customerInput,
    notes: text(2000).optional(),
    coupon_code: text(64).optional(),
    gift_card_code: text(64).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const local = v.booking_date !== undefined || v.start_time !== undefined;
    if (v.start_at ? local : !(v.booking_date && v.start_time)) {
      ctx.addIssue({ code: 'custom', path: ['start_at'], message: 'give start_at, or booking_date and start_time' });
    }
  });

/** What the booking's own customer sees: no internal ids, no other customer's data. */
export const publicBookingSchema = z
  .object({
    booking_number: z.string(),
    status: z.string(),
    start_at: z.string(),
    end_at: z.string(),
    booking_date: z.string(),
    start_time: z.string(),
    end_time: z.string(),
    timezone: z.string(),
    party_size: z.number().int(),
    final_amount: z.number().int(),
    refund_amount: z.number().int(),
    currency: z.string(),
    game: z.object({ id: z.uuid(), name: z.string() }),
    venue: z.object({ id: z.uuid(), name: z.string() }),
    // No customer name: a booking made with someone else's email joins their customer record, and the answer
    // must not tell the caller what that record holds.
  })
  .meta({ id: 'PublicBooking' });

export const createdPublicBookingSchema = publicBookingSchema.extend({ manage_token: z.string() }).meta({ id: 'PublicBookingCreated' });

export const manageQuery = z.object({ token: z.string().min(1).max(200) });
export const cancelBody = z.object({ token: z.string().min(1).max(200) }).strict();

export const publicVenueAnswer = z
  .object({
    venue: publicVenueSchema,
    organization: z.object({ name: z.string(), branding: z.record(z.string(), z.unknown()), currency: z.string(), policies: z.record(z.string(), z.unknown()) }),
    games: z.array(publicGameSchema),
  })
  .meta({ id: 'PublicWidget' });
