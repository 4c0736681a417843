/** autocannon, wrapped: a request generator in, throughput, latency percentiles and status counts out. */
import autocannon from 'autocannon';

export interface NextRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
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
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  statuses: Record<string, number>;
  errors: number;
}

/** Runs one load and tallies each status code, so a benchmark can tell 201s from 409s. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
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
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    statuses,
    errors: result.errors,
  };
}
