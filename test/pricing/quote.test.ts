import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeQuote, couponDiscount, divideHalfUp, taxOf, unitPriceAt, type QuoteInput } from '../../src/pricing/quote.js';
import { splitRefund } from '../../src/modules/payments/split.js';

const base: QuoteInput = {
  pricing: 'per_player', basePriceCents: 3000, priceRules: [], weekday: 2, startMinute: 600, partySize: 4, gameName: 'Vault',
  currency: 'USD', tax: { rateBps: 0, inclusive: false },
};

describe('quote rules (hand-computed)', () => {
  it('prices per player and flat, with the first matching rule replacing the price', () => {
    const rules = [
      { weekdays: [5, 6], from: '18:00', to: '24:00', price_cents: 4000 },
      { weekdays: [0, 1, 2, 3, 4, 5, 6], from: '09:00', to: '12:00', price_cents: 2500 },
    ];
    expect(computeQuote({ ...base, priceRules: rules }).subtotal_cents).toBe(10_000); // Tue 10:00: the morning rule
    expect(computeQuote({ ...base, priceRules: rules, weekday: 6, startMinute: 19 * 60 }).unit_price_cents).toBe(4000);
    expect(computeQuote({ ...base, priceRules: rules, weekday: 6, startMinute: 17 * 60 }).unit_price_cents).toBe(3000);
    expect(computeQuote({ ...base, pricing: 'flat' }).subtotal_cents).toBe(3000);
    // `to` is exclusive, `from` inclusive.
    expect(unitPriceAt(rules, 2, 12 * 60, 1)).toBe(1);
    expect(unitPriceAt(rules, 2, 9 * 60, 1)).toBe(2500);
  });

  it('takes the discount first, then tax once on the discounted total, then the gift card', () => {
    // 4 × 30.00 = 120.00; 15% off = 18.00; base 102.00; 8.25% = 8.415 → 8.42 (half up); total 110.42; card 50.00.
    const q = computeQuote({ ...base, tax: { rateBps: 825, inclusive: false }, coupon: { code: 'SPRING', kind: 'percent', value: 15 }, giftCardBalanceCents: 5000 });
    expect(q).toMatchObject({ subtotal_cents: 12_000, discount_cents: 1800, tax_cents: 842, total_cents: 11_042, gift_card_cents: 5000, amount_due_cents: 6042 });
    expect(q.lines.map((l) => [l.kind, l.amount_cents])).toEqual([['item', 12_000], ['discount', -1800], ['tax', 842], ['gift_card', -5000]]);
  });

  it('finds the tax inside inclusive prices', () => {
    // 120.00 incl. 20% VAT: 120 × 2000 / 12000 = 20.00 exactly; 119.99 → 19.998 → 20.00.
    expect(computeQuote({ ...base, tax: { rateBps: 2000, inclusive: true } })).toMatchObject({ tax_cents: 2000, total_cents: 12_000 });
    expect(taxOf(11_999, { rateBps: 2000, inclusive: true })).toBe(2000);
  });

  it('never discounts below zero, and a card never pays more than the total', () => {
    const q = computeQuote({ ...base, coupon: { code: 'BIG', kind: 'fixed', value: 999_999 }, giftCardBalanceCents: 10 });
    expect(q).toMatchObject({ discount_cents: 12_000, total_cents: 0, gift_card_cents: 0, amount_due_cents: 0 });
  });

  it('rounds half up exactly, also past 2^53', () => {
    expect(divideHalfUp(5, 10)).toBe(1);
    expect(divideHalfUp(4, 10)).toBe(0);
    expect(divideHalfUp(15, 10)).toBe(2);
    expect(divideHalfUp(100_000_000 * 1000 * 10_000, 10_000)).toBe(100_000_000_000);
  });
});

describe('quote properties', () => {
  const input = fc.record({
    pricing: fc.constantFrom('per_player' as const, 'flat' as const),
    basePriceCents: fc.integer({ min: 0, max: 100_000_000 }),
    partySize: fc.integer({ min: 1, max: 1000 }),
    rateBps: fc.integer({ min: 0, max: 10_000 }),
    inclusive: fc.boolean(),
    coupon: fc.option(fc.oneof(
      fc.record({ code: fc.constant('P'), kind: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ code: fc.constant('F'), kind: fc.constant('fixed' as const), value: fc.integer({ min: 1, max: 10_000_000 }) }),
    )),
    card: fc.option(fc.integer({ min: 0, max: 2_000_000_000 })),
  });

  it('every figure is a non-negative integer and they add up', () => {
    fc.assert(
      fc.property(input, (i) => {
        const q = computeQuote({ ...base, pricing: i.pricing, basePriceCents: i.basePriceCents, partySize: i.partySize, tax: { rateBps: i.rateBps, inclusive: i.inclusive }, coupon: i.coupon, giftCardBalanceCents: i.card });
        for (const v of [q.subtotal_cents, q.discount_cents, q.tax_cents, q.total_cents, q.gift_card_cents, q.amount_due_cents]) {
          expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
        }
        expect(q.discount_cents).toBeLessThanOrEqual(q.subtotal_cents);
        expect(q.total_cents).toBe(q.subtotal_cents - q.discount_cents + (i.inclusive ? 0 : q.tax_cents));
        expect(q.amount_due_cents).toBe(q.total_cents - q.gift_card_cents);
        expect(q.lines.reduce((s, l) => s + (l.kind === 'tax' && i.inclusive ? 0 : l.amount_cents), 0)).toBe(q.amount_due_cents);
        if (i.inclusive) expect(q.tax_cents).toBeLessThanOrEqual(q.total_cents);
      }),
    );
  });

  it('a percent coupon is the half-up share of the subtotal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), fc.integer({ min: 1, max: 100 }), (subtotal, pct) => {
        const d = couponDiscount({ kind: 'percent', value: pct }, subtotal);
        expect(Math.abs(d - (subtotal * pct) / 100)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('a refund split adds up, stays within each payment and follows the proportions to one unit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 7_000_000 }), (lefts, amount) => {
        const shares = splitRefund(lefts, amount);
        const total = lefts.reduce((s, v) => s + v, 0);
        expect(shares.reduce((s, v) => s + v, 0)).toBe(Math.min(amount, total));
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(lefts[i]!);
          if (total > 0) expect(Math.abs(s - (lefts[i]! * Math.min(amount, total)) / total)).toBeLessThan(1);
        });
      }),
    );
  });
});
