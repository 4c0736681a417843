/**
 * Child process of pglite-crash.test.ts: opens a PGlite data directory, migrates it, then commits numbered rows
 * forever, printing "committed N" only after each commit returned. The test SIGKILLs it at a random moment.
 * Each transaction inserts a 16 kB row (with its md5) and moves a counter, so a torn write or a half-applied
 * transaction shows up as a bad checksum or a counter that disagrees with the rows.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: pglite-writer.ts DATA_DIR');

const db = await openDatabase({ dataDir });
console.log('opened');
const applied = await migrate(db);
console.log(`migrated ${JSON.stringify(applied)}`);
await db.exec(`
  create table if not exists crash_probe (n integer primary key, payload text not null, digest text not null);
  create table if not exists crash_counter (id integer primary key, n integer not null);
  insert into crash_counter values (1, 0) on conflict do nothing;`);
const { rows } = await db.query<{ n: number }>('select n from crash_counter where id = 1');
let n = rows[0]!.n;
console.log(`resuming after ${n}`);
for (let i = 0; i < 1_000_000; i++) {
  n += 1;
  const payload = randomBytes(8192).toString('hex');
  await db.transaction(async (tx) => {
    await tx.query('insert into crash_probe (n, payload, digest) values ($1, $2, md5($2))', [n, payload]);
    await tx.query('update crash_counter set n = $1 where id = 1', [n]);
  });
  process.stdout.write(`committed ${n}\n`);
}
