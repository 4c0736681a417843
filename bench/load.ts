/** autocannon, wrapped: a request generator in, throughput, latency percentiles and status counts out. */
import http from 'node:http';
import autocannon from 'autocannon';

export interface NextRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** openLoad reports latency percentiles per tag too (e.g. one tag per request shape). */
  tag?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stop after this many requests... */
  amount?: number;
  /** ...or after this many seconds. */
  duration?: number;
  /** Fixed offered rate (requests/s over all connections); latency is then corrected for coordinated omission. */
  overallRate?: number;
  next: () => NextRequest;
  /** Sees every answer's status and body (e.g. to keep the bodies of unexpected answers). */
  onResponse?: (status: number, body: string) => void;
}

export interface LoadResult {
  requests: number;
  /**
   * Wall time of the load. With `amount`, from the start to the last answer: autocannon's own duration runs on to
   * its next 1-second sampling tick after the last answer (see `autocannon_seconds`), which understated the rate of
   * a run of a few seconds by up to a third.
   */
  seconds: number;
  /** autocannon's duration, as (a) reported it before 2026-12-02: whole sampling ticks for an `amount` run. */
  autocannon_seconds?: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  statuses: Record<string, number>;
  errors: number;
}

/** Runs one load and tallies each status code, so a benchmark can tell 201s from 409s. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const n = opts.next();
          const { body: _previous, ...rest } = req;
          void _previous;
          if (n.body === undefined) return { ...rest, method: n.method, path: n.path, headers: { ...n.headers } };
          return { ...rest, method: n.method, path: n.path, headers: { 'content-type': 'application/json', ...n.headers }, body: JSON.stringify(n.body) };
        },
        onResponse: (status, body) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          lastAnswer = performance.now();
          opts.onResponse?.(status, body);
        },
      },
    ],
  });
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  const seconds = opts.amount ? (lastAnswer - started) / 1000 : result.duration;
  return {
    requests,
    seconds,
    autocannon_seconds: result.duration,
    rps: requests / seconds,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    statuses,
    errors: result.errors,
  };
}

/**
 * An open-model load at a fixed arrival rate: request i is sent at start + i / rate whether or not earlier ones
 * have answered, and its latency is measured from that scheduled instant, so a server (or a load generator) that
 * falls behind shows it in the percentiles (no coordinated omission). autocannon's own rate option sends each
 * connection's quota for the second as fast as it can and then waits for the next second: bursts of 32 concurrent
 * requests every second, whose queueing it then reports as latency.
 */
export async function openLoad(opts: { url: string; rate: number; seconds: number; next: () => NextRequest }): Promise<LoadResult & { by_tag: Record<string, { requests: number; p50_ms: number; p99_ms: number }> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const target = new URL(opts.url);
  const interval = 1000 / opts.rate;
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const tagged = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  let errors = 0;
  let done = 0;
  const start = performance.now() + 20;
  await new Promise<void>((resolve) => {
    const finish = () => {
      if (++done === total) resolve();
    };
    const fire = (scheduled: number) => {
      const n = opts.next();
      const body = n.body === undefined ? undefined : JSON.stringify(n.body);
      const req = http.request(
        { agent, host: target.hostname, port: target.port, method: n.method, path: n.path, headers: { ...n.headers, ...(body ? { 'content-type': 'application/json' } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            const latency = performance.now() - scheduled;
            latencies.push(latency);
            if (n.tag) tagged.set(n.tag, [...(tagged.get(n.tag) ?? []), latency]);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            finish();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        finish();
      });
      req.end(body);
    };
    let i = 0;
    const tick = () => {
      const now = performance.now();
      for (; i < total && start + i * interval <= now; i++) fire(start + i * interval);
      if (i < total) setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);
  latencies.sort((a, b) => a - b);
  const byTag = Object.fromEntries(
    [...tagged].map(([tag, xs]) => {
      xs.sort((a, b) => a - b);
      return [tag, { requests: xs.length, p50_ms: pct(xs, 50), p99_ms: pct(xs, 99) }];
    }),
  );
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50_ms: pct(latencies, 50), p99_ms: pct(latencies, 99), statuses, errors, by_tag: byTag };
}
