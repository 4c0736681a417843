import type { Database } from './client.js';
import { withTenant, type TenantContext } from './tenant.js';

/**
 * A statement that reads rows in key order from a given key on: `build(afterKey, afterId, limit)` gets the
 * placeholders of the last key seen (text of an immutable ordered column, e.g. created_at::text), the last id and
 * the row limit (null: all), and must select, after the row's own columns, `_key` and `_id` as its last two
 * columns, and order by them.
 */
export type KeysetStatement = (afterKey: string, afterId: string, limit: string) => string;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Streams every row of a keyset statement in batches of `batch` rows, as arrays of its own columns (the key columns
 * dropped; instants as ISO text, see Queryable.queryArrays), in constant memory, for as long as `onBatch` answers
 * true (false: the reader went away). `onBatch` must be done with the rows when it settles: the batch is emptied
 * then. While a batch is handed on (and its writing waits for the reader), the next one is already being read: at
 * most two batches are held.
 * One statement, two ways of driving it:
 * - on a PostgreSQL server, one transaction and a cursor over the whole result (DECLARE / FETCH): one snapshot,
 *   one scan, a batch per round trip;
 * - on PGlite, one short transaction per batch, each starting after the last key: PGlite runs one transaction at a
 *   time for the whole process, so a cursor held for the length of a download would stop every other request.
 *   Rows keep their order and appear once each; a row changed while the export runs shows as its batch read it.
 */
export async function streamRows(
  db: Database,
  ctx: TenantContext,
  build: KeysetStatement,
  params: unknown[],
  onBatch: (rows: unknown[][]) => Promise<boolean>,
  batch: number,
): Promise<void> {
  const n = params.length;
  const text = build(`$${n + 1}::text::timestamptz`, `$${n + 2}::uuid`, `$${n + 3}::bigint`);
  // A batch read ahead is awaited later, or never if the reader left or the writing failed: marked as handled now,
  // its failure still reaches whoever awaits it and never becomes an unhandled rejection.
  const ahead = <T>(p: Promise<T>) => {
    p.catch(() => undefined);
    return p;
  };
  // The key columns are the last two: a row without them is the row of its own columns.
  const own = (rows: unknown[][]) => {
    for (const r of rows) r.length -= 2;
    return rows;
  };
  // Hands a batch on and then empties it. The batch's array may have been promoted to V8's old generation while
  // the driver filled it (a scavenge in the middle of a FETCH); dead, it would still hold every row and string of
  // the batch through the next scavenges, which promote them too, batch after batch, until a full collection
  // ("nepotism"): the API's RSS rose from ~130 to ~270 MB during a 1M-row export, and a third of its CPU went to
  // the collector. Emptied, the rows die young (docs/performance.md, insights "Round 2").
  const handOn = async (rows: unknown[][]) => {
    try {
      return await onBatch(own(rows));
    } finally {
      rows.length = 0;
    }
  };
  if (db.kind === 'postgres') {
    await withTenant(db, ctx, async (tx) => {
      // Instants written in UTC, which queryArrays turns into ISO text without a Date each.
      await tx.query(`select set_config('timezone', 'UTC', true)`);
      await tx.query(`declare export_rows no scroll cursor for ${text}`, [...params, '-infinity', NIL_UUID, null]);
      const fetch = () => ahead(tx.queryArrays(`fetch ${batch} from export_rows`));
      let next = fetch();
      for (;;) {
        const rows = await next;
        if (rows.length < batch) {
          if (rows.length) await handOn(rows);
          return;
        }
        next = fetch();
        if (!(await handOn(rows))) {
          await next.catch(() => undefined); // the transaction ends once the fetch in flight has settled
          return;
        }
      }
    });
    return;
  }
  const read = async (after: [string, string]) =>
    withTenant(db, ctx, async (tx) => {
      await tx.query(`select set_config('timezone', 'UTC', true)`);
      return tx.queryArrays(text, [...params, ...after, batch]);
    });
  let rows = await read(['-infinity', NIL_UUID]);
  for (;;) {
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    const next = rows.length < batch ? null : ahead(read([last[last.length - 2] as string, last[last.length - 1] as string]));
    if (!(await handOn(rows)) || !next) {
      await next?.catch(() => undefined);
      return;
    }
    rows = await next;
  }
}
