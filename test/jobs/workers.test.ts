import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { withTenant } from '../../src/db/tenant.js';
import { bookingData, queueDelivery } from '../../src/modules/notifications/service.js';
import { call, testConfig } from '../support/app.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { signupOrg } from '../support/fixtures.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const content = bookingData({
  organization: { name: 'Escape Works', email: null, phone: null },
  venue: { name: 'Uptown', timezone: 'America/New_York', phone: null, address: null },
  game: { name: 'Heist' },
  customer: { full_name: 'Sam Lee', email: null },
  booking: { booking_number: 'BK-BBBBBB', start_at: '2026-11-01T05:30:00Z', end_at: '2026-11-01T06:30:00Z', party_size: 2, status: 'confirmed', final_amount: 5000, currency: 'USD' },
  manageUrl: 'https://book.example/m',
});

/** Where the work runs: an API with --no-workers enqueues, and a process running workers (npm run worker) sends. */
describe('workers apart from the API', () => {
  let tdb: TestDatabase;
  let smtp: TestSmtp;
  let api: FastifyInstance;
  let worker: FastifyInstance | undefined;
  let unconfigured: FastifyInstance | undefined;
  const env = () => ({ SMTP_URL: smtp.url, JOB_POLL_SECONDS: '0.5' });

  beforeAll(async () => {
    tdb = await freshDatabase();
    smtp = await startSmtp();
    api = await buildApp({ db: tdb.db, config: testConfig({ ...env(), WORKERS: 'false' }), logger: false });
    await api.ready();
  });
  afterAll(async () => {
    await worker?.close();
    await unconfigured?.close();
    await api.close();
    await smtp.close();
    await tdb.drop();
  });

  it('an API without workers only enqueues; a worker process delivers what waited, with the times in the venue zone', async () => {
    const org = await signupOrg(api);
    const d = await withTenant(tdb.db, { organizationId: org.organizationId, userId: null }, (tx) =>
      queueDelivery(tx, api.queue, { event: 'booking_reminder', channel: 'email', to: 'sam@example.com', content }),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.mails).toHaveLength(0);
    expect((await call(api, 'GET', '/api/notification-deliveries', { token: org.token })).body.data[0]).toMatchObject({ id: d.id, status: 'queued' });

    worker = await buildApp({ db: tdb.db, config: testConfig(env()), logger: false });
    await worker.ready();
    const [mail] = await smtp.mailsTo('sam@example.com', 'booking_reminder');
    expect(mail!.subject).toBe('Reminder: Heist on Sunday, November 1, 2026 at 01:30');
    await worker.close();
    worker = undefined;
  });

  it('without SMTP_URL a delivery is recorded as skipped with the reason, not sent', async () => {
    unconfigured = await buildApp({ db: tdb.db, config: testConfig({ JOB_POLL_SECONDS: '0.5' }), logger: false });
    await unconfigured.ready();
    const org = await signupOrg(unconfigured);
    const d = await withTenant(tdb.db, { organizationId: org.organizationId, userId: null }, (tx) =>
      queueDelivery(tx, unconfigured!.queue, { event: 'booking_confirmed', channel: 'email', to: 'nobody@example.com', content }),
    );
    let row;
    for (let i = 0; i < 100; i++) {
      row = (await call(unconfigured, 'GET', '/api/notification-deliveries', { token: org.token })).body.data.find((x: { id: string }) => x.id === d.id);
      if (row.status !== 'queued') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row).toMatchObject({ status: 'skipped', attempts: 1, last_error: 'SMTP_URL is not set: recorded, not sent' });
    expect(await smtp.mailsTo('nobody@example.com', undefined, 1, 500)).toEqual([]);
  });
});
