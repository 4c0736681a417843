import type { Schemas } from '../../../../api/client';

type Coupon = Schemas['Coupon'];

/** "20% off" or "$10.00 off". */
export function discountText(c: Pick<Coupon, 'kind' | 'value'>, money: (minor: number) => string): string {
  return c.kind === 'percent' ? `${c.value}% off` : `${money(c.value)} off`;
}

/** "12 of 50 used", "3 used" (unlimited), with the per-customer limit. */
export function usageText(c: Pick<Coupon, 'redemptions' | 'max_redemptions' | 'max_per_customer'>): string {
  const total = c.max_redemptions === null ? `${c.redemptions} used` : `${c.redemptions} of ${c.max_redemptions} used`;
  return c.max_per_customer === null ? total : `${total}; ${c.max_per_customer} per customer`;
}
