import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

/**
 * On the PostgreSQL server, migrate one template database per run; each test file clones it
 * (CREATE DATABASE ... TEMPLATE), which is far faster than migrating every file's database.
 */
export async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('templateDatabase', null);
    return;
  }
  const name = `bookingtms_tpl_${process.pid}_${Date.now()}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await admin.exec(`create database ${name}`);
  const tpl = await openDatabase({ url: withDatabase(url, name), poolSize: 1 });
  await migrate(tpl);
  await tpl.close();
  await admin.close();
  project.provide('templateDatabase', name);
  return async () => {
    const again = await openDatabase({ url, poolSize: 1 });
    await again.exec(`drop database if exists ${name} with (force)`);
    await again.close();
  };
}

/** The same server URL, pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
