import { percentOf, priceFor } from '../../pricing/party.js';

/** The amounts of a booking in minor units. Discounts arrive with promotions; until then they are zero. */
export function bookingAmounts(game: { pricing: 'per_player' | 'flat'; priceCents: number }, partySize: number) {
  const total = priceFor(game, partySize);
  const discount = 0;
  return { total_amount: total, discount_amount: discount, final_amount: total - discount };
}

/**
 * The refund a cancellation earns under the organization's policy: the "outside window" share when cancelled
 * at least `windowHours` before the start, the "inside window" share after that. Only money actually paid is refunded.
 */
export function refundFor(
  booking: { final_amount: number; payment_status: string; start_at: Date },
  policy: { cancellation_window_hours: number; refund_percent_inside_window: number; refund_percent_outside_window: number },
  now: Date,
): { insideWindow: boolean; percent: number; amount: number } {
  const insideWindow = booking.start_at.getTime() - now.getTime() < policy.cancellation_window_hours * 3_600_000;
  const percent = insideWindow ? policy.refund_percent_inside_window : policy.refund_percent_outside_window;
  const paid = booking.payment_status === 'paid' ? booking.final_amount : 0;
  return { insideWindow, percent, amount: percentOf(paid, percent) };
}
