import { percentOf } from '../../pricing/party.js';
import type { CouponKind } from './schemas.js';

/** A coupon as a quote or a booking applies it (what couponForQuote answers). */
export interface ApplicableCoupon {
  id: string;
  code: string;
  kind: CouponKind;
  value: number;
}

/**
 * The discount a coupon gives on a subtotal, in minor units (pure). percent: `value` % of the subtotal, rounded half
 * up to a whole minor unit by the one rounding rule of src/pricing; fixed: `value`, but never more than the
 * subtotal. Always an integer from 0 to the subtotal, so a total can never go negative.
 */
export function couponDiscountCents(coupon: Pick<ApplicableCoupon, 'kind' | 'value'>, subtotalCents: number): number {
  if (!Number.isSafeInteger(subtotalCents) || subtotalCents < 0) throw new RangeError(`subtotal must be a non-negative integer, not ${subtotalCents}`);
  switch (coupon.kind) {
    case 'percent':
      return Math.min(subtotalCents, Math.max(0, percentOf(subtotalCents, coupon.value)));
    case 'fixed':
      return Math.min(subtotalCents, Math.max(0, coupon.value));
  }
}
