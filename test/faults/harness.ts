/**
 * Helpers of the fault tests: real server processes, HTTP calls to 127.0.0.1 with timeouts, throwaway PostgreSQL
 * clusters. Every child process is registered so `killAll()` in afterAll ends it even when a test failed.
 */
import { spawn, spawnSync, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared PostgreSQL server the burst test creates (and drops) its own database on. */
export const SERVER_URL = process.env.FAULTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const children = new Set<ChildProcess>();

/** SIGKILLs every child process still running (afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all([...children].map((c) => killChild(c, 'SIGKILL')));
}

/** Sends a signal and waits (at most 10 s) for the process to be gone. */
export async function killChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    await Promise.race([exited, sleep(10_000)]);
  }
  children.delete(child);
  return child.exitCode;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

/** A child process whose output is kept (the last 20 kB) for failure messages. */
export function spawnLogged(cmd: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcessByStdio<null, Readable, Readable>; output: () => string } {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output: () => out };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  alive: () => boolean;
}

/** Starts `src/main.ts` as a real server and waits (bounded) until /api/health answers 200. */
export async function startServer(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'TEST_DATABASE_URL']) delete base[k];
  const { child, output } = spawnLogged(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    ...base,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  const alive = () => child.exitCode === null && child.signalCode === null;
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    const r = await call(url, 'GET', '/api/health', { timeoutMs: 2000 }).catch(() => null);
    if (r?.status === 200) return { url, child, output, alive };
    await sleep(200);
  }
  await killChild(child, 'SIGKILL');
  throw new Error(`server not ready within ${readyTimeoutMs} ms:\n${output()}`);
}

/** A parsed JSON answer, read loosely as tests do. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
  ms: number;
}

/** One HTTP call; rejects on a network error or after `timeoutMs` without an answer. */
export async function call(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = Date.now();
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: Json = { text };
  try {
    body = JSON.parse(text) as Json;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, headers: res.headers, ms: Date.now() - started };
}

/** Like `call`, but a non-expected status is an error carrying the body. */
export async function must(url: string, method: string, path: string, status: number, opts: Parameters<typeof call>[3] = {}): Promise<Json> {
  const r = await call(url, method, path, opts);
  if (r.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A fresh temporary directory under the OS temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bookingtms-${prefix}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

// --- throwaway PostgreSQL clusters -----------------------------------------------------------------------------

/** The newest installed PostgreSQL binaries (Debian layout), or those on PATH. */
export function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin', name);
  }
  return name;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool; as root it runs as the `postgres` OS user, since initdb and postgres refuse root. */
function pgTool(name: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(name), ...args]] : [pgBin(name), args];
  return new Promise((res, rej) => {
    // pg_ctl start leaves the postmaster holding stdout/stderr; its output goes to the log file instead.
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', rej);
    child.once('exit', (code, signal) => (code === 0 ? res(out) : rej(new Error(`${name} ${args.join(' ')} failed (${code ?? signal}): ${out}`))));
  });
}

export interface Cluster {
  dir: string;
  port: number;
  url: string;
  start(): Promise<void>;
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** SIGSTOP (or SIGCONT) to the postmaster and every backend: connections stay open but nothing answers. */
  freeze(frozen: boolean): void;
  /** Stops the cluster if it runs and removes its directory. */
  destroy(): Promise<void>;
}

/** initdb + pg_ctl start of a private cluster in a temp dir, on its own port, listening on 127.0.0.1 only. */
export async function createCluster(): Promise<Cluster> {
  const port = await freePort();
  const dir = tempDir('pg');
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: Cluster = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await pgTool('pg_ctl', ['-D', data, '-l', log, '-o', opts, '-w', '-t', '30', 'start']);
    },
    async stop(mode) {
      await pgTool('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
    },
    freeze(frozen) {
      const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
      for (const pid of [postmaster, ...children]) process.kill(pid, frozen ? 'SIGSTOP' : 'SIGCONT');
    },
    async destroy() {
      try {
        cluster.freeze(false);
      } catch {
        // not running
      }
      try {
        if (existsSync(join(data, 'postmaster.pid'))) await pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      } catch {
        // already stopped
      } finally {
        removeDir(dir);
      }
    },
  };
  try {
    await pgTool('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--no-locale']);
    await cluster.start();
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}

/** Runs SQL as the server's superuser (creating and dropping test databases). */
export async function adminSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
