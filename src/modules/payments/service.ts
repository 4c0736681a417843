import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { redeemGiftCard } from '../giftcards/service.js';
import { stripeKey, uuidFromKey } from './keys.js';
import { bookingMoney, currentOrganization, getPaymentRow, insertPayment, toPayment } from './rows.js';
import type { StripeGateway } from './stripe.js';
import type {} from 'fastify';
import type { CreatePaymentBody, Payment, PaymentFilter } from './schemas.js';
import * as sql from './sql.js';

export { stripeGateway, type StripeGateway } from './stripe.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Stripe, when STRIPE_SECRET_KEY is set; online payment is off without it. */
    stripe: StripeGateway | null;
  }
}
export { applyStripeEvent, HANDLED_EVENTS, organizationOfEvent } from './webhook.js';
export { bookingMoney, insertPayment, toPayment, type NewPayment } from './rows.js';
export { refundBookingShare, refundPayment } from './refunds.js';
export type { BookingMoney } from './sql.js';

/** One payment with its refunds. */
export async function getPayment(tx: Queryable, id: string) {
  const payment = await getPaymentRow(tx, id);
  const { rows } = await tx.query<sql.PaymentRow>(sql.SELECT_REFUNDS, [id]);
  return { ...payment, refunds: rows.map(toPayment) };
}

/** Payments matching the filters (dates in the organization's zone), newest first. */
export async function listPayments(tx: Queryable, f: PaymentFilter, page: Pagination, zone: string) {
  const params = [f.booking_id ?? null, f.status ?? null, f.method ?? null, f.kind ?? null, f.from ?? null, f.to ?? null, zone];
  return fetchPage(tx, sql.LIST_PAYMENTS, params, page, toPayment);
}

export interface PaymentContext {
  createdBy: string | null;
  /** The caller's Idempotency-Key: a retry derives the same Stripe key, so Stripe creates nothing twice either. */
  idempotencyKey: string | null;
  acceptCash: boolean;
  now: Date;
}

/**
 * Takes a payment for a booking: at the desk (cash, card_present, other: succeeded at once), from a gift card (up
 * to its balance), or online (a Stripe PaymentIntent: pending until Stripe's webhook says it succeeded). Never
 * more than is still due; nothing on a cancelled booking.
 */
export async function createPayment(tx: Queryable, gateway: StripeGateway | null, input: CreatePaymentBody, ctx: PaymentContext): Promise<{ payment: Payment; clientSecret: string | null }> {
  const money = await bookingMoney(tx, input.booking_id);
  if (money.status === 'cancelled') throw new AppError('rule_violation', 'The booking is cancelled; it takes no payments');
  const due = money.final_amount - money.amount_paid;
  if (input.amount_cents > due) {
    throw new AppError('rule_violation', `That is more than the ${due} still due on this booking`, { 'body.amount_cents': `must be at most ${due}` });
  }
  if (input.method === 'cash' && !ctx.acceptCash) throw new AppError('rule_violation', 'This organization does not take cash (policies.accept_cash)');
  const base = { bookingId: money.id, kind: 'payment' as const, method: input.method, currency: money.currency, note: input.note ?? null, createdBy: ctx.createdBy };

  if (input.method === 'gift_card') {
    const taken = await redeemGiftCard(tx, { code: input.gift_card_code!, maxCents: input.amount_cents, currency: money.currency, bookingId: money.id }, ctx.now);
    const payment = await insertPayment(tx, { ...base, amountCents: taken.amountCents, status: 'succeeded', giftCardId: taken.giftCardId, providerRef: taken.giftCardId });
    return { payment, clientSecret: null };
  }
  if (input.method === 'stripe') {
    return startOnlinePayment(tx, gateway, { booking: money, amountCents: input.amount_cents, createdBy: ctx.createdBy, key: ctx.idempotencyKey, note: input.note ?? null });
  }
  const payment = await insertPayment(tx, { ...base, amountCents: input.amount_cents, status: 'succeeded' });
  return { payment, clientSecret: null };
}

/**
 * Opens a Stripe PaymentIntent for a booking and records it as a pending payment. The Stripe idempotency key comes
 * from the booking and the caller's key (or a fresh one), and the row's id from that key: a retry after a 502/503
 * meets the same PaymentIntent at Stripe and writes the same row once.
 */
export async function startOnlinePayment(
  tx: Queryable,
  gateway: StripeGateway | null,
  p: { booking: sql.BookingMoney; amountCents: number; createdBy: string | null; key: string | null; note?: string | null },
): Promise<{ payment: Payment; clientSecret: string }> {
  if (!gateway) throw new AppError('rule_violation', 'Online payment is not configured for this installation (STRIPE_SECRET_KEY)');
  const key = stripeKey('payment', p.booking.id, p.key ?? randomUUID(), String(p.amountCents));
  const id = uuidFromKey(key);
  const intent = await gateway.createPaymentIntent({
    amountCents: p.amountCents,
    currency: p.booking.currency,
    metadata: { organization_id: await currentOrganization(tx), booking_id: p.booking.id, payment_id: id, booking_number: p.booking.booking_number },
    idempotencyKey: key,
    description: `Booking ${p.booking.booking_number}`,
  });
  const payment = await insertPayment(tx, {
    id, bookingId: p.booking.id, kind: 'payment', method: 'stripe', amountCents: p.amountCents, currency: p.booking.currency,
    status: 'pending', providerRef: intent.id, note: p.note ?? null, createdBy: p.createdBy,
  });
  return { payment, clientSecret: intent.clientSecret };
}

/**
 * A cancelled or expired booking's online payments still waiting for the customer are cancelled here, and at Stripe
 * when a gateway is given (best effort: if the customer pays anyway, the webhook refunds a cancelled booking).
 */
export async function cancelPendingOnline(tx: Queryable, gateway: StripeGateway | null, bookingId: string): Promise<void> {
  const { rows } = await tx.query<sql.PaymentRow>(sql.PENDING_ONLINE, [bookingId]);
  for (const p of rows) {
    await tx.query(sql.SET_PAYMENT_STATUS, [p.id, 'cancelled']);
    if (gateway && p.provider_ref) await gateway.cancelPaymentIntent(p.provider_ref, stripeKey('cancel', p.id)).catch(() => undefined);
  }
}

/**
 * A booking pays up to `maxCents` from a gift card (what the card still holds, at most): a `gift_card` payment.
 * Answers what the card paid (the booking path reads the booking back anyway, so the row itself is not read).
 */
export async function payFromGiftCard(tx: Queryable, p: { bookingId: string; code: string; maxCents: number; currency: string }, now: Date): Promise<number> {
  const taken = await redeemGiftCard(tx, { code: p.code, maxCents: p.maxCents, currency: p.currency, bookingId: p.bookingId }, now);
  await tx.query(sql.INSERT_PAYMENT, [
    null, p.bookingId, 'payment', null, 'gift_card', taken.amountCents, p.currency, 'succeeded', taken.giftCardId, taken.giftCardId, null, null, null,
  ]);
  return taken.amountCents;
}
export { bulkInsertPayments, type BulkPayment } from './bulk.js';
export { splitRefund } from './split.js';
