import { z } from 'zod';
import { instant, isoDate, text } from '../../http/fields.js';

export const PAYMENT_METHODS = ['cash', 'card_present', 'stripe', 'gift_card', 'other'] as const;
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** An amount of money in minor units: a positive whole number that fits the database's integer. */
export const amountCents = z.number().int().min(1).max(2_147_483_647).describe('Integer minor units of the organization’s currency');

const paymentFields = {
  id: z.uuid(),
  booking_id: z.uuid(),
  kind: z.enum(['payment', 'refund']),
  parent_id: z.uuid().nullable().describe('For a refund: the payment it returns'),
  method: z.enum(PAYMENT_METHODS),
  amount_cents: z.number().int(),
  currency: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  refunded_cents: z.number().int().describe('For a payment: what its succeeded and pending refunds return'),
  provider_ref: z.string().nullable().describe('Stripe PaymentIntent or Refund id; the gift card id for gift-card rows'),
  gift_card_id: z.uuid().nullable(),
  note: z.string(),
  reason: z.string().nullable(),
  created_by: z.uuid().nullable(),
  created_at: instant,
  updated_at: instant,
};

export const paymentSchema = z.object(paymentFields).meta({ id: 'Payment' });
export type Payment = z.infer<typeof paymentSchema>;

export const paymentWithRefundsSchema = z.object({ ...paymentFields, refunds: z.array(paymentSchema) }).meta({ id: 'PaymentWithRefunds' });

/** A created payment; a Stripe one carries the PaymentIntent's client secret for the browser (Stripe.js). */
export const createdPaymentSchema = z
  .object({ ...paymentFields, client_secret: z.string().nullable().describe('Stripe only: confirm it with Stripe.js') })
  .meta({ id: 'CreatedPayment' });

export const createPaymentBody = z
  .object({
    booking_id: z.uuid(),
    method: z.enum(PAYMENT_METHODS),
    amount_cents: amountCents,
    note: text(1000).optional(),
    gift_card_code: text(64).optional().describe('For method gift_card: the card to pay from'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'gift_card' && !v.gift_card_code) ctx.addIssue({ code: 'custom', path: ['gift_card_code'], message: 'required for method gift_card' });
    if (v.method !== 'gift_card' && v.gift_card_code) ctx.addIssue({ code: 'custom', path: ['gift_card_code'], message: 'only for method gift_card' });
  })
  .meta({ id: 'CreatePaymentRequest' });
export type CreatePaymentBody = z.infer<typeof createPaymentBody>;

export const refundBody = z
  .object({
    amount_cents: amountCents.optional().describe('Default: what is left of the payment'),
    reason: text(1000).min(1),
  })
  .strict()
  .meta({ id: 'RefundRequest' });
export type RefundBody = z.infer<typeof refundBody>;

export const listPaymentsQuery = z.object({
  booking_id: z.uuid().optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  kind: z.enum(['payment', 'refund']).optional(),
  from: isoDate.optional().describe('Created on or after this date (organization time zone)'),
  to: isoDate.optional().describe('Created on or before this date (organization time zone)'),
});
export type PaymentFilter = z.infer<typeof listPaymentsQuery>;

export const webhookAnswer = z.object({ received: z.boolean(), applied: z.boolean() });
