import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchInbox } from '../../src/modules/inbox/service.js';
import { call } from '../support/app.js';
import { expectAccessible, openPage, PHONE, screenshot, useBrowser } from '../support/browser.js';
import { createGame, createVenue } from '../support/catalog.js';
import { addUser, signupOrg, uniqueEmail } from '../support/fixtures.js';
import { signInBrowser, useLiveApp } from '../support/live.js';
import { eventsSettled } from '../support/money.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

// The admin app's messaging pages on a 360 px phone: templates (the API's line error, a safe preview), the delivery
// log with retry against a real SMTP server in this process, webhooks (the SSRF refusal, the secret shown once,
// replay), and the signed-in user's inbox. With SCREENSHOTS=1 the pages are saved to docs/screenshots/.

/** The text of the error tied to an input (its aria-describedby). */
async function fieldError(page: Page, label: string): Promise<string | null> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? page.locator(`[id="${errorId}"]`).textContent() : null;
}

const startAt = (days: number) => DateTime.now().setZone('America/New_York').plus({ days }).set({ hour: 15, minute: 0, second: 0, millisecond: 0 }).toISO()!;

/** A venue and game, and a staff booking for a customer with `email`. */
async function booking(app: FastifyInstance, token: string, email: string, days: number) {
  const venue = await createVenue(app, token);
  const game = await createGame(app, token, { venue_ids: [venue.id], min_notice_minutes: 0 });
  const res = await call(app, 'POST', '/api/bookings', { token, body: { game_id: game.id, venue_id: venue.id, start_at: startAt(days), party_size: 2, customer: { full_name: 'Mia Mail', email } } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; booking_number: string };
}

describe('admin app: messaging pages', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  const live = useLiveApp({ env: () => ({ SMTP_URL: smtp.url, JOB_POLL_SECONDS: '0.5', WEBHOOK_DISPATCH_MS: '200', WEBHOOK_TIMEOUT_MS: '1000' }) });
  const browser = useBrowser();

  it('edits a template: the API’s line error at the body, then a preview rendered safely', async () => {
    const { app } = live();
    const admin = await signupOrg(app);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^PUT \/api\/notification-templates\/[^/]+ 400$/] });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${live().url}/notifications`);
    await page.getByRole('link', { name: 'Booking confirmed, Email, en' }).click();
    await page.getByRole('heading', { name: 'Booking confirmed (Email, en)' }).waitFor();
    await expectAccessible(page, 'template editor');

    // The built-in template, previewed: its HTML (with a style attribute on the body) shows without a CSP complaint.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect.poll(() => page.locator('pre.preview-text').textContent()).toContain('BK-7F3K9Q');
    await page.frameLocator('iframe[title="HTML message preview"]').getByText(/BK-7F3K9Q/).first().waitFor();
    await screenshot(page, 'admin-notifications');

    const body = page.getByLabel('Text body');
    await body.fill('Hello {{ customer.full_name }},\nyour code is {{ customer.nickname }}.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => fieldError(page, 'Text body')).toMatch(/^line 2: unknown placeholder customer\.nickname/);
    expect(await body.getAttribute('aria-invalid')).toBe('true');

    await body.fill('Hello {{ customer.full_name }},\nsee you for {{ booking.booking_number }}.');
    // A script in the HTML must never run in the preview; a style attribute still shows (through the CSSOM).
    await page.getByLabel('HTML body').fill('<p id="hello" style="color: rgb(185, 28, 28)">Hi {{ customer.full_name }}</p><script>parent.document.title = "ran"</script>');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: 'Template saved' }).waitFor();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect.poll(() => page.locator('pre.preview-text').textContent()).toBe('Hello Alex Morgan,\nsee you for BK-7F3K9Q.');
    const frame = page.frameLocator('iframe[title="HTML message preview"]');
    await expect.poll(() => frame.locator('#hello').textContent()).toBe('Hi Alex Morgan');
    await expect.poll(() => frame.locator('#hello').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(185, 28, 28)');
    expect(await page.locator('iframe[title="HTML message preview"]').getAttribute('sandbox')).toBe('allow-same-origin');
    expect(await frame.locator('script').count()).toBe(0);
    expect(await page.title()).not.toBe('ran');
    await expectAccessible(page, 'template preview');

    // Reset to the built-in text: the template goes, the list no longer has it.
    await page.getByRole('button', { name: 'Reset to built-in text' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Booking confirmed, SMS, en' }).waitFor();
    expect(await page.getByRole('link', { name: 'Booking confirmed, Email, en' }).count()).toBe(0);
    expectNoProblems();
  });

  it('shows a failed delivery with its error in the log, and retries it', async () => {
    const { app } = live();
    const admin = await signupOrg(app);
    const to = uniqueEmail('mia');
    smtp.behave({ kind: 'refuse', code: 550, message: 'Mailbox unavailable' });
    await booking(app, admin.token, to, 3);
    const failed = async () => (await call(app, 'GET', '/api/notification-deliveries?status=failed', { token: admin.token })).body.data as { to: string }[];
    await expect.poll(failed, { timeout: 15_000 }).toEqual([expect.objectContaining({ to })]);
    smtp.behave({ kind: 'accept' });

    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${live().url}/notifications`);
    await page.getByRole('link', { name: 'Delivery log' }).click();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: `Retry the message to ${to}` }).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: to }).textContent()).toMatch(/Failed.*550/);
    await expectAccessible(page, 'delivery log');
    await page.getByRole('button', { name: `Retry the message to ${to}` }).click();
    await page.getByRole('status').filter({ hasText: 'queued again' }).waitFor();
    expect((await smtp.mailsTo(to)).length).toBeGreaterThanOrEqual(1);
    const sent = async () => (await call(app, 'GET', '/api/notification-deliveries?status=sent', { token: admin.token })).body.data as { to: string; attempts: number }[];
    await expect.poll(sent).toEqual([expect.objectContaining({ to, attempts: 2 })]);
    await page.getByLabel('Status').selectOption('sent');
    await page.getByRole('row').filter({ hasText: to }).filter({ hasText: 'Sent' }).waitFor();
    expectNoProblems();
  });

  it('refuses a webhook to a private address next to the URL, shows the secret once, disables, rotates and replays', async () => {
    const { app, db } = live();
    const admin = await signupOrg(app);
    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE, allow: [/^POST \/api\/webhooks 400$/] });
    await signInBrowser(live(), context, admin.email);
    await page.goto(`${live().url}/webhooks`);
    await page.getByText(/No endpoints yet/).waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByLabel('URL').fill('http://127.0.0.1:8080/hooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect.poll(() => fieldError(page, 'URL')).toBe('points inside the network (private, loopback or link-local address)');
    await expectAccessible(page, 'webhook refused');

    // A public address (an IP literal: no DNS needed) is taken; its secret shows once.
    await page.getByLabel('URL').fill('https://93.184.215.14/hooks/bookings');
    await page.getByLabel('Description').fill('Front desk screen');
    await page.getByRole('checkbox', { name: /payment\.succeeded/ }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = page.getByRole('region', { name: 'Signing secret' }).locator('.secret-value');
    await expect.poll(() => secret.textContent()).toMatch(/^whsec_/);
    const first = await secret.textContent();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByRole('region', { name: 'Signing secret' }).count()).toBe(0);
    await page.getByRole('link', { name: 'https://93.184.215.14/hooks/bookings' }).waitFor();
    await expectAccessible(page, 'webhooks list');
    await screenshot(page, 'admin-webhooks');

    await page.getByRole('link', { name: 'https://93.184.215.14/hooks/bookings' }).click();
    await page.getByRole('heading', { name: 'Front desk screen' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Disable endpoint' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).click();
    await page.getByRole('button', { name: 'Enable endpoint' }).waitFor();
    expect((await call(app, 'GET', `/api/webhooks/${id}`, { token: admin.token })).body.active).toBe(false);
    await page.getByRole('button', { name: 'Enable endpoint' }).click();
    await page.getByRole('button', { name: 'Disable endpoint' }).waitFor();

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate', exact: true }).click();
    await expect.poll(() => secret.textContent()).toMatch(/^whsec_/);
    expect(await secret.textContent()).not.toBe(first);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    // A delivery that fails here, without leaving the machine: the endpoint is pointed (behind the API's back) at a
    // name the delivery's guarded look-up refuses, then a booking is made.
    await db.query(`update webhook_endpoints set url = 'http://localhost:9/hooks' where id = $1`, [id]);
    await booking(app, admin.token, uniqueEmail('hook'), 4);
    const deliveries = async () => (await call(app, 'GET', `/api/webhooks/${id}/deliveries`, { token: admin.token })).body.data as { attempts: number }[];
    await expect.poll(async () => (await deliveries())[0]?.attempts ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await page.reload();
    const replay = page.getByRole('button', { name: /^Replay booking\.created/ });
    await replay.waitFor();
    await expectAccessible(page, 'webhook deliveries');
    await replay.click();
    await page.getByRole('status').filter({ hasText: 'booking.created will be sent again.' }).waitFor();
    expectNoProblems();
  });

  it('shows the signed-in user their own notifications, marks them read, saves their settings, and deletes one', async () => {
    const { app, db } = live();
    const admin = await signupOrg(app);
    const staff = await addUser(app, admin.token, 'staff');
    const made = await booking(app, admin.token, uniqueEmail('inbox'), 5);
    expect((await call(app, 'DELETE', `/api/bookings/${made.id}`, { token: admin.token })).status).toBe(200);
    await eventsSettled(db);
    await dispatchInbox(db);

    const { context, page, expectNoProblems } = await openPage(browser(), { viewport: PHONE });
    await signInBrowser(live(), context, staff.email);
    await page.goto(`${live().url}/inbox`);
    const title = `${made.booking_number} was cancelled`;
    await page.getByRole('heading', { name: `Unread: ${title}` }).waitFor();
    await expectAccessible(page, 'inbox');
    await page.getByRole('button', { name: `Mark read: ${title}` }).click();
    await page.getByRole('heading', { name: title, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);
    const mine = (await call(app, 'GET', '/api/notifications', { token: staff.token })).body.data as { title: string; read_at: string | null }[];
    expect(mine).toEqual([expect.objectContaining({ title, read_at: expect.any(String) })]);

    await page.getByRole('group', { name: 'Booking cancelled' }).getByRole('checkbox', { name: 'By email' }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Notification settings saved.' }).waitFor();
    const settings = (await call(app, 'GET', '/api/notifications/settings', { token: staff.token })).body;
    expect(settings['booking.cancelled']).toMatchObject({ email: false });

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No notifications.', { exact: false }).waitFor();
    expect((await call(app, 'GET', '/api/notifications', { token: staff.token })).body.total).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expectNoProblems();
  });
});
