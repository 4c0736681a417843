/**
 * `npm run bench`: the booking core's performance figures, reproducible on any machine. Prints a table and writes
 * bench/results/<timestamp>.json. Not part of `npm test`. See docs/performance.md for the figures and how to read them.
 *
 *   npm run bench                                   # everything, PGlite and the server at BENCH_DATABASE_URL
 *   npm run bench -- --targets postgres --skip-lists
 *   npm run bench -- --list-bookings 100000         # a smaller data set for (d)
 *   npm run bench -- --targets postgres --skip-lists --profile /tmp/prof   # CPU profiles of the API servers
 *   npm run bench -- --targets postgres --only creation   # (f) alone: creation plain and with coupons, gift cards
 *   npm run bench -- --targets postgres --skip-lists --only core   # (a)-(c) alone, as before (f) existed
 *   npm run bench -- --only insights --list-bookings 100000   # (g) alone: dashboard, reports, export on a seeded demo
 *   npm run bench -- --only insights --lists-url postgres://.../seeded  # (g) on a database seeded before
 *   npm run bench -- --only notifications           # (h) alone: creation with notifications and webhooks on / off,
 *                                                   #     booking -> SSE event and -> webhook delays (PGlite and server)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { cpuMeter, perRequest, type CpuUse } from './cpu.js';
import { api, createVenue, signup } from './fixtures.js';
import { availabilityGames, engineBench, httpAvailability, seedAvailability } from './scenarios/availability.js';
import { contention, countViolations } from './scenarios/contention.js';
import { CREATION_ROUNDS, CREATION_WARMUP, httpCreation, prepareCreation, rawCreation, type RawResult } from './scenarios/create.js';
import type { LoadResult } from './load.js';
import { benchInsights } from './scenarios/insights.js';
import { benchNotifications } from './scenarios/notifications.js';
import { aggregates, listInputs, listLoad } from './scenarios/lists.js';
import { checkPromotions, preparePromotions, promotionRounds, PROMOTION_ROUNDS, VARIANT_LABEL, VARIANTS, type VariantRun } from './scenarios/promotions.js';
import { createTarget, existingTarget, startServer, type ServerEntry, type TargetKind } from './target.js';

const { values: args } = parseArgs({
  // e.g. `npm run bench -- --targets none --lists-url postgres://.../seeded` runs (d) alone on a seeded database.
  options: {
    targets: { type: 'string', default: 'pglite,postgres' },
    'server-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    creations: { type: 'string', default: '3000' },
    'skip-lists': { type: 'boolean', default: false },
    'list-bookings': { type: 'string', default: '1000000' },
    'list-rate': { type: 'string', default: '500' },
    'list-seconds': { type: 'string', default: '20' },
    // An already seeded database (npm run seed:demo -- --bookings 1000000) to run (d) on, instead of seeding one.
    'lists-url': { type: 'string' },
    // Writes a V8 CPU profile of every API server the run starts into this directory (open it in Chrome DevTools).
    profile: { type: 'string' },
    // Connections per API server process to PostgreSQL (DATABASE_POOL_SIZE).
    'server-pool': { type: 'string', default: '20' },
    // `creation`: only (f), booking creation plain and with promotions; `core`: only the engine and (a)-(c) (and (d)
    // unless --skip-lists), as the bench ran before (f); `notifications`: only (h). Default: everything.
    only: { type: 'string', default: 'all' },
    // Measured bookings per variant of (f), over its rounds (plus a warm-up of each).
    'promotion-bookings': { type: 'string', default: '900' },
    // Sequential requests per dashboard endpoint and cache mode in (g) (a quarter of them per report).
    'insights-requests': { type: 'string', default: '40' },
    // Measured bookings per variant (notifications on, off) of (h), over its rounds (plus a warm-up each).
    'notification-bookings': { type: 'string', default: '900' },
    // How (g) starts its API servers: `tsx` (as npm start) or `built` (dist/main.js, as npm run start:built; run
    // npm run build first), and extra node options for them, e.g. --server-node-options=--max-old-space-size=64.
    'server-entry': { type: 'string', default: 'tsx' },
    'server-node-options': { type: 'string', default: '' },
  },
});
if (!['all', 'creation', 'core', 'insights', 'notifications'].includes(args.only)) throw new Error(`--only takes creation, core, insights or notifications, not ${args.only}`);
if (!['tsx', 'built'].includes(args['server-entry'])) throw new Error(`--server-entry takes tsx or built, not ${args['server-entry']}`);

const serverNodeArgs = args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : [];

const commit = spawnSync('git', ['describe', '--always', '--dirty'], { encoding: 'utf8' }).stdout.trim() || 'unknown';

const results: Record<string, unknown> = {
  started_at: new Date().toISOString(),
  commit,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
  // The 1, 5 and 15 minute load averages (as `uptime` shows them): this machine's two cores are shared.
  load_average_at_start: loadavg(),
};
const rows: [string, string, string][] = [];
const row = (scenario: string, target: string, figure: string) => {
  rows.push([scenario, target, figure]);
  console.log(`  ${scenario.padEnd(58)} ${target.padEnd(9)} ${figure}`);
};
/** The PostgreSQL database a target's server uses (for the CPU meter), if it is one. */
const databaseOf = (t: { env: Record<string, string> }) => (t.env.DATABASE_URL ? new URL(t.env.DATABASE_URL).pathname.slice(1) : undefined);
const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);

async function benchTarget(kind: TargetKind) {
  console.log(`\n== ${kind}`);
  const target = await createTarget(kind, args['server-url'], 'core');
  const database = databaseOf(target);
  const out: Record<string, unknown> = {};
  try {
    let server = await startServer(target, { DATABASE_POOL_SIZE: args['server-pool'] }, serverNodeArgs);
    const a = await signup(server.url);
    const venue = await createVenue(a);
    const { httpSlots, rawSlots } = await prepareCreation(a, venue, Number(args.creations) + CREATION_WARMUP);
    const availGames = await availabilityGames(a, venue);

    // (a) in rounds, HTTP and raw alternating, so that a slow spell of this shared machine weighs on both sides
    // alike: the figure is the median of the rounds' ratios. PGlite's directory takes one process at a time, so
    // there the server is stopped while the raw inserts run.
    // A warm-up first, on slots of its own and not counted: a fresh server's first requests run cold code.
    await httpCreation(a, venue, httpSlots.splice(0, CREATION_WARMUP));
    if (kind === 'pglite') await server.stop();
    const warm = await target.open(40);
    await rawCreation(warm, a, venue, rawSlots.splice(0, CREATION_WARMUP)).finally(() => warm.close());
    if (kind === 'pglite') server = await startServer(target, { DATABASE_POOL_SIZE: args['server-pool'] }, serverNodeArgs);
    const rounds: { http: LoadResult & { created: number }; raw: RawResult; httpCpu: CpuUse; rawCpu: CpuUse }[] = [];
    const perRound = Math.ceil(httpSlots.length / CREATION_ROUNDS);
    for (let r = 0; r < CREATION_ROUNDS; r++) {
      let meter = cpuMeter(server.pid, database);
      const http = await httpCreation({ ...a, url: server.url }, venue, httpSlots.slice(r * perRound, (r + 1) * perRound));
      const httpCpu = meter();
      if (kind === 'pglite') await server.stop();
      const db = await target.open(40);
      try {
        meter = cpuMeter(undefined, database);
        const raw = await rawCreation(db, a, venue, rawSlots.slice(r * perRound, (r + 1) * perRound));
        rounds.push({ http, raw, httpCpu, rawCpu: meter() });
      } finally {
        await db.close();
      }
      if (kind === 'pglite') server = await startServer(target, { DATABASE_POOL_SIZE: args['server-pool'] }, serverNodeArgs);
    }
    const ratios = rounds.map((x) => x.http.rps / x.raw.rps).sort((x, y) => x - y);
    const ratio = ratios[Math.floor(ratios.length / 2)]!;
    // The ratio as (a) computed it before 2026-12-02, from autocannon's duration (whole sampling ticks): comparable
    // with the figures of earlier runs, not with the real rate.
    const tickRatio = (x: (typeof rounds)[number]) => x.http.requests / (x.http.autocannon_seconds ?? x.http.seconds) / x.raw.rps;
    const ratioByTicks = rounds.map(tickRatio).sort((x, y) => x - y)[Math.floor(rounds.length / 2)]!;
    const sum = (f: (x: (typeof rounds)[number]) => number) => rounds.reduce((t, x) => t + f(x), 0);
    const cpuSum = (f: (x: (typeof rounds)[number]) => CpuUse): CpuUse => ({
      server_s: sum((x) => f(x).server_s ?? 0),
      postgres_s: sum((x) => f(x).postgres_s ?? 0),
      postgres_all_s: sum((x) => f(x).postgres_all_s ?? 0),
      postgres_shared_s: sum((x) => f(x).postgres_shared_s ?? 0),
      bench_s: sum((x) => f(x).bench_s),
    });
    const http = { rps: sum((x) => x.http.requests) / sum((x) => x.http.seconds), created: sum((x) => x.http.created), requests: sum((x) => x.http.requests) };
    const raw = { rows: sum((x) => x.raw.rows), rps: sum((x) => x.raw.rows) / sum((x) => x.raw.seconds) };
    const httpCpu = cpuSum((x) => x.httpCpu);
    const rawCpu = cpuSum((x) => x.rawCpu);
    const p = (f: (x: (typeof rounds)[number]) => number) => rounds.map((x) => f1(f(x))).join(' / ');
    row('(a) create bookings over HTTP, 32 clients', kind, `${f0(http.rps)} /s (${http.created} created); p50 ${p((x) => x.http.p50_ms)} ms, p99 ${p((x) => x.http.p99_ms)} ms by round`);
    row('(a) raw inserts of the same rows, 32 at once', kind, `${f0(raw.rps)} /s`);
    row('(a) HTTP / raw, median of the rounds', kind, `${(ratio * 100).toFixed(0)} % (rounds: ${rounds.map((x) => `${((x.http.rps / x.raw.rps) * 100).toFixed(0)} %`).join(', ')})`);
    row('(a) the same by autocannon\'s duration, as reported before 2026-12-02', kind, `${(ratioByTicks * 100).toFixed(0)} % (rounds: ${rounds.map((x) => `${(tickRatio(x) * 100).toFixed(0)} %`).join(', ')})`);
    row('(a) CPU per booking over HTTP', kind, perRequest(httpCpu, http.requests, 'API', kind === 'pglite'));
    row('(a) CPU per raw insert', kind, perRequest(rawCpu, raw.rows, 'client', kind === 'pglite'));

    const priv = await contention({ ...a, url: server.url }, venue, 'private');
    const shared = await contention({ ...a, url: server.url }, venue, 'shared');
    await server.stop();
    const db = await target.open(40);
    let violations;
    try {
      violations = await countViolations(db);
      await seedAvailability(db, a, venue, availGames);
    } finally {
      await db.close();
    }
    for (const c of [priv, shared]) {
      row(`(b) ${c.mode}: 1,000 attempts on 50 hot slots`, kind, `${c.created} created, ${c.refused_409} refused 409, other ${JSON.stringify(c.other_statuses)}`);
    }
    row('(b) violations (overlaps / overfull slots)', kind, `${violations.private_overlaps} / ${violations.shared_overfull} (seats sold in shared slots: ${violations.seats_in_hot_shared})`);

    // Each answer computed (AVAILABILITY_CACHE_MS=0), then as a server runs by default: answers cached for 2 s,
    // so the 20 games' week is computed about ten times a second and every other request is served from memory.
    const availability: Record<string, LoadResult> = {};
    for (const cache of ['0', '2000']) {
      server = await startServer(target, { DATABASE_POOL_SIZE: args['server-pool'], AVAILABILITY_CACHE_MS: cache }, serverNodeArgs);
      const label = cache === '0' ? 'computed' : 'cached';
      const meter = cpuMeter(server.pid, database);
      const avail = await httpAvailability({ ...a, url: server.url }, venue, availGames, 10);
      const availCpu = meter();
      const { embed_key: embedKey } = await api<{ embed_key: string }>(server.url, 'GET', `/api/venues/${venue}`, undefined, a.token);
      const widget = await httpAvailability({ ...a, url: server.url }, venue, availGames, 10, embedKey);
      await server.stop();
      const show = (r: LoadResult) => `${f0(r.rps)} /s, p50 ${f1(r.p50_ms)} ms, p99 ${f1(r.p99_ms)} ms, non-200 ${r.requests - (r.statuses['200'] ?? 0)}`;
      row(`(c) availability over HTTP, a week, 32 clients, ${label}`, kind, show(avail));
      row(`(c) the same through the public widget API, ${label}`, kind, show(widget));
      row(`(c) CPU per staff availability request, ${label}`, kind, perRequest(availCpu, avail.requests, 'API', kind === 'pglite'));
      Object.assign(availability, { [`staff_${label}`]: { ...avail, cpu: availCpu }, [`widget_${label}`]: widget });
    }
    Object.assign(out, { creation: { rounds, http: { ...http, cpu: httpCpu }, raw: { ...raw, cpu: rawCpu }, ratio, ratio_by_autocannon_duration: ratioByTicks }, contention: { private: priv, shared, violations }, availability_http: availability });
  } finally {
    await target.dispose();
  }
  return out;
}

/**
 * (f) booking creation with promotions, on a fresh database of its own: plain, with one shared coupon, with a gift
 * card each, with one shared gift card, with the coupon and a card each (bench/scenarios/promotions.ts).
 */
async function benchPromotions(kind: TargetKind): Promise<Record<string, unknown>> {
  console.log(`\n== ${kind}: booking creation with promotions`);
  const target = await createTarget(kind, args['server-url'], 'promotions');
  const database = databaseOf(target);
  try {
    const server = await startServer(target, { DATABASE_POOL_SIZE: args['server-pool'] }, serverNodeArgs);
    let rounds: { warm: VariantRun[]; runs: VariantRun[] };
    let prep;
    try {
      const a = await signup(server.url);
      const venue = await createVenue(a);
      prep = await preparePromotions(a, venue, Number(args['promotion-bookings']));
      rounds = await promotionRounds(a, venue, prep, server.pid, database);
    } finally {
      await server.stop();
    }
    const { runs, warm } = rounds;
    const all = [...warm, ...runs];
    const createdBy = (vs: string[]) => all.filter((x) => vs.includes(x.variant)).reduce((t, x) => t + x.created, 0);
    const db = await target.open(4);
    let check;
    try {
      check = await checkPromotions(db, prep, {
        coupon: createdBy(['coupon_shared', 'coupon_and_own_card']),
        cardShared: createdBy(['card_shared']),
        cardAny: createdBy(['card_own', 'card_shared', 'coupon_and_own_card']),
      });
    } finally {
      await db.close();
    }

    const byRound = (v: string) => runs.filter((x) => x.variant === v).sort((x, y) => x.round - y.round);
    const plain = byRound('plain');
    const summary: Record<string, unknown> = {};
    for (const v of VARIANTS) {
      const rs = byRound(v);
      const requests = rs.reduce((t, x) => t + x.requests, 0);
      const seconds = rs.reduce((t, x) => t + x.seconds, 0);
      const created = rs.reduce((t, x) => t + x.created, 0);
      const non201 = all.filter((x) => x.variant === v).reduce((t, x) => t + x.requests - x.created + x.errors, 0);
      const cpu: CpuUse = {
        server_s: rs.reduce((t, x) => t + (x.cpu.server_s ?? 0), 0),
        postgres_s: rs.reduce((t, x) => t + (x.cpu.postgres_s ?? 0), 0),
        postgres_all_s: rs.reduce((t, x) => t + (x.cpu.postgres_all_s ?? 0), 0),
        postgres_shared_s: rs.reduce((t, x) => t + (x.cpu.postgres_shared_s ?? 0), 0),
        bench_s: rs.reduce((t, x) => t + x.cpu.bench_s, 0),
      };
      const ratios = rs.map((x, r) => x.rps / plain[r]!.rps);
      const ratio = [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)]!;
      const rps = requests / seconds;
      const p = (f: (x: VariantRun) => number) => rs.map((x) => f1(f(x))).join(' / ');
      const label = VARIANT_LABEL[v];
      row(`(f) create with ${label}`, kind, `${f0(rps)} /s (${created} created, non-201 ${non201}); p50 ${p((x) => x.p50_ms)} ms, p99 ${p((x) => x.p99_ms)} ms by round`);
      if (v !== 'plain') row(`(f)   ${label} / plain, median of ${PROMOTION_ROUNDS} rounds`, kind, `${(ratio * 100).toFixed(0)} % (rounds: ${ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')})`);
      row(`(f)   CPU per booking, ${label}`, kind, perRequest(cpu, requests, 'API', kind === 'pglite'));
      for (const u of all.filter((x) => x.variant === v).flatMap((x) => x.unexpected).slice(0, 3)) row(`(f)   unexpected answer, ${label}`, kind, `${u.status} ${u.body}`);
      summary[v] = { rps, requests, created, non_201: non201, seconds, cpu, ratio_to_plain: v === 'plain' ? 1 : ratio, ratios_by_round: ratios };
    }
    row('(f) read back: coupon bookings / redemptions / counter', kind, `${check.coupon.bookings} / ${check.coupon.redemptions} / ${check.coupon.counter}`);
    row('(f) read back: shared card credited - paid = balance', kind, `${check.shared_card.credited_cents} - ${check.shared_card.paid_cents} = ${check.shared_card.balance_cents} (${check.shared_card.payments} payments)`);
    row('(f) read back: gift-card payments; bookings not paid in full', kind, `${check.gift_card_payments}; ${check.bookings_not_paid_in_full} — ${check.ok ? 'consistent' : 'INCONSISTENT'}`);
    return { rounds: runs, warm_up: warm, summary, check };
  } finally {
    await target.dispose();
  }
}

/** (d) on the server: the demo seeder's business at scale, an operator's list and search requests at a fixed rate. */
async function benchLists(): Promise<Record<string, unknown>> {
  const given = args['lists-url'];
  const n = Number(args['list-bookings']);
  console.log(given ? `\n== lists over the seeded database ${new URL(given).pathname}` : `\n== lists over ${f0(n)} bookings (postgres)`);
  const target = given ? existingTarget(given) : await createTarget('postgres', args['server-url'], 'lists');
  try {
    const env = { ...process.env, ...target.env, LOG_LEVEL: 'warn' };
    const tsx = (cmd: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...cmd], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) throw new Error(`cli ${cmd[0]} failed`);
    };
    let seedSeconds = 0;
    if (!given) {
      const seedStarted = performance.now();
      tsx(['seed-demo', '--bookings', String(n)]);
      seedSeconds = (performance.now() - seedStarted) / 1000;
      row('(d) demo seeder', 'postgres', `${f0(n)} bookings in ${f0(seedSeconds)} s`);
    }
    const password = 'bench operator password';
    const operator = `bench-ops-${process.pid}@example.test`;
    tsx(['create-super-admin', '--email', operator, '--password', password]);

    const db = await target.open(4);
    let org: string;
    let inputs;
    let agg;
    try {
      const { rows: orgs } = await db.query<{ organization_id: string }>('select organization_id from bookings group by 1 order by count(*) desc limit 1');
      org = orgs[0]!.organization_id;
      await db.exec('analyze');
      inputs = await listInputs(db, org);
      agg = await aggregates(db, org);
    } finally {
      await db.close();
    }
    for (const [name, ms] of Object.entries(agg)) row(`(d) aggregate: ${name}`, 'postgres', `${f1(ms)} ms`);

    const server = await startServer(target, { DATABASE_POOL_SIZE: args['server-pool'] }, serverNodeArgs);
    try {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: operator, password }) });
      const { token } = (await login.json()) as { token: string };
      const rate = Number(args['list-rate']);
      await listLoad({ url: server.url, token, organizationId: org }, inputs, rate, 3); // warm-up
      const lists = await listLoad({ url: server.url, token, organizationId: org }, inputs, rate, Number(args['list-seconds']));
      row(`(d) list and search at ${rate} req/s`, 'postgres', `p50 ${f1(lists.p50_ms)} ms, p99 ${f1(lists.p99_ms)} ms, ${f0(lists.rps)} /s served, non-200 ${lists.requests - (lists.statuses['200'] ?? 0)}`);
      for (const [shape, r] of Object.entries(lists.by_tag)) row(`(d)   ${shape}`, 'postgres', `p50 ${f1(r.p50_ms)} ms, p99 ${f1(r.p99_ms)} ms`);
      return { bookings: given ? 'existing database' : n, seed_seconds: seedSeconds, aggregates_ms: agg, offered_rate: rate, load: 'open model, fixed arrival rate (bench/load.ts openLoad)', lists };
    } finally {
      await server.stop();
    }
  } finally {
    await target.dispose();
  }
}

async function main() {
  console.log(`BookingTMS benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  results.only = args.only;
  const kinds = args.targets.split(',').filter((k) => k === 'pglite' || k === 'postgres') as TargetKind[];
  if (args.only === 'all' || args.only === 'core') {
    const engine = engineBench();
    row('(c) availability engine, in process', 'engine', `${f0(engine.calls_per_second)} calls/s; a 20-game week ${f1(engine.week_of_20_games_ms)} ms (${f1(engine.week_of_20_games_all_bookings_ms)} ms if each call saw all 10,000)`);
    results.engine = engine;
    for (const kind of kinds) results[kind] = await benchTarget(kind);
  }
  if (args.only === 'all' || args.only === 'creation') for (const kind of kinds) results[`${kind}_promotions`] = await benchPromotions(kind);
  if (args.only === 'all' || args.only === 'notifications') {
    for (const kind of kinds) {
      console.log(`\n== ${kind}: booking creation with notifications and webhooks`);
      const target = await createTarget(kind, args['server-url'], 'notifications');
      try {
        results[`${kind}_notifications`] = await benchNotifications({
          target,
          bookings: Number(args['notification-bookings']),
          serverEnv: { DATABASE_POOL_SIZE: args['server-pool'] },
          nodeArgs: serverNodeArgs,
          row,
        });
      } finally {
        await target.dispose();
      }
    }
  }
  if (!args['skip-lists'] && (args.only === 'all' || args.only === 'core')) results.lists = await benchLists();
  // (g) seeds a demo database of its own (or uses --lists-url), like (d).
  if ((!args['skip-lists'] && args.only === 'all') || args.only === 'insights') {
    results.insights = await benchInsights({
      serverUrl: args['server-url'],
      existingUrl: args['lists-url'],
      bookings: Number(args['list-bookings']),
      requests: Number(args['insights-requests']),
      entry: args['server-entry'] as ServerEntry,
      nodeArgs: [...serverNodeArgs, ...args['server-node-options'].split(' ').filter(Boolean)],
      row,
    });
  }

  console.log('\n| scenario | target | figure |\n| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ ...results, load_average_at_end: loadavg(), table: rows }, null, 2));
  console.log(`\nwrote ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
