import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { freshDatabase, onServer, type TestDatabase } from '../support/db.js';

describe('migrations', () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of opened) await d.drop();
  });

  it('are numbered, applied once each, and recorded', async () => {
    const files = loadMigrations();
    expect(files.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    const d = await freshDatabase();
    opened.push(d);
    expect(await migrate(d.db)).toEqual([]);
    const { rows } = await d.db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
  });

  it('a failing migration leaves nothing behind, not even its record', async () => {
    const d = await freshDatabase();
    opened.push(d);
    const bad = { version: 9999, name: 'broken', sql: 'create table half_done (id int); select no_such_function();' };
    await expect(migrate(d.db, [bad])).rejects.toThrow();
    const { rows } = await d.db.query(`select 1 from schema_migrations where version = 9999 union all select 1 from pg_tables where tablename = 'half_done'`);
    expect(rows).toHaveLength(0);
  });

  // On the server: two pools, as two API processes starting together. PGlite has one connection, so there the
  // two calls race through the same database handle.
  it('two migrators running at once apply each file exactly once', async () => {
    const d = await freshDatabase();
    opened.push(d);
    const extra = { version: 9000, name: 'counter', sql: 'create table applied_counter (n int); insert into applied_counter values (1);' };
    const other = onServer ? await openDatabase({ url: d.url!, poolSize: 2 }) : d.db;
    try {
      const results = await Promise.all([migrate(d.db, [extra]), migrate(other, [extra])]);
      expect(results.flat()).toEqual([9000]);
      const { rows } = await d.db.query<{ n: number }>('select count(*)::int as n from applied_counter');
      expect(rows[0]!.n).toBe(1);
    } finally {
      if (other !== d.db) await other.close();
    }
  });
});
