import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { couponDiscount } from '../../src/pricing/quote.js';

const percent = (value: number) => ({ kind: 'percent' as const, value });
const fixed = (value: number) => ({ kind: 'fixed' as const, value });

describe('couponDiscount', () => {
  it('takes a percentage of the subtotal, rounded half up to a whole minor unit', () => {
    expect(couponDiscount(percent(10), 5000)).toBe(500);
    expect(couponDiscount(percent(10), 1005)).toBe(101); // 100.5 -> 101
    expect(couponDiscount(percent(10), 1004)).toBe(100); // 100.4 -> 100
    expect(couponDiscount(percent(15), 333)).toBe(50); // 49.95 -> 50
    expect(couponDiscount(percent(50), 1)).toBe(1); // 0.5 -> 1
    expect(couponDiscount(percent(1), 49)).toBe(0); // 0.49 -> 0
    expect(couponDiscount(percent(100), 12_345)).toBe(12_345);
    expect(couponDiscount(percent(33), 0)).toBe(0);
  });

  it('takes a fixed amount off, never more than the subtotal', () => {
    expect(couponDiscount(fixed(1500), 6000)).toBe(1500);
    expect(couponDiscount(fixed(1500), 1500)).toBe(1500);
    expect(couponDiscount(fixed(1500), 999)).toBe(999);
    expect(couponDiscount(fixed(1500), 0)).toBe(0);
  });


  it('is always an integer from 0 to the subtotal (property)', () => {
    const coupon = fc.oneof(fc.integer({ min: 1, max: 100 }).map(percent), fc.integer({ min: 1, max: 10_000_000 }).map(fixed));
    fc.assert(
      fc.property(coupon, fc.integer({ min: 0, max: 1_000_000_000 }), (c, subtotal) => {
        const d = couponDiscount(c, subtotal);
        return Number.isInteger(d) && d >= 0 && d <= subtotal;
      }),
      { numRuns: 5000 },
    );
  });

  it('a percent discount is the exact share rounded half up, and grows with the subtotal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100_000_000 }), (value, subtotal) => {
        const d = couponDiscount(percent(value), subtotal);
        // Exact in integers: d is the share rounded half up iff 200·d - 100 <= 2·subtotal·value < 200·d + 100.
        const twice = 2 * subtotal * value;
        return 200 * d - 100 <= twice && twice < 200 * d + 100 && couponDiscount(percent(value), subtotal + 1) >= d;
      }),
      { numRuns: 5000 },
    );
  });
});
