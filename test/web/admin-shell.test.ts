import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, openPage, PHONE, useBrowser } from '../support/browser.js';
import { createSuperAdmin, hashPassword } from '../../src/modules/users/service.js';
import { PASSWORD, signupOrg, uniqueEmail } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';

// The admin app's frame: signing in and out with the session cookie, on a desk screen and a phone.
describe('admin app: sign in and out', () => {
  const live = useLiveApp();
  const browser = useBrowser();

  it('signs in with email and password, shows the organization, and signs out again', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app, { organization_name: 'Escape Works' });
    const { page, expectNoProblems } = await openPage(browser(), { viewport: DESKTOP, allow: [/^GET \/api\/auth\/session 401$/, /^POST \/api\/auth\/login 401$/] });
    await page.goto(url);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await expectAccessible(page, 'sign-in form');

    // A wrong password: the API's message, the form stays.
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/email or password/i);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByText('Hello, Ada Admin.').waitFor();
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('Escape Works');
    await expectAccessible(page, 'dashboard');

    // The session is the HttpOnly cookie: a reload keeps it, and scripts cannot read it.
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('session');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expectNoProblems();
  });

  it('works on a 360 px screen, with the keyboard alone', async () => {
    const { app, url } = live();
    const admin = await signupOrg(app);
    const { page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^GET \/api\/auth\/session 401$/] });
    await page.goto(`${url}/some/deep/link`);
    await page.getByLabel('Email').focus();
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'phone shell');
    expectNoProblems();
  });

  it('opens signed in with a session cookie made through the API (what page tests use)', async () => {
    const { app } = live();
    const admin = await signupOrg(app);
    const { context, page, expectNoProblems } = await openPage(browser());
    await signInBrowser(live(), context, admin.email);
    await page.goto(live().url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expectNoProblems();
  });

  it('offers a platform operator (no organization) no organization pages, and says how to act in one', async () => {
    const { db, url } = live();
    const email = uniqueEmail('operator');
    await createSuperAdmin(db, { email, fullName: 'Olga Operator', passwordHash: await hashPassword(PASSWORD) });
    const { context, page, expectNoProblems } = await openPage(browser());
    await signInBrowser(live(), context, email);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Platform operator' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(0);
    // A typed page address gets the same answer, not a page whose every request would be refused.
    await page.goto(`${url}/bookings`);
    await page.getByRole('heading', { name: 'Platform operator' }).waitFor();
    await expectAccessible(page, 'platform operator');
    expectNoProblems();
  });
});
