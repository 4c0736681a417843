import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, useBrowser } from '../support/browser.js';
import { FakeStripe } from '../support/fake-stripe.js';
import { useLiveApp } from '../support/live.js';
import { setPolicies } from '../support/money.js';
import { venueDate, widgetWorld } from '../support/widget.js';

// Online payment in the widget (policies.payment_mode: required). Tests have no network, so both of Stripe's ends
// are test doubles at their HTTP boundary: the API server talks to FakeStripe (test/support/fake-stripe.ts), and
// the browser's request for https://js.stripe.com/v3/ is answered with a stand-in Stripe.js that mounts a form
// and confirms at once. What is proven: the widget loads Stripe.js from Stripe's address (allowed by the page's
// CSP) only for such a checkout, with the publishable key and the PaymentIntent's client secret the booking
// answered, and confirms; the webhook then confirms the booking. Stripe's real Payment Element is not exercised.

const STAND_IN_STRIPE_JS = `
window.Stripe = function (publishableKey) {
  window.__stripe = { publishableKey: publishableKey };
  return {
    elements: function (options) {
      window.__stripe.clientSecret = options.clientSecret;
      return { create: function () { return { mount: function (el) { el.textContent = 'Card details (test stand-in)'; }, destroy: function () {} }; } };
    },
    confirmPayment: function () { window.__stripe.confirmed = true; return Promise.resolve({}); },
  };
};`;

const WEBHOOK_SECRET = 'whsec_widget';

describe('booking widget: online payment', () => {
  const fake = new FakeStripe('sk_test_fake');
  let stripeApi = '';
  beforeAll(async () => {
    stripeApi = (await fake.start()).url;
  });
  afterAll(() => fake.close());
  const live = useLiveApp({
    env: () => ({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_PUBLISHABLE_KEY: 'pk_test_widget', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripeApi }),
  });
  const browser = useBrowser();

  it('loads Stripe.js only for an online checkout, pays with the booking’s client secret, and the webhook confirms it', async () => {
    const { app, url } = live();
    const w = await widgetWorld(app);
    await setPolicies(app, w, { payment_mode: 'required' });

    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    const stripeRequests: string[] = [];
    await page.route('https://js.stripe.com/**', async (route) => {
      stripeRequests.push(route.request().url());
      await route.fulfill({ contentType: 'application/javascript', body: STAND_IN_STRIPE_JS });
    });
    await page.goto(`${url}/book/${w.venue.embed_key}`);
    await page.getByRole('button', { name: 'Pharaoh’s Tomb', exact: true }).click();
    await page.getByLabel('Date').fill(venueDate(5));
    await page.getByRole('button', { name: '16:00', exact: true }).click();
    await page.getByLabel('Full name').fill('Pia Payer');
    await page.getByLabel('Email').fill('pia@example.com');
    await expect.poll(() => page.locator('.quote').textContent()).toContain('To pay online$50.00');
    // Nothing of Stripe's is loaded before there is something to pay.
    expect(stripeRequests).toEqual([]);
    await page.getByRole('button', { name: 'Book', exact: true }).click();

    await page.getByRole('heading', { name: 'Payment' }).waitFor();
    await page.getByText('Card details (test stand-in)').waitFor();
    await expectAccessible(page, 'payment step');
    expect(stripeRequests).toEqual(['https://js.stripe.com/v3/']);
    const handed = await page.evaluate(() => (window as unknown as { __stripe: { publishableKey: string; clientSecret: string } }).__stripe);
    const intent = [...fake.paymentIntents.values()].find((pi) => pi.client_secret === handed.clientSecret);
    expect(handed.publishableKey).toBe('pk_test_widget');
    expect(intent).toMatchObject({ amount: 5000 });

    await page.getByRole('button', { name: 'Pay $50.00' }).click();
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    expect(await page.locator('.summary').textContent()).toContain('PaymentReceived, thank you');
    const number = (await page.locator('.booking-number').textContent())!;

    // Stripe tells the server: the booking is confirmed and paid.
    const { body, header } = fake.sign(fake.succeed(intent!.id), WEBHOOK_SECRET);
    const hook = await app.inject({ method: 'POST', url: '/api/stripe/webhook', headers: { 'content-type': 'application/json', 'stripe-signature': header }, payload: body });
    expect(hook.statusCode).toBe(200);
    const booking = await call(app, 'GET', `/api/bookings?q=${number}`, { token: w.staff });
    expect(booking.body.data[0]).toMatchObject({ status: 'confirmed', payment_status: 'paid', amount_paid: 5000 });
    expectNoProblems();
  });
});
