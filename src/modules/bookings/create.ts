import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { hashToken } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { divideHalfUp } from '../../pricing/quote.js';
import { redeemCoupon } from '../coupons/service.js';
import { assertCustomerExists } from '../customers/service.js';
import { bookingMoney, payFromGiftCard, startOnlinePayment, type StripeGateway } from '../payments/service.js';
import { recordReferral } from '../referrals/service.js';
import { takeHold } from './holds.js';
import { settleSwept } from './money.js';
import { newBookingNumber } from './number.js';
import { quoteColumns } from './pricing.js';
import { priceRequest } from './quote.js';
import type { Booking, CreateBookingBody } from './schemas.js';
import * as sql from './sql.js';
import { toBooking } from './sql.js';

export interface CreateOptions {
  source: Booking['source'];
  /** The signed-in staff member, if any (a super_admin acting in the organization is recorded by the audit log instead). */
  createdBy: string | null;
  /** Widget and API bookings respect the game's minimum notice; staff at the desk may book the next slot. */
  enforceNotice: boolean;
  /** The widget gets a manage token for its customer; admin bookings do not. */
  withManageToken: boolean;
  /**
   * Whether the caller is signed in. An anonymous caller's contact details never change an existing customer
   * (someone may type another person's email): they stay on the booking until staff accept them.
   */
  trustedContact: boolean;
  /** Stripe, when configured: online checkout and refunds of swept bookings go through it. */
  gateway?: StripeGateway | null;
  /**
   * An online checkout (the widget under policies.payment_mode `required` or `deposit`): the booking starts
   * pending, holds its slot for `holdMinutes`, and is confirmed by the payment of `percent` % of what is due.
   */
  checkout?: { percent: number; holdMinutes: number; idempotencyKey: string | null } | null;
}

export type CreateBookingInput = Omit<CreateBookingBody, 'source'> & {
  coupon_code?: string | undefined;
  gift_card_code?: string | undefined;
  referral_code?: string | undefined;
  /** The caller's checkout hold, taken by this booking. */
  hold?: { id: string; token: string } | undefined;
};

export interface CreatedBooking {
  booking: Booking;
  manageToken: string | null;
  /** An online checkout's PaymentIntent, for Stripe.js. */
  payment: { client_secret: string; amount_cents: number } | null;
}

/**
 * Creates a booking. The database refuses an overlapping private booking or an overfull shared slot (409), and
 * everything the booking brings with it (its coupon redemption, gift-card payment, referral, online payment) is
 * written in the same transaction: any refusal writes nothing at all.
 */
export async function createBooking(tx: Queryable, input: CreateBookingInput, opts: CreateOptions, now: Date): Promise<CreatedBooking> {
  const priced = await priceRequest(tx, { ...input, customer_email: input.customer?.email }, now, opts.enforceNotice);
  const { offer, placed, quote } = priced;
  const { venue, game, currency } = offer;
  if (input.customer_id) await assertCustomerExists(tx, input.customer_id);
  const heldByCaller = input.hold ? await takeHold(tx, input.hold, { gameId: game.id, venueId: venue.id, start: placed.start }) : false;
  const cols = quoteColumns(quote, offer.tax, priced.coupon && { code: priced.coupon.code, kind: priced.coupon.kind, value: priced.coupon.value });
  const online = opts.checkout && quote.amount_due_cents > 0 ? opts.checkout : null;
  const status = online ? 'pending' : input.status;
  const expires = online ? new Date(now.getTime() + online.holdMinutes * 60_000) : null;
  const manageToken = opts.withManageToken ? randomBytes(24).toString('base64url') : null;

  const given = input.customer;
  const customer = given
    ? { sql: opts.trustedContact ? sql.INSERT_FOR_EMAIL : sql.INSERT_FOR_EMAIL_UNTRUSTED, params: [given.full_name, given.email.trim(), given.phone?.trim() || null] }
    : { sql: sql.INSERT_FOR_CUSTOMER, params: [input.customer_id] };
  const contact = given && !opts.trustedContact ? [given.full_name, given.phone?.trim() || null] : [null, null];
  // A fresh number on the rare clash with an existing one; overlap and capacity errors still raise.
  let written: sql.WriteAnswer & { id: string };
  for (;;) {
    const { rows } = await tx.query<sql.WriteAnswer>(customer.sql, [
      newBookingNumber(), game.id, venue.id, placed.start, placed.end, placed.blockedUntil, placed.bookingDate,
      game.bookingMode, input.party_size, status, cols.total_amount, cols.discount_amount, cols.final_amount,
      currency, input.notes ?? '', opts.source, opts.createdBy, manageToken ? hashToken(manageToken) : null, game.maxPlayers,
      ...contact, cols.tax_amount, cols.tax_inclusive, cols.coupon_code, JSON.stringify(cols.stored), expires, now,
      ...customer.params,
    ]);
    const answer = rows[0]!;
    if (!answer.slot_free) {
      if (input.hold && !heldByCaller) throw new AppError('hold_expired', 'The hold expired and the slot has been taken since');
      throw new AppError('slot_unavailable', game.bookingMode === 'private' ? 'That time is no longer available' : 'That slot does not have enough places left');
    }
    if (answer.id !== null) {
      written = answer;
      break;
    }
  }
  if (written.swept.length) await settleSwept(tx, written.swept, opts.gateway ?? null);
  const bookingId = written.id;
  const customerId = written.customer_id;
  if (input.referral_code) await recordReferral(tx, { code: input.referral_code, referredCustomerId: customerId, bookingId });
  if (priced.giftCard && quote.gift_card_cents > 0) {
    await payFromGiftCard(tx, { bookingId, code: priced.giftCard.code, maxCents: quote.gift_card_cents, currency }, now);
  }
  // Last: a shared coupon's row lock is held until commit, so everything else is done before taking it.
  if (priced.coupon) await redeemCoupon(tx, { couponId: priced.coupon.id, bookingId, customerId, discountCents: quote.discount_cents }, now);
  let payment: CreatedBooking['payment'] = null;
  if (online) {
    const money = await bookingMoney(tx, bookingId);
    const due = money.final_amount - money.amount_paid;
    if (due > 0) {
      const required = Math.max(1, Math.min(due, divideHalfUp(due * online.percent, 100)));
      await tx.query(sql.REQUIRE_PAYMENT, [bookingId, required]);
      const started = await startOnlinePayment(tx, opts.gateway ?? null, { booking: money, amountCents: required, createdBy: opts.createdBy, key: online.idempotencyKey });
      payment = { client_secret: started.clientSecret, amount_cents: required };
    } else {
      await tx.query(sql.CONFIRM_PAID, [bookingId]);
    }
  }
  const changed = written.swept.length > 0 || priced.coupon || priced.giftCard || online;
  if (!changed) {
    const row = { ...written, timezone: venue.timezone, venue_name: venue.name, game_name: game.name, duration_minutes: game.durationMinutes };
    return { booking: toBooking(row), manageToken, payment };
  }
  const { rows } = await tx.query<sql.BookingRow>(sql.LOAD_BOOKING, [bookingId]);
  return { booking: toBooking(rows[0]!), manageToken, payment };
}
