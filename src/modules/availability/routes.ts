import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { availabilityQuery, availabilitySchema } from './schemas.js';
import { availabilityCacheFor, cachedAvailability } from './service.js';

export const availabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const cache = availabilityCacheFor(app.commitHooks, app.config.AVAILABILITY_CACHE_MS);
  app.get(
    '/games/:id/availability',
    {
      preHandler: requireRole('staff', { deferred: true }),
      schema: {
        operationId: 'getAvailability',
        tags: ['availability'],
        security: [{ bearer: [] }],
        summary: 'Bookable slots of a game at a venue between two venue-local dates (inclusive, at most 62 days)',
        params: idParams,
        querystring: availabilityQuery,
        response: { 200: availabilitySchema, ...errors(...authErrors, 404) },
      },
    },
    (request) =>
      // The session is checked by the statement that opens the transaction (an organization is required).
      cachedAvailability(cache, { gameId: request.params.id, query: request.query }, app.clock(), (fn) => request.tenant(fn), async () => ({
        organizationId: actor(request).organizationId ?? '',
      })),
  );
};
