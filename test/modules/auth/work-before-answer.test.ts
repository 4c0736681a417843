import argon2 from 'argon2';
import type * as Argon2 from 'argon2';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../src/app.js';
import type { Database, Prepared, Queryable } from '../../../src/db/client.js';
import { queuedMailer, type MailMessage, type Mailer } from '../../../src/modules/notifications/service.js';
import { call, testConfig } from '../../support/app.js';
import { freshDatabase, type TestDatabase } from '../../support/db.js';
import { PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';
import { useSmtp } from '../../support/smtp.js';
import { mailsTo } from './mail.js';

// What anonymous auth requests do before they answer: how much hashing (items 2 and 3 of the hardening issue)
// and which statements (item 4). argon2.hash is wrapped to count calls; the database records each statement.

vi.mock('argon2', async (importOriginal) => {
  const real = await importOriginal<{ default: typeof Argon2 }>();
  return { ...real, default: { ...real.default, hash: vi.fn(real.default.hash) } };
});
const hashes = () => vi.mocked(argon2.hash).mock.calls.length;

/** The database, recording the text of every statement sent through it. */
function recording(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const text = (sql: string | Prepared) => (typeof sql === 'string' ? sql : sql.text);
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      statements.push(text(sql));
      return q.query(sql, params);
    },
    queryArrays: (sql, params) => {
      statements.push(sql);
      return q.queryArrays(sql, params);
    },
    exec: (sql) => {
      statements.push(sql);
      return q.exec(sql);
    },
  });
  return {
    statements,
    db: {
      kind: db.kind,
      queueTarget: db.queueTarget,
      ...wrap(db),
      transaction: (fn, start) => {
        if (start) statements.push(start.sql);
        return db.transaction((tx, started) => fn(wrap(tx), started), start);
      },
      close: () => db.close(),
    },
  };
}

describe('what anonymous auth requests do before they answer', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let statements: string[];
  const smtp = useSmtp();
  // Messages handed to the mailer; they reach the queue only once `release` is called.
  const handed: MailMessage[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));

  beforeAll(async () => {
    tdb = await freshDatabase();
    const rec = recording(tdb.db);
    statements = rec.statements;
    const mailer: Mailer = {
      async send(m) {
        handed.push(m);
        await gate;
        await queuedMailer(tdb.db, app.queue).send(m);
      },
    };
    // No background dispatcher: its passes (in-app notifications, webhooks) would interleave their statements with the
    // request's, which is what this file counts.
    const config = testConfig({ SMTP_URL: smtp().url, LOGIN_MAX_PER_ADDRESS: '1000', SIGNUP_MAX_PER_ADDRESS: '1000', WEBHOOK_DISPATCH_MS: '0' });
    app = await buildApp({ db: rec.db, config, mailer, logger: false, checkResponses: true });
    await app.ready();
    // On the server the job queue starts in the background (src/jobs/queue.ts): its one-time grants go through this
    // database and must not land among the statements a request is counted by.
    await (app.queue as typeof app.queue & { started?: Promise<void> }).started;
  });
  afterAll(async () => {
    release();
    await app.close();
    await tdb.drop();
  });

  /** The request's answer, or 'blocked' when it does not come while the mail waits at the gate. */
  async function answer(url: string, payload: object) {
    const res = await Promise.race([app.inject({ method: 'POST', url, payload }), new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 5000))]);
    expect(res, 'the answer waited for the mail').not.toBe('blocked');
    return res as Exclude<typeof res, 'blocked'>;
  }

  it('reset-password runs the same statements for a known and an unknown email, and queues the mail after answering', async () => {
    const org = await signupOrg(app);
    const sentBefore = handed.length;

    statements.length = 0;
    const unknown = await answer('/api/auth/reset-password', { email: uniqueEmail() });
    const unknownStatements = [...statements];

    statements.length = 0;
    const known = await answer('/api/auth/reset-password', { email: org.email });
    const knownStatements = [...statements];

    expect([known.statusCode, known.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect(knownStatements).toEqual(unknownStatements);
    expect(knownStatements.some((s) => s.includes('app_reset_create'))).toBe(true);
    expect(knownStatements.some((s) => s.includes('notification_deliveries') || s.includes('pgboss'))).toBe(false);

    // The mail still goes out, after the answer.
    await vi.waitFor(() => expect(handed.length).toBe(sentBefore + 1));
    expect(handed.at(-1)).toMatchObject({ to: org.email, kind: 'password_reset' });
    release();
    expect(await mailsTo(smtp(), org.email, 'password_reset')).toHaveLength(1);
  });

  it('reset confirm checks the token before hashing the new password', async () => {
    const before = hashes();
    const res = await answer('/api/auth/reset-password/confirm', { token: 'made-up-token', password: 'a brand new password' });
    expect(res.statusCode).toBe(400);
    expect(hashes() - before).toBe(0);
  });

  it('signup with a taken email hashes nothing; a new email hashes once', async () => {
    const org = await signupOrg(app);
    const before = hashes();
    const taken = await answer('/api/auth/signup', { email: org.email, password: PASSWORD, full_name: 'Eve', organization_name: 'Eve Rooms' });
    expect(taken.statusCode).toBe(202);
    expect(hashes() - before).toBe(0);
    const fresh = await call(app, 'POST', '/api/auth/signup', { body: { email: uniqueEmail(), password: PASSWORD, full_name: 'Ann', organization_name: 'Ann Rooms' } });
    expect(fresh.status).toBe(201);
    expect(hashes() - before).toBe(1);
  });
});
