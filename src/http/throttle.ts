import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../db/client.js';
import { AppError } from './errors.js';
import { RATE_LIMIT_KEY } from './openapi-document.js';

// A fixed-window counter in PostgreSQL (app_throttle_hit, migration 0001): shared by every API process.
const THROTTLE_HIT = 'select hits, retry_after from app_throttle_hit($1, $2)';

/** Counts an attempt against a shared limit; throws 429 rate_limited with Retry-After when it is exceeded. */
export async function throttle(tx: Queryable, key: string, max: number, windowSeconds: number): Promise<void> {
  const { rows } = await tx.query<{ hits: number; retry_after: number }>(THROTTLE_HIT, [key, windowSeconds]);
  const hit = rows[0]!;
  if (hit.hits > max) {
    throw new AppError('rate_limited', `Too many attempts; retry in ${hit.retry_after} s`, undefined, {
      'retry-after': String(hit.retry_after),
    });
  }
}

/**
 * Limits every route of the plugin `app` to `max` requests per client address per minute, one budget for them all
 * (@fastify/rate-limit, counted per process), checked on request before the body is even parsed; each route's
 * OpenAPI operation says so (http/openapi.ts). A per-route `config.rateLimit` would give every route a counter of its own.
 */
export function limitPerClient(app: FastifyInstance, max: number): void {
  const limit = app.rateLimit({ max, timeWindow: 60_000 });
  app.addHook('onRequest', async function rateLimited(request, reply) {
    await limit.call(this, request, reply);
  });
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, [RATE_LIMIT_KEY]: max } as typeof route.schema;
  });
}
