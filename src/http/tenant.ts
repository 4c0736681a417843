import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/client.js';
import { CommitHooks, enteredOrganization, withTenant, type TenantContext } from '../db/tenant.js';
import { withSession } from './auth.js';

/** Whom a public request acts as: no user, and the organization when it is known before the transaction. */
export interface TenantAs {
  organizationId: string | null;
  actorRole: string;
}

/**
 * Decorates the app with its commit hooks and every request with `tenant(fn, as?)`: `fn` runs in the request's
 * tenant transaction. A write request (any method but GET and HEAD) may change what cached answers show, so once
 * its transaction has committed, and before its response leaves, the commit hooks run with the organization it
 * acted in: the signed-in user's, the one `as` names, or the one a public request entered in SQL (markEntered).
 */
export function installTenant(app: FastifyInstance): void {
  app.decorate('commitHooks', new CommitHooks());
  app.decorateRequest('tenant', async function tenant<T>(this: FastifyRequest, fn: (tx: Queryable) => Promise<T>, as?: TenantAs): Promise<T> {
    if (this.method === 'GET' || this.method === 'HEAD') return runTenant(this, fn, as);
    let used: Queryable | undefined;
    const result = await runTenant(
      this,
      (tx) => {
        used = tx;
        return fn(tx);
      },
      as,
    );
    const organizationId = as ? (as.organizationId ?? (used && enteredOrganization(used))) : this.auth?.organizationId;
    if (organizationId) this.server.commitHooks.committed(organizationId);
    return result;
  });
}

/** The request's tenant transaction: the deferred session check opens it, or the context already known. */
function runTenant<T>(request: FastifyRequest, fn: (tx: Queryable) => Promise<T>, as?: TenantAs): Promise<T> {
  if (!as && !request.auth && request.deferredAuth) return withSession(request, request.deferredAuth, fn);
  return withTenant(request.server.db, tenantContextOf(request, as), fn);
}

/** Who acts in a request, from where, for RLS and audit: the signed-in user, or whom a public route names. */
export function tenantContextOf(request: FastifyRequest, as?: TenantAs): TenantContext {
  const auth = request.auth;
  return {
    organizationId: as ? as.organizationId : (auth?.organizationId ?? null),
    userId: as ? null : (auth?.userId ?? null),
    actorRole: as ? as.actorRole : (auth?.role ?? null),
    requestId: request.id,
    clientIp: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}
