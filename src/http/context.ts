import type { Queryable, Database } from '../db/client.js';
import type { Config } from '../config.js';
import type { AvailabilityCache } from '../modules/availability/cache.js';
import type { Mailer } from '../modules/notifications/mailer.js';
import type { AuthContext, DeferredAuth } from './auth.js';

/** The clock every service reads; tests replace it to freeze time. */
export type Clock = () => Date;

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    mailer: Mailer;
    clock: Clock;
    availabilityCache: AvailabilityCache;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set by requireRole(..., { deferred: true }): the session is checked when the tenant transaction opens. */
    deferredAuth: DeferredAuth | null;
    /**
     * Runs `fn` in this request's tenant transaction (RLS and audit context set from `auth`). Public routes,
     * which have no signed-in user, name the organization they resolved from an embed key or booking number.
     */
    tenant<T>(fn: (tx: Queryable) => Promise<T>, as?: { organizationId: string | null; actorRole: string }): Promise<T>;
  }
}
