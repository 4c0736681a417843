import type Stripe from 'stripe';
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import type { StripeGateway } from './stripe.js';
import * as sql from './sql.js';
import { refundPayment } from './refunds.js';
import { bookingMoney, insertPayment } from './rows.js';

/** The events this API applies (docs/stripe.md); any other type is refused, 400. */
export const HANDLED_EVENTS = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'charge.refunded'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organization a verified event belongs to, from the metadata our PaymentIntents carry (a charge carries its
 * PaymentIntent's, or Stripe is asked). null for objects this API did not create (a `stripe trigger` test event,
 * another integration on the same account): those are acknowledged and change nothing.
 */
export async function organizationOfEvent(gateway: StripeGateway, event: Stripe.Event): Promise<string | null> {
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) {
    throw new AppError('validation_failed', `Stripe event type ${event.type} is not handled`, { type: `one of ${HANDLED_EVENTS.join(', ')}` });
  }
  const object = event.data.object as { metadata?: Record<string, string> | null; payment_intent?: string | { id: string } | null };
  let org = object.metadata?.organization_id;
  if (!org && event.type === 'charge.refunded' && object.payment_intent) {
    const pi = typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent.id;
    org = (await gateway.retrievePaymentIntent(pi)).metadata.organization_id;
  }
  return org && UUID.test(org) ? org : null;
}

/** The payment row of a PaymentIntent, made from its metadata if the request that opened it never committed. */
async function paymentOfIntent(tx: Queryable, intent: { id: string; amount: number; currency: string; metadata: Record<string, string> }): Promise<sql.PaymentRow | null> {
  const found = await tx.query<sql.PaymentRow>(sql.SELECT_BY_PROVIDER_REF, [intent.id]);
  if (found.rows[0]) return found.rows[0];
  const bookingId = intent.metadata.booking_id;
  if (!bookingId || !UUID.test(bookingId)) return null;
  const booking = await bookingMoney(tx, bookingId).catch(() => null);
  if (!booking) return null;
  const paymentId = intent.metadata.payment_id && UUID.test(intent.metadata.payment_id) ? intent.metadata.payment_id : null;
  await insertPayment(tx, {
    id: paymentId, bookingId, kind: 'payment', method: 'stripe', amountCents: intent.amount, currency: intent.currency.toUpperCase(),
    status: 'pending', providerRef: intent.id, note: 'Recorded from Stripe',
  });
  return (await tx.query<sql.PaymentRow>(sql.SELECT_BY_PROVIDER_REF, [intent.id])).rows[0] ?? null;
}

/** Marks a payment succeeded; a booking cancelled before its money arrived gets it all back at once. */
async function succeeded(tx: Queryable, gateway: StripeGateway, payment: sql.PaymentRow): Promise<void> {
  if (payment.status === 'succeeded') return;
  await tx.query(sql.SET_PAYMENT_STATUS, [payment.id, 'succeeded']);
  const booking = await bookingMoney(tx, payment.booking_id);
  if (booking.status === 'cancelled') {
    await refundPayment(tx, gateway, payment.id, { reason: 'The booking was cancelled before the payment arrived', createdBy: null });
  }
}

/**
 * Applies one verified event in the organization's transaction, once: the event id is recorded with the change, so
 * a replay finds it and changes nothing. Each handler moves rows to the state the event proves, never by a delta,
 * so events in any order end in the same state: a `charge.refunded` that arrives before the
 * `payment_intent.succeeded` it follows first marks the payment succeeded (a refunded charge was paid), and the
 * late success then finds nothing to do.
 */
export async function applyStripeEvent(tx: Queryable, gateway: StripeGateway, event: Stripe.Event): Promise<boolean> {
  const { rows } = await tx.query(sql.CLAIM_EVENT, [event.id, event.type]);
  if (rows.length === 0) return false;
  if (event.type === 'payment_intent.succeeded' || event.type === 'payment_intent.payment_failed') {
    const pi = event.data.object;
    const payment = await paymentOfIntent(tx, { id: pi.id, amount: pi.amount, currency: pi.currency, metadata: pi.metadata });
    if (!payment) return false;
    if (event.type === 'payment_intent.succeeded') await succeeded(tx, gateway, payment);
    else if (payment.status === 'pending') await tx.query(sql.SET_PAYMENT_STATUS, [payment.id, 'failed']);
    return true;
  }
  const charge = event.data.object as Stripe.Charge;
  const piId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!piId) return false;
  const pi = await gateway.retrievePaymentIntent(piId);
  const payment = await paymentOfIntent(tx, { id: pi.id, amount: charge.amount, currency: charge.currency, metadata: pi.metadata });
  if (!payment) return false;
  if (payment.status !== 'succeeded') await tx.query(sql.SET_PAYMENT_STATUS, [payment.id, 'succeeded']);
  await reconcileRefunds(tx, payment.id, charge.amount_refunded);
  return true;
}

/**
 * Brings a payment's refund rows to what Stripe reports refunded in all (`amount_refunded` is cumulative, and the
 * event's charge lists no refunds under current API versions): our pending refunds succeed in order while they
 * fit, and what Stripe refunded beyond our rows (a refund made in Stripe's dashboard) becomes a row of its own.
 */
async function reconcileRefunds(tx: Queryable, paymentId: string, amountRefunded: number): Promise<void> {
  const { rows } = await tx.query<sql.PaymentRow>(sql.SELECT_REFUNDS, [paymentId]);
  let accounted = rows.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amount_cents, 0);
  for (const r of rows) {
    if (r.status === 'pending' && accounted + r.amount_cents <= amountRefunded) {
      await tx.query(sql.SET_PAYMENT_STATUS, [r.id, 'succeeded']);
      accounted += r.amount_cents;
    }
  }
  if (amountRefunded > accounted) {
    const parent = (await tx.query<sql.PaymentRow>(sql.SELECT_PAYMENT, [paymentId])).rows[0]!;
    await insertPayment(tx, {
      bookingId: parent.booking_id, kind: 'refund', parentId: parent.id, method: 'stripe', amountCents: amountRefunded - accounted,
      currency: parent.currency.trim(), status: 'succeeded', providerRef: `${parent.provider_ref}:refunded:${amountRefunded}`,
      reason: 'Refunded in Stripe',
    });
  }
}
