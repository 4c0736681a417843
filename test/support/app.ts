import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { freshDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  tdb: TestDatabase;
  /** The frozen or moving clock the app reads; tests set `now` to move time. */
  clock: { now: Date };
}

/** Config as a fresh install has it, plus the given overrides. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...overrides });
}

/** Builds the app over a fresh database. */
export async function createTestApp(opts: { env?: Record<string, string> | (() => Record<string, string>); now?: Date; poolSize?: number } = {}): Promise<TestApp> {
  const tdb = await freshDatabase({ poolSize: opts.poolSize });
  const clock = { now: opts.now ?? new Date() };
  const fixed = Boolean(opts.now);
  const app = await buildApp({
    db: tdb.db,
    // A function when a value is known only once the file's servers run (the test SMTP server's URL).
    config: testConfig(typeof opts.env === 'function' ? opts.env() : opts.env),
    logger: false,
    checkResponses: true,
    clock: () => (fixed ? clock.now : new Date()),
  });
  await app.ready();
  return { app, db: tdb.db, tdb, clock };
}

/** Registers beforeAll/afterAll that build one app for the whole file; use the returned getter in tests. */
export function useTestApp(opts: Parameters<typeof createTestApp>[0] = {}): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp(opts);
  });
  afterAll(async () => {
    await t?.app.close();
    await t?.tdb.drop();
  });
  return () => {
    if (!t) throw new Error('test app not ready');
    return t;
  };
}

/** inject() with a bearer token and JSON body. */
export async function call(app: FastifyInstance, method: InjectOptions['method'], url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await app.inject({
    method,
    url,
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = (): any => res.json();
  return { status: res.statusCode, headers: res.headers, body: res.body ? json() : undefined, raw: res };
}
