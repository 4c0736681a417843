import { describe, expect, it } from 'vitest';
import { expectAccessible, openPage, PHONE, DESKTOP, screenshot, useBrowser } from '../support/browser.js';
import { call } from '../support/app.js';
import { bookingIdOf, expectNoSidewaysScroll, opsWorld, slotAt, widgetBooking, widgetFrame, type OpsWorld } from '../support/admin.js';
import { signInBrowser, useHostPage, useLiveApp } from '../support/live.js';
import { venueDate } from '../support/widget.js';

// The front desk and the customer at the same time: a booking made in the widget (in an iframe on the operator's
// site) appears in the open admin calendar by itself (GET /api/events), the operator checks the group in, and the
// customer's manage page shows it; a customer's cancellation shows in the admin app with its refund and the freed
// slot. CI runs this file on PGlite and on the PostgreSQL server.

describe('admin app, live: the calendar follows what customers do', () => {
  const live = useLiveApp();
  const browser = useBrowser();
  const host = useHostPage();
  // The business, made by whichever test runs first (each can run alone: `-t`).
  let w: OpsWorld;
  const world = async () => (w ??= await opsWorld(live().app));

  it('shows a widget booking in the open calendar within 2 s, checks it in, and the manage page says so', async () => {
    const { url } = live();
    await world();
    const date = venueDate(3);
    // The desk, in another zone than the venue: the calendar says whose times it shows.
    const desk = await openPage(browser(), { viewport: DESKTOP, timezoneId: 'Europe/Berlin' });
    await signInBrowser(live(), desk.context, w.staff.email);
    await desk.page.goto(`${url}/calendar?date=${date}`);
    await desk.page.getByRole('heading', { name: 'Calendar' }).waitFor();
    await desk.page.getByText('Times are in Downtown’s time zone (America/New York), not yours.').waitFor();
    await desk.page.getByRole('status').filter({ hasText: 'Live: new bookings appear by themselves' }).waitFor();
    // The game is the day view's column.
    await desk.page.locator('.rbc-time-header').getByText('Pharaoh’s Tomb').waitFor();
    await expectAccessible(desk.page, 'calendar');

    host.setHtml(`<!doctype html><html lang="en"><head><title>Escape Works</title></head><body><main><h1>Book a room</h1>
      <script src="${url}/widget.js" data-embed-key="${w.venue.embed_key}"></script></main></body></html>`);
    const customer = await openPage(browser(), { viewport: PHONE });
    await customer.page.goto(host.url());
    const frame = await widgetFrame(customer.page);
    await frame.getByRole('button', { name: 'Pharaoh’s Tomb', exact: true }).click();
    await frame.getByLabel('Date').fill(date);
    await frame.getByLabel('Party size').selectOption('3');
    await frame.getByRole('button', { name: '18:00', exact: true }).click();
    await frame.getByLabel('Full name').fill('Sam Player');
    await frame.getByLabel('Email').fill('sam@example.com');
    await frame.getByLabel('Phone').fill('+1 212 555 0100');
    await frame.getByRole('button', { name: 'Book', exact: true }).click();
    await frame.getByRole('heading', { name: 'You are booked' }).waitFor();
    const booked = Date.now();
    const number = (await frame.locator('.booking-number').textContent())!;
    const manageUrl = (await frame.getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href'))!;

    // No reload: the stream tells the calendar, which refetches.
    const event = desk.page.getByRole('button', { name: /Sam Player · 3 · Confirmed/ });
    await event.waitFor({ timeout: 2_000 });
    expect(Date.now() - booked).toBeLessThan(2_000);
    // 18:00 New York time, whatever the desk's own zone.
    expect(await event.textContent()).toContain('6:00');

    await event.click();
    await desk.page.getByRole('heading', { name: `Booking ${number}` }).waitFor();
    await desk.page.getByRole('button', { name: 'Check in' }).click();
    await desk.page.getByRole('status').filter({ hasText: 'Checked in.' }).waitFor();
    await expect.poll(() => desk.page.locator('.facts').first().textContent()).toContain('Checked in at');

    await customer.page.goto(manageUrl);
    await customer.page.getByRole('heading', { name: `Booking ${number}` }).waitFor();
    expect(await customer.page.locator('.summary').textContent()).toContain('StatusChecked in');
    desk.expectNoProblems();
    customer.expectNoProblems();
  });

  it('shows a customer’s cancellation in the open booking page with its refund row, and frees the slot', async () => {
    const { app, url } = live();
    await world();
    const date = venueDate(4);
    const made = await widgetBooking(app, w, await slotAt(app, w, date, '16:00'), 'Robin Guest', 3);
    const id = await bookingIdOf(app, w, made.booking_number);
    const paid = await call(app, 'POST', '/api/payments', { token: w.staff.token, body: { booking_id: id, method: 'cash', amount_cents: 7500 } });
    expect(paid.status).toBe(201);

    const desk = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), desk.context, w.manager.email);
    await desk.page.goto(`${url}/bookings/${id}`);
    await desk.page.getByRole('heading', { name: `Booking ${made.booking_number}` }).waitFor();
    await desk.page.getByRole('cell', { name: '$75.00', exact: true }).waitFor();
    await expectNoSidewaysScroll(desk.page, PHONE.width);
    await expectAccessible(desk.page, 'booking detail');
    await screenshot(desk.page, 'admin-booking');

    const customer = await openPage(browser(), { viewport: PHONE });
    await customer.page.goto(`${url}/manage/${made.booking_number}?token=${made.manage_token}`);
    await customer.page.getByRole('button', { name: 'Cancel booking' }).click();
    await customer.page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await customer.page.getByText('Your booking is cancelled. $75.00 is on its way back to you.').waitFor();

    // The operator's open page follows: cancelled, the refund row, and no more actions on it.
    await desk.page.locator('.status.cancelled').first().waitFor({ timeout: 5_000 });
    await desk.page.getByRole('cell', { name: '-$75.00', exact: true }).waitFor();
    expect(await desk.page.getByRole('cell', { name: 'Refund', exact: true }).count()).toBe(1);
    expect(await desk.page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);

    // The slot is free again: a new booking can take 16:00 that day.
    await desk.page.goto(`${url}/bookings/new`);
    await desk.page.getByLabel('Date').fill(date);
    await desk.page.getByRole('button', { name: '16:00', exact: true }).waitFor();
    desk.expectNoProblems();
    customer.expectNoProblems();
  });
});
