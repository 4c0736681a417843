import { describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant.js';
import { bookingData, queueDelivery, type DeliveryInput } from '../../../src/modules/notifications/service.js';
import { call, useTestApp, type TestApp } from '../../support/app.js';
import { addUser, signupOrg } from '../../support/fixtures.js';
import { useSmtp } from '../../support/smtp.js';

// Booking events are wired to deliveries by the bookings module; here a delivery is queued the way it will do it
// (queueDelivery inside a tenant transaction) and everything after that is observed through HTTP and SMTP.
const data = (name: string) =>
  bookingData({
    organization: { name: 'Escape Works', email: 'hi@escape.example', phone: null },
    venue: { name: 'Downtown', timezone: 'Europe/Berlin', phone: null, address: { line1: '1 Main St', city: 'Berlin' } },
    game: { name: 'The Vault' },
    customer: { full_name: name, email: 'c@example.com' },
    booking: { booking_number: 'BK-AAAAAA', start_at: '2026-03-29T00:30:00Z', end_at: '2026-03-29T01:30:00Z', party_size: 3, status: 'confirmed', final_amount: 12000, currency: 'EUR' },
    manageUrl: 'https://book.example/manage/BK-AAAAAA?token=t0k',
  });

let n = 0;
const to = () => `customer${++n}-${Date.now()}@example.com`;

function queue(t: TestApp, organizationId: string, input: Partial<DeliveryInput> & { to: string }, rollback = false) {
  return withTenant(t.db, { organizationId, userId: null }, async (tx) => {
    const d = await queueDelivery(tx, t.app.queue, { event: 'booking_confirmed', channel: 'email', content: data('Alex Morgan'), ...input });
    if (rollback) throw new Error('rolled back on purpose');
    return d;
  });
}

/** The delivery once it has settled (sent, failed or skipped), read through the API. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function settled(t: TestApp, token: string, id: string, timeoutMs = 20_000): Promise<any> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 100))) {
    const res = await call(t.app, 'GET', '/api/notification-deliveries?limit=100', { token });
    const d = (res.body.data as { id: string; status: string }[]).find((x) => x.id === id);
    if (d && d.status !== 'queued') return d;
  }
  throw new Error(`delivery ${id} did not settle`);
}

describe('email deliveries through the queue and SMTP', () => {
  const smtp = useSmtp();
  const t = useTestApp({
    // Timeouts generous enough for a loaded 2-core CI machine: an attempt that times out is retried, and the
    // attempt counts below would change.
    env: () => ({ SMTP_URL: smtp().url, SMTP_TIMEOUT_MS: '2000', JOB_RETRY_LIMIT: '2', JOB_RETRY_DELAY_SECONDS: '1', JOB_POLL_SECONDS: '0.5' }),
  });

  it('a booking mail rendered from the default template arrives with subject, text and HTML, and the log says sent', async () => {
    const org = await signupOrg(t().app);
    const customer = await call(t().app, 'POST', '/api/customers', { token: org.token, body: { full_name: 'Alex', email: to() } });
    const address = to();
    const queued = await withTenant(t().db, { organizationId: org.organizationId, userId: null }, (tx) =>
      queueDelivery(tx, t().app.queue, { event: 'booking_confirmed', channel: 'email', to: address, customerId: customer.body.id, content: data('Alex <script>x</script> Morgan') }),
    );
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, to: address });
    const [mail] = await smtp().mailsTo(address, 'booking_confirmed');
    expect(mail!.subject).toBe('Your booking BK-AAAAAA is confirmed');
    expect(mail!.text).toContain('Hello Alex,');
    // 00:30 UTC on the day Berlin moves to summer time is 01:30 local (CET, before the 02:00 jump).
    expect(mail!.text).toContain('When: Sunday, March 29, 2026 at 01:30 (Europe/Berlin)');
    expect(mail!.text).toContain('https://book.example/manage/BK-AAAAAA?token=t0k');
    expect(mail!.html).toContain('<a href="https://book.example/manage/BK-AAAAAA?token=t0k">');
    // Named by its delivery (MAIL_FROM's domain): a resend after a crash reads as the same message.
    expect(mail!.messageId).toBe(`<${queued.id}@bookingtms.invalid>`);
    const d = await settled(t(), org.token, queued.id);
    expect(d).toMatchObject({ status: 'sent', attempts: 1, last_error: null, event: 'booking_confirmed', channel: 'email', customer_id: customer.body.id });
    expect(d.template_id).toEqual(expect.any(String));
    expect(d.sent_at).toEqual(expect.any(String));
    const byCustomer = await call(t().app, 'GET', `/api/notification-deliveries?customer_id=${customer.body.id}&status=sent&channel=email`, { token: org.token });
    expect(byCustomer.body.data.map((x: { id: string }) => x.id)).toEqual([queued.id]);
    // The settled row keeps no content (it held the manage link).
    const { rows } = await t().db.query<{ content: unknown }>('select content from notification_deliveries where id = $1', [queued.id]);
    expect(rows[0]!.content).toBeNull();
  });

  it('HTML escapes what the customer typed', async () => {
    const org = await signupOrg(t().app);
    const address = to();
    await queue(t(), org.organizationId, { to: address, content: data('<img/src=x/onerror=alert(1)> Smith') });
    const [mail] = await smtp().mailsTo(address);
    expect(mail!.html).toContain('Hello &lt;img/src=x/onerror=alert(1)&gt;,');
    expect(mail!.html).not.toContain('<img');
    expect(mail!.text).toContain('Hello <img/src=x/onerror=alert(1)>,');
  });

  it('a rolled-back transaction logs nothing, enqueues nothing and sends nothing', async () => {
    const org = await signupOrg(t().app);
    const jobs = async () => (await t().db.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'notification-deliver'`)).rows[0]!.n;
    const before = await jobs();
    const address = to();
    await expect(queue(t(), org.organizationId, { to: address }, true)).rejects.toThrow('rolled back on purpose');
    expect(await jobs()).toBe(before);
    expect((await call(t().app, 'GET', '/api/notification-deliveries', { token: org.token })).body.total).toBe(0);
    expect(await smtp().mailsTo(address, undefined, 1, 1500)).toEqual([]);
  });

  it('a server answering 451 is retried with growing delays until the mail goes through', async () => {
    const org = await signupOrg(t().app);
    smtp().behave({ kind: 'refuse', code: 451, message: 'Try again later' }, 2);
    const first = smtp().attempts.length;
    const d = await queue(t(), org.organizationId, { to: to() });
    const done = await settled(t(), org.token, d.id);
    expect(done).toMatchObject({ status: 'sent', attempts: 3 });
    const times = smtp().attempts.slice(first).map((a) => a.at);
    expect(smtp().attempts.slice(first).map((a) => a.outcome)).toEqual(['refused', 'refused', 'accepted']);
    // Every attempt is the same message to the server.
    expect(smtp().attempts.slice(first).map((a) => a.messageId)).toEqual(Array(3).fill(`<${d.id}@bookingtms.invalid>`));
    // Backoff: the n-th retry waits between retryDelay * 2^(n-1) and twice that (pg-boss adds jitter).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1900);
  });

  it('a 5xx refusal fails at once with the server’s answer; retried through the API it is sent', async () => {
    const org = await signupOrg(t().app);
    smtp().behave({ kind: 'refuse', code: 550, message: 'Mailbox unavailable' }, 1);
    const address = to();
    const d = await queue(t(), org.organizationId, { to: address });
    const failed = await settled(t(), org.token, d.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toMatch(/550.*Mailbox unavailable/);
    const retried = await call(t().app, 'POST', `/api/notification-deliveries/${d.id}/retry`, { token: org.token });
    expect([retried.status, retried.body.status]).toEqual([202, 'queued']);
    expect(await smtp().mailsTo(address)).toHaveLength(1);
    expect(await settled(t(), org.token, d.id)).toMatchObject({ status: 'sent', attempts: 2 });
    const again = await call(t().app, 'POST', `/api/notification-deliveries/${d.id}/retry`, { token: org.token });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
  });

  it('a job that fails every attempt is dead (failed, visible in the log) and a retry through the API revives it', async () => {
    const org = await signupOrg(t().app);
    smtp().behave({ kind: 'refuse', code: 421, message: 'Service not available' }, 3);
    const address = to();
    const d = await queue(t(), org.organizationId, { to: address });
    const dead = await settled(t(), org.token, d.id);
    expect(dead).toMatchObject({ status: 'failed', attempts: 3 });
    expect(dead.last_error).toMatch(/421/);
    const failedList = await call(t().app, 'GET', '/api/notification-deliveries?status=failed', { token: org.token });
    expect(failedList.body.data.map((x: { id: string }) => x.id)).toContain(d.id);
    expect((await call(t().app, 'POST', `/api/notification-deliveries/${d.id}/retry`, { token: org.token })).status).toBe(202);
    expect(await settled(t(), org.token, d.id)).toMatchObject({ status: 'sent', attempts: 4 });
    expect(await smtp().mailsTo(address)).toHaveLength(1);
  });

  it('a server that never answers times out each attempt, ends failed with the error, and the queue goes on', async () => {
    const org = await signupOrg(t().app);
    smtp().behave({ kind: 'hang' }, 3);
    const d = await queue(t(), org.organizationId, { to: to() });
    const failed = await settled(t(), org.token, d.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.last_error).toMatch(/timeout|Greeting never received/i);
    const next = to();
    await queue(t(), org.organizationId, { to: next });
    expect(await smtp().mailsTo(next)).toHaveLength(1);
  });

  it('a password reset of an organization’s user is a platform mail in that organization’s log', async () => {
    const org = await signupOrg(t().app);
    const staff = await addUser(t().app, org.token, 'staff');
    expect((await call(t().app, 'POST', '/api/auth/reset-password', { body: { email: staff.email } })).status).toBe(202);
    const [mail] = await smtp().mailsTo(staff.email, 'password_reset');
    expect(mail!.subject).toBe('Reset your BookingTMS password');
    expect(mail!.text).toMatch(/reset-password\?token=/);
    const log = await call(t().app, 'GET', '/api/notification-deliveries', { token: org.token });
    const row = log.body.data.find((x: { event: string }) => x.event === 'password_reset');
    expect(row).toMatchObject({ to: staff.email, channel: 'email', template_id: null });
    expect(JSON.stringify(log.body)).not.toMatch(/token=/);
  });
});
