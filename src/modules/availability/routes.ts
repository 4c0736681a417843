import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { availabilityQuery, availabilitySchema } from './schemas.js';
import { getAvailability } from './service.js';

export const availabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/games/:id/availability',
    {
      preHandler: requireRole('staff', { deferred: true }),
      schema: {
        tags: ['availability'],
        security: [{ bearer: [] }],
        summary: 'Bookable slots of a game at a venue between two venue-local dates (inclusive, at most 62 days)',
        params: idParams,
        querystring: availabilityQuery,
        response: { 200: availabilitySchema, ...errors(...authErrors, 404) },
      },
    },
    (request) =>
      request.tenant((tx) => {
        // The session was checked by the statement that opened this transaction (an organization is required).
        const organizationId = actor(request).organizationId ?? '';
        const now = app.clock();
        const q = request.query;
        const key = JSON.stringify(['staff', organizationId, request.params.id, q.venue_id ?? null, q.from, q.to, q.party_size ?? null]);
        return app.availabilityCache.through(key, organizationId, now.getTime(), () => getAvailability(tx, request.params.id, q, now));
      }),
  );
};
