import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { AppError } from '../../../src/http/errors.js';
import { stripeGateway, type StripeGateway } from '../../../src/modules/payments/stripe.js';
import { FakeStripe } from '../../support/fake-stripe.js';

const WEBHOOK_SECRET = 'whsec_fake';
const TIMEOUT_MS = 300;

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a throw');
}

describe('the Stripe gateway, through the real SDK, against a local fake', () => {
  const fake = new FakeStripe('sk_test_fake');
  let gateway: StripeGateway;
  let url: string;
  let n = 0;
  const key = () => `test-key-${++n}`;

  beforeAll(async () => {
    ({ url } = await fake.start());
    gateway = (await stripeGateway(
      loadConfig({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: url, STRIPE_TIMEOUT_MS: String(TIMEOUT_MS) }),
    ))!;
  });
  afterAll(() => fake.close());

  const paidIntent = async (amountCents = 5000) => {
    const pi = await gateway.createPaymentIntent({ amountCents, currency: 'USD', metadata: { booking_id: 'b1' }, idempotencyKey: key() });
    fake.succeed(pi.id);
    return pi;
  };

  it('is off (null) without a secret key', async () => {
    expect(await stripeGateway(loadConfig({}))).toBeNull();
    expect(await stripeGateway(loadConfig({ STRIPE_SECRET_KEY: '' }))).toBeNull();
  });

  it('creates a PaymentIntent in minor units, lower-cased currency, with metadata and the caller\'s idempotency key', async () => {
    const idempotencyKey = key();
    const pi = await gateway.createPaymentIntent({ amountCents: 4900, currency: 'EUR', metadata: { booking_id: 'b1', organization_id: 'o1' }, idempotencyKey, description: 'Booking BK-1' });
    expect(pi).toMatchObject({ id: expect.stringMatching(/^pi_/), clientSecret: expect.stringContaining('_secret_'), status: 'requires_payment_method' });
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/payment_intents', idempotencyKey });
    expect(sent.body).toEqual({ amount: '4900', currency: 'eur', metadata: { booking_id: 'b1', organization_id: 'o1' }, description: 'Booking BK-1' });
  });

  it('retrieves a PaymentIntent: status, amount received, currency (upper-cased) and metadata', async () => {
    const pi = await paidIntent(4900);
    expect(await gateway.retrievePaymentIntent(pi.id)).toEqual({ id: pi.id, status: 'succeeded', amountReceived: 4900, currency: 'USD', metadata: { booking_id: 'b1' } });
  });

  it('cancels a PaymentIntent; cancelling it again is done, cancelling a paid one is refused', async () => {
    const pi = await gateway.createPaymentIntent({ amountCents: 1000, currency: 'usd', metadata: {}, idempotencyKey: key() });
    await gateway.cancelPaymentIntent(pi.id, key());
    expect(fake.paymentIntents.get(pi.id)!.status).toBe('canceled');
    await gateway.cancelPaymentIntent(pi.id, key());
    const paid = await paidIntent();
    const err = await failure(gateway.cancelPaymentIntent(paid.id, key()));
    expect(err).toMatchObject({ code: 'rule_violation', status: 422 });
    expect(err.message).toContain('status of succeeded');
  });

  it('refunds part, then the rest, then refuses more than is left', async () => {
    const pi = await paidIntent(5000);
    const part = await gateway.createRefund({ paymentIntentId: pi.id, amountCents: 2000, idempotencyKey: key(), metadata: { payment_id: 'p1' } });
    expect(part).toMatchObject({ id: expect.stringMatching(/^re_/), status: 'succeeded', amountCents: 2000 });
    const over = await failure(gateway.createRefund({ paymentIntentId: pi.id, amountCents: 3001, idempotencyKey: key(), metadata: {} }));
    expect(over).toMatchObject({ code: 'rule_violation', status: 422 });
    expect(over.message).toContain('greater than unrefunded amount');
    const rest = await gateway.createRefund({ paymentIntentId: pi.id, amountCents: 3000, idempotencyKey: key(), metadata: {} });
    expect(rest.amountCents).toBe(3000);
    expect(await failure(gateway.createRefund({ paymentIntentId: pi.id, amountCents: 1, idempotencyKey: key(), metadata: {} }))).toMatchObject({ code: 'rule_violation' });
    const event = fake.refundEvent(pi.id);
    expect(event).toMatchObject({ type: 'charge.refunded', data: { object: { amount_refunded: 5000, refunded: true, payment_intent: pi.id } } });
  });

  it('with the same idempotency key creates one PaymentIntent and returns it again; another body with that key is a conflict', async () => {
    const input = { amountCents: 2500, currency: 'usd', metadata: { booking_id: 'b2' }, idempotencyKey: key() };
    const before = fake.paymentIntents.size;
    const first = await gateway.createPaymentIntent(input);
    const again = await gateway.createPaymentIntent(input);
    expect(again).toEqual(first);
    expect(fake.paymentIntents.size).toBe(before + 1);
    expect(await failure(gateway.createPaymentIntent({ ...input, amountCents: 2600 }))).toMatchObject({ code: 'idempotency_conflict', status: 409 });
  });

  it('after a lost answer, the retry with the same key gets the PaymentIntent the first call made', async () => {
    const input = { amountCents: 1500, currency: 'usd', metadata: {}, idempotencyKey: key() };
    const before = fake.paymentIntents.size;
    fake.failNext(1, 'lost_response');
    expect(await failure(gateway.createPaymentIntent(input))).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(fake.paymentIntents.size).toBe(before + 1);
    const retried = await gateway.createPaymentIntent(input);
    expect(fake.paymentIntents.size).toBe(before + 1);
    expect(fake.paymentIntents.has(retried.id)).toBe(true);
  });

  it('maps Stripe 500 to 502 bad_gateway, once: the SDK does not retry, the client does', async () => {
    const count = fake.requests.length;
    fake.failNext(1, 500);
    const err = await failure(gateway.createPaymentIntent({ amountCents: 1000, currency: 'usd', metadata: {}, idempotencyKey: key() }));
    expect(err).toMatchObject({ code: 'bad_gateway', status: 502, message: 'The payment provider failed; retry with the same Idempotency-Key' });
    expect(err.cause).toMatchObject({ provider: 'stripe', statusCode: 500 });
    expect(fake.requests.length).toBe(count + 1);
    const retrieve = await failure((fake.failNext(1, 500), gateway.retrievePaymentIntent('pi_any')));
    expect(retrieve.code).toBe('bad_gateway');
  });

  it('answers 503 service_unavailable within about STRIPE_TIMEOUT_MS when Stripe does not answer', async () => {
    fake.failNext(1, 'hang');
    const started = Date.now();
    const err = await failure(gateway.createPaymentIntent({ amountCents: 1000, currency: 'usd', metadata: {}, idempotencyKey: key() }));
    const took = Date.now() - started;
    expect(err).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(err.headers).toEqual({ 'retry-after': '2' });
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(took).toBeLessThan(3000);
  });

  it('answers 503 when nothing listens at STRIPE_API_BASE', async () => {
    const nowhere = new FakeStripe();
    const { url: closed } = await nowhere.start();
    await nowhere.close();
    const offline = (await stripeGateway(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_API_BASE: closed, STRIPE_TIMEOUT_MS: String(TIMEOUT_MS) })))!;
    expect(await failure(offline.retrievePaymentIntent('pi_x'))).toMatchObject({ code: 'service_unavailable' });
  });

  it('maps a declined card to 422 rule_violation with Stripe\'s message, and a wrong key to 503 without it', async () => {
    fake.failNext(1, 'card_declined');
    const declined = await failure(gateway.createPaymentIntent({ amountCents: 1000, currency: 'usd', metadata: {}, idempotencyKey: key() }));
    expect(declined).toMatchObject({ code: 'rule_violation', status: 422, message: 'Your card was declined.' });
    const wrongKey = (await stripeGateway(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_wrong', STRIPE_API_BASE: url })))!;
    const refused = await failure(wrongKey.retrievePaymentIntent('pi_x'));
    expect(refused).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(refused.message).not.toContain('sk_');
  });

  it('maps an unknown PaymentIntent to 422 rule_violation', async () => {
    expect(await failure(gateway.retrievePaymentIntent('pi_missing'))).toMatchObject({ code: 'rule_violation', message: "No such payment_intent: 'pi_missing'" });
  });

  describe('verifyEvent', () => {
    it('returns the event when the signature is good, over a string or a Buffer', async () => {
      const pi = await gateway.createPaymentIntent({ amountCents: 1000, currency: 'usd', metadata: { booking_id: 'b9' }, idempotencyKey: key() });
      const { body, header } = fake.sign(fake.succeed(pi.id), WEBHOOK_SECRET);
      const event = gateway.verifyEvent(body, header);
      expect(event).toMatchObject({ type: 'payment_intent.succeeded', data: { object: { id: pi.id, status: 'succeeded', metadata: { booking_id: 'b9' } } } });
      expect(gateway.verifyEvent(Buffer.from(body), header).id).toBe(event.id);
      const failed = fake.sign(fake.failEvent(pi.id), WEBHOOK_SECRET);
      expect(gateway.verifyEvent(failed.body, failed.header).type).toBe('payment_intent.payment_failed');
    });

    it('refuses a wrong secret, a changed body, a missing header and a stale timestamp with 400 invalid_signature', async () => {
      const pi = await paidIntent();
      const event = fake.succeed(pi.id);
      const other = fake.sign(event, 'whsec_other');
      expect(thrown(() => gateway.verifyEvent(other.body, other.header))).toMatchObject({ code: 'invalid_signature', status: 400 });
      const good = fake.sign(event, WEBHOOK_SECRET);
      expect(thrown(() => gateway.verifyEvent(good.body.replace('succeeded', 'canceled'), good.header)).code).toBe('invalid_signature');
      expect(thrown(() => gateway.verifyEvent(good.body, undefined)).code).toBe('invalid_signature');
      expect(thrown(() => gateway.verifyEvent(good.body, '')).code).toBe('invalid_signature');
      expect(thrown(() => gateway.verifyEvent(good.body, 'garbage')).code).toBe('invalid_signature');
      const stale = fake.sign(event, WEBHOOK_SECRET, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      expect(thrown(() => gateway.verifyEvent(stale.body, stale.header)).code).toBe('invalid_signature');
    });

    it('refuses every event when no webhook secret is configured', async () => {
      const noSecret = (await stripeGateway(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_API_BASE: url })))!;
      const pi = await paidIntent();
      const { body, header } = fake.sign(fake.succeed(pi.id), WEBHOOK_SECRET);
      expect(thrown(() => noSecret.verifyEvent(body, header))).toMatchObject({ code: 'invalid_signature', message: 'Stripe webhooks are not configured on this server' });
    });
  });
});
