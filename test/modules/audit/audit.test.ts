import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg, uniqueEmail } from '../../support/fixtures.js';

describe('audit log', () => {
  const t = useTestApp();

  it('records who changed what, before and after, from where, by trigger', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const put = await call(app, 'PUT', '/api/organization', {
      token: org.token,
      body: { name: 'Renamed' },
      headers: { 'user-agent': 'audit-test/1.0', 'x-request-id': 'req-audit-1' },
    });
    expect(put.status).toBe(200);
    expect(put.headers['x-request-id']).toBe('req-audit-1');
    const res = await call(app, 'GET', `/api/audit-logs?table=organizations&action=update`, { token: org.token });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      organization_id: org.organizationId,
      user_id: org.userId,
      actor_role: 'admin',
      action: 'update',
      table_name: 'organizations',
      row_id: org.organizationId,
      before: { name: 'Escape Works' },
      after: { name: 'Renamed' },
      user_agent: 'audit-test/1.0',
      request_id: 'req-audit-1',
      client_ip: '127.0.0.1',
    });
  });

  it('stores request headers verbatim, quotes, backslashes and SQL-looking text included', async () => {
    // The server starts its transaction and sets this context in one statement with escaped literals
    // (src/db/client.ts): whatever a client puts in these headers must arrive as data, never as SQL.
    const { app } = t();
    const org = await signupOrg(app);
    const agent = `Mozilla/5.0 (O'Brien's \\ "phone") '); drop table bookings; -- \\'`;
    const put = await call(app, 'PUT', '/api/organization', {
      token: org.token,
      body: { name: 'Quoted' },
      headers: { 'user-agent': agent },
    });
    expect(put.status).toBe(200);
    const res = await call(app, 'GET', `/api/audit-logs?table=organizations&action=update`, { token: org.token });
    expect(res.body.data[0]).toMatchObject({ after: { name: 'Quoted' }, user_agent: agent });
  });

  it('never stores password hashes, filters by user and row, paginates, and shows no other organization', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const other = await signupOrg(app);
    const created = await call(app, 'POST', '/api/users', { token: org.token, body: { email: uniqueEmail(), full_name: 'New Hire', role: 'staff', password: 'a long password' } });
    const byRow = await call(app, 'GET', `/api/audit-logs?table=users&row_id=${created.body.id}`, { token: org.token });
    expect(byRow.body.total).toBe(1);
    expect(byRow.body.data[0].after.full_name).toBe('New Hire');
    expect(JSON.stringify(byRow.body)).not.toContain('argon2');

    const byUser = await call(app, 'GET', `/api/audit-logs?user_id=${org.userId}&limit=1`, { token: org.token });
    expect(byUser.body.total).toBeGreaterThanOrEqual(3);
    expect(byUser.body.data).toHaveLength(1);
    expect(byUser.body.pages).toBe(byUser.body.total);

    const all = await call(app, 'GET', '/api/audit-logs?limit=100', { token: org.token });
    expect(all.body.data.every((r: { organization_id: string }) => r.organization_id === org.organizationId)).toBe(true);
    const theirs = await call(app, 'GET', '/api/audit-logs?limit=100', { token: other.token });
    expect(theirs.body.data.some((r: { organization_id: string }) => r.organization_id === org.organizationId)).toBe(false);

    const future = await call(app, 'GET', `/api/audit-logs?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`, { token: org.token });
    expect(future.body.total).toBe(0);
    expect((await call(app, 'GET', '/api/audit-logs?from=yesterday', { token: org.token })).status).toBe(400);
  });

  it('answers and filters by the contract’s names (record_id, actor_id, occurred_at, ip), the first names still working', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const created = await call(app, 'POST', '/api/users', { token: org.token, body: { email: uniqueEmail(), full_name: 'Named Hire', role: 'staff', password: 'a long password' } });
    const byRecord = await call(app, 'GET', `/api/audit-logs?table=users&record_id=${created.body.id}`, { token: org.token });
    expect(byRecord.status).toBe(200);
    expect(byRecord.body.total).toBe(1);
    const entry = byRecord.body.data[0];
    expect(entry).toMatchObject({ record_id: created.body.id, actor_id: org.userId, ip: '127.0.0.1', action: 'insert' });
    expect(Date.parse(entry.occurred_at)).not.toBeNaN();
    // The deprecated names carry the same values.
    expect(entry).toMatchObject({ row_id: entry.record_id, user_id: entry.actor_id, client_ip: entry.ip, created_at: entry.occurred_at });

    const byActor = await call(app, 'GET', `/api/audit-logs?actor_id=${org.userId}&table=users`, { token: org.token });
    expect(byActor.body.data.map((e: { record_id: string }) => e.record_id)).toContain(created.body.id);
    const nobody = await call(app, 'GET', `/api/audit-logs?actor_id=${created.body.id}`, { token: org.token });
    expect(nobody.body.total).toBe(0);
    const bad = await call(app, 'GET', '/api/audit-logs?actor_id=not-a-uuid', { token: org.token });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty(['querystring.actor_id']);
  });
});
