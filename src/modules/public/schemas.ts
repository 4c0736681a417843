import { z } from 'zod';
import { email, instant, isoDate, text, wallTime } from '../../http/fields.js';
import { documentOneOf } from '../../http/openapi.js';
import { bookingStatus, customerInput, paymentStatus, promotionCodes, STARTS } from '../bookings/schemas.js';
import { publicGameSchema } from '../games/schemas.js';
import { organizationSchema } from '../organizations/schemas.js';
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
    ...promotionCodes,
    hold_id: z.uuid().optional().describe('The checkout hold this booking takes (with hold_token)'),
    hold_token: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const local = v.booking_date !== undefined || v.start_time !== undefined;
    if (v.start_at ? local : !(v.booking_date && v.start_time)) {
      ctx.addIssue({ code: 'custom', path: ['start_at'], message: 'give start_at, or booking_date and start_time' });
    }
    if (!v.hold_id !== !v.hold_token) ctx.addIssue({ code: 'custom', path: [v.hold_id ? 'hold_token' : 'hold_id'], message: 'hold_id and hold_token go together' });
  });
documentOneOf(publicBookingBody, [STARTS, [[], ['hold_id', 'hold_token']]]);

export const publicQuoteBody = z
  .object({
    game_id: z.uuid(),
    start_at: instant,
    party_size: z.number().int().min(1).max(1000),
    coupon_code: promotionCodes.coupon_code,
    gift_card_code: promotionCodes.gift_card_code,
    customer: z.object({ email }).strict().optional().describe('For per-customer coupon limits'),
  })
  .strict()
  .meta({ id: 'PublicQuoteRequest' });

export const holdBody = z
  .object({ game_id: z.uuid(), start_at: instant, party_size: z.number().int().min(1).max(1000) })
  .strict()
  .meta({ id: 'HoldRequest' });

export const holdSchema = z.object({ hold_id: z.uuid(), token: z.string(), expires_at: instant }).meta({ id: 'Hold' });
export const holdParams = z.object({ hold_id: z.uuid() });

/** What the booking's own customer sees: no internal ids, no other customer's data. */
export const publicBookingSchema = z
  .object({
    booking_number: z.string(),
    status: bookingStatus,
    start_at: instant,
    end_at: instant,
    booking_date: isoDate,
    start_time: z.string(),
    end_time: z.string(),
    timezone: z.string(),
    party_size: z.number().int(),
    total_amount: z.number().int(),
    discount_amount: z.number().int(),
    tax_amount: z.number().int(),
    final_amount: z.number().int(),
    amount_paid: z.number().int(),
    refund_amount: z.number().int(),
    payment_status: paymentStatus,
    payment_due_by: instant.nullable(),
    currency: z.string(),
    game: z.object({ id: z.uuid(), name: z.string() }),
    venue: z.object({ id: z.uuid(), name: z.string() }),
    // No customer name: a booking made with someone else's email joins their customer record, and the answer
    // must not tell the caller what that record holds.
  })
  .meta({ id: 'PublicBooking' });

export const createdPublicBookingSchema = publicBookingSchema
  .extend({
    manage_token: z.string(),
    payment: z
      .object({
        client_secret: z.string(),
        amount_cents: z.number().int(),
        publishable_key: z.string().nullable().describe('Stripe.js’s key for the Payment Element (STRIPE_PUBLISHABLE_KEY); null when not configured'),
      })
      .nullable()
      .describe('An online checkout (policies.payment_mode): confirm it with Stripe’s Payment Element before payment_due_by'),
  })
  .meta({ id: 'PublicBookingCreated' });

export const manageQuery = z.object({ token: z.string().min(1).max(200) });
export const cancelBody = z.object({ token: z.string().min(1).max(200) }).strict();

export const publicVenueAnswer = z
  .object({
    venue: publicVenueSchema,
    organization: z.object({
      name: z.string(),
      branding: organizationSchema.shape.branding,
      currency: z.string(),
      policies: organizationSchema.shape.policies,
    }),
    games: z.array(publicGameSchema),
  })
  .meta({ id: 'PublicWidget' });
