import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, screenshot, useBrowser } from '../support/browser.js';
import { createCustomer, createGame, createVenue } from '../support/catalog.js';
import { addUser, signupOrg } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';
import { staffBooking, type MoneyWorld } from '../support/money.js';

// The customers pages: the list with search, segment and pages; a customer's page with the booking history (newest
// first, paginated), value, referral code and notes; adding one; erasing one (managers only).
const ZONE = 'America/New_York';
const at = (days: number, hour: number) => DateTime.now().setZone(ZONE).plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toISO()!;

describe('admin app: customers', () => {
  const live = useLiveApp();
  const browser = useBrowser();
  let w: MoneyWorld;
  const emails = { manager: '', staff: '' };
  let robin: { id: string };
  const numbers: string[] = [];

  beforeAll(async () => {
    const { app } = live();
    const owner = await signupOrg(app, { organization_name: 'Escape Works' });
    const venue = await createVenue(app, owner.token);
    const game = await createGame(app, owner.token, { name: 'The Vault', price_cents: 3000, venue_ids: [venue.id] });
    const manager = await addUser(app, owner.token, 'manager');
    const staff = await addUser(app, owner.token, 'staff');
    emails.manager = manager.email;
    emails.staff = staff.email;
    w = { admin: owner.token, manager: manager.token, staff: staff.token, organizationId: owner.organizationId, venue, game };
    robin = await createCustomer(app, w.staff, { full_name: 'Robin Regular', phone: '+1 212 555 0100' });
    await createCustomer(app, w.staff, { full_name: 'Quinn Quiet' });
    // Twelve bookings on days 1-12: more than a page of history (ten).
    for (let d = 1; d <= 12; d++) {
      const booked = await staffBooking(app, w, at(d, 11), { party_size: 2, customer: undefined, customer_id: robin.id });
      numbers.push(booked.booking_number as string);
    }
  });

  it('lists and finds customers, and shows one with the history newest first and notes that save', async () => {
    const { app, url } = live();
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, emails.manager);
    await page.goto(`${url}/customers`);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const table = page.getByRole('table', { name: /Customers/ });
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['Quinn Quiet', 'Robin Regular']);
    expect(await table.getByRole('row', { name: /Robin Regular/ }).textContent()).toMatch(/Robin Regular.*\+1 212 555 0100.*12/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'customers list');
    await screenshot(page, 'admin-customers');

    // Search by name; a segment nobody is in says so and offers the way back.
    await page.getByRole('searchbox', { name: 'Search' }).fill('robin');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['Robin Regular']);
    await page.getByLabel('Segment').selectOption('inactive');
    await page.getByText('No customer matches this search.').waitFor();
    await page.getByRole('button', { name: 'Show all customers' }).click();
    await expect.poll(() => page.getByRole('table', { name: /Customers/ }).getByRole('link').count()).toBe(2);
    // Twelve bookings worth 720.00: frequency 5 + monetary 4 make a VIP (README "Customers").
    await page.getByLabel('Segment').selectOption('vip');
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['Robin Regular']);

    await page.getByRole('link', { name: 'Robin Regular' }).click();
    await page.getByRole('heading', { name: 'Robin Regular', level: 1 }).waitFor();
    // History: newest first, ten a page.
    const history = page.getByRole('table', { name: 'Bookings, newest first' });
    const shown = async () => (await history.getByRole('row').allTextContents()).slice(1).map((r) => numbers.find((n) => r.includes(n)));
    await expect.poll(shown).toEqual(numbers.slice(2).reverse());
    await page.getByText('Page 1 of 2 (12 in all)').waitFor();
    await page.getByRole('navigation', { name: 'Booking history pages' }).getByRole('button', { name: 'Next' }).click();
    await expect.poll(shown).toEqual([numbers[1], numbers[0]]);
    await expect.poll(() => page.getByText(/^REF-[A-Z0-9]+$/).count()).toBe(1);
    const value = page.getByRole('region', { name: 'Value' });
    expect(await value.textContent()).toMatch(/Lifetime value\$720\.00Bookings12.*RFM score14 of 15/);
    expect(await page.locator('.page-head .badge').textContent()).toBe('VIP');

    // Notes save, and are there after a reload.
    await page.getByRole('textbox', { name: 'Notes' }).fill('Prefers evening slots; one player uses a wheelchair.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByRole('status').filter({ hasText: 'Notes saved.' }).waitFor();
    const saved = await call(app, 'GET', `/api/customers/${robin.id}`, { token: w.staff });
    expect(saved.body.notes).toBe('Prefers evening slots; one player uses a wheelchair.');
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Prefers evening slots; one player uses a wheelchair.');
    await expectAccessible(page, 'customer page');
    await screenshot(page, 'admin-customer');
    expectNoProblems();
  });

  it('adds a customer (the API’s error next to its field), and a manager erases one after confirming', async () => {
    const { app, url } = live();
    const { context, page, expectNoProblems } = await openPage(browser(), { allow: [/^POST \/api\/customers 400$/, /^PUT \/api\/customers\/[\w-]+ 400$/] });
    await signInBrowser(live(), context, emails.manager);
    await page.goto(`${url}/customers`);
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByLabel('Full name').fill('Nia New');
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await expect.poll(() => page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new customer form with an error');
    await page.getByLabel('Email').fill('nia@example.com');
    await page.getByRole('button', { name: 'Add customer' }).click();
    await page.getByRole('heading', { name: 'Nia New', level: 1 }).waitFor();
    await page.getByText('No bookings yet.').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;

    // Details change in place; a bad email is refused next to its field.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('form', { name: 'Edit details' });
    await edit.getByLabel('Email').fill('still not an email');
    await edit.getByLabel('Tags').fill('birthday, group ,birthday');
    await edit.getByRole('checkbox', { name: 'Agreed to marketing' }).check();
    await edit.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => edit.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await edit.getByLabel('Email').fill('nia.new@example.com');
    await edit.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
    const contact = page.getByRole('region', { name: 'Contact' });
    expect(await contact.textContent()).toMatch(/nia\.new@example\.com.*Agreed to marketing.*birthday, group/);
    const stored = await call(app, 'GET', `/api/customers/${id}`, { token: w.manager });
    expect(stored.body).toMatchObject({ email: 'nia.new@example.com', tags: ['birthday', 'group'], marketing_opt_in: true });

    await page.getByRole('button', { name: 'Erase customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase customer?' });
    await dialog.waitFor();
    await expectAccessible(page, 'erase dialog');
    await dialog.getByRole('button', { name: 'Erase customer' }).click();
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    expect((await call(app, 'GET', `/api/customers/${id}`, { token: w.manager })).status).toBe(404);
    await expect.poll(() => page.getByRole('link', { name: 'Nia New' }).count()).toBe(0);
    expectNoProblems();
  });

  it('a staff member reads and annotates customers, but is not offered erasing them', async () => {
    const { url } = live();
    const { context, page, expectNoProblems } = await openPage(browser());
    await signInBrowser(live(), context, emails.staff);
    await page.goto(`${url}/customers/${robin.id}`);
    await page.getByRole('heading', { name: 'Robin Regular', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Bookings, newest first' }).waitFor();
    await page.getByRole('button', { name: 'Save notes' }).waitFor();
    expect(await page.getByRole('button', { name: 'Erase customer' }).count()).toBe(0);
    await expectAccessible(page, 'customer page for staff');
    expectNoProblems();
  });
});
