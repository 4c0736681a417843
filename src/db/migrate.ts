import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_KEY = 7_431_002;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads migrations/NNNN_name.sql in version order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction. The version is recorded *before* the
 * file runs, under an advisory lock, so two processes starting together never both apply the same file: the
 * second one waits, then finds the version taken and skips it. Returns the versions this call applied.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number[]> {
  await db.exec(`
    create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
  const applied: number[] = [];
  for (const m of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const inserted = await tx.query(
        'insert into schema_migrations (version, name) values ($1, $2) on conflict (version) do nothing returning version',
        [m.version, m.name],
      );
      if (inserted.rows.length === 0) return false;
      await tx.exec(m.sql);
      return true;
    });
    if (didApply) applied.push(m.version);
  }
  return applied;
}
