import type { Queryable, Database } from '../db/client.js';
import type { CommitHooks } from '../db/tenant.js';
import type { Config } from '../config.js';
import type { JobQueue } from '../queue/queue.js';
import type { AuthContext, DeferredAuth } from './auth.js';
import type { TenantAs } from './tenant.js';

/** The clock every service reads; tests replace it to freeze time. */
export type Clock = () => Date;

// What the app and each request carry. A module that decorates the app with something of its own declares it
// beside its code (see notifications/service.ts), so this file names no module.
declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    clock: Clock;
    /** Reactions to committed writes (see installTenant in src/http/tenant.ts). */
    commitHooks: CommitHooks;
    /** The job queue: services enqueue through it inside the request's transaction (src/queue). */
    queue: JobQueue;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set by requireRole(..., { deferred: true }): the session is checked when the tenant transaction opens. */
    deferredAuth: DeferredAuth | null;
    /**
     * Runs `fn` in this request's tenant transaction (RLS and audit context set from `auth`). Public routes,
     * which have no signed-in user, name the organization they resolved from an embed key or booking number.
     */
    tenant<T>(fn: (tx: Queryable) => Promise<T>, as?: TenantAs): Promise<T>;
  }
}
