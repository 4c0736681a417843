import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import type { CouponTerms, Quote } from '../../pricing/quote.js';
import { placeBooking, requestedStart, type PlacedSlot } from '../availability/service.js';
import { couponForQuote } from '../coupons/service.js';
import { getOffer } from '../games/service.js';
import type { Offer } from '../games/types.js';
import { giftCardForQuote } from '../giftcards/service.js';
import { quoteSlot } from './pricing.js';

/** What a quote or a booking asks for: a slot, a party and the codes to apply. */
export interface PriceRequest {
  game_id: string;
  venue_id: string;
  start_at?: string | undefined;
  booking_date?: string | undefined;
  start_time?: string | undefined;
  party_size: number;
  coupon_code?: string | undefined;
  gift_card_code?: string | undefined;
  customer_id?: string | undefined;
  /** For per-customer coupon limits when the customer may not exist yet (the widget). */
  customer_email?: string | undefined;
}

export interface Priced {
  offer: Offer;
  placed: PlacedSlot;
  quote: Quote;
  coupon: (CouponTerms & { id: string }) | null;
  giftCard: { id: string; code: string; balance_cents: number } | null;
}

/**
 * Prices a request exactly as the booking write will: the slot checked against the venue's rules, the coupon and
 * gift card validated (422 invalid_code, 409 limit_reached) without being used, the quote computed by
 * pricing/quote.ts. A booking made with the same input stores this quote (the gift card part may be smaller if
 * the card was spent meanwhile: it pays what it still holds).
 */
export async function priceRequest(tx: Queryable, input: PriceRequest, now: Date, enforceNotice: boolean): Promise<Priced> {
  const offer = await getOffer(tx, input.game_id, input.venue_id);
  if (!offer.game.active) throw notFound('Game');
  const placed = placeBooking(offer.venue, offer.game, requestedStart(input, offer.venue.timezone), input.party_size, now, enforceNotice);
  const coupon = input.coupon_code
    ? await couponForQuote(tx, input.coupon_code, {
        gameId: offer.game.id, venueId: offer.venue.id, partySize: input.party_size,
        customerId: input.customer_id ?? null, customerEmail: input.customer_email ?? null,
      }, now)
    : null;
  const giftCard = input.gift_card_code ? await giftCardForQuote(tx, input.gift_card_code, offer.currency, now) : null;
  // A card given to pay must hold something: an empty one is refused rather than silently ignored.
  if (giftCard && giftCard.balance_cents === 0) throw new AppError('insufficient_balance', 'The gift card has no balance left');
  const terms = coupon ? { id: coupon.id, code: coupon.code, kind: coupon.kind, value: coupon.value } : null;
  const quote = quoteSlot(offer, placed.start.getTime(), input.party_size, { coupon: terms, giftCardBalanceCents: giftCard?.balance_cents ?? null });
  return { offer, placed, quote, coupon: terms, giftCard };
}

/** POST /api/bookings/quote and the widget's quote: the quote alone. */
export async function quoteBooking(tx: Queryable, input: PriceRequest, now: Date, enforceNotice: boolean): Promise<Quote> {
  return (await priceRequest(tx, input, now, enforceNotice)).quote;
}
