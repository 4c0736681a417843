/**
 * The quote: what a party pays for one slot, in integer minor units (pure: no I/O, no clock). The quote routes,
 * the booking write and the demo seeder all price through here, so a quote and the booking made from the same
 * input store the same figures. The rules (docs/money.md):
 *
 * 1. Unit price: the first of the game's price rules matching the slot's venue-local weekday and start time,
 *    else the venue's price for the game, else the game's price. Subtotal: unit × party (per_player) or unit (flat).
 * 2. Discount (a coupon): percent of the subtotal rounded half up, or a fixed amount; never more than the subtotal.
 * 3. Tax applies to the subtotal after the discount and is rounded half up once, on that total (not per unit):
 *    exclusive prices add `base × rate / 10000`; inclusive prices already hold `base × rate / (10000 + rate)`.
 * 4. A gift card pays after tax, up to its balance: it lowers only `amount_due_cents`, never the total.
 */

/** A venue-local price window: weekdays 0-6 (0 = Sunday), from <= start < to ("HH:MM", to may be "24:00"). */
export interface PriceRule {
  weekdays: number[];
  from: string;
  to: string;
  price_cents: number;
}

export interface CouponTerms {
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
}

export interface QuoteInput {
  pricing: 'per_player' | 'flat';
  /** The venue's (or game's) price before rules. */
  basePriceCents: number;
  priceRules: readonly PriceRule[];
  /** The slot's venue-local weekday (0 = Sunday) and start minute of the day. */
  weekday: number;
  startMinute: number;
  partySize: number;
  gameName: string;
  currency: string;
  tax: { rateBps: number; inclusive: boolean };
  coupon?: CouponTerms | null;
  /** What the gift card holds (the part it pays is at most this). */
  giftCardBalanceCents?: number | null;
}

export interface QuoteLine {
  kind: 'item' | 'discount' | 'tax' | 'gift_card';
  description: string;
  amount_cents: number;
}

export interface Quote {
  currency: string;
  unit_price_cents: number;
  subtotal_cents: number;
  discount_cents: number;
  tax_cents: number;
  total_cents: number;
  gift_card_cents: number;
  amount_due_cents: number;
  lines: QuoteLine[];
}

const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The price of the first rule matching a venue-local weekday and start minute, or `base`. */
export function unitPriceAt(rules: readonly PriceRule[], weekday: number, startMinute: number, base: number): number {
  for (const r of rules) {
    if (r.weekdays.includes(weekday) && clockMinutes(r.from) <= startMinute && startMinute < clockMinutes(r.to)) return r.price_cents;
  }
  return base;
}

/** `numerator / denominator` rounded half up, exactly (BigInt: amounts × basis points may pass 2^53). */
export function divideHalfUp(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

/** The discount a coupon gives on a subtotal: half-up percent, or fixed; capped at the subtotal. */
export function couponDiscount(coupon: Pick<CouponTerms, 'kind' | 'value'>, subtotalCents: number): number {
  const raw = coupon.kind === 'percent' ? divideHalfUp(subtotalCents * coupon.value, 100) : coupon.value;
  return Math.min(raw, subtotalCents);
}

/** The tax a base amount carries: added on top (exclusive) or contained in it (inclusive), rounded half up once. */
export function taxOf(baseCents: number, tax: { rateBps: number; inclusive: boolean }): number {
  if (tax.rateBps === 0 || baseCents === 0) return 0;
  return tax.inclusive ? divideHalfUp(baseCents * tax.rateBps, 10_000 + tax.rateBps) : divideHalfUp(baseCents * tax.rateBps, 10_000);
}

const percentLabel = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** Prices one slot for one party (the rules in this file's comment). */
export function computeQuote(q: QuoteInput): Quote {
  const unit = unitPriceAt(q.priceRules, q.weekday, q.startMinute, q.basePriceCents);
  const subtotal = q.pricing === 'per_player' ? unit * q.partySize : unit;
  const discount = q.coupon ? couponDiscount(q.coupon, subtotal) : 0;
  const base = subtotal - discount;
  const tax = taxOf(base, q.tax);
  const total = q.tax.inclusive ? base : base + tax;
  const giftCard = Math.max(0, Math.min(q.giftCardBalanceCents ?? 0, total));
  const lines: QuoteLine[] = [
    { kind: 'item', description: q.pricing === 'per_player' ? `${q.gameName} × ${q.partySize}` : q.gameName, amount_cents: subtotal },
  ];
  if (q.coupon) lines.push({ kind: 'discount', description: `Coupon ${q.coupon.code}`, amount_cents: -discount });
  if (q.tax.rateBps > 0) {
    lines.push({ kind: 'tax', description: `Tax ${percentLabel(q.tax.rateBps)}${q.tax.inclusive ? ' (included)' : ''}`, amount_cents: tax });
  }
  if (giftCard > 0) lines.push({ kind: 'gift_card', description: 'Gift card', amount_cents: -giftCard });
  return {
    currency: q.currency,
    unit_price_cents: unit,
    subtotal_cents: subtotal,
    discount_cents: discount,
    tax_cents: tax,
    total_cents: total,
    gift_card_cents: giftCard,
    amount_due_cents: total - giftCard,
    lines,
  };
}
