import type { Queryable } from '../../db/client.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { AuditQuery } from './schemas.js';

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
  const where = `($1::text is null or table_name = $1) and ($2::text is null or row_id = $2)
    and ($3::uuid is null or user_id = $3) and ($4::text is null or action = $4)
    and ($5::timestamptz is null or created_at >= $5) and ($6::timestamptz is null or created_at < $6)`;
  const params = [f.table ?? null, f.row_id ?? null, f.user_id ?? null, f.action ?? null, f.from ?? null, f.to ?? null];
  return fetchPage(
    tx,
    {
      page: (limit, offset) => `select * from audit_logs where ${where} order by created_at desc, id desc limit ${limit} offset ${offset}`,
      count: `audit_logs where ${where}`,
    },
    params,
    page,
    (r: AuditRow) => ({ ...r, created_at: r.created_at.toISOString() }),
  );
}
export { recordBulkLoad } from './bulk.js';
