import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../support/app.js';
import { FakeStripe } from '../../support/fake-stripe.js';
import { uniqueEmail } from '../../support/fixtures.js';
import { bookingOf, moneyWorld, setPolicies, staffBooking, type MoneyWorld } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const SECRET = 'whsec_flow';

describe('Stripe payments, refunds and webhooks through the API', () => {
  const fake = new FakeStripe('sk_test_fake');
  let t: TestApp;
  let w: MoneyWorld;
  let dashboard: Stripe;

  beforeAll(async () => {
    const { url } = await fake.start();
    t = await createTestApp({ now: NOW, env: { STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_PUBLISHABLE_KEY: 'pk_test_fake', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_BASE: url, STRIPE_TIMEOUT_MS: '400' } });
    const u = new URL(url);
    // What an operator does in Stripe's dashboard, through the same fake.
    dashboard = new Stripe('sk_test_fake', { host: u.hostname, port: Number(u.port), protocol: 'http', maxNetworkRetries: 0 });
    w = await moneyWorld(t.app);
  });
  afterAll(async () => {
    await t.app.close();
    await t.tdb.drop();
    await fake.close();
  });

  const deliver = (event: Stripe.Event, secret = SECRET) => {
    const { body, header } = fake.sign(event, secret);
    return t.app.inject({ method: 'POST', url: '/api/stripe/webhook', headers: { 'content-type': 'application/json', 'stripe-signature': header }, payload: body });
  };
  const payments = async (bookingId: string) => (await call(t.app, 'GET', `/api/payments?booking_id=${bookingId}`, { token: w.staff })).body.data as { id: string; kind: string; status: string; amount_cents: number; provider_ref: string }[];
  const online = (booking_id: string, amount_cents: number, key?: string) =>
    call(t.app, 'POST', '/api/payments', { token: w.staff, body: { booking_id, method: 'stripe', amount_cents }, headers: key ? { 'idempotency-key': key } : {} });

  it('opens a PaymentIntent, and its success applies once however often it is delivered', async () => {
    const b = await staffBooking(t.app, w, '2026-06-10T14:00:00-04:00');
    const res = await online(b.id, 12_000);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ method: 'stripe', status: 'pending', amount_cents: 12_000 });
    expect(res.body.client_secret).toMatch(/^pi_.+_secret_/);
    const event = fake.succeed(res.body.provider_ref);
    const answers: { applied: boolean }[] = [];
    for (let i = 0; i < 5; i++) answers.push((await deliver(event)).json<{ applied: boolean }>());
    expect(answers.map((a) => a.applied)).toEqual([true, false, false, false, false]);
    expect(await bookingOf(t.app, w, b.id)).toMatchObject({ amount_paid: 12_000, payment_status: 'paid' });
    expect((await payments(b.id)).map((p) => p.status)).toEqual(['succeeded']);
  });

  it('ends right when a refund is reported before the success it follows', async () => {
    const b = await staffBooking(t.app, w, '2026-06-10T16:00:00-04:00');
    const pi = (await online(b.id, 12_000)).body.provider_ref as string;
    const success = fake.succeed(pi);
    await dashboard.refunds.create({ payment_intent: pi, amount: 2000 });
    const refunded = fake.refundEvent(pi);
    expect((await deliver(refunded)).json()).toMatchObject({ applied: true });
    expect((await deliver(success)).json()).toMatchObject({ applied: true });
    expect((await deliver(refunded)).json()).toMatchObject({ applied: false });
    expect(await bookingOf(t.app, w, b.id)).toMatchObject({ amount_paid: 10_000, refund_amount: 2000, payment_status: 'partial' });
    const rows = await payments(b.id);
    expect(rows.map((p) => [p.kind, p.status, p.amount_cents]).sort()).toEqual([['payment', 'succeeded', 12_000], ['refund', 'succeeded', 2000]]);
  });

  it('refunds a Stripe payment through Stripe, and the webhook confirms it', async () => {
    const b = await staffBooking(t.app, w, '2026-06-11T14:00:00-04:00');
    const p = (await online(b.id, 12_000)).body;
    await deliver(fake.succeed(p.provider_ref));
    const refund = await call(t.app, 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { amount_cents: 5000, reason: 'two players fewer' } });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(refund.body.provider_ref).toMatch(/^re_/);
    expect(fake.refunds.get(refund.body.provider_ref)).toMatchObject({ amount: 5000 });
    await deliver(fake.refundEvent(p.provider_ref));
    expect(await bookingOf(t.app, w, b.id)).toMatchObject({ amount_paid: 7000, refund_amount: 5000 });
    expect((await payments(b.id)).filter((r) => r.kind === 'refund')).toHaveLength(1);
  });

  it('answers 502 when a Stripe refund fails and refunds once on the retry, even after a lost answer', async () => {
    const b = await staffBooking(t.app, w, '2026-06-12T16:00:00-04:00');
    const p = (await online(b.id, 12_000)).body;
    await deliver(fake.succeed(p.provider_ref));
    const refund = () => call(t.app, 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { amount_cents: 3000, reason: 'late' } });
    fake.failNext(1, 500);
    const failed = await refund();
    expect(failed.status).toBe(502);
    expect((await payments(b.id)).filter((r) => r.kind === 'refund')).toEqual([]);
    // Stripe makes the refund but its answer is lost: the retry derives the same key and meets the same refund.
    fake.failNext(1, 'lost_response');
    expect((await refund()).status).toBe(503);
    const ok = await refund();
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const atStripe = [...fake.refunds.values()].filter((r) => (r as { payment_intent: string }).payment_intent === p.provider_ref);
    expect(atStripe).toHaveLength(1);
    expect(await bookingOf(t.app, w, b.id)).toMatchObject({ refund_amount: ok.body.status === 'succeeded' ? 3000 : 0 });
  });

  it('refuses bad signatures and unknown events, writing nothing', async () => {
    const b = await staffBooking(t.app, w, '2026-06-11T16:00:00-04:00');
    const pi = (await online(b.id, 12_000)).body.provider_ref as string;
    const event = fake.succeed(pi);
    const forged = await deliver(event, 'whsec_someone_else');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_signature');
    const missing = await t.app.inject({ method: 'POST', url: '/api/stripe/webhook', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(event) });
    expect(missing.json().code).toBe('invalid_signature');
    const unknown = await deliver({ ...event, id: 'evt_unknown_type', type: 'customer.created' } as unknown as Stripe.Event);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation_failed');
    expect((await payments(b.id)).map((p) => p.status)).toEqual(['pending']);
    // An event about a PaymentIntent this API did not open: acknowledged, nothing changes.
    const foreign = await dashboard.paymentIntents.create({ amount: 500, currency: 'usd' });
    expect((await deliver(fake.succeed(foreign.id))).json()).toEqual({ received: true, applied: false });
  });

  it('answers 502 or 503 when Stripe fails, leaves nothing behind, and a retry with the key completes once', async () => {
    const b = await staffBooking(t.app, w, '2026-06-12T14:00:00-04:00');
    fake.failNext(1, 500);
    const failed = await online(b.id, 4000, 'retry-me');
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('bad_gateway');
    fake.failNext(1, 'hang');
    const started = Date.now();
    const hung = await online(b.id, 4000, 'retry-me');
    expect(hung.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await payments(b.id)).toEqual([]);
    const ok = await online(b.id, 4000, 'retry-me');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const again = await online(b.id, 4000, 'retry-me');
    expect(again.body.id).toBe(ok.body.id);
    expect(await payments(b.id)).toHaveLength(1);
    expect([...fake.paymentIntents.values()].filter((pi) => pi.metadata.booking_id === b.id)).toHaveLength(1);
  });

  it('checks out online in the widget: pending until paid, released when the time runs out', async () => {
    await setPolicies(t.app, w, { payment_mode: 'required' });
    const book = (start_at: string) =>
      call(t.app, 'POST', `/api/public/venues/${w.venue.embed_key}/bookings`, {
        body: { game_id: w.game.id, start_at, party_size: 2, customer: { full_name: 'Olive Online', email: uniqueEmail('online') } },
      });
    const paid = await book('2026-06-13T14:00:00-04:00');
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    // What the widget needs to show Stripe's Payment Element (the browser tests have no network to load Stripe.js).
    expect(paid.body).toMatchObject({ status: 'pending', payment: { amount_cents: 6000, publishable_key: 'pk_test_fake' } });
    expect(paid.body.payment.client_secret).toMatch(/^pi_.+_secret_/);
    const pi = [...fake.paymentIntents.values()].find((x) => x.client_secret === paid.body.payment.client_secret)!;
    await deliver(fake.succeed(pi.id));
    const view = await call(t.app, 'GET', `/api/public/bookings/${paid.body.booking_number}?token=${paid.body.manage_token}`);
    expect(view.body).toMatchObject({ status: 'confirmed', payment_status: 'paid', payment_due_by: null });

    const abandoned = await book('2026-06-13T16:00:00-04:00');
    expect(abandoned.body.status).toBe('pending');
    expect((await book('2026-06-13T16:00:00-04:00')).status).toBe(409);
    t.clock.now = new Date(NOW.getTime() + 11 * 60_000);
    const next = await book('2026-06-13T16:00:00-04:00');
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const gone = await call(t.app, 'GET', `/api/public/bookings/${abandoned.body.booking_number}?token=${abandoned.body.manage_token}`);
    expect(gone.body.status).toBe('cancelled');
    // The customer pays the abandoned checkout anyway: the money goes straight back.
    const late = [...fake.paymentIntents.values()].find((x) => x.client_secret === abandoned.body.payment.client_secret)!;
    expect((await deliver(fake.succeed(late.id))).json()).toMatchObject({ applied: true });
    const after = await call(t.app, 'GET', `/api/public/bookings/${abandoned.body.booking_number}?token=${abandoned.body.manage_token}`);
    expect(after.body).toMatchObject({ status: 'cancelled', amount_paid: 0, refund_amount: 6000 });
    t.clock.now = NOW;
    await setPolicies(t.app, w, { payment_mode: 'none' });
  });
});
