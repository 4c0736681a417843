import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, screenshot, tabTo, useBrowser } from '../support/browser.js';
import { createGame, createVenue } from '../support/catalog.js';
import { addUser, signupOrg, uniqueEmail } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';

// Users and roles, the audit log, what each role is offered, and the set-up pages on a phone (with the README's
// screenshots).
describe('admin app: the team, the audit log and role limits', () => {
  const live = useLiveApp();
  const browser = useBrowser();

  it('adds a user, changes their role and deactivates them; the audit log shows each change readably', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const { context, page, expectNoProblems } = await openPage(browser(), { allow: [/^POST \/api\/users 400$/] });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${url}/users`);
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await page.getByRole('cell', { name: 'Ada Admin (you)' }).waitFor();
    // Admins cannot demote or deactivate themselves (the API refuses): not offered.
    expect(await page.getByLabel('Role of Ada Admin').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Deactivate Ada Admin' }).count()).toBe(0);
    await expectAccessible(page, 'users page');

    const email = uniqueEmail('desk');
    await page.getByLabel('Full name').fill('Dana Desk');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.locator('.field', { has: page.getByLabel('Password') }).locator('.field-error').textContent()).toMatch(/10 characters/);
    await page.getByLabel('Password').fill('');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Dana Desk was added as staff.').waitFor();

    await page.getByLabel('Role of Dana Desk').selectOption('manager');
    await page.getByText('Dana Desk is now manager.').waitFor();
    await page.getByRole('button', { name: 'Deactivate Dana Desk' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Dana Desk was deactivated and signed out.').waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Dana Desk' }).count()).toBe(0);
    const list = await call(app, 'GET', '/api/users?limit=100', { token: admin.token });
    expect(list.body.data.find((u: { email: string }) => u.email === email)).toMatchObject({ role: 'manager', active: false });

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('Table').selectOption('users');
    await page.getByLabel('Action').selectOption('update');
    await page.getByText('Changed users “Dana Desk”').first().waitFor();
    // The change itself, old and new value, by whom.
    const entries = page.locator('.audit-entry');
    await expect.poll(() => entries.allTextContents()).toEqual([expect.stringMatching(/by Ada Admin.*active: true → false/), expect.stringMatching(/by Ada Admin.*role: staff → manager/)]);
    await page.getByLabel('User').selectOption({ label: 'Dana Desk' });
    await page.getByText('No changes match these filters.').waitFor();
    await expectAccessible(page, 'audit log');
    expectNoProblems();
  });

  it('offers each role only what it may do', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const staff = await addUser(app, admin.token, 'staff');
    const manager = await addUser(app, admin.token, 'manager');
    const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

    const asStaff = await openPage(browser());
    await signInBrowser(live(), asStaff.context, staff.email);
    await asStaff.page.goto(`${url}/settings`);
    // Typed paths a role may not use lead home.
    await asStaff.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const staffNav = await nav(asStaff.page);
    for (const label of ['Venues', 'Games', 'Users', 'Settings', 'Audit log']) expect(staffNav).not.toContain(label);
    asStaff.expectNoProblems();

    const asManager = await openPage(browser());
    await signInBrowser(live(), asManager.context, manager.email);
    await asManager.page.goto(`${url}/venues`);
    await asManager.page.getByRole('heading', { name: 'Venues' }).waitFor();
    const managerNav = await nav(asManager.page);
    expect(managerNav).toEqual(expect.arrayContaining(['Venues', 'Games']));
    for (const label of ['Users', 'Settings', 'Audit log']) expect(managerNav).not.toContain(label);
    await asManager.page.goto(`${url}/audit`);
    await asManager.page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    asManager.expectNoProblems();
  });

  it('works on a 360 px phone and with the keyboard (and takes the README’s screenshots)', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const venue = await createVenue(app, admin.token);
    await createGame(app, admin.token, { venue_ids: [venue.id], description: 'An hour in a sealed tomb.' });
    await createGame(app, admin.token, { name: 'Bank Heist', max_players: 8, booking_mode: 'shared', venue_ids: [venue.id] });
    await call(app, 'PUT', '/api/organization', { token: admin.token, body: { branding: { primary_color: '#0F766E', widget_title: 'Book your escape' } } });
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, admin.email);
    const fits = async (what: string) => expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(PHONE.width);

    await page.goto(`${url}/venues`);
    await page.getByRole('link', { name: 'Downtown' }).waitFor();
    await fits('venue list');
    // Keyboard only: from the list to the venue, to its embed code.
    await tabTo(page, page.getByRole('link', { name: 'Downtown' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Downtown' }).waitFor();
    await fits('venue page');
    await expectAccessible(page, 'venue page on a phone');
    await screenshot(page, 'admin-venues');

    await page.goto(`${url}/games`);
    await page.getByRole('link', { name: 'Bank Heist' }).waitFor();
    await fits('game list');
    await expectAccessible(page, 'game list on a phone');
    await screenshot(page, 'admin-games');

    await page.goto(`${url}/settings`);
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await fits('settings');
    await expectAccessible(page, 'settings on a phone');
    await screenshot(page, 'admin-settings');

    await page.goto(`${url}/audit`);
    await page.locator('.audit-entry').first().waitFor();
    await fits('audit log');
    await expectAccessible(page, 'audit log on a phone');
    await screenshot(page, 'admin-audit');
    expectNoProblems();
  });
});
