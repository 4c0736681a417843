import { describe, expect, it } from 'vitest';
import { call, useTestApp, type TestApp } from '../../support/app.js';
import { useSmtp } from '../../support/smtp.js';
import { bookingWorld, mailEnv, sleep } from './support.js';

// Real time is where pg-boss decides a job is due; the app's clock (frozen here) decides what is scheduled. Jobs
// are made due by moving their start_after to now (what waiting would do), never by sleeping until then.
const HOUR = 3_600_000;
// The next UTC midnight (05:30 in Kolkata): ahead of real time, so no reminder falls due before a test makes it
// so, and every booking below starts between 04:30 and 15:30 local, far from the day's end whatever hour the
// suite runs at (a 60-minute game cannot start at 23:30 in a venue that closes at 24:00).
const NOW = new Date((Math.floor(Date.now() / (24 * HOUR)) + 1) * 24 * HOUR);
const ALWAYS_OPEN = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));

interface ReminderJob {
  id: string;
  state: string;
  start_after: Date;
  data: { booking_id: string; offset_minutes: number; start_at: string };
}

async function remindersOf(t: TestApp, bookingId: string): Promise<ReminderJob[]> {
  const { rows } = await t.db.query<ReminderJob>(
    `select id, state, start_after, data from pgboss.job where name = 'booking-reminder' and data->>'booking_id' = $1 order by start_after`,
    [bookingId],
  );
  return rows;
}

/** Makes a booking's reminder jobs due now and waits until the worker has run every one of them. */
async function runReminders(t: TestApp, bookingId: string) {
  await t.db.query(`update pgboss.job set start_after = now() where name = 'booking-reminder' and data->>'booking_id' = $1 and state = 'created'`, [bookingId]);
  for (const started = Date.now(); Date.now() - started < 15_000; await sleep(100)) {
    if ((await remindersOf(t, bookingId)).every((j) => j.state === 'completed')) return;
  }
  throw new Error('reminder jobs did not complete');
}

async function world(t: TestApp, reminders: number[]) {
  const w = await bookingWorld(t.app, { timezone: 'Asia/Kolkata', reminders });
  expect((await call(t.app, 'PUT', `/api/venues/${w.venue.id}`, { token: w.org.token, body: { operating_hours: ALWAYS_OPEN } })).status).toBe(200);
  const book = async (start: Date) => {
    const body = { game_id: w.game.id, venue_id: w.venue.id, start_at: start.toISOString(), party_size: 2, customer_id: w.customer.id };
    const res = await call(t.app, 'POST', '/api/bookings', { token: w.org.token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; start_at: string };
  };
  return { ...w, book };
}

describe('reminders per policies.reminder_offsets_minutes', () => {
  const smtp = useSmtp();
  const t = useTestApp({ now: NOW, env: () => mailEnv(smtp().url) });

  it('the default policy is one reminder a day before', async () => {
    const org = await call(t().app, 'GET', '/api/organization', { token: (await bookingWorld(t().app)).org.token });
    expect(org.body.policies.reminder_offsets_minutes).toEqual([]);
    const fresh = await call(t().app, 'POST', '/api/auth/signup', { body: { email: `r${Date.now()}@example.com`, password: 'correct horse battery', full_name: 'R', organization_name: 'R' } });
    expect(fresh.body.organization.policies.reminder_offsets_minutes).toEqual([1440]);
    const bad = await call(t().app, 'PUT', '/api/organization', { token: fresh.body.token, body: { policies: { reminder_offsets_minutes: [60, 60] } } });
    expect(bad.status).toBe(400);
  });

  it('each offset is scheduled at start - offset; one already passed is not; a due reminder is mailed once, in the venue zone', async () => {
    const w = await world(t(), [1440, 60]);
    const far = await w.book(new Date(NOW.getTime() + 48 * HOUR));
    const jobs = await remindersOf(t(), far.id);
    expect(jobs.map((j) => [j.data.offset_minutes, j.start_after.toISOString()])).toEqual([
      [1440, new Date(NOW.getTime() + 24 * HOUR).toISOString()],
      [60, new Date(NOW.getTime() + 47 * HOUR).toISOString()],
    ]);
    // Three hours ahead: the day-before reminder is already past, only the hour-before one is scheduled.
    const soon = await w.book(new Date(NOW.getTime() + 3 * HOUR));
    expect((await remindersOf(t(), soon.id)).map((j) => j.data.offset_minutes)).toEqual([60]);

    await runReminders(t(), soon.id);
    const [mail] = await smtp().mailsTo(w.email, 'booking_reminder');
    const local = new Date(soon.start_at).toLocaleTimeString('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' });
    expect(mail!.subject).toContain(`Reminder: The Vault on`);
    expect(mail!.text).toContain(`at ${local} (Asia/Kolkata)`);
    // The same job again (a retry after a crash, a second enqueue): its delivery key is taken, nothing more is sent.
    await t().app.queue.enqueue(t().db, 'booking-reminder', { ...(await remindersOf(t(), soon.id))[0]!.data, organization_id: w.org.organizationId });
    await runReminders(t(), soon.id);
    await sleep(800);
    expect(await smtp().mailsTo(w.email, 'booking_reminder', 2, 0)).toHaveLength(1);
    const { rows } = await t().db.query<{ n: number }>(`select count(*)::int as n from notification_deliveries where booking_id = $1 and event = 'booking_reminder' and channel = 'email'`, [soon.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('a reschedule’s new reminders replace the old ones (which skip themselves); a cancellation drops them', async () => {
    const w = await world(t(), [60]);
    const moved = await w.book(new Date(NOW.getTime() + 5 * HOUR));
    const to = new Date(NOW.getTime() + 7 * HOUR);
    expect((await call(t().app, 'PUT', `/api/bookings/${moved.id}`, { token: w.org.token, body: { start_at: to.toISOString() } })).status).toBe(200);
    const jobs = await remindersOf(t(), moved.id);
    expect(jobs.map((j) => j.data.start_at)).toEqual([new Date(moved.start_at).toISOString(), to.toISOString()]);
    await runReminders(t(), moved.id);
    const mails = await smtp().mailsTo(w.email, 'booking_reminder');
    const local = to.toLocaleTimeString('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit' });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`at ${local} (Asia/Kolkata)`);

    const cancelled = await w.book(new Date(NOW.getTime() + 10 * HOUR));
    expect((await call(t().app, 'DELETE', `/api/bookings/${cancelled.id}`, { token: w.org.token })).status).toBe(200);
    await runReminders(t(), cancelled.id);
    await sleep(800);
    expect(await smtp().mailsTo(w.email, 'booking_reminder', 2, 0)).toHaveLength(1);
    const { rows } = await t().db.query<{ n: number }>(`select count(*)::int as n from notification_deliveries where booking_id = $1 and event = 'booking_reminder' and channel = 'email'`, [cancelled.id]);
    expect(rows[0]!.n).toBe(0);
  });
});
