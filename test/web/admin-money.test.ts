import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, screenshot, tabTo, useBrowser } from '../support/browser.js';
import { createGame, createVenue } from '../support/catalog.js';
import { addUser, signupOrg, uniqueEmail } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';

// The admin app's money pages on a 360 px phone: payments and refunds, gift cards, coupons, and what a staff member
// is not offered. Fixtures go through the API; what the pages did is checked through the API as well. With
// SCREENSHOTS=1 each page is saved to docs/screenshots/.

interface World {
  admin: string;
  manager: { token: string; email: string };
  staff: { token: string; email: string };
  venue: { id: string; embed_key: string };
  game: { id: string };
}

/** Escape Works (USD, New York): an admin, a manager and a staff member, one venue, one game at 30.00 a player. */
async function world(app: FastifyInstance): Promise<World> {
  const owner = await signupOrg(app);
  const venue = await createVenue(app, owner.token);
  const game = await createGame(app, owner.token, { name: 'The Vault', price_cents: 3000, venue_ids: [venue.id], min_notice_minutes: 0 });
  return { admin: owner.token, manager: await addUser(app, owner.token, 'manager'), staff: await addUser(app, owner.token, 'staff'), venue, game };
}

/** 14:00 at the venue, `days` from now. */
const startAt = (days: number) => DateTime.now().setZone('America/New_York').plus({ days }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toISO()!;

/** A booking for 4 (120.00) paid in full at the desk. */
async function paidBooking(app: FastifyInstance, w: World, days: number) {
  const booking = await call(app, 'POST', '/api/bookings', {
    token: w.staff.token,
    body: { game_id: w.game.id, venue_id: w.venue.id, start_at: startAt(days), party_size: 4, customer: { full_name: 'Pat Payer', email: uniqueEmail('payer') } },
  });
  expect(booking.status, JSON.stringify(booking.body)).toBe(201);
  const payment = await call(app, 'POST', '/api/payments', { token: w.staff.token, body: { booking_id: booking.body.id, method: 'card_present', amount_cents: 12000 } });
  expect(payment.status, JSON.stringify(payment.body)).toBe(201);
  return { bookingId: booking.body.id as string, paymentId: payment.body.id as string };
}

/** The text of the error tied to an input (its aria-describedby), as a screen reader reads it with the field. */
async function fieldError(page: Page, label: string): Promise<string | null> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? page.locator(`[id="${errorId}"]`).textContent() : null;
}

describe('admin app: money pages', () => {
  const live = useLiveApp();
  const browser = useBrowser();

  it('lists payments with filters, refunds part of one, and shows an over-refund next to the amount', async () => {
    const { app } = live();
    const w = await world(app);
    const { bookingId, paymentId } = await paidBooking(app, w, 3);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^POST \/api\/payments\/[^/]+\/refund 422$/] });
    await signInBrowser(live(), context, w.manager.email);
    await page.goto(`${live().url}/payments`);
    await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'View booking' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'View booking' }).first().getAttribute('href')).toBe(`/bookings/${bookingId}`);
    await expectAccessible(page, 'payments list');

    // More than was paid: the API refuses (422) and its message stands under the amount.
    await page.getByRole('button', { name: /^Refund \$120\.00/ }).click();
    await page.getByRole('heading', { name: 'Refund a payment' }).waitFor();
    expect(await page.getByLabel('Refund amount').inputValue()).toBe('120.00');
    await page.getByLabel('Refund amount').fill('150.00');
    await page.getByLabel('Reason').fill('Customer complaint');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByRole('dialog', { name: 'Refund?' }).waitFor();
    await expectAccessible(page, 'refund confirmation');
    await page.getByRole('button', { name: 'Refund now' }).click();
    await expect.poll(() => fieldError(page, 'Refund amount')).toMatch(/more than the 12000 left/);
    expect(await page.getByLabel('Refund amount').getAttribute('aria-invalid')).toBe('true');
    expect((await call(app, 'GET', `/api/payments/${paymentId}`, { token: w.manager.token })).body.refunds).toEqual([]);

    // With the keyboard: 20.00 back, confirmed in the dialog.
    await page.getByLabel('Refund amount').fill('20.00');
    await tabTo(page, page.getByRole('button', { name: 'Refund', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Refund now' }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Refund now');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Refunded' }).textContent()).toBe('Refunded $20.00.');

    const refunds = (await call(app, 'GET', `/api/payments/${paymentId}`, { token: w.manager.token })).body.refunds as { amount_cents: number; status: string; reason: string }[];
    expect(refunds).toMatchObject([{ amount_cents: 2000, status: 'succeeded', reason: 'Customer complaint' }]);
    await page.getByRole('cell', { name: 'Refund', exact: true }).waitFor();
    await expect.poll(() => page.getByText('$20.00 refunded').count()).toBe(1);

    // The kind filter: refunds only.
    await page.getByLabel('Kind').selectOption('refund');
    await expect.poll(() => page.getByRole('cell', { name: 'Payment', exact: true }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'Refund', exact: true }).count()).toBe(1);
    await page.getByLabel('Kind').selectOption('');
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'admin-payments');
    expectNoProblems();
  });

  it('issues a gift card whose balance the widget looks up, adjusts it, and disables it', async () => {
    const { app } = live();
    const w = await world(app);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, w.manager.email);
    await page.goto(`${live().url}/gift-cards`);
    await page.getByText(/No gift cards yet/).waitFor();
    await expectAccessible(page, 'empty gift cards');

    await page.getByRole('button', { name: 'Issue gift card' }).click();
    await page.getByLabel('Amount').fill('50.00');
    await page.getByLabel('Recipient name').fill('Robin Gift');
    await page.getByLabel('Recipient email').fill('robin@example.com');
    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    const heading = page.getByRole('heading', { name: /^Gift card / });
    await heading.waitFor();
    const code = (await heading.textContent())!.replace('Gift card ', '').replace(/-/g, '');
    expect(code).toMatch(/^[2-9A-Z]{16}$/);
    const lookup = () => call(app, 'GET', `/api/public/venues/${w.venue.embed_key}/gift-cards/${code}`);
    expect((await lookup()).body).toMatchObject({ balance_cents: 5000, currency: 'USD', status: 'active' });

    // A debit with a reason: one more ledger line, and the widget sees the new balance.
    await page.getByLabel('Adjustment', { exact: true }).fill('-12.50');
    await page.getByLabel('Adjustment reason').fill('Paid part in cash');
    await page.getByRole('button', { name: 'Adjust', exact: true }).click();
    await expect.poll(() => page.locator('.facts dd.big').textContent()).toBe('$37.50');
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(3);
    expect((await lookup()).body.balance_cents).toBe(3750);
    await expectAccessible(page, 'gift card detail');
    await screenshot(page, 'admin-gift-cards');

    await page.getByRole('button', { name: 'Disable gift card' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable gift card' }).click();
    await page.getByRole('button', { name: 'Enable gift card' }).waitFor();
    expect((await lookup()).body.status).toBe('disabled');

    // The list finds it by the recipient.
    await page.getByRole('link', { name: 'Gift cards' }).first().click();
    await page.getByLabel('Search').fill('robin');
    await expect.poll(() => page.getByRole('link', { name: code.replace(/(.{4})(?=.)/g, '$1-') }).count()).toBe(1);
    expectNoProblems();
  });

  it('creates a coupon that a quote applies, shows its redemptions, and disables it', async () => {
    const { app } = live();
    const w = await world(app);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^POST \/api\/coupons 409$/] });
    await signInBrowser(live(), context, w.manager.email);
    await page.goto(`${live().url}/coupons`);
    await page.getByText(/No coupons yet/).waitFor();

    await page.getByRole('button', { name: 'New coupon' }).click();
    await page.getByLabel('Code', { exact: true }).fill('SPRING20');
    await page.getByLabel('Percent off').fill('20');
    await page.getByLabel('Total uses').fill('10');
    await page.getByLabel('Uses per customer').fill('1');
    await page.getByLabel('Minimum party size').fill('2');
    await page.getByRole('checkbox', { name: 'The Vault' }).check();
    await expectAccessible(page, 'coupon form');
    await page.getByRole('button', { name: 'Create coupon' }).click();
    await page.getByRole('cell', { name: 'SPRING20', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: '0 of 10 used; 1 per customer' }).count()).toBe(1);

    const quote = () =>
      call(app, 'POST', '/api/bookings/quote', { token: w.staff.token, body: { game_id: w.game.id, venue_id: w.venue.id, start_at: startAt(5), party_size: 4, coupon_code: 'spring20' } });
    expect((await quote()).body).toMatchObject({ subtotal_cents: 12000, discount_cents: 2400 });

    // A booking with the code counts as a redemption on the page.
    const booked = await call(app, 'POST', '/api/bookings', {
      token: w.staff.token,
      body: { game_id: w.game.id, venue_id: w.venue.id, start_at: startAt(6), party_size: 4, coupon_code: 'SPRING20', customer: { full_name: 'Cody Coupon', email: uniqueEmail('c') } },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await page.reload();
    await page.getByRole('cell', { name: '1 of 10 used; 1 per customer' }).waitFor();

    // The same code again: the API's 409 stands under Code.
    await page.getByRole('button', { name: 'New coupon' }).click();
    await page.getByLabel('Code', { exact: true }).fill('spring20');
    await page.getByLabel('Percent off').fill('5');
    await page.getByRole('button', { name: 'Create coupon' }).click();
    await expect.poll(() => fieldError(page, 'Code')).toBeTruthy();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(page, 'coupons list');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'admin-coupons');

    // Editing keeps the code and its count; the quote follows the new value.
    await page.getByRole('button', { name: 'Edit SPRING20' }).click();
    await expect.poll(() => page.getByLabel('Percent off').inputValue()).toBe('20');
    await page.getByLabel('Percent off').fill('25');
    await page.getByRole('button', { name: 'Save coupon' }).click();
    await page.getByRole('cell', { name: /^25% off/ }).waitFor();
    expect((await quote()).body).toMatchObject({ discount_cents: 3000 });

    await page.getByRole('button', { name: 'Disable SPRING20' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).click();
    await page.getByRole('button', { name: 'Enable SPRING20' }).waitFor();
    expect((await quote()).body).toMatchObject({ code: 'invalid_code' });
    expectNoProblems();
  });

  it('offers a staff member payments without refunds, and no coupons or gift cards', async () => {
    const { app } = live();
    const w = await world(app);
    await paidBooking(app, w, 4);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, w.staff.email);
    await page.goto(`${live().url}/payments`);
    await page.getByRole('link', { name: 'View booking' }).waitFor();
    expect(await page.getByRole('button', { name: /Refund/ }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Payments' }).count()).toBe(1);
    for (const hidden of ['Coupons', 'Gift cards', 'Webhooks', 'Messages']) expect(await nav.getByRole('link', { name: hidden }).count(), hidden).toBe(0);
    await expectAccessible(page, 'payments for staff');

    // Typing the address of a manager's page leads home.
    await page.goto(`${live().url}/coupons`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.goto(`${live().url}/gift-cards`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expectNoProblems();
  });
});
