/**
 * kill -9 of the real server in the middle of a burst of bookings, on PGlite and on the PostgreSQL server.
 *
 * Each request i of the burst books its own free slot for its own new customer (email burst-i@...), with the
 * note "burst #i" and the Idempotency-Key "burst-i". After the crash and a restart on the same data:
 * - every booking answered 201 exists, as it was answered;
 * - every booking in the database comes from a request that was answered 201 or whose answer was lost in the
 *   crash (never from one refused before it was sent), at most one per request;
 * - nothing is half-written: the burst customers are exactly the customers of those bookings (a request that did
 *   not commit left no customer behind), and every booking and customer has its audit row (insert);
 * - retrying every unanswered request with its Idempotency-Key replays the committed ones (same booking) and
 *   creates the others, so the client ends with exactly one booking per request.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { adminSql, call, killAll, killChild, must, removeDir, SERVER_URL, startServer, tempDir, withDatabase, type Json, type ServerProcess } from './harness.js';

const REQUESTS = 60; // 40 private slots + 20 shared slots
const CONCURRENCY = 12;
const KILL_AFTER_ACKS = 15;
const KILL_DEADLINE_MS = 30_000;

const dirs: string[] = [];
const databases: string[] = [];

afterAll(async () => {
  await killAll();
  for (const d of dirs) removeDir(d);
  for (const name of databases) await adminSql(SERVER_URL, `drop database if exists ${name} with (force)`).catch(() => undefined);
});

interface Planned {
  i: number;
  key: string;
  email: string;
  body: Record<string, unknown>;
}

type Outcome =
  | { kind: 'acked'; id: string; booking_number: string; start_at: string }
  | { kind: 'refused'; status: number; body: unknown }
  | { kind: 'lost'; error: string } // sent, no answer: it may or may not have committed
  | { kind: 'unsent' }; // connection refused: the server never saw it

const everyDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));

/** Signs up, creates a venue open every day, a private and a shared game, and plans REQUESTS bookings on free slots. */
async function prepare(url: string) {
  const signup = await must(url, 'POST', '/api/auth/signup', 201, {
    body: { email: `owner.${Date.now()}@example.test`, password: 'a long password', full_name: 'Olivia Owner', organization_name: 'Crash Rooms', timezone: 'America/New_York', currency: 'USD' },
  });
  const token = signup.token as string;
  const venue = await must(url, 'POST', '/api/venues', 201, { token, body: { name: 'Downtown', timezone: 'America/New_York', operating_hours: everyDay } });
  const game = (body: Record<string, unknown>) => must(url, 'POST', '/api/games', 201, { token, body: { venue_ids: [venue.id], min_notice_minutes: 0, ...body } });
  const privateGame = await game({ name: 'The Vault', duration_minutes: 60, max_players: 6, price_cents: 3000, booking_mode: 'private' });
  const sharedGame = await game({ name: 'Open Lab', duration_minutes: 60, max_players: 8, price_cents: 1500, booking_mode: 'shared' });

  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const slots = async (gameId: string, n: number): Promise<string[]> => {
    const a = await must(url, 'GET', `/api/games/${gameId}/availability?venue_id=${venue.id}&from=${from}&to=${to}&party_size=2`, 200, { token });
    const free = (a.slots as { start_at: string; available: boolean }[]).filter((s) => s.available).map((s) => s.start_at);
    expect(free.length).toBeGreaterThanOrEqual(n);
    return free.slice(0, n);
  };
  const pair = (gameId: string) => (s: string): [string, string] => [gameId, s];
  const starts = [...(await slots(privateGame.id as string, 40)).map(pair(privateGame.id as string)), ...(await slots(sharedGame.id as string, REQUESTS - 40)).map(pair(sharedGame.id as string))];
  const planned: Planned[] = starts.map(([gameId, startAt], i) => {
    const email = `burst-${i}@example.test`;
    return {
      i,
      key: `burst-${i}`,
      email,
      body: { game_id: gameId, venue_id: venue.id, start_at: startAt, party_size: 2, customer: { full_name: `Burst Customer ${i}`, email }, notes: `burst #${i}` },
    };
  });
  return { token, planned };
}

/** Fires the burst CONCURRENCY at a time and SIGKILLs the server once KILL_AFTER_ACKS bookings were acknowledged. */
async function burstAndKill(server: ServerProcess, token: string, planned: Planned[]) {
  const outcomes: Outcome[] = [];
  let next = 0;
  let acks = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  const kill = () => {
    if (inFlightAtKill >= 0) return;
    inFlightAtKill = inFlight;
    server.child.kill('SIGKILL');
  };
  const backstop = setTimeout(kill, KILL_DEADLINE_MS);
  const worker = async () => {
    while (next < planned.length) {
      const p = planned[next++]!;
      inFlight++;
      try {
        const r = await call(server.url, 'POST', '/api/bookings', { token, body: p.body, headers: { 'idempotency-key': p.key }, timeoutMs: 20_000 });
        if (r.status === 201) {
          outcomes[p.i] = { kind: 'acked', id: r.body.id, booking_number: r.body.booking_number, start_at: r.body.start_at };
          if (++acks === KILL_AFTER_ACKS) kill();
        } else {
          outcomes[p.i] = { kind: 'refused', status: r.status, body: r.body };
        }
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code ?? '';
        outcomes[p.i] = code === 'ECONNREFUSED' ? { kind: 'unsent' } : { kind: 'lost', error: code || String(err) };
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  clearTimeout(backstop);
  await killChild(server.child, 'SIGKILL');
  return { outcomes, inFlightAtKill };
}

async function list(url: string, token: string, path: string): Promise<Json[]> {
  const page = await must(url, 'GET', path, 200, { token });
  expect(page.total).toBeLessThanOrEqual(100); // one page holds everything this test creates
  return page.data as Json[];
}

async function scenario(label: string, env: Record<string, string>) {
  let server = await startServer(env);
  const { token, planned } = await prepare(server.url);
  const burstStarted = Date.now();
  const { outcomes, inFlightAtKill } = await burstAndKill(server, token, planned);
  const burstMs = Date.now() - burstStarted;

  const indexes = (kind: Outcome['kind']) => planned.filter((p) => outcomes[p.i]?.kind === kind).map((p) => p.i);
  const acked = indexes('acked');
  const lost = indexes('lost');
  const unsent = indexes('unsent');
  const refused = planned.filter((p) => outcomes[p.i]?.kind === 'refused').map((p) => ({ i: p.i, outcome: outcomes[p.i] }));
  // Distinct free slots: the only way not to get a 201 is the crash itself.
  expect(refused).toEqual([]);
  expect(acked.length + lost.length + unsent.length).toBe(REQUESTS);
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(inFlightAtKill).toBeGreaterThan(0); // the kill did land in the middle of the burst

  const restartStarted = Date.now();
  server = await startServer(env);
  const restartMs = Date.now() - restartStarted;
  const { url } = server;

  // 1. Every acknowledged booking is there, as it was answered.
  for (const i of acked) {
    const o = outcomes[i] as Extract<Outcome, { kind: 'acked' }>;
    const b = await must(url, 'GET', `/api/bookings/${o.id}`, 200, { token });
    expect(b.booking_number).toBe(o.booking_number);
    expect(Date.parse(b.start_at)).toBe(Date.parse(o.start_at));
    expect(b.customer.email).toBe(planned[i]!.email);
    expect(b.notes).toBe(`burst #${i}`);
  }

  // 2. Every booking comes from an acknowledged request or one whose answer was lost, once.
  const bookings = await list(url, token, '/api/bookings?limit=100');
  const byRequest = new Map<number, Json>();
  for (const b of bookings) {
    const i = Number(/^burst #(\d+)$/.exec(b.notes)?.[1]);
    expect(Number.isInteger(i), `unexpected booking ${JSON.stringify(b)}`).toBe(true);
    expect(byRequest.has(i), `request ${i} has two bookings`).toBe(false);
    expect(['acked', 'lost']).toContain(outcomes[i]!.kind);
    expect(b.customer.email).toBe(planned[i]!.email);
    byRequest.set(i, b);
  }
  const committedLost = lost.filter((i) => byRequest.has(i));
  expect(bookings.length).toBe(acked.length + committedLost.length);

  // 3. No half-written rows: burst customers are exactly those of committed bookings; every row has its audit entry.
  const customers = (await list(url, token, '/api/customers?limit=100&q=burst-')).filter((c) => /^burst-\d+@/.test(c.email));
  expect(customers.map((c) => c.email as string).sort()).toEqual(bookings.map((b) => b.customer.email as string).sort());
  const audited = async (table: string) =>
    (await list(url, token, `/api/audit-logs?table=${table}&action=insert&limit=100`)).map((a) => a.row_id as string).sort();
  expect(await audited('bookings')).toEqual(bookings.map((b) => b.id as string).sort());
  const customerAudits = new Set(await audited('customers'));
  for (const c of customers) expect(customerAudits.has(c.id), `customer ${c.email} without audit row`).toBe(true);

  // 4. The client retries what it has no answer for, with the same Idempotency-Key: exactly one booking each.
  let replayed = 0;
  for (const i of [...lost, ...unsent, acked[0]!]) {
    const r = await call(url, 'POST', '/api/bookings', { token, body: planned[i]!.body, headers: { 'idempotency-key': planned[i]!.key } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const prior = byRequest.get(i);
    if (prior) {
      expect(r.headers.get('idempotent-replayed')).toBe('true');
      expect(r.body.id).toBe(prior.id);
      replayed++;
    } else {
      expect(r.headers.get('idempotent-replayed')).toBeNull();
    }
  }
  const after = await list(url, token, '/api/bookings?limit=100');
  expect(after.length).toBe(REQUESTS);
  expect(new Set(after.map((b) => b.notes as string)).size).toBe(REQUESTS);

  // 5. The restarted server still shuts down cleanly.
  expect(await killChild(server.child, 'SIGTERM')).toBe(0);

  console.log(
    `[faults] ${label}: burst of ${REQUESTS} (concurrency ${CONCURRENCY}) killed after ${burstMs} ms with ${inFlightAtKill} in flight; ` +
      `${acked.length} acked, ${lost.length} answer lost (${committedLost.length} of them committed), ${unsent.length} never sent; ` +
      `restart ${restartMs} ms; ${bookings.length} bookings after the crash, all consistent; ${replayed} idempotent replays on retry`,
  );
}

describe('kill -9 during a burst of bookings', () => {
  it('PGlite: acknowledged bookings survive, nothing is half-written', { timeout: 150_000 }, async () => {
    const dir = tempDir('burst');
    dirs.push(dir);
    await scenario('PGlite', { DATA_DIR: `${dir}/data` });
  });

  it('PostgreSQL server: acknowledged bookings survive, nothing is half-written', { timeout: 120_000 }, async () => {
    const name = `bookingtms_faults_${process.pid}_${Date.now()}`;
    await adminSql(SERVER_URL, `create database ${name}`);
    databases.push(name);
    await scenario('PostgreSQL', { DATABASE_URL: withDatabase(SERVER_URL, name) });
  });
});
