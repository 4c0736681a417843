import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { refundToGiftCard } from '../giftcards/service.js';
import { stripeKey } from './keys.js';
import { insertPayment } from './rows.js';
import type { Payment } from './schemas.js';
import { splitRefund } from './split.js';
import * as sql from './sql.js';
import type { StripeGateway } from './stripe.js';

const STRIPE_REFUND_STATUS: Record<string, Payment['status']> = { succeeded: 'succeeded', pending: 'pending', requires_action: 'pending', failed: 'failed', canceled: 'failed' };

/**
 * Returns money from one succeeded payment: by default all that is left of it, never more (422; the database's
 * payments_check_refund is the wall). Stripe payments are refunded through Stripe (with a key derived from the
 * payment and what was refunded before, so a retry refunds once), gift-card payments back onto the card, desk
 * payments recorded as handed back.
 */
export async function refundPayment(
  tx: Queryable,
  gateway: StripeGateway | null,
  paymentId: string,
  r: { amountCents?: number | undefined; reason: string; createdBy: string | null; idempotencyKey?: string | null },
): Promise<Payment> {
  const { rows } = await tx.query<sql.PaymentRow>(sql.SELECT_PAYMENT_FOR_UPDATE, [paymentId]);
  const p = rows[0];
  if (!p) throw notFound('Payment');
  if (p.kind !== 'payment' || p.status !== 'succeeded') throw new AppError('rule_violation', 'Only a succeeded payment can be refunded');
  const left = p.amount_cents - p.refunded_cents;
  const amount = r.amountCents ?? left;
  if (left <= 0) throw new AppError('rule_violation', 'Nothing is left of this payment to refund');
  if (amount > left) throw new AppError('rule_violation', `That is more than the ${left} left of this payment`, { 'body.amount_cents': `must be at most ${left}` });
  const base = { bookingId: p.booking_id, kind: 'refund' as const, parentId: p.id, method: p.method, amountCents: amount, currency: p.currency.trim(), reason: r.reason, createdBy: r.createdBy, giftCardId: p.gift_card_id };

  if (p.method === 'stripe') {
    if (!gateway) throw new AppError('service_unavailable', 'Online payment is not configured, so a Stripe payment cannot be refunded now');
    const key = stripeKey('refund', p.id, r.idempotencyKey ?? `after:${p.refunded_cents}`, String(amount));
    const refund = await gateway.createRefund({ paymentIntentId: p.provider_ref!, amountCents: amount, idempotencyKey: key, metadata: { payment_id: p.id, booking_id: p.booking_id } });
    return insertPayment(tx, { ...base, status: STRIPE_REFUND_STATUS[refund.status] ?? 'pending', providerRef: refund.id });
  }
  if (p.method === 'gift_card') await refundToGiftCard(tx, { giftCardId: p.gift_card_id!, amountCents: amount, bookingId: p.booking_id });
  return insertPayment(tx, { ...base, status: 'succeeded', providerRef: p.method === 'gift_card' ? p.gift_card_id : null });
}

/**
 * Returns `amountCents` of a booking's payments, split across them in proportion to what is left of each (largest
 * remainder for the last minor units, split.ts): a booking paid partly by gift card gets that part back on the card.
 * Answers what was refunded (at most what is left in all).
 */
export async function refundBookingShare(tx: Queryable, gateway: StripeGateway | null, bookingId: string, amountCents: number, reason: string, createdBy: string | null): Promise<number> {
  if (amountCents <= 0) return 0;
  const { rows } = await tx.query<sql.PaymentRow>(sql.REFUNDABLE, [bookingId]);
  const shares = splitRefund(rows.map((p) => p.amount_cents - p.refunded_cents), amountCents);
  let refunded = 0;
  for (const [i, share] of shares.entries()) {
    if (share === 0) continue;
    await refundPayment(tx, gateway, rows[i]!.id, { amountCents: share, reason, createdBy });
    refunded += share;
  }
  return refunded;
}

