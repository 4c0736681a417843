// The audit module's statements beyond its list query (which service.ts builds with fetchPage).

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
