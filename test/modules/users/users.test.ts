import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';

describe('users and roles', () => {
  const t = useTestApp();

  it('only admins manage users: manager and staff get 403', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const manager = await addUser(app, org.token, 'manager');
    const staff = await addUser(app, org.token, 'staff');
    for (const token of [manager.token, staff.token]) {
      const list = await call(app, 'GET', '/api/users', { token });
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('forbidden');
      expect((await call(app, 'POST', '/api/users', { token, body: { email: uniqueEmail(), full_name: 'X', role: 'admin' } })).status).toBe(403);
      expect((await call(app, 'GET', '/api/audit-logs', { token })).status).toBe(403);
      expect((await call(app, 'PUT', '/api/organization', { token, body: { name: 'Mine now' } })).status).toBe(403);
      expect((await call(app, 'GET', '/api/organization', { token })).status).toBe(200);
    }
  });

  it('admin creates, lists, filters, reads and updates users', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const email = uniqueEmail('staff');
    const created = await call(app, 'POST', '/api/users', { token: org.token, body: { email, full_name: 'Sam Staff', role: 'staff' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, full_name: 'Sam Staff', role: 'staff', organization_id: org.organizationId, active: true });
    expect(created.body).not.toHaveProperty('password_hash');

    const list = await call(app, 'GET', '/api/users?role=staff&limit=1', { token: org.token });
    expect(list.body).toMatchObject({ total: 1, page: 1, pages: 1 });
    const search = await call(app, 'GET', '/api/users?q=sam', { token: org.token });
    expect(search.body.data.map((u: { id: string }) => u.id)).toEqual([created.body.id]);

    const updated = await call(app, 'PUT', `/api/users/${created.body.id}`, { token: org.token, body: { role: 'manager', full_name: 'Sam Manager' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ role: 'manager', full_name: 'Sam Manager' });
    expect((await call(app, 'GET', `/api/users/${created.body.id}`, { token: org.token })).body.role).toBe('manager');
  });

  it('a duplicate email is 409, a super_admin role cannot be granted, bad ids are 400', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const dup = await call(app, 'POST', '/api/users', { token: org.token, body: { email: org.email, full_name: 'Dup', role: 'staff' } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('already_exists');
    const sa = await call(app, 'POST', '/api/users', { token: org.token, body: { email: uniqueEmail(), full_name: 'Op', role: 'super_admin' } });
    expect(sa.status).toBe(400);
    expect((await call(app, 'GET', '/api/users/not-a-uuid', { token: org.token })).status).toBe(400);
  });

  it('deleting deactivates: the user stays listed, cannot sign in, and open sessions end', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const del = await call(app, 'DELETE', `/api/users/${staff.userId}`, { token: org.token });
    expect(del.status).toBe(200);
    expect(del.body.active).toBe(false);
    expect((await call(app, 'GET', '/api/auth/session', { token: staff.token })).status).toBe(401);
    expect((await call(app, 'POST', '/api/auth/login', { body: { email: staff.email, password: PASSWORD } })).status).toBe(401);
    expect((await call(app, 'GET', `/api/users?active=false`, { token: org.token })).body.data[0].id).toBe(staff.userId);
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const res = await call(app, 'DELETE', `/api/users/${org.userId}`, { token: org.token });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('rule_violation');
    expect((await call(app, 'PUT', `/api/users/${org.userId}`, { token: org.token, body: { role: 'staff' } })).status).toBe(422);
  });

  it('changing a password ends that user’s sessions', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    expect((await call(app, 'PUT', `/api/users/${staff.userId}`, { token: org.token, body: { password: 'fresh password 123' } })).status).toBe(200);
    expect((await call(app, 'GET', '/api/auth/session', { token: staff.token })).status).toBe(401);
    expect((await call(app, 'POST', '/api/auth/login', { body: { email: staff.email, password: 'fresh password 123' } })).status).toBe(200);
  });
});
