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

// Where the change comes from, for the audit triggers; values are parameters from $`first` on.
const originSettingsSql = (first: number) => `set_config('app.request_id', $${first}, true), set_config('app.client_ip', $${first + 1}, true),
          set_config('app.user_agent', $${first + 2}, true)`;

/** The audit settings of a request as `set_config` calls, their values as parameters from $`first` on. */
export function requestSettingsSql(first: number): string {
  return `${originSettingsSql(first)}, set_config('role', '${APP_ROLE}', true)`;
}

export const requestSettingsParams = (r: RequestSettings): string[] => [r.requestId ?? '', r.clientIp ?? '', (r.userAgent ?? '').slice(0, 500)];

/** How a tenant transaction differs from a request's: only the operator's bulk loader (the demo seeder) sets any. */
export interface TenantOptions {
  /**
   * The per-row bookkeeping triggers to skip, comma-separated ('audit,customer_stats', migration 0003). The
   * database honours the flag only without SET ROLE, so such a transaction stays in the connection's own role
   * (the owner, on the CLI): never for requests, which must run as the application role under RLS.
   */
  bulkLoad?: string;
}

/**
 * Runs `fn` in one transaction as the application role, with the organization and actor set transaction-locally
 * (set_config(..., true)), so RLS policies and audit triggers see them and nothing leaks to the next user of a
 * pooled connection. On a server, BEGIN and these settings are one round trip; `role` is a setting like the others.
 * With `opts.bulkLoad` the role is left as it is instead (see TenantOptions).
 */
export function withTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Queryable) => Promise<T>, opts: TenantOptions = {}): Promise<T> {
  const actor = `select set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true),
                 set_config('app.actor_role', $3, true)`;
  const params = [ctx.organizationId ?? '', ctx.userId ?? '', ctx.actorRole ?? '', ...requestSettingsParams(ctx)];
  if (opts.bulkLoad === undefined) return db.transaction((tx) => fn(tx), { sql: `${actor}, ${requestSettingsSql(4)}`, params });
  return db.transaction((tx) => fn(tx), {
    sql: `${actor}, ${originSettingsSql(4)}, set_config('app.bulk_load', $7, true)`,
    params: [...params, opts.bulkLoad],
  });
}

/** A reaction to a committed write of an organization: a cache to retire, an event to publish. */
export type CommitHook = (organizationId: string) => void;

/**
 * What should happen once a tenant transaction that may have written has committed. Modules register their
 * reactions here (availability retires its cached answers); the tenant transaction runs them after COMMIT and
 * before the response leaves, and never names them: db/ and http/ know no module.
 */
export class CommitHooks {
  private readonly hooks: CommitHook[] = [];

  /** Runs `hook` after every committed write transaction, with the organization it wrote in. */
  afterCommit(hook: CommitHook): void {
    this.hooks.push(hook);
  }

  /** Called by the tenant transaction once it has committed. */
  committed(organizationId: string): void {
    for (const hook of this.hooks) hook(organizationId);
  }
}

const entered = new WeakMap<Queryable, string>();

/**
 * Records that a statement of `tx` pointed the transaction at `organizationId` itself (a public request resolving
 * an embed key or a booking number), so that the commit hooks learn which organization it wrote in.
 */
export function markEntered(tx: Queryable, organizationId: string): void {
  entered.set(tx, organizationId);
}

/** The organization a statement of `tx` entered (markEntered), if any. */
export function enteredOrganization(tx: Queryable): string | undefined {
  return entered.get(tx);
}

/** Changes which per-row bookkeeping triggers a bulk-load transaction skips from here on (see TenantOptions). */
export async function setBulkLoad(tx: Queryable, skip: string): Promise<void> {
  await tx.query(`select set_config('app.bulk_load', $1, true)`, [skip]);
}
