import { z } from 'zod';
import { instant, text, uuid } from '../../http/fields.js';

// Bounds mirror the check constraints of migration 0013, so bad input is a field error, not a database error.
export const MAX_PERCENT = 100;
export const MAX_FIXED_CENTS = 10_000_000;
export const MAX_SCOPE_IDS = 100;

/** What people read out and type: 3-40 letters, digits, '-' or '_', starting with a letter or digit. */
export const COUPON_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$/;

export const couponKind = z.enum(['percent', 'fixed']);
export type CouponKind = z.infer<typeof couponKind>;

const code = text(40).regex(COUPON_CODE, 'must be 3-40 letters, digits, "-" or "_", starting with a letter or digit');

const noRepeats = (what: string) => (list: string[], ctx: z.RefinementCtx) => {
  const seen = new Map<string, number>();
  list.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `repeats ${what} ${id} (index ${seen.get(id)})` });
    else seen.set(id, i);
  });
};

const scopeIds = (what: string) =>
  z
    .array(uuid)
    .max(MAX_SCOPE_IDS)
    .superRefine(noRepeats(what))
    .describe(`The organization's ${what}s the coupon applies to; empty = every ${what}`);

const couponFields = {
  code: code.describe('Unique per organization, compared case-insensitively; matched without regard to case'),
  kind: couponKind.describe('percent: value is whole percent off the subtotal; fixed: value is minor units off'),
  value: z.number().int().min(1).max(MAX_FIXED_CENTS).describe(`percent: 1-${MAX_PERCENT}; fixed: 1-${MAX_FIXED_CENTS} minor units`),
  valid_from: instant.nullable().describe('First instant the code works (inclusive); null = already'),
  valid_to: instant.nullable().describe('Instant the code stops working (exclusive); null = never'),
  max_redemptions: z.number().int().min(1).max(1_000_000_000).nullable().describe('Live redemptions in total; null = unlimited'),
  max_per_customer: z.number().int().min(1).max(1_000_000).nullable().describe('Live redemptions per customer; null = unlimited'),
  min_party_size: z.number().int().min(1).max(1000),
  game_ids: scopeIds('game'),
  venue_ids: scopeIds('venue'),
  active: z.boolean(),
};

/** The rules between fields, as a field -> message map (empty when the coupon is coherent). */
export function couponRuleProblems(c: { kind: CouponKind; value: number; valid_from: string | null; valid_to: string | null }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (c.kind === 'percent' && c.value > MAX_PERCENT) problems.value = `a percent coupon takes 1-${MAX_PERCENT}`;
  if (c.valid_from && c.valid_to && Date.parse(c.valid_from) >= Date.parse(c.valid_to)) problems.valid_to = 'must be later than valid_from';
  return problems;
}

export const createCouponBody = z
  .object(couponFields)
  .partial()
  .required({ code: true, kind: true, value: true })
  .strict()
  .superRefine((c, ctx) => {
    const problems = couponRuleProblems({ kind: c.kind, value: c.value, valid_from: c.valid_from ?? null, valid_to: c.valid_to ?? null });
    for (const [field, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [field], message });
  });

export type CreateCoupon = z.infer<typeof createCouponBody>;

/** Fields given are changed, null clears a nullable one; the rules between fields apply to the coupon as changed. */
export const updateCouponBody = z.object(couponFields).partial().strict();

export type UpdateCoupon = z.infer<typeof updateCouponBody>;

export const listCouponsQuery = z.object({
  q: text(40).min(1).optional().describe('Case-insensitive substring of the code'),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export type CouponFilter = z.infer<typeof listCouponsQuery>;

export const couponSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    kind: couponKind,
    value: z.number().int(),
    valid_from: instant.nullable(),
    valid_to: instant.nullable(),
    max_redemptions: z.number().int().nullable(),
    max_per_customer: z.number().int().nullable(),
    min_party_size: z.number().int(),
    game_ids: z.array(z.uuid()),
    venue_ids: z.array(z.uuid()),
    active: z.boolean(),
    redemptions: z.number().int().describe('Live redemptions: bookings that used the code and were not cancelled'),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Coupon' });

export type Coupon = z.infer<typeof couponSchema>;

/** A coupon as a quote or a booking applies it (what couponForQuote answers); pricing/quote.ts computes its discount. */
export interface ApplicableCoupon {
  id: string;
  code: string;
  kind: CouponKind;
  value: number;
}
