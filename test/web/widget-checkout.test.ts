import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, screenshot, tabTo, useBrowser } from '../support/browser.js';
import { useLiveApp } from '../support/live.js';
import type { MoneyWorld } from '../support/money.js';
import { liveBookingsAt, venueDate, widgetWorld } from '../support/widget.js';

// The widget's checkout on its own page (/book/:embed_key, as the iframe shows it) on a 360 px phone: codes and the
// live quote, a slot taken by someone else meanwhile, a hold that runs out, and a booking made with the keyboard
// alone. With SCREENSHOTS=1 the keyboard test saves each step to docs/screenshots/.

describe('booking widget: checkout', () => {
  // The app's clock stands still so that a test can move it past a hold; each test starts it at the real time
  // (the page's countdown runs on the browser's real clock against the hold's expiry from the app's clock).
  const live = useLiveApp({ now: new Date() });
  beforeEach(() => {
    live().clock.now = new Date();
  });
  const browser = useBrowser();
  let w: MoneyWorld;
  const day = venueDate(4);

  /** Opens the widget on a phone and goes to the slots of `day` for a party of `party`. */
  async function toSlots(page: Page, party = 3) {
    w ??= await widgetWorld(live().app);
    await page.goto(`${live().url}/book/${w.venue.embed_key}`);
    await page.getByRole('button', { name: 'Pharaoh’s Tomb', exact: true }).click();
    await page.getByLabel('Date').fill(day);
    await page.getByLabel('Party size').selectOption(String(party));
    await page.getByRole('button', { name: '10:00', exact: true }).waitFor();
  }

  const quoteText = (page: Page) => page.locator('.quote').textContent();

  it('changes the live quote with a coupon and a gift card, and shows a bad code next to its field', async () => {
    const { app } = live();
    w = await widgetWorld(app);
    expect((await call(app, 'POST', '/api/coupons', { token: w.manager, body: { code: 'SAVE10', kind: 'percent', value: 10 } })).status).toBe(201);
    const card = await call(app, 'POST', '/api/gift-cards', { token: w.manager, body: { initial_balance_cents: 2000 } });
    expect(card.status).toBe(201);

    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^POST \/api\/public\/venues\/[^/]+\/quote 422$/] });
    await toSlots(page);
    await page.getByRole('button', { name: '11:00', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await expect.poll(() => quoteText(page)).toBe('PricePharaoh’s Tomb × 3$75.00Total$75.00To pay at the venue$75.00');

    const coupon = page.getByLabel('Coupon code');
    await coupon.fill('NOPE');
    await expect.poll(() => coupon.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, so a screen reader reads it with the field.
    const described = await coupon.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described!.split(' ').pop()}"]`).textContent()).toBe('Unknown or inactive coupon code');
    await expectAccessible(page, 'a refused coupon');

    await coupon.fill('SAVE10');
    await expect.poll(() => quoteText(page)).toBe('PricePharaoh’s Tomb × 3$75.00Coupon SAVE10-$7.50Total$67.50To pay at the venue$67.50');
    expect(await coupon.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Gift card code').fill(card.body.code);
    await expect.poll(() => quoteText(page)).toBe('PricePharaoh’s Tomb × 3$75.00Coupon SAVE10-$7.50Total$67.50Gift card-$20.00To pay at the venue$47.50');
    await expectAccessible(page, 'quote with coupon and gift card');

    await page.getByLabel('Full name').fill('Cora Coupon');
    await page.getByLabel('Email').fill('cora@example.com');
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    expect(await page.locator('.summary').textContent()).toContain('Total$67.50To pay at the venue$47.50');
    const balance = await call(app, 'GET', `/api/gift-cards/${card.body.id}`, { token: w.manager });
    expect(balance.body.balance_cents).toBe(0);
    expectNoProblems();
  });

  it('says so when a slot was taken by someone else meanwhile, and shows fresh slots; nothing is double-booked', async () => {
    const { app } = live();
    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^POST \/api\/public\/venues\/[^/]+\/holds 409$/] });
    await toSlots(page, 2);
    await page.getByRole('button', { name: '13:00', exact: true }).waitFor();
    // Someone else books 13:00 while this visitor looks at the list.
    const other = await call(app, 'POST', `/api/public/venues/${w.venue.embed_key}/bookings`, {
      body: { game_id: w.game.id, booking_date: day, start_time: '13:00', party_size: 2, customer: { full_name: 'Quick Quinn', email: 'quinn@example.com' } },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    await page.getByRole('button', { name: '13:00', exact: true }).click();

    await page.getByRole('alert').filter({ hasText: 'Sorry, 13:00 was just taken by someone else. Here are the times still free.' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: '13:00', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '14:00', exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'slot taken meanwhile');
    expect(await liveBookingsAt(app, w, day, '13:00')).toHaveLength(1);
    expectNoProblems();
  });

  it('lets a hold run out with a clear message, and offers the slot again', async () => {
    const { clock } = live();
    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await page.clock.install();
    await toSlots(page, 2);
    await page.getByRole('button', { name: '15:00', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await page.getByLabel('Full name').fill('Hannah Hold');
    await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/for (10:00|9:\d\d)$/);

    // Eleven minutes pass, for the server and for the page (HOLD_MINUTES is 10).
    const started = clock.now;
    clock.now = new Date(started.getTime() + 11 * 60_000);
    try {
      await page.clock.fastForward('11:00');
      await page.getByRole('alert').filter({ hasText: 'Your hold on 15:00 has run out, so the time was released. Please choose a time again.' }).waitFor();
      await page.getByRole('button', { name: '15:00', exact: true }).waitFor();
      await expectAccessible(page, 'hold ran out');
      // What the visitor typed is still there when they pick a time again.
      await page.getByRole('button', { name: '15:00', exact: true }).click();
      await page.getByRole('heading', { name: 'Your details' }).waitFor();
      expect(await page.getByLabel('Full name').inputValue()).toBe('Hannah Hold');
    } finally {
      clock.now = new Date();
    }
    expectNoProblems();
  });

  it('books with the keyboard alone on a phone (screenshots of each step with SCREENSHOTS=1)', async () => {
    const { app, url } = live();
    w ??= await widgetWorld(app);
    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await page.goto(`${url}/book/${w.venue.embed_key}`);
    const game = page.getByRole('button', { name: 'Pharaoh’s Tomb', exact: true });
    await game.waitFor();
    await screenshot(page, 'widget-1-games');
    await tabTo(page, game);
    await page.keyboard.press('Enter');

    // The step's heading takes the focus; the day is moved with the keyboard.
    await page.getByRole('heading', { name: 'Pharaoh’s Tomb: choose a time' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    // Today's slots (10:00 is gone once the venue's morning has passed): a time button or the word that none is left.
    await page.getByRole('button', { name: /^\d\d:\d\d$/ }).or(page.getByText(/^No free times on this day/)).first().waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Next day' }));
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Date').inputValue()).toBe(day);
    await tabTo(page, page.getByLabel('Party size'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Party size').inputValue()).toBe('3');
    await page.getByRole('button', { name: '19:00', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'widget-2-slots');
    await tabTo(page, page.getByRole('button', { name: '19:00', exact: true }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await tabTo(page, page.getByLabel('Full name'));
    await page.keyboard.type('Kim Keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+1 212 555 0199');
    await expect.poll(() => quoteText(page)).toContain('To pay at the venue$75.00');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'widget-3-details');
    await tabTo(page, page.getByRole('button', { name: 'Book', exact: true }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'You are booked' }).waitFor();
    const number = (await page.locator('.booking-number').textContent())!;
    await screenshot(page, 'widget-4-confirmation');
    await expectAccessible(page, 'confirmation on a phone');
    expect((await liveBookingsAt(app, w, day, '19:00')).map((b) => b.booking_number)).toEqual([number]);
    expectNoProblems();
  });
});
