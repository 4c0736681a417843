/**
 * (g) insights (issue 15) over the demo database on the server: every dashboard endpoint timed by a single client
 * (p50/p99 over N sequential requests) with the report cache off (REPORTS_CACHE_MS=0, each answer computed) and on
 * (the first answer computed, the rest served from memory); each report over the last 365 days; and the CSV
 * export of all bookings, rows per second and the API process's resident memory (sampled while it streams, and
 * the kernel's high-water mark of the whole run).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createTarget, existingTarget, startServer, type RunningServer, type ServerEntry, type Target } from '../target.js';

export interface InsightsOptions {
  serverUrl: string;
  /** An already seeded database to use as it is; otherwise one is seeded with `bookings` and dropped after. */
  existingUrl?: string;
  bookings: number;
  /** Requests per endpoint and cache mode. */
  requests: number;
  /** How the API servers are started (tsx or the built JavaScript), and node options for them. */
  entry: ServerEntry;
  nodeArgs: string[];
  row: (scenario: string, target: string, figure: string) => void;
}

const DASHBOARD = ['stats', 'trend', 'hourly', 'today', 'upcoming', 'activity'];
const REPORTS = ['revenue', 'bookings', 'customers', 'promotions', 'staff', 'funnel'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const f1 = (n: number) => n.toFixed(1);

/** Resident memory of a process in MB: now (VmRSS) and its high-water mark since it started (VmHWM). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

interface Caller {
  url: string;
  headers: Record<string, string>;
}

/** N sequential GETs of `path`; latencies in ms, sorted. Throws on any non-200 (a figure of errors is no figure). */
async function timeGets(c: Caller, path: string, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${c.url}${path}`, { headers: c.headers });
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  }
  return ms.sort((a, b) => a - b);
}

/**
 * Streams the bookings export, counting records (CRLF-ended; a quoted line break inside a cell ends in LF only).
 * The API's resident memory is read before (its floor, idle after the timed requests), sampled every 50 ms while
 * it streams, and noted at each tenth of the rows: flat memory shows as the same figure from the first tenth on.
 */
async function timeExport(c: Caller, pid: number, expected: number) {
  const idleRss = memoryOf(pid).rss;
  let maxRss = 0;
  const byTenth: number[] = [];
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, memoryOf(pid).rss)), 50);
  const t0 = performance.now();
  const res = await fetch(`${c.url}/api/exports/bookings?format=csv`, { headers: c.headers });
  if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status}`);
  let records = 0;
  let bytes = 0;
  let lastCr = false;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === 10 && (i > 0 ? chunk[i - 1] === 13 : lastCr)) {
        records++;
        if (records % Math.max(1, Math.floor(expected / 10)) === 0 && byTenth.length < 10) byTenth.push(Math.round(memoryOf(pid).rss));
      }
    }
    lastCr = chunk[chunk.length - 1] === 13;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const rows = records - 1; // the header
  return { rows, bytes, seconds, rows_per_second: rows / seconds, idle_rss_mb: idleRss, max_rss_mb: Math.max(maxRss, memoryOf(pid).rss), rss_mb_by_tenth: byTenth, process_hwm_mb: memoryOf(pid).hwm };
}

async function withServer<T>(target: Target, env: Record<string, string>, fn: (s: RunningServer) => Promise<T>, o: InsightsOptions): Promise<T> {
  const server = await startServer(target, env, o.nodeArgs, o.entry);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

export async function benchInsights(o: InsightsOptions): Promise<Record<string, unknown>> {
  const target = o.existingUrl ? existingTarget(o.existingUrl) : await createTarget('postgres', o.serverUrl, 'insights');
  const { row } = o;
  try {
    const cli = (cmd: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...cmd], { env: { ...process.env, ...target.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) throw new Error(`cli ${cmd[0]} failed`);
    };
    let seedSeconds = 0;
    if (!o.existingUrl) {
      const t0 = performance.now();
      cli(['seed-demo', '--bookings', String(o.bookings)]);
      seedSeconds = (performance.now() - t0) / 1000;
      row('(g) demo seeder', 'postgres', `${o.bookings.toLocaleString('en-US')} bookings in ${Math.round(seedSeconds)} s`);
    }
    const email = `bench-insights-${process.pid}@example.test`;
    const password = 'bench operator password';
    cli(['create-super-admin', '--email', email, '--password', password]);
    const db = await target.open(2);
    let org: string;
    let total: number;
    try {
      const { rows } = await db.query<{ organization_id: string; n: number }>('select organization_id, count(*)::int as n from bookings group by 1 order by 2 desc limit 1');
      org = rows[0]!.organization_id;
      total = rows[0]!.n;
      await db.exec('analyze');
    } finally {
      await db.close();
    }
    const signIn = async (url: string): Promise<Caller> => {
      const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const { token } = (await login.json()) as { token: string };
      return { url, headers: { authorization: `Bearer ${token}`, 'x-organization-id': org } };
    };
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const yearQuery = `from=${from}&to=${to}&group_by=month`;
    const out: Record<string, unknown> = { organization_bookings: total, seed_seconds: seedSeconds, requests: o.requests, server_entry: o.entry, server_node_args: o.nodeArgs };

    // Cache off: every answer computed, as the "uncached" targets mean; then the export on that server.
    out.uncached = await withServer(target, { REPORTS_CACHE_MS: '0' }, async (s) => {
      const c = await signIn(s.url);
      const r: Record<string, unknown> = {};
      for (const name of DASHBOARD) {
        await timeGets(c, `/api/dashboard/${name}`, 2); // warm-up: prepared plans, pool connections
        const ms = await timeGets(c, `/api/dashboard/${name}`, o.requests);
        r[`dashboard_${name}`] = { p50_ms: percentile(ms, 0.5), p99_ms: percentile(ms, 0.99) };
        row(`(g) dashboard/${name}, uncached`, 'postgres', `p50 ${f1(percentile(ms, 0.5))} ms, p99 ${f1(percentile(ms, 0.99))} ms`);
      }
      for (const name of REPORTS) {
        await timeGets(c, `/api/reports/${name}?${yearQuery}`, 1);
        const ms = await timeGets(c, `/api/reports/${name}?${yearQuery}`, Math.max(3, Math.ceil(o.requests / 4)));
        r[`report_${name}_year`] = { p50_ms: percentile(ms, 0.5), max_ms: ms[ms.length - 1] };
        row(`(g) reports/${name} over 365 days, uncached`, 'postgres', `p50 ${f1(percentile(ms, 0.5))} ms, max ${f1(ms[ms.length - 1]!)} ms`);
      }
      const e = await timeExport(c, s.pid, total);
      r.export_bookings_csv = e;
      row('(g) export bookings CSV', 'postgres', `${e.rows.toLocaleString('en-US')} rows in ${f1(e.seconds)} s = ${Math.round(e.rows_per_second).toLocaleString('en-US')} rows/s; API RSS ${f1(e.idle_rss_mb)} MB idle before, max ${f1(e.max_rss_mb)} MB while streaming (process peak ${f1(e.process_hwm_mb)} MB)`);
      row('(g)   API RSS at each tenth of the rows, MB', 'postgres', e.rss_mb_by_tenth.join(', '));
      return r;
    }, o);

    // Cache on (the default 30 s): the first request computes, the others are served from memory.
    out.cached = await withServer(target, {}, async (s) => {
      const c = await signIn(s.url);
      const r: Record<string, unknown> = {};
      const paths = [...DASHBOARD.map((n) => `/api/dashboard/${n}`), ...REPORTS.map((n) => `/api/reports/${n}?${yearQuery}`)];
      for (const path of paths) {
        await timeGets(c, path, 1);
        const ms = await timeGets(c, path, o.requests);
        r[path] = { p50_ms: percentile(ms, 0.5), p99_ms: percentile(ms, 0.99) };
        row(`(g) ${path.slice(5).split('?')[0]}, cached`, 'postgres', `p50 ${f1(percentile(ms, 0.5))} ms, p99 ${f1(percentile(ms, 0.99))} ms`);
      }
      return r;
    }, o);
    return out;
  } finally {
    await target.dispose();
  }
}
