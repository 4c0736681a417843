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

/**
 * Runs `fn` in one transaction as the application role, with the organization and actor set transaction-locally
 * (set_config(..., true)), so RLS policies and audit triggers see them and nothing leaks to the next user of a
 * pooled connection. On a server, BEGIN and these settings are one round trip; `role` is a setting like the others.
 */
export function withTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(fn, {
    'app.organization_id': ctx.organizationId ?? '',
    'app.user_id': ctx.userId ?? '',
    'app.actor_role': ctx.actorRole ?? '',
    'app.request_id': ctx.requestId ?? '',
    'app.client_ip': ctx.clientIp ?? '',
    'app.user_agent': (ctx.userAgent ?? '').slice(0, 500),
    role: APP_ROLE,
  });
}

/**
 * Points the running transaction at an organization the server resolved itself (the public widget's embed key
 * or booking number), so RLS applies from here on. Never called with a client-supplied organization id.
 */
export async function enterOrganization(tx: Queryable, organizationId: string): Promise<void> {
  await tx.query(`select set_config('app.organization_id', $1, true)`, [organizationId]);
}
