/** The audit module's SQL. RLS limits audit_logs to the current organization. */

/**
 * List filters: $1 table, $2 row id, $3 user, $4 action, $5 from (inclusive) and $6 to (exclusive); a null
 * filter matches every row.
 */
export const LIST_WHERE = `($1::text is null or table_name = $1) and ($2::text is null or row_id = $2)
  and ($3::uuid is null or user_id = $3) and ($4::text is null or action = $4)
  and ($5::timestamptz is null or created_at >= $5) and ($6::timestamptz is null or created_at < $6)`;

/** A page of entries, newest first; `id` breaks ties between entries of one transaction. */
export const listPage = (limit: string, offset: string) =>
  `select * from audit_logs where ${LIST_WHERE} order by created_at desc, id desc limit ${limit} offset ${offset}`;

export const LIST_COUNT = `audit_logs where ${LIST_WHERE}`;

/**
 * One summary row per bulk-loaded table ($1 table names, $2 their `after` as JSON text), with who and where read
 * from the transaction context exactly as app_audit_row() (migration 0001) reads it for per-row entries.
 */
export const INSERT_BULK_LOAD_SUMMARY = `insert into audit_logs (organization_id, user_id, actor_role, action, table_name, row_id, before,
    after, client_ip, user_agent, request_id)
  select app_current_org(), nullif(current_setting('app.user_id', true), '')::uuid, nullif(current_setting('app.actor_role', true), ''),
    'insert', t.table_name, null, null, t.after::jsonb, nullif(current_setting('app.client_ip', true), ''),
    nullif(current_setting('app.user_agent', true), ''), nullif(current_setting('app.request_id', true), '')
  from unnest($1::text[], $2::text[]) as t(table_name, after)`;
