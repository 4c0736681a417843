import { z } from 'zod';
import { email, instant, name, text } from '../../http/fields.js';

export const segmentSchema = z
  .enum(['vip', 'regular', 'new', 'inactive'])
  .describe('Derived on read from the statistics and the clock; see the README for the rules');

export type Segment = z.infer<typeof segmentSchema>;

const score = z.number().int().min(1).max(5);

export const rfmSchema = z
  .object({
    recency: score,
    frequency: score,
    monetary: score,
    score: z.number().int().min(3).max(15).describe('recency + frequency + monetary'),
  })
  .meta({ id: 'CustomerRfm' });

export const customerSchema = z
  .object({
    id: z.uuid(),
    full_name: z.string(),
    email: z.email().nullable(),
    phone: z.string().nullable(),
    notes: z.string(),
    tags: z.array(z.string()),
    marketing_opt_in: z.boolean(),
    notification_preferences: z.object({ email: z.boolean(), sms: z.boolean() }).describe('Which booking messages the customer receives (the unsubscribe link turns them off)'),
    segment: segmentSchema,
    lifetime_value_cents: z.number().int(),
    total_bookings: z.number().int(),
    first_booking_at: instant.nullable(),
    last_booking_at: instant.nullable(),
    rfm: rfmSchema,
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Customer' });

export type Customer = z.infer<typeof customerSchema>;

/** What a booking shows of its customer. */
export const customerSummarySchema = z
  .object({ id: z.uuid(), full_name: z.string(), email: z.email().nullable(), phone: z.string().nullable() })
  .meta({ id: 'CustomerSummary' });

export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** Trimmed, non-empty tags; duplicates dropped (first occurrence kept), so `["a", " a"]` stores `["a"]`. */
const tags = z
  .array(text(50).min(1))
  .max(20)
  .transform((list) => [...new Set(list)]);

const fields = {
  full_name: name(200).min(1),
  email: email.nullable(),
  phone: text(40).min(1).nullable(),
  notes: text(10_000),
  tags,
  marketing_opt_in: z.boolean(),
  notification_preferences: z.object({ email: z.boolean(), sms: z.boolean() }).strict(),
};

export const createCustomerBody = z
  .object({ ...fields })
  .partial()
  .required({ full_name: true })
  .strict();

export type CreateCustomer = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z.object({ ...fields }).partial().strict();

export type UpdateCustomer = z.infer<typeof updateCustomerBody>;

export const customerSort = z.enum(['name', 'created_at', 'last_booking_at', 'lifetime_value']);

export const listCustomersQuery = z.object({
  q: text(200).min(1).optional().describe('Case-insensitive substring of the name, email or phone'),
  segment: segmentSchema.optional(),
  tag: text(50).min(1).optional().describe('Only customers carrying this tag (exact match)'),
  sort: customerSort
    .default('name')
    .describe('name and created_at ascend; last_booking_at (never-booked last) and lifetime_value descend'),
});

export type CustomerFilter = Omit<z.infer<typeof listCustomersQuery>, 'sort'>;
export type CustomerSort = z.infer<typeof customerSort>;
