/**
 * The PostgreSQL server goes away under load and comes back. A throwaway cluster (initdb in a temp dir, its own
 * port, never the machine's shared server) is stopped twice (pg_ctl -m fast, then -m immediate) while the real
 * server process answers a steady trickle of requests. While it is down, every request answers quickly with 503
 * (`service_unavailable` in the API.md error shape; /api/health its own 503 body), never 500, never a hang, and
 * the process stays up; once the cluster is back, the same process serves 200s again without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCluster, killAll, killChild, must, sleep, startServer, type Cluster, type Json, type ServerProcess } from './harness.js';

const OUTAGE_MS = 4000;
const FREEZE_MS = 6000;
const TICK_MS = 100;
const MAX_SAMPLES = 4000;
const MAX_LATENCY_MS = 7000; // the pool's 5 s connection timeout, plus slack for a loaded machine
const RECOVERY_DEADLINE_MS = 20_000;

interface Sample {
  path: string;
  sentAt: number;
  ms: number;
  status: number | null; // null: no HTTP answer at all
  body: Json;
  retryAfter: string | null;
  error?: string;
}

let cluster: Cluster | undefined;
let server: ServerProcess | undefined;
let token = '';

beforeAll(async () => {
  cluster = await createCluster();
  server = await startServer({ DATABASE_URL: cluster.url, DATABASE_POOL_SIZE: '4', DATABASE_QUERY_TIMEOUT_MS: '2000' });
  const signup = await must(server.url, 'POST', '/api/auth/signup', 201, {
    body: { email: 'outage.owner@example.test', password: 'a long password', full_name: 'Olivia Owner', organization_name: 'Outage Rooms' },
  });
  token = signup.token as string;
  await must(server.url, 'POST', '/api/venues', 201, { token, body: { name: 'Downtown', timezone: 'Europe/Paris' } });
}, 120_000);

afterAll(async () => {
  if (server) await killChild(server.child, 'SIGKILL');
  await killAll();
  await cluster?.destroy();
});

/** Every TICK_MS, one health check and two authenticated reads, until stopped (bounded in count). */
function startLoad(url: string) {
  const samples: Sample[] = [];
  const pending = new Set<Promise<void>>();
  let running = true;
  const paths = ['/api/health', '/api/venues', '/api/bookings?limit=5'];
  const one = async (path: string) => {
    const sentAt = Date.now();
    try {
      const r = await call(url, 'GET', path, { token: path === '/api/health' ? undefined : token, timeoutMs: 15_000 });
      samples.push({ path, sentAt, ms: r.ms, status: r.status, body: r.body, retryAfter: r.headers.get('retry-after') });
    } catch (err) {
      samples.push({ path, sentAt, ms: Date.now() - sentAt, status: null, body: {}, retryAfter: null, error: String((err as { cause?: unknown }).cause ?? err) });
    }
  };
  const loop = (async () => {
    while (running && samples.length + pending.size < MAX_SAMPLES) {
      for (const path of paths) {
        const p: Promise<void> = one(path).finally(() => pending.delete(p));
        pending.add(p);
      }
      await sleep(TICK_MS);
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
    },
  };
}

const isUnavailableBody = (s: Sample) =>
  s.path === '/api/health'
    ? s.body?.status === 'error' && s.body?.database === 'unreachable'
    : s.body?.error === 'Service Unavailable' && s.body?.code === 'service_unavailable' && typeof s.body?.message === 'string' && s.retryAfter !== null;

describe('PostgreSQL server outage under load', () => {
  it('a frozen database server (connections open, no answers) answers 503 within the query time limit, then recovers', { timeout: 60_000 }, async () => {
    const srv = server!;
    const load = startLoad(srv.url);
    try {
      await sleep(1000);
      cluster!.freeze(true);
      const frozen = Date.now();
      await sleep(FREEZE_MS);
      cluster!.freeze(false);
      const thawed = Date.now();
      let recovered = 0;
      while (Date.now() - thawed < RECOVERY_DEADLINE_MS && !recovered) {
        const r = await call(srv.url, 'GET', '/api/venues', { token, timeoutMs: 10_000 }).catch(() => null);
        if (r?.status === 200) recovered = Date.now();
        else await sleep(50);
      }
      expect(recovered, `no recovery within ${RECOVERY_DEADLINE_MS} ms:\n${srv.output()}`).toBeGreaterThan(0);
      await sleep(1000);
      await load.stop();

      const s = load.samples;
      // Sent while frozen and answered before the thaw: only the time limits (query 2 s, connect 5 s) can end those.
      const whileFrozen = s.filter((x) => x.sentAt >= frozen && x.sentAt + x.ms < thawed);
      expect(s.filter((x) => x.status === null).map((x) => x.error)).toEqual([]);
      expect(s.filter((x) => x.status === 500).map((x) => x.body)).toEqual([]);
      expect(s.filter((x) => x.status === 503 && !isUnavailableBody(x)).map((x) => [x.path, x.body])).toEqual([]);
      expect(whileFrozen.length).toBeGreaterThan(0);
      expect(whileFrozen.filter((x) => x.status !== 503).map((x) => [x.path, x.status])).toEqual([]);
      expect(Math.max(...s.map((x) => x.ms))).toBeLessThan(MAX_LATENCY_MS);
      expect(s.filter((x) => x.sentAt > recovered && x.status !== 200).map((x) => [x.path, x.status])).toEqual([]);
      expect(srv.alive()).toBe(true);
      console.log(
        `[faults] frozen server: ${s.length} requests, ${whileFrozen.length} answered 503 while frozen ` +
          `(latency max ${Math.max(...whileFrozen.map((x) => x.ms))} ms); 200 again ${recovered - thawed} ms after the thaw`,
      );
    } finally {
      cluster!.freeze(false);
      await load.stop();
    }
  });

  for (const mode of ['fast', 'immediate'] as const) {
    it(`pg_ctl stop -m ${mode}: 503 while down, the same process recovers by itself`, { timeout: 60_000 }, async () => {
      const srv = server!;
      const pid = srv.child.pid;
      const load = startLoad(srv.url);
      try {
        await sleep(1000);
        const stopping = Date.now();
        await cluster!.stop(mode);
        const down = Date.now();
        await sleep(OUTAGE_MS);
        const restarting = Date.now();
        await cluster!.start();
        const up = Date.now();

        // Recovery: the first 200 health answer to a request sent after the cluster was back.
        let recovered = 0;
        while (Date.now() - up < RECOVERY_DEADLINE_MS && !recovered) {
          const r = await call(srv.url, 'GET', '/api/health', { timeoutMs: 10_000 }).catch(() => null);
          if (r?.status === 200) recovered = Date.now();
          else await sleep(50);
        }
        expect(recovered, `no recovery within ${RECOVERY_DEADLINE_MS} ms:\n${srv.output()}`).toBeGreaterThan(0);
        await sleep(1500);
        await load.stop();

        const s = load.samples;
        const before = s.filter((x) => x.sentAt + x.ms < stopping);
        const during = s.filter((x) => x.sentAt >= down && x.sentAt + x.ms <= restarting);
        const after = s.filter((x) => x.sentAt > recovered);

        expect(s.filter((x) => x.status === null).map((x) => x.error)).toEqual([]); // every request got an answer
        expect(s.filter((x) => x.status === 500).map((x) => x.body)).toEqual([]);
        expect(s.filter((x) => ![200, 503].includes(x.status!)).map((x) => [x.path, x.status, x.body])).toEqual([]);
        expect(s.filter((x) => x.status === 503 && !isUnavailableBody(x)).map((x) => [x.path, x.body, x.retryAfter])).toEqual([]);
        expect(Math.max(...s.map((x) => x.ms))).toBeLessThan(MAX_LATENCY_MS);

        expect(before.length).toBeGreaterThan(0);
        expect(before.every((x) => x.status === 200)).toBe(true);
        expect(during.length).toBeGreaterThan(0);
        expect(during.filter((x) => x.status !== 503).map((x) => [x.path, x.status])).toEqual([]);
        for (const path of ['/api/health', '/api/venues', '/api/bookings?limit=5']) {
          expect(during.some((x) => x.path === path), `no ${path} during the outage`).toBe(true);
        }
        expect(after.length).toBeGreaterThan(0);
        expect(after.filter((x) => x.status !== 200).map((x) => [x.path, x.status, x.body])).toEqual([]);

        expect(srv.alive()).toBe(true);
        expect(srv.child.pid).toBe(pid);
        await must(srv.url, 'POST', '/api/venues', 201, { token, body: { name: `After ${mode}`, timezone: 'Europe/Paris' } });

        const n503 = s.filter((x) => x.status === 503).length;
        const duringMs = during.map((x) => x.ms);
        console.log(
          `[faults] outage -m ${mode}: ${s.length} requests, ${n503} answered 503 (${during.length} sent while down: all 503, ` +
            `latency max ${Math.max(...duringMs)} ms, median ${duringMs.sort((a, b) => a - b)[Math.floor(duringMs.length / 2)]} ms), 0 x 500, ` +
            `down ${restarting - down} ms; health 200 again ${recovered - up} ms after the cluster accepted connections, same pid`,
        );
      } finally {
        await load.stop();
      }
    });
  }
});
