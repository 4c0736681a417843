import { describe, expect, it, vi } from 'vitest';
import { call } from '../support/app.js';
import { bookingIdOf, expectNoSidewaysScroll, opsWorld, slotAt, widgetBooking, type OpsWorld } from '../support/admin.js';
import { DESKTOP, expectAccessible, openPage, PHONE, screenshot, useBrowser } from '../support/browser.js';
import { signInBrowser, useLiveApp } from '../support/live.js';
import { venueDate } from '../support/widget.js';

// The operator's day in the admin app: make a booking, move it, take and refund money, cancel it; change many
// bookings' status at once; check a group in by its typed code. What a role may not do is not offered to it.

describe('admin app: bookings, the booking page and check-in', () => {
  const live = useLiveApp();
  const browser = useBrowser();
  // The business, made by whichever test runs first (each can run alone: `-t`).
  let w: OpsWorld;
  const world = async () => (w ??= await opsWorld(live().app));

  it('creates a booking for a new customer with the live quote, moves it, records and refunds a payment, and cancels it', async () => {
    const { app, url } = live();
    await world();
    const date = venueDate(5);
    const { page, expectNoProblems } = await openPage(browser(), { viewport: DESKTOP, allow: [/^POST \/api\/bookings 400$/] });
    await signInBrowser(live(), page.context(), w.manager.email);

    await page.goto(`${url}/bookings/new`);
    await page.getByRole('heading', { name: 'New booking' }).waitFor();
    await page.getByLabel('Party size').selectOption('4');
    await page.getByLabel('Date').fill(date);
    await page.getByRole('button', { name: '15:00', exact: true }).click();
    await expect.poll(() => page.locator('.quote').textContent()).toContain('Total$100.00');
    await page.getByLabel('Full name').fill('Jordan Desk');
    // The browser takes this address; the API does not, and says so next to the field.
    await page.getByLabel('Email').fill('jordan@example');
    await page.getByRole('button', { name: 'Book 15:00' }).click();
    await expect.poll(() => page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new booking with an error');
    await page.getByLabel('Email').fill('jordan@example.com');
    await page.getByRole('button', { name: 'Book 15:00' }).click();

    const heading = page.getByRole('heading', { name: /^Booking BK-/ });
    await heading.waitFor();
    const number = (await heading.textContent())!.replace('Booking ', '');
    const id = await bookingIdOf(app, w, number);
    expect((await call(app, 'GET', `/api/bookings/${id}`, { token: w.staff.token })).body).toMatchObject({ start_time: '15:00', party_size: 4, status: 'confirmed', source: 'admin', final_amount: 10000 });

    // Move: the free times of that day, then another one.
    await page.getByRole('button', { name: 'Move to another time' }).click();
    await page.getByRole('button', { name: '17:00', exact: true }).click();
    await page.getByRole('button', { name: 'Move to 17:00' }).click();
    await page.getByRole('status').filter({ hasText: 'at 17:00.' }).waitFor();
    expect((await call(app, 'GET', `/api/bookings/${id}`, { token: w.staff.token })).body.start_time).toBe('17:00');

    // A desk payment of what is due, then a refund: too much is refused next to the field, a part is returned.
    await expect.poll(() => page.getByLabel('Amount', { exact: true }).inputValue()).toBe('100.00');
    await page.getByLabel('Method').selectOption('card_present');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('status').filter({ hasText: '$100.00 recorded.' }).waitFor();
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByLabel('Refund amount').fill('150');
    await page.getByLabel('Reason').fill('Goodwill');
    await page.getByRole('button', { name: 'Refund payment' }).click();
    await page.getByText('At most $100.00 is left to refund.').waitFor();
    await page.getByLabel('Refund amount').fill('30');
    await page.getByRole('button', { name: 'Refund payment' }).click();
    await page.getByRole('cell', { name: '-$30.00', exact: true }).waitFor();
    await expectAccessible(page, 'booking with payments');

    // Cancel: the dialog says what the policy refunds (the default: all of what was paid, this far ahead).
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('$70.00 of $70.00');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByRole('status').filter({ hasText: 'Booking cancelled.' }).waitFor();
    await page.locator('.status.cancelled').first().waitFor();
    expect((await call(app, 'GET', `/api/bookings/${id}`, { token: w.staff.token })).body).toMatchObject({ status: 'cancelled', amount_paid: 0 });
    expectNoProblems();
  });

  it('finds bookings by name and status and changes the status of the selected ones at once, at 360 px', async () => {
    const { app, url } = live();
    await world();
    const date = venueDate(6);
    for (const [time, name] of [['11:00', 'Alex Batch'], ['13:00', 'Blair Batch'], ['19:00', 'Casey Other']] as const) {
      const res = await call(app, 'POST', '/api/bookings', {
        token: w.staff.token,
        body: { game_id: w.game.id, venue_id: w.venue.id, start_at: await slotAt(app, w, date, time), party_size: 2, status: 'pending', customer: { full_name: name, email: `${name.replace(' ', '.').toLowerCase()}@example.com` } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), page.context(), w.staff.email);
    await page.goto(`${url}/bookings`);
    await page.getByRole('heading', { name: 'Bookings' }).waitFor();
    await page.getByLabel('Search').fill('Batch');
    await page.getByRole('group', { name: 'Status' }).getByLabel('Pending').check();
    await page.getByLabel('From').fill(date);
    await page.getByLabel('To').fill(date);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.locator('table.bookings tbody tr').count()).toBe(2);
    await expectNoSidewaysScroll(page, PHONE.width);
    await expectAccessible(page, 'bookings list');
    await screenshot(page, 'admin-bookings');

    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await page.getByLabel('New status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').filter({ hasText: '2 bookings set to Confirmed.' }).waitFor();
    // Still filtered on pending: nothing left.
    await page.getByText('No booking matches these filters.').waitFor();
    const confirmed = await call(app, 'GET', `/api/bookings?from=${date}&to=${date}&status=confirmed`, { token: w.staff.token });
    expect(confirmed.body.data.map((b: { customer: { full_name: string } }) => b.customer.full_name).sort()).toEqual(['Alex Batch', 'Blair Batch']);
    expectNoProblems();
  });

  it('checks a group in by its typed booking number, says so when the code is unknown, and offers staff no refund', async () => {
    const { app, url } = live();
    await world();
    const date = venueDate(7);
    const made = await widgetBooking(app, w, await slotAt(app, w, date, '12:00'), 'Drew Door', 2);
    const id = await bookingIdOf(app, w, made.booking_number);
    expect((await call(app, 'POST', '/api/payments', { token: w.staff.token, body: { booking_id: id, method: 'cash', amount_cents: 5000 } })).status).toBe(201);

    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^POST \/api\/bookings\/checkin-by-code 404$/] });
    await signInBrowser(live(), page.context(), w.staff.email);
    await page.goto(`${url}/check-in`);
    await page.getByRole('heading', { name: 'Check in' }).waitFor();
    await page.getByLabel('Booking code').fill('BK-NOPE42');
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('alert').filter({ hasText: 'No booking has this code.' }).waitFor();

    await page.getByLabel('Booking code').fill(made.booking_number);
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByRole('status').filter({ hasText: 'Drew Door: checked in, 2 players' }).waitFor();
    expect(await page.getByLabel('Booking code').inputValue()).toBe('');
    await expectNoSidewaysScroll(page, PHONE.width);
    await expectAccessible(page, 'check-in');
    await screenshot(page, 'admin-checkin');
    expect((await call(app, 'GET', `/api/bookings/${id}`, { token: w.staff.token })).body.status).toBe('checked-in');

    // Staff take payments but do not refund them (README role table): no Refund offered.
    await page.getByRole('link', { name: made.booking_number }).click();
    await page.getByRole('heading', { name: `Booking ${made.booking_number}` }).waitFor();
    await page.getByRole('cell', { name: '$50.00', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);

    await page.goto(`${url}/calendar?date=${date}`);
    await page.getByRole('button', { name: /Drew Door · 2 · Checked in/ }).waitFor();
    await expectNoSidewaysScroll(page, PHONE.width);
    await screenshot(page, 'admin-calendar');
    // The week holds it too; a focused booking opens with Enter.
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('week');
    // The week view renders its events again when the week's bookings arrive: a key pressed on the button it
    // replaces is lost (seen once in CI), so the press is repeated until the booking opens.
    const opened = page.getByRole('heading', { name: `Booking ${made.booking_number}` });
    await vi.waitFor(async () => {
      if (!(await opened.isVisible())) await page.getByRole('button', { name: /Drew Door · 2 · Checked in/ }).press('Enter', { timeout: 2_000 });
      await opened.waitFor({ timeout: 2_000 });
    }, { timeout: 20_000, interval: 250 });
    expectNoProblems();
  });
});
