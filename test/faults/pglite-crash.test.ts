/**
 * PGlite is one process writing its own data directory: a crash in the middle of a write (SIGKILL, an OOM kill, a
 * power cut of the container) must leave a directory that opens again, with its migrations intact and every
 * committed transaction in it. A writer child process is killed several times at random moments (the first time
 * while it migrates a fresh directory); each restart recovers the directory and goes on. Then the test opens the
 * directory itself and checks it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openDatabase } from '../../src/db/client.js';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { killAll, killChild, removeDir, sleep, spawnLogged, tempDir } from './harness.js';

const ROUNDS = 3;
const COMMITS_BEFORE_KILL = 40;
const ROUND_DEADLINE_MS = 40_000;

const dir = tempDir('pglite-crash');
let db: Database | undefined;

afterAll(async () => {
  await killAll();
  await db?.close().catch(() => undefined);
  removeDir(dir);
});

interface Round {
  migrated: boolean;
  lastCommitted: number;
  resumedAfter: number | null;
}

/** Runs the writer until it has committed enough rows (or, in round 0, shortly after it opened), then SIGKILLs it. */
async function crashRound(round: number): Promise<Round> {
  const { child, output } = spawnLogged(process.execPath, ['--import', 'tsx', 'test/faults/pglite-writer.ts', `${dir}/data`], { ...process.env });
  const state: Round = { migrated: false, lastCommitted: 0, resumedAfter: null };
  let opened = false;
  let buffered = '';
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line === 'opened') opened = true;
      else if (line.startsWith('migrated ')) state.migrated = true;
      else if (line.startsWith('resuming after ')) state.resumedAfter = Number(line.slice(15));
      else if (line.startsWith('committed ')) state.lastCommitted = Number(line.slice(10));
    }
  });
  const deadline = Date.now() + ROUND_DEADLINE_MS;
  const ready = () => (round === 0 ? opened : state.resumedAfter !== null && state.lastCommitted >= state.resumedAfter + COMMITS_BEFORE_KILL);
  while (!ready() && Date.now() < deadline && child.exitCode === null) await sleep(10);
  expect(child.exitCode, `writer exited early:\n${output()}`).toBeNull();
  expect(ready(), `round ${round}: writer not far enough within ${ROUND_DEADLINE_MS} ms:\n${output()}`).toBe(true);
  // Round 0 dies while migrating a fresh directory; later rounds at a random moment between two commits.
  await sleep(round === 0 ? 150 : Math.floor(Math.random() * 15));
  await killChild(child, 'SIGKILL');
  expect(child.signalCode).toBe('SIGKILL');
  return state;
}

describe('PGlite data directory after SIGKILL mid-write', () => {
  it('still opens, with its migrations and every committed transaction', { timeout: 150_000 }, async () => {
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const state = await crashRound(r);
      // What a round resumes from is what the previous crash left: never less than was reported committed.
      if (r > 0) expect(state.resumedAfter).toBeGreaterThanOrEqual(rounds[r - 1]!.lastCommitted);
      rounds.push(state);
    }
    const committed = Math.max(...rounds.map((s) => s.lastCommitted));

    db = await openDatabase({ dataDir: `${dir}/data` });
    // Migrations: all recorded, nothing pending, the schema usable.
    expect(await migrate(db)).toEqual([]);
    const versions = await db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(versions.rows.map((v) => v.version)).toEqual(loadMigrations().map((m) => m.version));
    for (const table of ['organizations', 'users', 'venues', 'games', 'bookings', 'customers', 'audit_logs', 'idempotency_keys']) {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(rows[0]!.n).toBe(0);
    }
    // Committed data: every reported commit is there, whole, and each transaction is all-or-nothing.
    const probe = await db.query<{ rows: number; max: number; bad: number; counter: number }>(
      `select count(*)::int as rows, coalesce(max(n), 0) as max, count(*) filter (where md5(payload) <> digest)::int as bad,
              (select n from crash_counter where id = 1) as counter
         from crash_probe`,
    );
    const p = probe.rows[0]!;
    expect(p.max).toBeGreaterThanOrEqual(committed);
    expect(p.rows).toBe(p.max); // no gap: 1..max
    expect(p.counter).toBe(p.max); // the counter moved in the same transactions as the rows
    expect(p.bad).toBe(0);
    // Still writable, and the indexes agree with the table.
    await db.query(`insert into crash_probe (n, payload, digest) values ($1, 'after', md5('after'))`, [p.max + 1]);
    const check = await db.query<{ n: number }>('select n from crash_probe where n = $1', [p.max + 1]);
    expect(check.rows).toHaveLength(1);
    await db.close();
    db = undefined;

    console.log(
      `[faults] PGlite SIGKILL: ${ROUNDS} crashes (first during migration: ${rounds[0]!.migrated ? 'no, it had finished' : 'yes'}); ` +
        `${committed} commits reported, ${p.rows} rows found, 0 torn rows; migrations ${loadMigrations().length}/${loadMigrations().length} recorded`,
    );
  });
});
