import type { Queryable } from '../../db/client.js';
import { percentOf } from '../../pricing/party.js';
import { releaseCoupon } from '../coupons/service.js';
import { cancelPendingOnline, refundBookingShare, type StripeGateway } from '../payments/service.js';
import { AMOUNT_PAID, type BookingRow } from './sql.js';

/**
 * What a booking's status changes do to its money (docs/money.md). Every effect is a payment or ledger row written
 * in the same transaction as the change; no figure is edited.
 */

/** Who acts and through what, for the refunds a status change causes. */
export interface MoneyContext {
  gateway: StripeGateway | null;
  actorId: string | null;
}

/**
 * A cancellation returns the policy's share of what was paid (split back to the methods it was paid with, the
 * gift-card part onto the card), gives the coupon redemption back and calls off online payments still waiting.
 */
export async function settleCancellation(tx: Queryable, bookingId: string, refundCents: number, money: MoneyContext, reason: string): Promise<void> {
  await cancelPendingOnline(tx, money.gateway, bookingId);
  await refundBookingShare(tx, money.gateway, bookingId, refundCents, reason, money.actorId);
  await releaseCoupon(tx, bookingId);
}

/**
 * Unpaid bookings whose checkout time ran out, cancelled by a room's sweep (app_claim_slot): whatever they had
 * received (a gift-card part) goes back in full and their coupon redemption is released.
 */
export async function settleSwept(tx: Queryable, ids: readonly string[], gateway: StripeGateway | null): Promise<void> {
  for (const id of ids) {
    const { rows } = await tx.query<{ amount_paid: number }>(AMOUNT_PAID, [id]);
    await settleCancellation(tx, id, rows[0]?.amount_paid ?? 0, { gateway, actorId: null }, 'The checkout expired unpaid');
  }
}

/**
 * A no-show keeps the policy's fee (no_show_fee_percent of the booking's final amount) out of what was paid and
 * returns the rest; what was never paid cannot be charged (no card is kept on file).
 */
export async function settleNoShow(tx: Queryable, row: Pick<BookingRow, 'id' | 'final_amount' | 'amount_paid'>, feePercent: number, money: MoneyContext): Promise<void> {
  const fee = percentOf(row.final_amount, feePercent);
  const excess = row.amount_paid - Math.min(row.amount_paid, fee);
  await cancelPendingOnline(tx, money.gateway, row.id);
  await refundBookingShare(tx, money.gateway, row.id, excess, `No-show: ${feePercent}% fee kept`, money.actorId);
}
