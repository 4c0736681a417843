import type { Database, Queryable } from './client.js';

/** The role row-level security applies to; created by migration 0001. */
export const APP_ROLE = 'bookingtms_app';

/** Who is acting, on behalf of which organization, from where: copied into the transaction for RLS and audit. */
export interface TenantContext {
  organizationId: string | null;
  userId: string | null;
  actorRole?: string | null;
  requestId?: string | null;
  clientIp?: string | null;
  userAgent?: string | null;
}

/** Request-scoped settings every tenant transaction carries for audit triggers (values are text). */
export interface RequestSettings {
  requestId?: string | null;
  clientIp?: string | null;
  userAgent?: string | null;
}

/** The audit settings of a request as `set_config` calls, their values as parameters from $`first` on. */
export function requestSettingsSql(first: number): string {
  return `set_config('app.request_id', $${first}, true), set_config('app.client_ip', $${first + 1}, true),
          set_config('app.user_agent', $${first + 2}, true), set_config('role', '${APP_ROLE}', true)`;
}

export const requestSettingsParams = (r: RequestSettings): string[] => [r.requestId ?? '', r.clientIp ?? '', (r.userAgent ?? '').slice(0, 500)];

/**
 * Runs `fn` in one transaction as the application role, with the organization and actor set transaction-locally
 * (set_config(..., true)), so RLS policies and audit triggers see them and nothing leaks to the next user of a
 * pooled connection. On a server, BEGIN and these settings are one round trip; `role` is a setting like the others.
 */
export function withTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx), {
    sql: `select set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true),
                 set_config('app.actor_role', $3, true), ${requestSettingsSql(4)}`,
    params: [ctx.organizationId ?? '', ctx.userId ?? '', ctx.actorRole ?? '', ...requestSettingsParams(ctx)],
  });
}
