import { describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant.js';
import { call, useTestApp } from '../support/app.js';
import { addUser, signupOrg } from '../support/fixtures.js';

describe('tenancy is enforced by the database', () => {
  const t = useTestApp();

  it('a query that forgets its organization filter still sees only the current organization', async () => {
    const { app, db } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    await addUser(app, b.token, 'staff');
    const seen = await withTenant(db, { organizationId: a.organizationId, userId: a.userId }, async (tx) => ({
      users: (await tx.query<{ organization_id: string }>('select organization_id from users')).rows,
      orgs: (await tx.query<{ id: string }>('select id from organizations')).rows,
      audit: (await tx.query<{ organization_id: string }>('select organization_id from audit_logs')).rows,
    }));
    expect(seen.users.length).toBeGreaterThan(0);
    expect(seen.users.every((r) => r.organization_id === a.organizationId)).toBe(true);
    expect(seen.orgs).toEqual([{ id: a.organizationId }]);
    expect(seen.audit.every((r) => r.organization_id === a.organizationId)).toBe(true);
  });

  it('without an organization set, tenant tables look empty', async () => {
    const { app, db } = t();
    await signupOrg(app);
    const n = await withTenant(db, { organizationId: null, userId: null }, async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from users')).rows[0]!.n);
    expect(n).toBe(0);
  });

  it('rows cannot be written into another organization', async () => {
    const { app, db } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    await expect(
      withTenant(db, { organizationId: a.organizationId, userId: a.userId }, (tx) =>
        tx.query(`insert into users (organization_id, email, full_name, role) values ($1, 'sneaky@example.test', 'S', 'staff')`, [b.organizationId]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const updated = await withTenant(db, { organizationId: a.organizationId, userId: a.userId }, (tx) =>
      tx.query(`update users set full_name = 'hijacked' where organization_id = $1`, [b.organizationId]),
    );
    expect(updated.rowCount).toBe(0);
  });

  it('the app role cannot change or delete audit rows, nor read system tables', async () => {
    const { app, db } = t();
    const a = await signupOrg(app);
    const ctx = { organizationId: a.organizationId, userId: a.userId };
    await expect(withTenant(db, ctx, (tx) => tx.query(`update audit_logs set action = 'delete'`))).rejects.toMatchObject({ code: '42501' });
    await expect(withTenant(db, ctx, (tx) => tx.query('delete from audit_logs'))).rejects.toMatchObject({ code: '42501' });
    await expect(withTenant(db, ctx, (tx) => tx.query('select * from sessions'))).rejects.toMatchObject({ code: '42501' });
    await expect(withTenant(db, ctx, (tx) => tx.query('select * from password_reset_tokens'))).rejects.toMatchObject({ code: '42501' });
  });

  it('the request role is neither superuser nor BYPASSRLS, and every table with organization_id forces RLS', async () => {
    const { db } = t();
    const role = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(`select rolsuper, rolbypassrls from pg_roles where rolname = 'bookingtms_app'`);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const tables = await db.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; granted: boolean }>(`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
             has_table_privilege('bookingtms_app', c.oid, 'select') as granted
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
             or c.relname = 'organizations')`);
    expect(tables.rows.length).toBeGreaterThan(3);
    for (const r of tables.rows) {
      // A tenant table is either granted to the app role under forced RLS, or not granted at all (system table).
      if (r.granted) expect({ table: r.relname, rls: r.relrowsecurity, forced: r.relforcerowsecurity }).toEqual({ table: r.relname, rls: true, forced: true });
    }
  });

  it("another organization's user id answers 404, never 403 or data", async () => {
    const { app } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    const res = await call(app, 'GET', `/api/users/${b.userId}`, { token: a.token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    const put = await call(app, 'PUT', `/api/users/${b.userId}`, { token: a.token, body: { full_name: 'Hijacked' } });
    expect(put.status).toBe(404);
    const del = await call(app, 'DELETE', `/api/users/${b.userId}`, { token: a.token });
    expect(del.status).toBe(404);
    const own = await call(app, 'GET', `/api/users/${b.userId}`, { token: b.token });
    expect(own.body.full_name).toBe('Ada Admin');
  });
});
