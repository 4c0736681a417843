import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSuperAdmin, hashPassword } from '../../../src/modules/users/service.js';
import { call, useTestApp } from '../../support/app.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';
import { useSmtp, type TestSmtp } from '../../support/smtp.js';
import { mailsTo, resetToken } from './mail.js';

// The findings of the "Security hardening" issue, each through HTTP. docs/security.md names these tests.

const signupBody = (email: string, extra: Record<string, unknown> = {}) => ({ email, password: PASSWORD, full_name: 'Eve', organization_name: 'Eve Rooms', ...extra });
// Fixed windows start at multiples of their length since the epoch: a long one keeps a test from straddling two.
const LONG_WINDOWS = { LOGIN_WINDOW_SECONDS: '315360000', SIGNUP_WINDOW_SECONDS: '315360000' };
const from = (app: FastifyInstance, remoteAddress: string, url: string, payload: object) => app.inject({ method: 'POST', url, remoteAddress, payload });

/** Asks for a reset link and returns its token (the n-th mail to that address). */
async function resetLink(app: FastifyInstance, smtp: TestSmtp, email: string, n = 1): Promise<string> {
  expect((await call(app, 'POST', '/api/auth/reset-password', { body: { email } })).status).toBe(202);
  const mails = await mailsTo(smtp, email, 'password_reset', n);
  expect(mails).toHaveLength(n);
  return resetToken(mails[n - 1]!);
}

const confirm = (app: FastifyInstance, token: string, password = 'a brand new password') =>
  call(app, 'POST', '/api/auth/reset-password/confirm', { body: { token, password } });

describe('auth hardening', () => {
  const smtp = useSmtp();
  const t = useTestApp({ env: () => ({ SMTP_URL: smtp().url, ...LONG_WINDOWS, LOGIN_MAX_PER_ADDRESS: '1000', SIGNUP_MAX_PER_ADDRESS: '1000' }) });

  // 1. Old password-reset links
  it('issuing a new reset link spends the older one, and using the newest spends it too', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const first = await resetLink(app, smtp(), org.email, 1);
    const second = await resetLink(app, smtp(), org.email, 2);
    expect((await confirm(app, first)).status).toBe(400);
    expect((await confirm(app, second)).status).toBe(204);
    expect((await confirm(app, second, 'yet another password')).status).toBe(400);
  });

  it('an admin setting a user’s password spends that user’s outstanding reset links', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const link = await resetLink(app, smtp(), staff.email);
    const put = await call(app, 'PUT', `/api/users/${staff.userId}`, { token: org.token, body: { password: 'set by the admin' } });
    expect(put.status).toBe(200);
    const used = await confirm(app, link);
    expect([used.status, used.body.code]).toEqual([400, 'validation_failed']);
    expect((await call(app, 'POST', '/api/auth/login', { body: { email: staff.email, password: 'set by the admin' } })).status).toBe(200);
  });

  it('changing a user’s email spends the links sent to the old address', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const link = await resetLink(app, smtp(), staff.email);
    expect((await call(app, 'PUT', `/api/users/${staff.userId}`, { token: org.token, body: { email: uniqueEmail('moved') } })).status).toBe(200);
    expect((await confirm(app, link)).status).toBe(400);
  });

  // 2. Signup and existing accounts
  it('signup with another organization’s or the operator’s email answers 202 check_email, says nothing of the account, and tells its owner', async () => {
    const { app, db } = t();
    const other = await signupOrg(app);
    const operator = uniqueEmail('operator');
    await createSuperAdmin(db, { email: operator, fullName: 'Operator', passwordHash: await hashPassword(PASSWORD) });

    const answers = [];
    for (const email of [other.email, other.email.toUpperCase(), operator]) {
      const res = await call(app, 'POST', '/api/auth/signup', { body: signupBody(email) });
      expect(res.status).toBe(202);
      expect(res.headers['set-cookie']).toBeUndefined();
      answers.push(res.body);
    }
    expect(answers[0]).toEqual({ status: 'check_email', message: expect.any(String) });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(JSON.stringify(answers[0])).not.toMatch(/exist|already|in use/i);

    expect(await mailsTo(smtp(), other.email, 'signup_existing', 2)).toHaveLength(2);
    expect(await mailsTo(smtp(), operator, 'signup_existing')).toHaveLength(1);
    // Nothing was created, and the owner's password still works.
    expect((await call(app, 'POST', '/api/auth/login', { body: { email: other.email, password: PASSWORD } })).status).toBe(200);
  });

  // 5. Lock-out by wrong passwords from elsewhere
  it('ten wrong passwords from one address lock out that address only: the user still signs in from another', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const attempt = (address: string, password: string) => from(app, address, '/api/auth/login', { email: org.email, password });
    for (let i = 0; i < 10; i++) expect((await attempt('203.0.113.66', 'wrong password')).statusCode).toBe(401);
    const blocked = await attempt('203.0.113.66', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await attempt('198.51.100.7', PASSWORD);
    expect(elsewhere.statusCode).toBe(200);
  });

  // 6. Bidirectional control characters
  it('signup refuses bidirectional control characters in names and email with 400 and the fields', async () => {
    const { app } = t();
    for (const c of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f']) {
      const res = await call(app, 'POST', '/api/auth/signup', {
        body: signupBody(`ev${c}e@example.test`, { full_name: `Eve ${c}nimda`, organization_name: `Rooms${c} Ltd` }),
      });
      expect(res.status, `U+${c.codePointAt(0)!.toString(16)}`).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields).sort()).toEqual(['body.email', 'body.full_name', 'body.organization_name']);
    }
    const nameOnly = await call(app, 'POST', '/api/auth/signup', { body: signupBody(uniqueEmail(), { full_name: 'Ann\u202eeoJ' }) });
    expect([nameOnly.status, Object.keys(nameOnly.body.fields ?? {})]).toEqual([400, ['body.full_name']]);
    // Right-to-left names without control characters stay welcome.
    expect((await call(app, 'POST', '/api/auth/signup', { body: signupBody(uniqueEmail(), { full_name: 'سارة', organization_name: 'חדר בריחה' }) })).status).toBe(201);
  });
});

// 2 and 3. Limits per address, shared through the database.
describe('auth limits per address', () => {
  const t = useTestApp({ env: { ...LONG_WINDOWS, SIGNUP_MAX_PER_ADDRESS: '2', LOGIN_MAX_PER_ADDRESS: '3' } });

  it('signup is limited per address with 429 rate_limited and Retry-After; other addresses go on', async () => {
    const { app } = t();
    const signup = (address: string) => from(app, address, '/api/auth/signup', signupBody(uniqueEmail()));
    expect((await signup('203.0.113.10')).statusCode).toBe(201);
    expect((await signup('203.0.113.10')).statusCode).toBe(201);
    const limited = await signup('203.0.113.10');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'Too Many Requests', code: 'rate_limited', message: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signup('203.0.113.11')).statusCode).toBe(201);
  });

  it('taken emails count against the signup limit like new ones', async () => {
    const { app } = t();
    const org = await signupOrg(app, { email: uniqueEmail() });
    const taken = () => from(app, '203.0.113.20', '/api/auth/signup', signupBody(org.email));
    expect((await taken()).statusCode).toBe(202);
    expect((await taken()).statusCode).toBe(202);
    expect((await taken()).statusCode).toBe(429);
  });

  it('reset confirm is limited per address with 429 rate_limited and Retry-After', async () => {
    const { app } = t();
    const confirmFrom = () => from(app, '203.0.113.30', '/api/auth/reset-password/confirm', { token: 'not-a-real-token', password: 'a brand new password' });
    for (let i = 0; i < 3; i++) expect((await confirmFrom()).statusCode).toBe(400);
    const limited = await confirmFrom();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
