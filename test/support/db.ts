import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { withDatabase } from './global-setup.js';

export const onServer = Boolean(process.env.TEST_DATABASE_URL);

export interface TestDatabase {
  db: Database;
  /** Server URL of this database (null on PGlite), for tests that open a second connection pool. */
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or on the server a clone of the
 * migrated template made by global-setup.
 */
export async function freshDatabase(opts: { poolSize?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db);
    return { db, url: null, drop: () => db.close() };
  }
  const template = inject('templateDatabase');
  if (!template) throw new Error('global-setup did not create a template database');
  const name = `bookingtms_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
  await admin.exec(`create database ${name} template ${template}`);
  await admin.close();
  const url = withDatabase(serverUrl, name);
  const db = await openDatabase({ url, poolSize: opts.poolSize ?? 20 });
  return {
    db,
    url,
    async drop() {
      await db.close();
      const a = await openDatabase({ url: serverUrl, poolSize: 1 });
      await a.exec(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}
