/**
 * CPU time spent by the processes of a scenario, read from /proc (Linux): the API server, the PostgreSQL server's
 * processes (when it runs on this machine) and the bench process itself (the load generator, or the raw inserts'
 * client). On a shared VM throughput swings by a third between runs; the CPU a request costs barely moves, so
 * before/after comparisons read it beside the rates. Elsewhere (no /proc) the figures are null.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function ticksOf(pid: number | string): number {
  try {
    // Fields after the command (which may hold spaces) start after the last ')': utime and stime are 14th and 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process ended
  }
}

/**
 * The database a PostgreSQL process works for, from its title ("postgres: 15/main: <user> <db> <host>(<port>) <state>",
 * "postgres: 15/main: autovacuum worker <db>"); null for the server's shared processes (postmaster, WAL writer,
 * checkpointer, background writer, launchers), which work for every database.
 */
function databaseOf(pid: string): string | null {
  const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  const m = /^postgres: (?:[^:]+: )?(.*)$/.exec(title);
  if (!m) return null; // the postmaster: its command line, not a title
  const rest = m[1]!;
  const vacuum = /^autovacuum worker (\S+)/.exec(rest);
  if (vacuum) return vacuum[1]!;
  const backend = /^\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(rest);
  return backend ? backend[1]! : null;
}

/** Every PostgreSQL process now: its CPU ticks and the database it works for (null: the server's shared processes). */
function postgresProcesses(): Map<string, { ticks: number; db: string | null }> {
  const out = new Map<string, { ticks: number; db: string | null }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      out.set(pid, { ticks: ticksOf(pid), db: databaseOf(pid) });
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

/**
 * PostgreSQL's CPU ticks between two looks, process by process (a process that started meanwhile counts from 0; one
 * that ended meanwhile is lost, never counted negative): all of them, those not working for another database than
 * `database`, and of those the shared processes.
 */
function postgresTicks(before: Map<string, { ticks: number }>, after: Map<string, { ticks: number; db: string | null }>, database?: string) {
  let all = 0;
  let own = 0;
  let shared = 0;
  for (const [pid, p] of after) {
    const t = Math.max(0, p.ticks - (before.get(pid)?.ticks ?? 0));
    all += t;
    if (!database || p.db === null || p.db === database) own += t;
    if (database && p.db === null) shared += t;
  }
  return { all, own, shared };
}

export interface CpuUse {
  /**
   * CPU seconds of the API server process, of PostgreSQL's processes, of this bench process. When the meter was
   * given the benchmark's database, postgres_s leaves out the backends of other databases (tests someone runs on the
   * same server meanwhile): it counts that database's backends and the server's shared processes; postgres_all_s
   * counts every PostgreSQL process, as all figures before 2026-12-02 did.
   */
  server_s: number | null;
  postgres_s: number | null;
  postgres_all_s?: number | null;
  /** Of postgres_s, the server's shared processes (WAL writer, checkpointer...): they work for every database. */
  postgres_shared_s?: number | null;
  bench_s: number;
}

/**
 * Starts counting; the returned function stops and reports. `serverPid` is the API server's, if one runs;
 * `database`, the PostgreSQL database the scenario runs in, if known.
 */
export function cpuMeter(serverPid?: number, database?: string): () => CpuUse {
  const onLinux = process.platform === 'linux';
  const server0 = onLinux && serverPid ? ticksOf(serverPid) : 0;
  const pg0 = onLinux ? postgresProcesses() : new Map<string, { ticks: number; db: string | null }>();
  const self0 = process.cpuUsage();
  return () => {
    const self = process.cpuUsage(self0);
    const pg = postgresTicks(pg0, onLinux ? postgresProcesses() : new Map<string, { ticks: number; db: string | null }>(), database);
    return {
      server_s: onLinux && serverPid ? (ticksOf(serverPid) - server0) / TICKS_PER_SECOND : null,
      postgres_s: onLinux ? pg.own / TICKS_PER_SECOND : null,
      postgres_all_s: onLinux ? pg.all / TICKS_PER_SECOND : null,
      postgres_shared_s: onLinux && database ? pg.shared / TICKS_PER_SECOND : null,
      bench_s: (self.user + self.system) / 1e6,
    };
  };
}

/**
 * "API 1.2 + PostgreSQL 0.9 ms" per request; with PGlite the database runs inside the process measured, so there
 * is no second figure.
 */
export function perRequest(use: CpuUse, requests: number, first: 'API' | 'client', embedded: boolean): string {
  const ms = (s: number | null) => (s === null ? '?' : ((s * 1000) / requests).toFixed(2));
  const own = ms(first === 'API' ? use.server_s : use.bench_s);
  if (embedded) return `${first} ${own} ms CPU per request, PGlite included`;
  const others = use.postgres_all_s != null && use.postgres_all_s !== use.postgres_s ? ` (all of PostgreSQL, other databases' backends too: ${ms(use.postgres_all_s)} ms)` : '';
  const shared = use.postgres_shared_s != null ? ` (of which its shared processes ${ms(use.postgres_shared_s)})` : '';
  return `${first} ${own} + PostgreSQL ${ms(use.postgres_s)} ms CPU per request${shared}${others}`;
}
