import { z } from 'zod';
import { instant, isoDate } from '../../http/fields.js';
import { bookingStatus, paymentStatus } from '../bookings/schemas.js';
import { segmentSchema } from '../customers/schemas.js';
import { roleSchema } from '../users/schemas.js';
import { daysIn } from './periods.js';

/** The longest period a report covers: three years of days (a year-over-year view and some). */
export const MAX_REPORT_DAYS = 3 * 366;

/** A date a period may start or end on: zones and calendars past these years are nobody's business hours. */
const reportDate = isoDate.refine((v) => v >= '1900-01-01' && v <= '2999-12-31', 'must be between 1900-01-01 and 2999-12-31');

export const venueQuery = z.object({ venue_id: z.uuid().optional().describe('Only this venue; dates are then in its time zone') });

export const upcomingQuery = venueQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) });
export const activityQuery = venueQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) });

const reportBase = venueQuery.extend({
  from: reportDate.optional().describe('First date (local), default 29 days before `to`'),
  to: reportDate.optional().describe('Last date (local, inclusive), default today'),
  group_by: z.enum(['day', 'week', 'month']).default('day').describe('Buckets of revenue and customers; weeks start on policies.week_start'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: text/csv with a header row, RFC 4180 quoting, formula-leading characters neutralised'),
});
const periodChecks = (q: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (q.from && q.to && daysIn(q.from, q.to) > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_REPORT_DAYS} days after from` });
};
export const reportQuery = reportBase.superRefine(periodChecks);
// The funnel report's period is any report's, narrowed to a game if asked.
export const funnelQuery = reportBase.extend({ game_id: z.uuid().optional().describe('Only events naming this game') }).superRefine(periodChecks);
export type ReportQuery = z.infer<typeof reportQuery>;

export const exportParams = z.object({ dataset: z.enum(['bookings', 'customers', 'payments', 'gift_cards']) });
export const exportQuery = z
  .object({
    format: z.enum(['csv', 'json']).default('csv'),
    from: reportDate.optional().describe('bookings: booking_date (venue-local); others: created on or after this date (organization zone)'),
    to: reportDate.optional().describe('Last date, inclusive'),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

const metric = z.object({ value: z.number(), previous: z.number(), change_percent: z.number().nullable().describe('null when previous is 0 and value is not') });
const rateMetric = z.object({ value: z.number().nullable(), previous: z.number().nullable(), change_percent: z.number().nullable() });
const dates = z.object({ from: isoDate, to: isoDate });

export const statsSchema = z
  .object({
    timezone: z.string(),
    period: dates,
    previous_period: dates,
    bookings: metric,
    revenue_cents: metric,
    players: metric,
    average_party_size: metric,
    cancellation_rate: rateMetric,
    new_customers: metric,
    occupancy_rate: rateMetric.describe('booked slot time over the availability grid’s offered slot time (docs/reports.md)'),
  })
  .meta({ id: 'DashboardStats' });

export const trendSchema = z.array(z.object({ week_start: isoDate, bookings: z.number().int(), revenue_cents: z.number().int() }));
export const hourlySchema = z.array(z.object({ hour: z.number().int(), bookings: z.number().int() }));

export const deskBookingSchema = z
  .object({
    id: z.uuid(),
    booking_number: z.string(),
    start_at: instant,
    end_at: instant,
    booking_date: isoDate,
    start_time: z.string(),
    end_time: z.string(),
    status: bookingStatus,
    party_size: z.number().int(),
    customer_name: z.string(),
    game_name: z.string(),
    venue_name: z.string(),
    checked_in: z.boolean(),
    checked_in_at: instant.nullable(),
    payment_status: paymentStatus,
    final_amount: z.number().int(),
    amount_paid: z.number().int(),
    amount_due: z.number().int(),
  })
  .meta({ id: 'DeskBooking' });
export type DeskBooking = z.infer<typeof deskBookingSchema>;

export const activitySchema = z.array(
  z.object({
    at: instant,
    actor: z.string(),
    summary: z.string(),
    record: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  }),
);

const methodFigures = z.object({ gross_cents: z.number().int(), refund_cents: z.number().int(), net_cents: z.number().int() });
export const PAYMENT_METHODS = ['cash', 'card_present', 'stripe', 'gift_card', 'other'] as const;
export const revenueSchema = z.array(
  z.object({
    period: z.string(),
    gross_cents: z.number().int(),
    discount_cents: z.number().int(),
    refund_cents: z.number().int(),
    net_cents: z.number().int(),
    tax_cents: z.number().int(),
    by_method: z.object(Object.fromEntries(PAYMENT_METHODS.map((m) => [m, methodFigures])) as Record<(typeof PAYMENT_METHODS)[number], typeof methodFigures>),
  }),
);
export type RevenueRow = z.infer<typeof revenueSchema>[number];

const counted = { bookings: z.number().int(), players: z.number().int(), revenue_cents: z.number().int() };
export const bookingsReportSchema = z.object({
  from: isoDate,
  to: isoDate,
  totals: z.object({ ...counted, cancelled: z.number().int(), no_shows: z.number().int() }),
  by_status: z.array(z.object({ status: bookingStatus, bookings: z.number().int(), players: z.number().int() })),
  by_game: z.array(z.object({ game_id: z.uuid(), name: z.string(), ...counted, occupancy_rate: z.number().nullable() })),
  by_venue: z.array(z.object({ venue_id: z.uuid(), name: z.string(), ...counted })),
  by_source: z.array(z.object({ source: z.enum(['admin', 'widget', 'api']), bookings: z.number().int() })),
});

export const customersReportSchema = z.object({
  segments: z.array(z.object({ segment: segmentSchema, customers: z.number().int(), revenue_cents: z.number().int() })),
  periods: z.array(z.object({ period: z.string(), new_customers: z.number().int(), returning_customers: z.number().int() })),
});

export const promotionsReportSchema = z.object({
  coupons: z.array(z.object({ coupon_id: z.uuid(), code: z.string(), redemptions: z.number().int(), released: z.number().int(), discount_cents: z.number().int() })),
  gift_cards: z.object({
    issued: z.number().int(),
    issued_cents: z.number().int(),
    redeemed_cents: z.number().int(),
    refunded_cents: z.number().int(),
    adjusted_cents: z.number().int(),
    outstanding_cents: z.number().int().describe('Balance of every card at the end of `to`'),
  }),
});

export const staffReportSchema = z.array(
  z.object({ user_id: z.uuid(), name: z.string(), role: roleSchema, bookings_created: z.number().int(), check_ins: z.number().int(), revenue_taken_cents: z.number().int() }),
);
