/**
 * (h) Booking creation with notifications and webhooks on, beside off, and the delay from a booking to its SSE
 * event and to its webhook delivery (issue 14).
 *
 * - off: no SMTP_URL, no reminder offsets, the organization's webhook endpoint inactive, nobody on the event
 *   stream. What stays is what every booking writes whatever is configured: its domain event, its confirmation's
 *   delivery row and job (the worker logs it as skipped: nothing is sent).
 * - on: SMTP_URL pointing at an SMTP server in this process (every confirmation is sent, by the API process's own
 *   workers, while the load runs), a reminder a day before (a job per booking), an active webhook endpoint on a
 *   receiver in this process (a delivery per booking), one SSE client on GET /api/events.
 *
 * Both run the same requests (32 clients, distinct slots, a new customer with an email each) against a server
 * restarted with that configuration, in alternating rounds; the figure is the median of the rounds' ratios. After
 * an `on` round the bench waits until every mail and webhook has arrived (the drain time says how far the workers
 * trail the bookings). Then, on an `on` server, bookings one at a time at a steady rate: the delay from sending a
 * booking to its SSE event and to its webhook, with the server's default poll intervals (EVENTS_POLL_MS 500 ms,
 * WEBHOOK_DISPATCH_MS 1 s).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { cpuMeter, perRequest, type CpuUse } from '../cpu.js';
import { api, createGames, createVenue, freeSlots, shuffle, signup, type Api, type SlotRef } from '../fixtures.js';
import { load } from '../load.js';
import { startServer, type Target } from '../target.js';

const CONCURRENCY = 32;
const ROUNDS = 3;
const WARMUP = 50;
/** Bookings of the steady-rate phase, and their rate (per second). */
const PACED = 150;
const PACED_RATE = 10;

type Variant = 'off' | 'on';

export interface NotificationsOptions {
  target: Target;
  /** Measured bookings per variant, over the rounds. */
  bookings: number;
  serverEnv: Record<string, string>;
  nodeArgs: string[];
  row: (scenario: string, target: string, figure: string) => void;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const median = (xs: number[]) => pct(xs, 50);

/** Where the messages land: an SMTP server and a webhook receiver in this process, counting what arrives. */
async function sinks() {
  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        mails++;
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const hookAt = new Map<string, number>();
  const receiver: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const id = (JSON.parse(body) as { data?: { id?: string } }).data?.id;
      if (id && !hookAt.has(id)) hookAt.set(id, Date.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  return {
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    hookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    mails: () => mails,
    hookAt,
    close: async () => {
      receiver.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}

/** An SSE client of GET /api/events noting when each booking.created event arrives, by booking id. */
async function eventStream(url: string, token: string) {
  const at = new Map<string, number>();
  const abort = new AbortController();
  const res = await fetch(`${url}/api/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`GET /api/events answered ${res.status}`);
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          if (!data) continue;
          const e = JSON.parse(data.slice(6)) as { type: string; data: { id?: string } };
          if (e.type === 'booking.created' && e.data.id && !at.has(e.data.id)) at.set(e.data.id, Date.now());
        }
      }
    } catch {
      // closed
    }
  })();
  return { at, close: () => abort.abort() };
}

const until = async (done: () => boolean, ms: number) => {
  for (const deadline = Date.now() + ms; !done() && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
  return done();
};

let guest = 0;
const booking = (venueId: string, s: SlotRef) => ({
  game_id: s.gameId,
  venue_id: venueId,
  start_at: s.startAt,
  party_size: 2,
  customer: { full_name: `Guest ${++guest}`, email: `guest-${process.pid}-${guest}@example.test` },
});

/** Delays (ms) from `from` to `to` for every id in `from`; ids that never arrived are counted apart. */
function delays(from: Map<string, number>, to: Map<string, number>) {
  const ms: number[] = [];
  let missing = 0;
  for (const [id, t] of from) {
    const arrived = to.get(id);
    if (arrived === undefined) missing++;
    else ms.push(arrived - t);
  }
  return { p50_ms: pct(ms, 50), p99_ms: pct(ms, 99), max_ms: Math.max(...ms), n: ms.length, missing };
}

export async function benchNotifications(o: NotificationsOptions): Promise<Record<string, unknown>> {
  const kind = o.target.kind;
  const sink = await sinks();
  const database = o.target.env.DATABASE_URL ? new URL(o.target.env.DATABASE_URL).pathname.slice(1) : undefined;
  const envOf = (v: Variant) => ({ ...o.serverEnv, ...(v === 'on' ? { SMTP_URL: sink.smtpUrl, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } : {}) });
  try {
    // The business, made once (on a server without notifications: its signup mails are not part of the figures).
    let server = await startServer(o.target, envOf('off'), o.nodeArgs);
    let a: Api;
    let venue: string;
    let hookId: string | undefined;
    let slots: SlotRef[];
    const perRound = Math.ceil(o.bookings / ROUNDS);
    try {
      a = await signup(server.url);
      venue = await createVenue(a);
      const games = await createGames(a, venue, 10, { mode: 'private' });
      const need = 2 * ROUNDS * (perRound + WARMUP) + WARMUP + PACED;
      slots = shuffle(await freeSlots(a, venue, games, Math.ceil(need / (10 * 24)) + 2)).slice(0, need);
      if (slots.length < need) throw new Error(`only ${slots.length} free slots for ${need} bookings`);
    } finally {
      await server.stop();
    }
    let next = 0;
    const take = (n: number) => slots.slice(next, (next += n));

    /** Starts a server in the variant's configuration and sets the organization up for it. */
    const begin = async (v: Variant) => {
      server = await startServer(o.target, envOf(v), o.nodeArgs);
      a = { ...a, url: server.url };
      await api(a.url, 'PUT', '/api/organization', { policies: { reminder_offsets_minutes: v === 'on' ? [1440] : [] } }, a.token);
      // The receiver is on 127.0.0.1: only a server started with WEBHOOK_ALLOW_PRIVATE_TARGETS takes it.
      if (v === 'on' && !hookId) hookId = (await api(a.url, 'POST', '/api/webhooks', { url: sink.hookUrl, events: ['booking.created'] }, a.token)).id as string;
      else if (hookId) await api(a.url, 'PUT', `/api/webhooks/${hookId}`, { active: v === 'on' }, a.token);
      return v === 'on' ? await eventStream(a.url, a.token) : null;
    };

    const runs: { round: number; variant: Variant; rps: number; p50_ms: number; p99_ms: number; created: number; non_201: number; drain_s?: number; sse?: ReturnType<typeof delays>; webhook?: ReturnType<typeof delays>; cpu: CpuUse }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const stream = await begin(v);
        try {
          const created = new Map<string, number>();
          const unexpected: string[] = [];
          const run = async (batch: SlotRef[]) => {
            let i = 0;
            return load({
              url: a.url,
              connections: Math.min(CONCURRENCY, batch.length),
              amount: batch.length,
              next: () => ({ method: 'POST', path: '/api/bookings', headers: { authorization: `Bearer ${a.token}` }, body: booking(venue, batch[i++ % batch.length]!) }),
              onResponse: (status, body) => {
                if (status === 201) created.set((JSON.parse(body) as { id: string }).id, Date.now());
                else if (unexpected.length < 3) unexpected.push(`${status} ${body.slice(0, 300)}`);
              },
            });
          };
          const mails0 = sink.mails();
          await run(take(WARMUP)); // a fresh process's first requests run cold code
          created.clear();
          const meter = cpuMeter(server.pid, database);
          const r = await run(take(perRound));
          const cpu = meter();
          const out: (typeof runs)[number] = { round, variant: v, rps: r.rps, p50_ms: r.p50_ms, p99_ms: r.p99_ms, created: created.size, non_201: r.requests - created.size + r.errors, cpu };
          if (v === 'on') {
            // Every confirmation mailed and every webhook delivered (warm-up included) before the next round.
            const ended = Date.now();
            const expected = mails0 + WARMUP + created.size;
            const drained = await until(() => sink.mails() >= expected && [...created.keys()].every((id) => sink.hookAt.has(id) && stream!.at.has(id)), 300_000);
            if (!drained) throw new Error(`on: ${sink.mails() - mails0} of ${expected - mails0} mails after 300 s (${unexpected.join('; ')})`);
            out.drain_s = (Date.now() - ended) / 1000;
            out.sse = delays(created, stream!.at);
            out.webhook = delays(created, sink.hookAt);
          }
          runs.push(out);
          for (const u of unexpected) o.row(`(h)   unexpected answer, notifications ${v}`, kind, u);
        } finally {
          stream?.close();
          await server.stop();
        }
      }
    }

    // Steady rate: one booking every 1 / PACED_RATE s, each timed from the moment it is sent.
    const stream = (await begin('on'))!;
    const sent = new Map<string, number>();
    const answered: number[] = [];
    try {
      const batch = take(PACED);
      const t0 = Date.now();
      for (let i = 0; i < batch.length; i++) {
        const wait = t0 + (i * 1000) / PACED_RATE - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const at = Date.now();
        const b = await api<{ id: string }>(a.url, 'POST', '/api/bookings', booking(venue, batch[i]!), a.token, [201]);
        answered.push(Date.now() - at);
        sent.set(b.id, at);
      }
      await until(() => [...sent.keys()].every((id) => sink.hookAt.has(id) && stream.at.has(id)), 60_000);
    } finally {
      stream.close();
      await server.stop();
    }
    const paced = { rate: PACED_RATE, bookings: sent.size, answer_p50_ms: pct(answered, 50), answer_p99_ms: pct(answered, 99), sse: delays(sent, stream.at), webhook: delays(sent, sink.hookAt) };

    const of = (v: Variant) => runs.filter((x) => x.variant === v).sort((x, y) => x.round - y.round);
    const ratios = of('on').map((x, i) => x.rps / of('off')[i]!.rps);
    const f1 = (n: number) => n.toFixed(1);
    for (const v of ['off', 'on'] as const) {
      const rs = of(v);
      const requests = rs.reduce((t, x) => t + x.created + x.non_201, 0);
      const cpu: CpuUse = { server_s: rs.reduce((t, x) => t + (x.cpu.server_s ?? 0), 0), postgres_s: rs.reduce((t, x) => t + (x.cpu.postgres_s ?? 0), 0), postgres_all_s: rs.reduce((t, x) => t + (x.cpu.postgres_all_s ?? 0), 0), postgres_shared_s: rs.reduce((t, x) => t + (x.cpu.postgres_shared_s ?? 0), 0), bench_s: rs.reduce((t, x) => t + x.cpu.bench_s, 0) };
      o.row(`(h) create bookings, notifications ${v}, 32 clients`, kind, `${rs.map((x) => Math.round(x.rps)).join(' / ')} /s by round; p50 ${rs.map((x) => f1(x.p50_ms)).join(' / ')} ms, p99 ${rs.map((x) => f1(x.p99_ms)).join(' / ')} ms; non-201 ${rs.reduce((t, x) => t + x.non_201, 0)}`);
      o.row(`(h)   CPU per booking, notifications ${v} (the API process runs the workers)`, kind, perRequest(cpu, requests, 'API', kind === 'pglite'));
    }
    o.row('(h) on / off, median of the rounds', kind, `${(median(ratios) * 100).toFixed(0)} % (rounds: ${ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')})`);
    const on = of('on');
    o.row('(h) on: mails and webhooks all arrived, after the load ended', kind, `${on.map((x) => f1(x.drain_s!)).join(' / ')} s by round`);
    o.row('(h) on, under the load: booking answered -> SSE event', kind, on.map((x) => `p50 ${Math.round(x.sse!.p50_ms)} / p99 ${Math.round(x.sse!.p99_ms)} ms`).join('; '));
    o.row('(h) on, under the load: booking answered -> webhook received', kind, on.map((x) => `p50 ${Math.round(x.webhook!.p50_ms)} / p99 ${Math.round(x.webhook!.p99_ms)} ms`).join('; '));
    o.row(`(h) ${PACED_RATE} bookings/s, one at a time: sent -> SSE event`, kind, `p50 ${Math.round(paced.sse.p50_ms)} ms, p99 ${Math.round(paced.sse.p99_ms)} ms (${paced.sse.n} events, ${paced.sse.missing} missing; the answer itself p50 ${Math.round(paced.answer_p50_ms)} ms)`);
    o.row(`(h) ${PACED_RATE} bookings/s, one at a time: sent -> webhook received`, kind, `p50 ${Math.round(paced.webhook.p50_ms)} ms, p99 ${Math.round(paced.webhook.p99_ms)} ms (${paced.webhook.n} deliveries, ${paced.webhook.missing} missing)`);
    return { runs, ratio: median(ratios), ratios_by_round: ratios, paced };
  } finally {
    await sink.close();
  }
}
