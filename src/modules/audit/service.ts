import type { Queryable } from '../../db/client.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { AuditQuery } from './schemas.js';
import * as sql from './sql.js';

interface AuditRow {
  id: number;
  organization_id: string | null;
  user_id: string | null;
  actor_role: string | null;
  action: 'insert' | 'update' | 'delete';
  table_name: string;
  row_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  client_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  created_at: Date;
}

/** The organization's audit trail, newest first. RLS limits it to the current organization. */
export async function listAuditLogs(tx: Queryable, f: AuditQuery, page: Pagination) {
  const params = [f.table ?? null, f.record_id ?? f.row_id ?? null, f.actor_id ?? f.user_id ?? null, f.action ?? null, f.from ?? null, f.to ?? null];
  return fetchPage(tx, { page: sql.listPage, count: sql.LIST_COUNT }, params, page, toEntry);
}

/** A row under the contract's names, and under the columns' names that the first version answered (deprecated). */
function toEntry(r: AuditRow) {
  const at = r.created_at.toISOString();
  return { ...r, created_at: at, occurred_at: at, actor_id: r.user_id, record_id: r.row_id, ip: r.client_ip };
}
export { recordBulkLoad } from './bulk.js';
