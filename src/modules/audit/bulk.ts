/**
 * The audit trail of a bulk load: a loader that skips the per-row audit trigger (app.bulk_load 'audit',
 * migration 0003) records what it loaded here instead, one summary row per table, so the trail stays honest.
 */
import type { Queryable } from '../../db/client.js';
import { INSERT_BULK_LOAD_SUMMARY } from './sql.js';

/**
 * Records one `insert` audit row per bulk-loaded table (no row id; `after` describes the load), attributed to the
 * actor and origin the transaction carries. Owner connection only: the application role cannot write audit_logs.
 */
export async function recordBulkLoad(tx: Queryable, tables: readonly { table: string; after: Record<string, unknown> }[]): Promise<void> {
  if (tables.length === 0) return;
  await tx.query(INSERT_BULK_LOAD_SUMMARY, [tables.map((t) => t.table), tables.map((t) => JSON.stringify(t.after))]);
}
