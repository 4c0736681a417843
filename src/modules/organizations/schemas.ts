import { z } from 'zod';
import { currency, email, instant, name, text, timezone } from '../../http/fields.js';

export const brandingSchema = z
  .object({
    primary_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex color like #4F46E5').optional(),
    logo_url: z.url().max(2000).nullable().optional(),
    widget_title: text(200).optional(),
  })
  .strict();

/** Days of the week by name, as an organization's week may start on any of them. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const weekday = z.enum(WEEKDAYS);

export const policiesSchema = z
  .object({
    /** Cancellations later than this many hours before the start are "inside the window". */
    cancellation_window_hours: z.number().int().min(0).max(24 * 90).optional(),
    /** Share of the amount refunded when cancelling inside the window (0-100). */
    refund_percent_inside_window: z.number().int().min(0).max(100).optional(),
    /** Share refunded when cancelling before the window (0-100). */
    refund_percent_outside_window: z.number().int().min(0).max(100).optional(),
    /** Whether customers may cancel inside the window at all through the public API. */
    allow_cancel_inside_window: z.boolean().optional(),
    terms: text(10_000).optional(),
    /** Share of the amount due charged when a booking is marked no-show (0-100). */
    no_show_fee_percent: z.number().int().min(0).max(100).optional(),
    /** Online payment in the widget: `none` (pay at the venue), `deposit` (deposit_percent up front) or `required`. */
    payment_mode: z.enum(['none', 'deposit', 'required']).optional(),
    /** Share of the amount due taken up front when payment_mode is `deposit` (1-100). */
    deposit_percent: z.number().int().min(1).max(100).optional(),
    /** Whether the desk takes cash. */
    accept_cash: z.boolean().optional(),
    /** The gift card a referrer receives when a referred customer's first booking is completed (0 = off). */
    referral_reward_cents: z.number().int().min(0).max(10_000_000).optional(),
    /** The first day of a week in the dashboard's trend and the reports' weekly buckets. */
    week_start: weekday.optional(),
    /** Reminder mails, this many minutes before the start (one per entry; [] = none). */
    reminder_offsets_minutes: z
      .array(z.number().int().min(1).max(60 * 24 * 30))
      .max(5)
      .refine((list) => new Set(list).size === list.length, 'each offset once')
      .optional(),
  })
  .strict();

/** Sales tax or VAT on bookings: basis points (825 = 8.25%); inclusive = prices already contain it. */
export const taxSchema = z
  .object({
    rate_bps: z.number().int().min(0).max(10_000).optional(),
    inclusive: z.boolean().optional(),
  })
  .strict();

export const DEFAULT_BRANDING = { primary_color: '#4F46E5', logo_url: null };
export const DEFAULT_POLICIES = {
  cancellation_window_hours: 24,
  refund_percent_inside_window: 0,
  refund_percent_outside_window: 100,
  allow_cancel_inside_window: false,
  no_show_fee_percent: 100,
  payment_mode: 'none' as 'none' | 'deposit' | 'required',
  deposit_percent: 100,
  accept_cash: true,
  referral_reward_cents: 0,
  week_start: 'monday' as (typeof WEEKDAYS)[number],
  reminder_offsets_minutes: [1440] as number[],
};

export const addressSchema = z
  .object({
    line1: text(200).optional(),
    line2: text(200).optional(),
    city: text(100).optional(),
    region: text(100).optional(),
    postal_code: text(20).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
  })
  .strict();

export const organizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    currency: z.string(),
    email: z.email().nullable(),
    phone: z.string().nullable(),
    address: addressSchema,
    branding: z.object({ primary_color: z.string().optional(), logo_url: z.string().nullable().optional(), widget_title: z.string().optional() }),
    policies: z.object({
      cancellation_window_hours: z.number(),
      refund_percent_inside_window: z.number(),
      refund_percent_outside_window: z.number(),
      allow_cancel_inside_window: z.boolean(),
      no_show_fee_percent: z.number(),
      payment_mode: z.enum(['none', 'deposit', 'required']),
      deposit_percent: z.number(),
      accept_cash: z.boolean(),
      referral_reward_cents: z.number(),
      week_start: weekday,
      reminder_offsets_minutes: z.array(z.number().int()),
      // Last: it has no default, so it comes after the defaults' keys in the merged object (toOrganization).
      terms: z.string().optional(),
    }),
    tax: z.object({ rate_bps: z.number().int(), inclusive: z.boolean() }),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Organization' });

export type Organization = z.infer<typeof organizationSchema>;

export const updateOrganizationBody = z
  .object({
    name: name(200).min(1),
    timezone,
    currency,
    email: email.nullable(),
    phone: text(40).nullable(),
    address: addressSchema,
    branding: brandingSchema,
    policies: policiesSchema,
    tax: taxSchema,
  })
  .partial()
  .strict();

export type UpdateOrganization = z.infer<typeof updateOrganizationBody>;
