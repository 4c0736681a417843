import { percentOf, priceFor } from '../../pricing/party.js';
import { computeQuote, type CouponTerms, type Quote, type QuoteLine } from '../../pricing/quote.js';
import { weekdayOfDay, zoneDays } from '../../time/local-time.js';
import type { Offer } from '../games/types.js';

/** The amounts of a booking priced without promotions or tax (the demo seeder's bulk bookings). */
export function bookingAmounts(game: { pricing: 'per_player' | 'flat'; priceCents: number }, partySize: number) {
  const total = priceFor(game, partySize);
  return { total_amount: total, discount_amount: 0, final_amount: total };
}

/** What a booking keeps of its quote besides the figures in its columns: the terms it was priced under. */
export interface StoredQuote {
  unit_price_cents: number;
  lines: QuoteLine[];
  tax: { rate_bps: number; inclusive: boolean };
  coupon: CouponTerms | null;
  gift_card_cents: number;
}

/** A quote for a party at a slot of an offer (the slot's venue-local weekday and time pick the price rule). */
export function quoteSlot(
  offer: Offer,
  startMs: number,
  partySize: number,
  extras: { coupon?: CouponTerms | null; giftCardBalanceCents?: number | null; tax?: { rateBps: number; inclusive: boolean } } = {},
): Quote {
  const local = zoneDays(offer.venue.timezone).instant(startMs);
  return computeQuote({
    pricing: offer.game.pricing,
    basePriceCents: offer.game.priceCents,
    priceRules: offer.game.priceRules,
    weekday: weekdayOfDay(local.day),
    startMinute: local.minute,
    partySize,
    gameName: offer.game.name,
    currency: offer.currency,
    tax: extras.tax ?? offer.tax,
    coupon: extras.coupon ?? null,
    giftCardBalanceCents: extras.giftCardBalanceCents ?? null,
  });
}

/** A quote as the booking's columns and stored terms. */
export function quoteColumns(q: Quote, tax: { rateBps: number; inclusive: boolean }, coupon: CouponTerms | null) {
  const stored: StoredQuote = {
    unit_price_cents: q.unit_price_cents,
    lines: q.lines,
    tax: { rate_bps: tax.rateBps, inclusive: tax.inclusive },
    coupon,
    gift_card_cents: q.gift_card_cents,
  };
  return {
    total_amount: q.subtotal_cents,
    discount_amount: q.discount_cents,
    tax_amount: q.tax_cents,
    tax_inclusive: tax.inclusive,
    final_amount: q.total_cents,
    coupon_code: coupon?.code ?? null,
    stored,
  };
}

/**
 * The refund a cancellation earns under the organization's policy: the "outside window" share when cancelled
 * at least `windowHours` before the start, the "inside window" share after that, of what was paid (net).
 */
export function refundFor(
  booking: { amount_paid: number; start_at: Date },
  policy: { cancellation_window_hours: number; refund_percent_inside_window: number; refund_percent_outside_window: number },
  now: Date,
): { insideWindow: boolean; percent: number; amount: number } {
  const insideWindow = booking.start_at.getTime() - now.getTime() < policy.cancellation_window_hours * 3_600_000;
  const percent = insideWindow ? policy.refund_percent_inside_window : policy.refund_percent_outside_window;
  return { insideWindow, percent, amount: percentOf(booking.amount_paid, percent) };
}
