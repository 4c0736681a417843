import type { Database } from './client.js';
import { withTenant, type TenantContext } from './tenant.js';

/**
 * A statement that reads rows in key order from a given key on: `build(afterKey, afterId, limit)` gets the
 * placeholders of the last key seen (text of an immutable ordered column, e.g. created_at::text), the last id and
 * the row limit (null: all), and must select `_key` and `_id` beside the row's own columns and order by them.
 */
export type KeysetStatement = (afterKey: string, afterId: string, limit: string) => string;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const BATCH = 1000;

/**
 * Streams every row of a keyset statement in batches, in constant memory, for as long as `onBatch` answers true
 * (false: the reader went away). One statement, two ways of driving it:
 * - on a PostgreSQL server, one transaction and a cursor over the whole result (DECLARE / FETCH): one snapshot,
 *   one scan, a batch per round trip;
 * - on PGlite, one short transaction per batch, each starting after the last key: PGlite runs one transaction at a
 *   time for the whole process, so a cursor held for the length of a download would stop every other request.
 *   Rows keep their order and appear once each; a row changed while the export runs shows as its batch read it.
 */
export async function streamRows<T>(
  db: Database,
  ctx: TenantContext,
  build: KeysetStatement,
  params: unknown[],
  onBatch: (rows: T[]) => Promise<boolean>,
): Promise<void> {
  const n = params.length;
  const text = build(`$${n + 1}::text::timestamptz`, `$${n + 2}::uuid`, `$${n + 3}::bigint`);
  const strip = (rows: (T & { _key: string; _id: string })[]) =>
    rows.map((r) => {
      const row: Record<string, unknown> = { ...r };
      delete row._key;
      delete row._id;
      return row as T;
    });
  if (db.kind === 'postgres') {
    await withTenant(db, ctx, async (tx) => {
      await tx.query(`declare export_rows no scroll cursor for ${text}`, [...params, '-infinity', NIL_UUID, null]);
      for (;;) {
        const { rows } = await tx.query<T & { _key: string; _id: string }>(`fetch ${BATCH} from export_rows`);
        if (rows.length === 0 || !(await onBatch(strip(rows))) || rows.length < BATCH) return;
      }
    });
    return;
  }
  let after: [string, string] = ['-infinity', NIL_UUID];
  for (;;) {
    const rows = await withTenant(db, ctx, async (tx) => (await tx.query<T & { _key: string; _id: string }>(text, [...params, ...after, BATCH])).rows);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    after = [last._key, last._id];
    if (!(await onBatch(strip(rows))) || rows.length < BATCH) return;
  }
}
