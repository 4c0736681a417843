import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { DESKTOP, expectAccessible, openPage, useBrowser } from '../support/browser.js';
import { signupOrg } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';

// The admin app's set-up pages (venues, games, settings) as an operator uses them before the first booking, checked
// through what the public widget API answers afterwards.
describe('admin app: setting up venues, games and the organization', () => {
  const live = useLiveApp();
  const browser = useBrowser();

  /** The message shown under the field labelled `label` (Field's `.field-error`, tied by aria-describedby). */
  const errorOf = (page: Page, label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

  it('creates a venue with its hours through the page, copies its embed code and makes its calendar feed', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: DESKTOP, allow: [/^POST \/api\/venues 400$/] });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${url}/venues`);
    await page.getByText('No venues yet').waitFor();
    await expectAccessible(page, 'empty venue list');

    await page.getByRole('link', { name: 'New venue' }).click();
    await page.getByRole('heading', { name: 'New venue' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    // Without a name the API refuses, and says so next to the field.
    await page.getByRole('button', { name: 'Create venue' }).click();
    await expect.poll(() => errorOf(page, 'Name').textContent()).toMatch(/\w/);
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name', { exact: true }).fill('Riverside');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await page.getByLabel('Saturday opens').fill('09:30');
    await page.getByLabel('Saturday closes').fill('23:00');
    await page.getByRole('button', { name: 'Add closure' }).click();
    await page.getByLabel('Closure 1 date').fill('2031-12-25');
    await expectAccessible(page, 'venue form with hours and a closure');
    await page.getByRole('button', { name: 'Create venue' }).click();
    await page.getByRole('heading', { name: 'Riverside' }).waitFor();

    // The embed code names this origin and the venue's key; Copy puts exactly that on the clipboard.
    const snippet = (await page.getByLabel('Embed code').textContent()) ?? '';
    const embedKey = /data-embed-key="([^"]+)"/.exec(snippet)?.[1];
    expect(snippet).toBe(`<script src="${url}/widget.js" data-embed-key="${embedKey}"></script>`);
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await page.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    expect(await page.getByRole('link', { name: `${url}/book/${embedKey}` }).isVisible()).toBe(true);

    // What the customer's widget answers now.
    const widget = await call(app, 'GET', `/api/public/venues/${embedKey}`);
    expect(widget.status).toBe(200);
    expect(widget.body.venue).toMatchObject({ name: 'Riverside', timezone: 'Europe/Berlin', operating_hours: [{ weekday: 6, open: '09:30', close: '23:00' }], closures: [{ date: '2031-12-25' }] });

    // The calendar feed: made after a confirmation, and a new one ends the old one.
    const feedUrl = async () => {
      await page.getByRole('button', { name: 'New calendar feed URL' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'New calendar feed URL' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      return (await page.getByLabel('Calendar feed URL', { exact: true }).textContent()) ?? '';
    };
    const feed = async (feedAt: string) => app.inject({ method: 'GET', url: new URL(feedAt).pathname });
    const first = await feedUrl();
    expect((await feed(first)).body).toContain('BEGIN:VCALENDAR');
    await expect.poll(async () => (await feedUrl()) !== first).toBe(true);
    expect((await feed(first)).statusCode).toBe(404);
    await expectAccessible(page, 'venue page with embed code and feed');

    // Rotating the embed key, after a confirmation: the page shows the new code, the old key stops working.
    await page.getByRole('button', { name: 'Rotate embed key' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate embed key' }).click();
    await page.getByText('The venue has a new embed key.').waitFor();
    const rotated = /data-embed-key="([^"]+)"/.exec((await page.getByLabel('Embed code').textContent()) ?? '')?.[1];
    expect(rotated).not.toBe(embedKey);
    expect((await call(app, 'GET', `/api/public/venues/${embedKey}`)).status).toBe(404);
    expect((await call(app, 'GET', `/api/public/venues/${rotated}`)).body.venue.name).toBe('Riverside');
    expectNoProblems();
  });

  it('creates a game at a venue through the page, and the widget offers it at that price', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const venue = await call(app, 'POST', '/api/venues', { token: admin.token, body: { name: 'Downtown', timezone: 'America/New_York' } });
    const { context, page, expectNoProblems } = await openPage(browser(), { allow: [/^POST \/api\/games 400$/] });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${url}/games`);
    await page.getByText('No games yet').waitFor();
    await expectAccessible(page, 'empty game list');
    await page.getByRole('link', { name: 'New game' }).click();

    await page.getByLabel('Name', { exact: true }).fill('Pharaoh’s Tomb');
    await page.getByLabel('Description').fill('Find the way out of the pyramid.');
    await page.getByLabel('Maximum players').fill('8');
    await page.getByLabel('Price (USD)').fill('29.50');
    await page.getByLabel('Offered at Downtown').check();
    await page.getByLabel('Price at Downtown (USD)').fill('31');
    // A rule that is not a window (ends before it starts): the API's message next to that rule's end.
    await page.getByRole('button', { name: 'Add price rule' }).click();
    await page.getByLabel('Rule 1 from').fill('20:00');
    await page.getByLabel('Rule 1 to').fill('18:00');
    await page.getByLabel('Rule 1 price (USD)').fill('35');
    await page.getByRole('button', { name: 'Create game' }).click();
    await expect.poll(() => errorOf(page, 'Rule 1 to').textContent()).toMatch(/later than from/);
    await expectAccessible(page, 'game form with an error');
    await page.getByLabel('Rule 1 to').fill('00:00');
    await page.getByRole('button', { name: 'Create game' }).click();
    await page.getByRole('heading', { name: 'Pharaoh’s Tomb' }).waitFor();

    const widget = await call(app, 'GET', `/api/public/venues/${venue.body.embed_key}`);
    const game = widget.body.games.find((g: { name: string }) => g.name === 'Pharaoh’s Tomb');
    expect(game).toMatchObject({ max_players: 8, description: 'Find the way out of the pyramid.', price_rules: [{ weekdays: [5, 6], from: '20:00', to: '24:00', price_cents: 3500 }] });
    // The venue's own price replaces the game's there.
    expect(game.price_cents).toBe(3100);

    await page.getByRole('link', { name: 'Games' }).first().click();
    await page.getByRole('cell', { name: 'Pharaoh’s Tomb' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Downtown' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Pharaoh’s Tomb' }).click();
    await page.getByRole('button', { name: 'Archive game' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Archive game' }).click();
    await page.getByText('No games yet').waitFor();
    expect((await call(app, 'GET', `/api/public/venues/${venue.body.embed_key}`)).body.games).toEqual([]);
    expectNoProblems();
  });

  it('saves settings: the branding shows in the widget’s answer, a bad field gets its own message', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const venue = await call(app, 'POST', '/api/venues', { token: admin.token, body: { name: 'Downtown', timezone: 'America/New_York' } });
    const { context, page, expectNoProblems } = await openPage(browser(), { allow: [/^PUT \/api\/organization 400$/] });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${url}/settings`);
    await page.getByRole('heading', { name: 'Organization settings' }).waitFor();
    await expectAccessible(page, 'settings');

    await page.getByLabel('Brand color', { exact: true }).fill('#0F766E');
    await page.getByLabel('Widget title').fill('Book your escape');
    await page.getByLabel('Logo URL').fill('not a link');
    await page.getByLabel('Reminders (minutes before)').fill('1440, 120');
    await page.getByLabel('Online payment').selectOption('deposit');
    await page.getByLabel('Deposit (%)').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => errorOf(page, 'Logo URL').textContent()).toMatch(/\w/);
    expect(await errorOf(page, 'Brand color').count()).toBe(0);

    await page.getByLabel('Logo URL').fill('https://example.com/logo.png');
    await page.getByLabel('Organization name').fill('Escape Works Berlin');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    // The top bar follows the new name without a reload.
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('Escape Works Berlin');

    const widget = await call(app, 'GET', `/api/public/venues/${venue.body.embed_key}`);
    expect(widget.body.organization).toMatchObject({
      name: 'Escape Works Berlin',
      branding: { primary_color: '#0F766E', widget_title: 'Book your escape', logo_url: 'https://example.com/logo.png' },
      policies: { reminder_offsets_minutes: [1440, 120], payment_mode: 'deposit', deposit_percent: 30 },
    });
    expectNoProblems();
  });
});
