import { describe, expect, it } from 'vitest';
import { createSuperAdmin, hashPassword } from '../../../src/modules/users/service.js';
import { call, useTestApp } from '../../support/app.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';
import { useSmtp } from '../../support/smtp.js';
import { mailsTo, resetToken } from './mail.js';

describe('auth', () => {
  const smtp = useSmtp();
  const t = useTestApp({ env: () => ({ SMTP_URL: smtp().url, LOGIN_MAX_PER_EMAIL: '5', LOGIN_MAX_PER_ADDRESS: '1000', LOGIN_WINDOW_SECONDS: '315360000' }) });

  it('signup creates an organization and its admin, and the token works', async () => {
    const { app } = t();
    const email = uniqueEmail();
    const res = await call(app, 'POST', '/api/auth/signup', {
      body: { email: email.toUpperCase(), password: PASSWORD, full_name: 'Ann', organization_name: 'Lock & Key Rooms', timezone: 'Europe/Berlin', currency: 'EUR' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, role: 'admin', full_name: 'Ann' });
    expect(res.body.organization).toMatchObject({ name: 'Lock & Key Rooms', slug: 'lock-key-rooms', timezone: 'Europe/Berlin', currency: 'EUR' });
    expect(res.body.user.organization_id).toBe(res.body.organization.id);
    const session = await call(app, 'GET', '/api/auth/session', { token: res.body.token });
    expect(session.status).toBe(200);
    expect(session.body.user.id).toBe(res.body.user.id);
    expect(session.body.organization.id).toBe(res.body.organization.id);
  });

  it('signup answers a taken email with check_email and no session, and rejects a short password and an unknown time zone with field errors', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const taken = await call(app, 'POST', '/api/auth/signup', { body: { email: org.email, password: PASSWORD, full_name: 'X', organization_name: 'Y' } });
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual({ status: 'check_email', message: expect.any(String) });
    expect(taken.headers['set-cookie']).toBeUndefined();
    const bad = await call(app, 'POST', '/api/auth/signup', { body: { email: 'nope', password: 'short', full_name: '', organization_name: 'Y', timezone: 'Mars/Olympus', currency: 'XXQ' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.full_name', 'body.timezone', 'body.currency']));
  });

  it('two organizations with the same name get distinct slugs', async () => {
    const { app } = t();
    const a = await call(app, 'POST', '/api/auth/signup', { body: { email: uniqueEmail(), password: PASSWORD, full_name: 'A', organization_name: 'Same Name' } });
    const b = await call(app, 'POST', '/api/auth/signup', { body: { email: uniqueEmail(), password: PASSWORD, full_name: 'B', organization_name: 'Same Name' } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.organization.slug).not.toBe(b.body.organization.slug);
  });

  it('login answers the same 401 for an unknown email and a wrong password', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const wrong = await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: 'not the password' } });
    const unknown = await call(app, 'POST', '/api/auth/login', { body: { email: uniqueEmail(), password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    const ok = await call(app, 'POST', '/api/auth/login', { body: { email: org.email.toUpperCase(), password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body.organization.id).toBe(org.organizationId);
    expect(ok.headers['set-cookie']).toMatch(/session=.*HttpOnly/i);
  });

  it('the session cookie authenticates like the bearer token', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const login = await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const res = await call(app, 'GET', '/api/auth/session', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(org.email);
  });

  it('logout ends the session and only that session', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const second = await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: PASSWORD } });
    expect((await call(app, 'POST', '/api/auth/logout', { token: org.token })).status).toBe(204);
    const after = await call(app, 'GET', '/api/auth/session', { token: org.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
    expect((await call(app, 'GET', '/api/auth/session', { token: second.body.token })).status).toBe(200);
  });

  it('rejects missing, malformed and made-up tokens with 401', async () => {
    const { app } = t();
    expect((await call(app, 'GET', '/api/auth/session')).status).toBe(401);
    expect((await call(app, 'GET', '/api/auth/session', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await call(app, 'GET', '/api/auth/session', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  it('rate limits login attempts per email with 429 and Retry-After', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    for (let i = 0; i < 5; i++) {
      expect((await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: 'wrong password' } })).status).toBe(401);
    }
    const limited = await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: PASSWORD } });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('password reset: 202 for any email, a one-time link by mail, and every session ends', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const unknown = await call(app, 'POST', '/api/auth/reset-password', { body: { email: uniqueEmail() } });
    const known = await call(app, 'POST', '/api/auth/reset-password', { body: { email: org.email } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);

    const mails = await mailsTo(smtp(), org.email, 'password_reset');
    expect(mails).toHaveLength(1);
    const token = resetToken(mails[0]!);

    const confirm = await call(app, 'POST', '/api/auth/reset-password/confirm', { body: { token, password: 'a brand new password' } });
    expect(confirm.status).toBe(204);
    expect((await call(app, 'GET', '/api/auth/session', { token: org.token })).status).toBe(401);
    const again = await call(app, 'POST', '/api/auth/reset-password/confirm', { body: { token, password: 'another new password' } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('validation_failed');
    expect((await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: PASSWORD } })).status).toBe(401);
    expect((await call(app, 'POST', '/api/auth/login', { body: { email: org.email, password: 'a brand new password' } })).status).toBe(200);
  });

  it('stores only hashes of passwords and tokens', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { rows } = await db.query<{ password_hash: string; token_hash: string }>(
      `select u.password_hash, s.token_hash from users u join sessions s on s.user_id = u.id where u.id = $1`,
      [org.userId],
    );
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.token_hash).not.toBe(org.token);
  });

  it('a super_admin acts inside any organization it names, and the audit log says so', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const email = uniqueEmail('operator');
    await createSuperAdmin(db, { email, fullName: 'Operator', passwordHash: await hashPassword(PASSWORD) });
    const login = await call(app, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('super_admin');
    expect(login.body.organization).toBeNull();
    const token = login.body.token as string;

    const noOrg = await call(app, 'GET', '/api/organization', { token });
    expect(noOrg.status).toBe(400);
    const inOrg = await call(app, 'PUT', '/api/organization', { token, headers: { 'x-organization-id': org.organizationId }, body: { phone: '+1 555 0100' } });
    expect(inOrg.status).toBe(200);
    expect(inOrg.body.phone).toBe('+1 555 0100');

    const audit = await call(app, 'GET', `/api/audit-logs?table=organizations&row_id=${org.organizationId}&action=update`, { token: org.token });
    expect(audit.body.data[0]).toMatchObject({ user_id: login.body.user.id, actor_role: 'super_admin' });
  });

  it('routes that check the session as their transaction opens answer exactly as the others, and write nothing when refused', async () => {
    // Venues, games, customers, bookings and availability look the session up in the statement that opens the
    // tenant transaction (requireRole(..., { deferred: true })); the answers must not change.
    const { app, db } = t();
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const venueBody = { name: 'Deferred', timezone: 'Europe/Paris' };
    const venueCount = async () => (await db.query<{ n: number }>('select count(*)::int as n from venues')).rows[0]!.n;
    const before = await venueCount();

    expect((await call(app, 'GET', '/api/bookings')).status).toBe(401);
    expect((await call(app, 'POST', '/api/venues', { token: 'x'.repeat(40), body: venueBody })).status).toBe(401);
    const forbidden = await call(app, 'POST', '/api/venues', { token: staff.token, body: venueBody });
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'forbidden']);
    expect(await venueCount()).toBe(before);
    expect((await call(app, 'GET', '/api/venues', { token: staff.token })).status).toBe(200);

    const created = await call(app, 'POST', '/api/venues', { token: org.token, body: venueBody, headers: { 'user-agent': 'deferred-test' } });
    expect(created.status).toBe(201);
    const audit = await call(app, 'GET', `/api/audit-logs?table=venues&row_id=${created.body.id}`, { token: org.token });
    expect(audit.body.data[0]).toMatchObject({ user_id: org.userId, actor_role: 'admin', user_agent: 'deferred-test', organization_id: org.organizationId });

    const email = uniqueEmail('operator');
    await createSuperAdmin(db, { email, fullName: 'Operator', passwordHash: await hashPassword(PASSWORD) });
    const operator = (await call(app, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.token as string;
    const noOrg = await call(app, 'GET', '/api/venues', { token: operator });
    expect([noOrg.status, Object.keys(noOrg.body.fields ?? {})]).toEqual([400, ['headers.x-organization-id']]);
    const inOrg = await call(app, 'GET', '/api/venues', { token: operator, headers: { 'x-organization-id': org.organizationId } });
    expect(inOrg.body.data.map((v: { id: string }) => v.id)).toContain(created.body.id);

    await call(app, 'POST', '/api/auth/logout', { token: staff.token });
    expect((await call(app, 'GET', '/api/customers', { token: staff.token })).status).toBe(401);
  });
});
