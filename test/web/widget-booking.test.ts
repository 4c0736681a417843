import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { DESKTOP, expectAccessible, openPage, PHONE, screenshot, useBrowser } from '../support/browser.js';
import { useHostPage, useLiveApp } from '../support/live.js';
import { pay, type MoneyWorld } from '../support/money.js';
import { liveBookingsAt, venueDate, widgetWorld } from '../support/widget.js';

// A customer books through the widget embedded on the operator's own site (another origin, with the script tag),
// then opens the manage link and cancels under the policy. CI runs this file on PGlite and on the PostgreSQL server.

/** The widget's frame once it has loaded its page. */
async function widgetFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe[title="Book online"]');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the widget frame has no document');
  await frame.waitForURL(/\/book\//);
  return frame;
}

describe('booking widget: book in an iframe, then manage and cancel', () => {
  const live = useLiveApp();
  const browser = useBrowser();
  const host = useHostPage();
  let w: MoneyWorld;
  let booked: { number: string; manageUrl: string; date: string };

  it('books from another site’s page through widget.js, with the venue’s times, the branding and the quote', async () => {
    const { app, url } = live();
    w = await widgetWorld(app);
    host.setHtml(`<!doctype html><html lang="en"><head><title>Escape Works</title></head><body><main><h1>Book a room</h1>
      <script src="${url}/widget.js" data-embed-key="${w.venue.embed_key}"></script><p>Questions? Call us.</p></main></body></html>`);
    // A visitor in Berlin: the times are New York's, and the widget says so.
    const { page, expectNoProblems } = await openPage(browser(), { viewport: DESKTOP, timezoneId: 'Europe/Berlin' });
    // Paid at the venue: nothing of Stripe's is ever loaded.
    const stripe: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).hostname.endsWith('stripe.com')) stripe.push(r.url());
    });
    await page.goto(host.url());
    const frame = await widgetFrame(page);

    await frame.getByRole('heading', { name: 'Book Escape Works' }).waitFor();
    const game = frame.getByRole('button', { name: 'Pharaoh’s Tomb', exact: true });
    await game.waitFor();
    expect(await frame.locator('.game-facts').first().textContent()).toBe('60 min · 2–6 players · $25.00 per player');
    // The branding's color is on the actions.
    expect(await frame.locator('.game-image').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
    await expectAccessible(frame, 'games');
    await game.click();

    const date = venueDate(3);
    await frame.getByLabel('Date').fill(date);
    await frame.getByLabel('Party size').selectOption('3');
    await frame.getByText('Times are local to Downtown (America/New York), not your time zone.').waitFor();
    const slot = frame.getByRole('button', { name: '18:00', exact: true });
    await slot.waitFor();
    await expectAccessible(frame, 'date, party size and slots');
    await slot.click();

    await frame.getByRole('heading', { name: 'Your details' }).waitFor();
    await expect.poll(() => frame.getByRole('timer').textContent()).toMatch(/holding this time for you for \d+:\d\d/);
    await frame.getByLabel('Full name').fill('Sam Player');
    await frame.getByLabel('Email').fill('sam@example.com');
    await frame.getByLabel('Phone').fill('+1 212 555 0100');
    await expect.poll(() => frame.locator('.quote').textContent()).toContain('To pay at the venue$75.00');
    await expectAccessible(frame, 'details and quote');
    // The frame follows its content's height: no scroll bar inside the host page.
    await expect
      .poll(async () => {
        const outer = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height);
        const inner = await frame.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().height));
        return Math.abs(outer - inner);
      })
      .toBeLessThanOrEqual(1);
    await frame.getByRole('button', { name: 'Book', exact: true }).click();

    await frame.getByRole('heading', { name: 'You are booked' }).waitFor();
    const number = (await frame.locator('.booking-number').textContent())!;
    expect(number).toMatch(/^BK-[0-9A-Z]{6,10}$/);
    await expectAccessible(frame, 'confirmation');
    expect(await frame.getByRole('link', { name: 'Add to calendar' }).getAttribute('download')).toBe(`${number}.ics`);
    const ics = decodeURIComponent((await frame.getByRole('link', { name: 'Add to calendar' }).getAttribute('href'))!.split(',')[1]!);
    expect(ics).toContain(`UID:${number}@`);
    expect(ics).toContain('SUMMARY:Pharaoh’s Tomb');
    const manageUrl = (await frame.getByRole('link', { name: 'View or cancel this booking' }).getAttribute('href'))!;
    expect(manageUrl).toMatch(new RegExp(`^${url}/manage/${number}\\?token=.+`));
    booked = { number, manageUrl, date };

    // The operator sees it: confirmed, from the widget, 18:00 New York time, three players.
    const found = await call(app, 'GET', `/api/bookings?q=${number}`, { token: w.staff });
    expect(found.body.data).toHaveLength(1);
    expect(found.body.data[0]).toMatchObject({ status: 'confirmed', source: 'widget', booking_date: date, start_time: '18:00', party_size: 3, final_amount: 7500 });
    expect(stripe).toEqual([]);
    expectNoProblems();
  });

  it('shows the booking on its manage page at 360 px and cancels it after asking, with the refund and the slot freed', async () => {
    const { app } = live();
    // Paid in full at the desk; the default policy refunds all of it this far ahead.
    const staffView = (await call(app, 'GET', `/api/bookings?q=${booked.number}`, { token: w.staff })).body.data[0];
    await pay(app, w, staffView.id, 7500);

    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await page.goto(booked.manageUrl);
    await page.getByRole('heading', { name: `Booking ${booked.number}` }).waitFor();
    const summary = page.locator('.summary');
    expect(await summary.textContent()).toContain('StatusConfirmed');
    expect(await summary.textContent()).toContain('GamePharaoh’s Tomb');
    expect(await summary.textContent()).toContain('Paid$75.00');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'manage page');
    await screenshot(page, 'widget-5-manage');

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    // Nothing happens before the customer confirms; the safe choice has the focus.
    await page.getByRole('button', { name: 'Yes, cancel it' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep my booking');
    expect(await liveBookingsAt(app, w, booked.date, '18:00')).toHaveLength(1);
    await expectAccessible(page, 'cancel confirmation');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();

    await page.getByText('Your booking is cancelled. $75.00 is on its way back to you.').waitFor();
    expect(await summary.textContent()).toContain('StatusCancelled');
    expect(await summary.textContent()).toContain('Refunded$75.00');
    expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
    await expectAccessible(page, 'cancelled booking');

    // The refund row exists and the slot is free again.
    const payments = await call(app, 'GET', `/api/payments?booking_id=${staffView.id}`, { token: w.staff });
    expect(payments.body.data.map((p: { kind: string; amount_cents: number }) => `${p.kind} ${p.amount_cents}`).sort()).toEqual(['payment 7500', 'refund 7500']);
    expect(await liveBookingsAt(app, w, booked.date, '18:00')).toHaveLength(0);
    const slots = await call(app, 'GET', `/api/public/venues/${w.venue.embed_key}/games/${w.game.id}/availability?from=${booked.date}&to=${booked.date}&party_size=3`);
    expect(slots.body.slots.find((s: { start_time: string }) => s.start_time === '18:00')).toMatchObject({ available: true });
    expectNoProblems();
  });
});
