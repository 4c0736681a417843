/**
 * A database to benchmark against and the API server running on it as a child process, as an operator runs it
 * (`npm start`): load generation in this process never competes with the server's event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

export type TargetKind = 'pglite' | 'postgres';

export interface Target {
  kind: TargetKind;
  /** Environment that points `npm start` (and the seeder) at this database. */
  env: Record<string, string>;
  /** Opens the database directly (as its owner): raw-insert baselines and timing SQL. Only while no server holds a PGlite dir. */
  open(poolSize?: number): Promise<Database>;
  dispose(): Promise<void>;
}

/** A fresh, migrated database: a PGlite directory in the temp dir, or a new database on the server at `serverUrl`. */
export async function createTarget(kind: TargetKind, serverUrl: string, label: string): Promise<Target> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `bookingtms-bench-${label}-`));
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await db.close();
    return {
      kind,
      env: { DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `bookingtms_bench_${label}_${process.pid}`;
  const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
  await admin.exec(`drop database if exists ${name} with (force)`);
  await admin.exec(`create database ${name}`);
  await admin.close();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openDatabase({ url, poolSize: 1 });
  await migrate(db);
  await db.close();
  return {
    kind,
    env: { DATABASE_URL: url },
    open: (poolSize = 40) => openDatabase({ url, poolSize }),
    async dispose() {
      const a = await openDatabase({ url: serverUrl, poolSize: 1 });
      await a.exec(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}

/** A database someone already prepared (e.g. seeded with a million bookings): used as it is, never dropped. */
export function existingTarget(url: string): Target {
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url },
    open: (poolSize = 40) => openDatabase({ url, poolSize }),
    dispose: async () => undefined,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * How the API server is started: `tsx` runs src/main.ts as `npm start` does (TypeScript compiled in the process);
 * `built` runs dist/main.js as `npm run start:built` does (after `npm run build`).
 */
export type ServerEntry = 'tsx' | 'built';

/** The node options `npm run start:built` gives (package.json), so that a built server here runs as production's does. */
function startBuiltNodeOptions(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts['start:built'] ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Starts the API server on the target and waits for /api/health. */
export async function startServer(target: Target, extraEnv: Record<string, string> = {}, nodeArgs: string[] = [], entry: ServerEntry = 'tsx'): Promise<RunningServer> {
  const port = await freePort();
  const main = entry === 'built' ? [...startBuiltNodeOptions(), 'dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...main], {
    env: {
      ...process.env,
      ...target.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '20',
      // Benchmarks measure throughput, not the abuse limits.
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      LOGIN_MAX_PER_ADDRESS: '100000',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not become healthy within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
