import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { couponDiscountCents } from '../../../src/modules/coupons/service.js';

const percent = (value: number) => ({ kind: 'percent' as const, value });
const fixed = (value: number) => ({ kind: 'fixed' as const, value });

describe('couponDiscountCents', () => {
  it('takes a percentage of the subtotal, rounded half up to a whole minor unit', () => {
    expect(couponDiscountCents(percent(10), 5000)).toBe(500);
    expect(couponDiscountCents(percent(10), 1005)).toBe(101); // 100.5 -> 101
    expect(couponDiscountCents(percent(10), 1004)).toBe(100); // 100.4 -> 100
    expect(couponDiscountCents(percent(15), 333)).toBe(50); // 49.95 -> 50
    expect(couponDiscountCents(percent(50), 1)).toBe(1); // 0.5 -> 1
    expect(couponDiscountCents(percent(1), 49)).toBe(0); // 0.49 -> 0
    expect(couponDiscountCents(percent(100), 12_345)).toBe(12_345);
    expect(couponDiscountCents(percent(33), 0)).toBe(0);
  });

  it('takes a fixed amount off, never more than the subtotal', () => {
    expect(couponDiscountCents(fixed(1500), 6000)).toBe(1500);
    expect(couponDiscountCents(fixed(1500), 1500)).toBe(1500);
    expect(couponDiscountCents(fixed(1500), 999)).toBe(999);
    expect(couponDiscountCents(fixed(1500), 0)).toBe(0);
  });

  it('refuses a subtotal that is not a non-negative integer', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => couponDiscountCents(percent(10), bad)).toThrow(RangeError);
  });

  it('is always an integer from 0 to the subtotal (property)', () => {
    const coupon = fc.oneof(fc.integer({ min: 1, max: 100 }).map(percent), fc.integer({ min: 1, max: 10_000_000 }).map(fixed));
    fc.assert(
      fc.property(coupon, fc.integer({ min: 0, max: 1_000_000_000 }), (c, subtotal) => {
        const d = couponDiscountCents(c, subtotal);
        return Number.isInteger(d) && d >= 0 && d <= subtotal;
      }),
      { numRuns: 5000 },
    );
  });

  it('a percent discount is the exact share rounded half up, and grows with the subtotal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100_000_000 }), (value, subtotal) => {
        const d = couponDiscountCents(percent(value), subtotal);
        // Exact in integers: d is the share rounded half up iff 200·d - 100 <= 2·subtotal·value < 200·d + 100.
        const twice = 2 * subtotal * value;
        return 200 * d - 100 <= twice && twice < 200 * d + 100 && couponDiscountCents(percent(value), subtotal + 1) >= d;
      }),
      { numRuns: 5000 },
    );
  });
});
