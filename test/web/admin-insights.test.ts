import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, screenshot, useBrowser } from '../support/browser.js';
import { createGame, createVenue } from '../support/catalog.js';
import { addUser, signupOrg } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';
import { pay, staffBooking, type MoneyWorld } from '../support/money.js';

// The dashboard and the reports against a small business made through the API, whose figures are worked out by
// hand below. The app's clock starts at the real hour and moves two days on once the bookings are made, so
// "today" holds two of them; money rows are dated by the database's clock (the real today).
const ZONE = 'America/New_York';
const T0 = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
const day = (n: number) => DateTime.fromJSDate(T0, { zone: ZONE }).plus({ days: n }).toISODate()!;
const at = (n: number, hour: number) => DateTime.fromISO(`${day(n)}T${String(hour).padStart(2, '0')}:00`, { zone: ZONE }).toISO()!;
const realToday = () => DateTime.now().setZone(ZONE).toISODate()!;

describe('admin app: dashboard and reports', () => {
  // Sessions are judged by the app's clock, which moves on: they must outlive that.
  const live = useLiveApp({ now: T0, env: { SESSION_TTL_HOURS: String(24 * 30) } });
  const browser = useBrowser();
  let w: MoneyWorld;
  const emails = { manager: '', staff: '' };
  type Booked = { id: string; booking_number: string };
  const b = {} as Record<'b1' | 'b2' | 'b3' | 'b4', Booked>;

  beforeAll(async () => {
    const { app } = live();
    const owner = await signupOrg(app, { organization_name: 'Escape Works' });
    const venue = await createVenue(app, owner.token);
    const game = await createGame(app, owner.token, { name: 'The Vault', price_cents: 3000, venue_ids: [venue.id], min_notice_minutes: 0 });
    // A second venue, in London, with nothing booked: what the venue filter narrows to.
    await createVenue(app, owner.token, { name: 'Soho', timezone: 'Europe/London' });
    const manager = await addUser(app, owner.token, 'manager');
    const staff = await addUser(app, owner.token, 'staff');
    emails.manager = manager.email;
    emails.staff = staff.email;
    w = { admin: owner.token, manager: manager.token, staff: staff.token, organizationId: owner.organizationId, venue, game };
    // b1 day 2 10:00, 4 × 30.00 = 120.00 paid in cash; b2 day 2 14:00, 60.00 of which 30.00 paid by card;
    // b3 day 3 18:00, 90.00 unpaid; b4 day 4 10:00, 60.00 paid by card, then cancelled: refunded in full.
    b.b1 = (await staffBooking(app, w, at(2, 10), { party_size: 4 })) as unknown as Booked;
    b.b2 = (await staffBooking(app, w, at(2, 14), { party_size: 2 })) as unknown as Booked;
    b.b3 = (await staffBooking(app, w, at(3, 18), { party_size: 3 })) as unknown as Booked;
    b.b4 = (await staffBooking(app, w, at(4, 10), { party_size: 2 })) as unknown as Booked;
    await pay(app, w, b.b1.id, 12_000, 'cash');
    await pay(app, w, b.b2.id, 3000);
    await pay(app, w, b.b4.id, 6000);
    expect((await call(app, 'DELETE', `/api/bookings/${b.b4.id}`, { token: w.staff })).status).toBe(200);
    live().clock.now = new Date(at(2, 12));
  });

  it('the dashboard shows today’s bookings, the next ones and the 30-day figures of what was booked', async () => {
    const { app, url } = live();
    // Checked in at the desk (through the API): the dashboard shows it on the next load.
    expect((await call(app, 'POST', `/api/bookings/${b.b1.id}/checkin`, { token: w.staff })).status).toBe(200);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, emails.manager);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    const today = page.getByRole('table', { name: 'Today’s bookings' });
    const row1 = today.getByRole('row').filter({ hasText: b.b1.booking_number });
    const row2 = today.getByRole('row').filter({ hasText: b.b2.booking_number });
    await expect.poll(() => row1.textContent()).toMatch(/10:00–11:00.*Pat Payer.*The Vault/);
    expect(await row1.textContent()).toMatch(/Yes.*Paid/);
    expect(await row2.textContent()).toMatch(/14:00–15:00.*Not yet.*Part paid.*\$30\.00 due/);
    expect(await today.getByRole('row').count()).toBe(3); // the header and two bookings (b3 is tomorrow)

    // Upcoming from the clock's 12:00: b2 this afternoon, then b3; b4 is cancelled, b1 has begun.
    const upcoming = page.getByRole('table', { name: 'Upcoming bookings' });
    await expect.poll(() => upcoming.getByRole('row').allTextContents()).toEqual([expect.stringContaining('When'), expect.stringContaining(b.b2.booking_number), expect.stringContaining(b.b3.booking_number)]);

    // Last 30 days (day 2 and the 29 before): b1 and b2 live, 6 players, 150.00 received; b4 is outside.
    const stats = page.getByRole('list', { name: 'Last 30 days' });
    const stat = (label: string) => stats.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
    await expect.poll(() => stat('Bookings').textContent()).toContain('2');
    expect(await stat('Revenue').textContent()).toContain('$150.00');
    expect(await stat('Players').textContent()).toContain('6');
    expect(await stat('Average party size').textContent()).toContain('3');
    expect(await stat('New customers').textContent()).toMatch(/^New customers4/);

    // The charts say what they show in words, and their figures are there as a table.
    await page.getByText('The busiest hour is').waitFor();
    await page.getByText('Show the figures of “Bookings by start hour (last 30 days)”').click();
    const hours = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Hour' }) });
    expect(await hours.getByRole('row').allTextContents()).toEqual(['HourBookings', '10:001', '14:001']);
    await page.getByText(`Some staff checked in ${b.b1.booking_number}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'dashboard');
    await page.getByText('Show the figures of “Bookings by start hour (last 30 days)”').click();
    await screenshot(page, 'admin-dashboard');

    // The venue filter: Soho's figures, in London's time.
    await page.getByLabel('Venue', { exact: true }).selectOption({ label: 'Soho' });
    await page.getByText('Times are Europe/London time.').waitFor();
    await page.getByText('No bookings today.').waitFor();
    await expect.poll(() => stat('Bookings').textContent()).toMatch(/^Bookings0/);
    expect(await page.getByText(/\(Europe\/London time\)/).count()).toBe(1);
    expectNoProblems();
  });

  it('the revenue report matches the hand-computed figures, and its CSV download holds them', async () => {
    const { url } = live();
    // The period that ends before it starts is provoked on purpose.
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^GET \/api\/reports\/bookings 400$/] });
    await signInBrowser(live(), context, emails.manager);
    const from = DateTime.fromISO(realToday()).minus({ days: 1 }).toISODate()!;
    const to = DateTime.fromISO(realToday()).plus({ days: 1 }).toISODate()!;
    await page.goto(`${url}/reports?report=revenue&from=${from}&to=${to}`);
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(from);

    // Received today: 120.00 cash + 30.00 + 60.00 card = 210.00; refunded 60.00 (b4); net 150.00.
    const totals = page.getByRole('list', { name: 'Revenue totals' });
    const total = (label: string) => totals.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
    await expect.poll(() => total('Gross').textContent()).toBe('Gross$210.00');
    expect(await total('Refunds').textContent()).toBe('Refunds$60.00');
    expect(await total('Net').textContent()).toBe('Net$150.00');
    expect(await total('Discounts').textContent()).toBe('Discounts$0.00');
    const methods = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Method' }) });
    expect(await methods.getByRole('row', { name: /^Cash/ }).textContent()).toBe('Cash$120.00$0.00$120.00');
    expect(await methods.getByRole('row', { name: /^Card at the desk/ }).textContent()).toBe('Card at the desk$90.00$60.00$30.00');
    await page.getByText(/^\$150\.00 net: \$210\.00 received less \$60\.00 refunded\.$/).waitFor();
    await expectAccessible(page, 'revenue report');
    await screenshot(page, 'admin-reports');

    // The CSV is the server's, downloaded through the link with the session cookie.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV of the revenue report' }).click()]);
    expect(download.suggestedFilename()).toBe(`revenue-${from}-${to}.csv`);
    const lines = (await readFile((await download.path()), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe(
      'period,gross_cents,discount_cents,refund_cents,net_cents,tax_cents,cash_gross_cents,cash_refund_cents,cash_net_cents,card_present_gross_cents,card_present_refund_cents,card_present_net_cents,stripe_gross_cents,stripe_refund_cents,stripe_net_cents,gift_card_gross_cents,gift_card_refund_cents,gift_card_net_cents,other_gross_cents,other_refund_cents,other_net_cents',
    );
    expect(lines.slice(1)).toEqual([
      `${from},0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0`,
      `${realToday()},21000,0,6000,15000,0,12000,0,12000,9000,6000,3000,0,0,0,0,0,0,0,0,0`,
      `${to},0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0`,
    ]);

    // The bookings report of days 2-4: b1-b3 live (9 players), b4 cancelled; 150.00 kept by them.
    await page.getByLabel('Report', { exact: true }).selectOption('bookings');
    await page.getByLabel('From', { exact: true }).fill(day(2));
    await page.getByLabel('To', { exact: true }).fill(day(4));
    const bookingTotals = page.getByRole('list', { name: 'Booking totals' });
    const bt = (label: string) => bookingTotals.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
    await expect.poll(() => bt('Bookings').textContent()).toBe('Bookings3');
    await expect.poll(() => bt('Players').textContent()).toBe('Players9');
    expect(await bt('Cancelled').textContent()).toBe('Cancelled1');
    expect(await bt('Revenue').textContent()).toBe('Revenue$150.00');
    await expectAccessible(page, 'bookings report');

    // A period that ends before it starts: the API's message next to "To".
    await page.getByLabel('To', { exact: true }).fill(day(1));
    await page.getByText('must not be before from', { exact: false }).first().waitFor();
    expect(await page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Nothing is offered for download for such a period (it would download the error).
    expect(await page.getByRole('link', { name: /CSV/ }).count()).toBe(0);

    // Exports are offered as downloads of the server's stream, for the period chosen.
    await page.getByLabel('To', { exact: true }).fill(day(4));
    await expect.poll(() => page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe(null);
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Customers as CSV', exact: true }).click()]);
    expect(exported.suggestedFilename()).toBe('customers.csv');
    expect((await readFile((await exported.path()), 'utf8')).split('\r\n')[0]).toMatch(/^id,/);
    expectNoProblems();
  });

  it('a staff user gets the desk lists, not the figures, reports or exports', async () => {
    const { url } = live();
    const { context, page, expectNoProblems } = await openPage(browser());
    await signInBrowser(live(), context, emails.staff);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Today’s bookings' }).waitFor();
    await page.getByRole('table', { name: 'Today’s bookings' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Last 30 days' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Recent activity' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).count()).toBe(0);
    await expectAccessible(page, 'staff dashboard');
    // Typing the address sends them home.
    await page.goto(`${url}/reports`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expectNoProblems();
  });
});
