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

function postgresTicks(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += ticksOf(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return total;
}

export interface CpuUse {
  /** CPU seconds of the API server process, of PostgreSQL's processes, of this bench process. */
  server_s: number | null;
  postgres_s: number | null;
  bench_s: number;
}

/** Starts counting; the returned function stops and reports. `serverPid` is the API server's, if one runs. */
export function cpuMeter(serverPid?: number): () => CpuUse {
  const onLinux = process.platform === 'linux';
  const server0 = onLinux && serverPid ? ticksOf(serverPid) : 0;
  const pg0 = onLinux ? postgresTicks() : 0;
  const self0 = process.cpuUsage();
  return () => {
    const self = process.cpuUsage(self0);
    return {
      server_s: onLinux && serverPid ? (ticksOf(serverPid) - server0) / TICKS_PER_SECOND : null,
      postgres_s: onLinux ? (postgresTicks() - pg0) / TICKS_PER_SECOND : null,
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
  return embedded ? `${first} ${own} ms CPU per request, PGlite included` : `${first} ${own} + PostgreSQL ${ms(use.postgres_s)} ms CPU per request`;
}
