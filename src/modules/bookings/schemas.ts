import { z } from 'zod';
import { email, instant, isoDate, name, text, wallTime } from '../../http/fields.js';
import { documentAs, documentOneOf } from '../../http/openapi.js';

export const BOOKING_STATUSES = ['pending', 'confirmed', 'checked-in', 'completed', 'cancelled', 'no-show'] as const;
export const bookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatus>;
/** Derived from the booking's payment rows. */
export const paymentStatus = z.enum(['pending', 'paid', 'partial', 'refunded']);
export type PaymentStatus = z.infer<typeof paymentStatus>;

export const bookingSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    booking_number: z.string(),
    customer_id: z.uuid(),
    game_id: z.uuid(),
    venue_id: z.uuid(),
    timezone: z.string(),
    start_at: instant,
    end_at: instant,
    booking_date: isoDate,
    start_time: z.string(),
    end_time: z.string(),
    party_size: z.number().int(),
    status: bookingStatus,
    payment_status: paymentStatus,
    total_amount: z.number().int().describe('Subtotal before discount and tax (minor units)'),
    discount_amount: z.number().int(),
    tax_amount: z.number().int().describe('Tax on the discounted subtotal (contained in it when prices include tax)'),
    final_amount: z.number().int().describe('What the booking costs: subtotal - discount (+ tax when prices exclude it)'),
    amount_paid: z.number().int().describe('Received, net of refunds: the sum of the booking’s payment rows'),
    refund_amount: z.number().int().describe('Refunded: the sum of the booking’s succeeded refund rows'),
    coupon_code: z.string().nullable(),
    payment_due_by: instant.nullable().describe('A pending online checkout: when its slot is released unless paid'),
    currency: z.string(),
    notes: z.string(),
    source: z.enum(['admin', 'widget', 'api']),
    created_by: z.uuid().nullable(),
    cancelled_at: instant.nullable(),
    checked_in_at: instant.nullable(),
    created_at: instant,
    updated_at: instant,
    customer: z.object({ id: z.uuid(), full_name: z.string(), email: z.email().nullable(), phone: z.string().nullable() }),
    /** What a widget booking's caller typed, kept off the customer record until staff accept it (accept-contact). */
    contact: z.object({ full_name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    game: z.object({ id: z.uuid(), name: z.string(), duration_minutes: z.number().int() }),
    venue: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

export const customerInput = z
  .object({ full_name: name(200).min(1), email, phone: text(40).optional() })
  .strict();

/** When a booking starts: an instant, or a venue-local date and wall time. */
const when = {
  start_at: instant.optional(),
  booking_date: isoDate.optional(),
  start_time: wallTime.optional(),
};

/** The ways to say when, for the document (documentOneOf): what oneStart checks. */
export const STARTS = [['start_at'], ['booking_date', 'start_time']];

function oneStart(v: { start_at?: string | undefined; booking_date?: string | undefined; start_time?: string | undefined }, ctx: z.RefinementCtx, required: boolean) {
  const local = v.booking_date !== undefined || v.start_time !== undefined;
  if (v.start_at && local) ctx.addIssue({ code: 'custom', path: ['start_at'], message: 'give start_at or booking_date + start_time, not both' });
  else if (local && !(v.booking_date && v.start_time)) ctx.addIssue({ code: 'custom', path: [v.booking_date ? 'start_time' : 'booking_date'], message: 'booking_date and start_time go together' });
  else if (required && !v.start_at && !local) ctx.addIssue({ code: 'custom', path: ['start_at'], message: 'required (or booking_date + start_time)' });
}

const code = text(64).min(1);
/** Codes a booking (or a quote) may carry. */
export const promotionCodes = {
  coupon_code: code.optional().describe('A coupon of the organization (case-insensitive)'),
  gift_card_code: code.optional().describe('A gift card that pays up to its balance, after tax'),
  referral_code: code.optional().describe('Another customer’s referral code (a new customer’s first booking)'),
};

export const createBookingBody = z
  .object({
    game_id: z.uuid(),
    venue_id: z.uuid(),
    ...when,
    party_size: z.number().int().min(1).max(1000),
    customer_id: z.uuid().optional(),
    customer: customerInput.optional(),
    notes: text(5000).optional(),
    status: z.enum(['pending', 'confirmed']).default('confirmed'),
    source: z.enum(['admin', 'api']).default('admin'),
    ...promotionCodes,
  })
  .strict()
  .superRefine((v, ctx) => {
    oneStart(v, ctx, true);
    if (!v.customer_id === !v.customer) ctx.addIssue({ code: 'custom', path: ['customer_id'], message: 'give customer_id or customer, exactly one' });
  });
documentOneOf(createBookingBody, [STARTS, [['customer_id'], ['customer']]]);
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const updateBookingBody = z
  .object({
    ...when,
    party_size: z.number().int().min(1).max(1000).optional(),
    notes: text(5000).optional(),
    status: bookingStatus.optional(),
    customer_id: z.uuid().optional(),
  })
  .strict()
  .superRefine((v, ctx) => oneStart(v, ctx, false));
documentOneOf(updateBookingBody, [[[], ...STARTS]]);
export type UpdateBookingBody = z.infer<typeof updateBookingBody>;

const statusList = documentAs(
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(bookingStatus).min(1).max(6)),
  z.array(bookingStatus).min(1).max(6).describe('One or more statuses, comma-separated: `status=pending,confirmed`'),
);

export const listBookingsQuery = z.object({
  status: statusList.optional(),
  venue_id: z.uuid().optional(),
  game_id: z.uuid().optional(),
  customer_id: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: text(200).optional(),
  sort: z.enum(['start_at', '-start_at', 'created_at', '-created_at']).default('start_at'),
});
export type BookingFilter = z.infer<typeof listBookingsQuery>;

export const batchStatusBody = z
  .object({ ids: z.array(z.uuid()).min(1).max(100), status: bookingStatus })
  .strict();

export const batchStatusAnswer = z.object({
  updated: z.array(z.uuid()),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), message: z.string() })),
});

export const checkinByCodeBody = z
  .object({ code: z.string().trim().min(1).max(200).describe('A scanned QR code (`<booking_number>:<manage_token>`) or a typed booking number') })
  .strict();

export const acceptContactBody = z
  .object({ replace: z.boolean().default(false).describe('Replace the customer\'s name and phone instead of only filling a missing phone') })
  .strict();

export const quoteBody = z
  .object({
    game_id: z.uuid(),
    venue_id: z.uuid(),
    ...when,
    party_size: z.number().int().min(1).max(1000),
    coupon_code: promotionCodes.coupon_code,
    gift_card_code: promotionCodes.gift_card_code,
    customer_id: z.uuid().optional().describe('For per-customer coupon limits'),
  })
  .strict()
  .superRefine((v, ctx) => oneStart(v, ctx, true))
  .meta({ id: 'QuoteRequest' });
documentOneOf(quoteBody, [STARTS]);

const quoteLine = z.object({ kind: z.enum(['item', 'discount', 'tax', 'gift_card']), description: z.string(), amount_cents: z.number().int() });

export const quoteSchema = z
  .object({
    currency: z.string(),
    unit_price_cents: z.number().int(),
    subtotal_cents: z.number().int(),
    discount_cents: z.number().int(),
    tax_cents: z.number().int(),
    total_cents: z.number().int(),
    gift_card_cents: z.number().int(),
    amount_due_cents: z.number().int(),
    lines: z.array(quoteLine),
  })
  .meta({ id: 'Quote' });
