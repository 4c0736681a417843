import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/tenant.js';
import { errors } from '../../http/fields.js';
import { tenantContextOf } from '../../http/tenant.js';
import { limitPerClient } from '../../http/throttle.js';
import { reportCacheFor } from '../reports/service.js';
import { eventAccepted, eventBody } from './schemas.js';
import { recordEvent } from './service.js';

const tags = ['public'];

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const reports = reportCacheFor(app.commitHooks, app.config.REPORTS_CACHE_MS);
  // Per client address, like the widget API, but a budget of its own: a page's events must never use up the
  // visitor's budget for booking (each `app.rateLimit` call keeps its own counters).
  limitPerClient(app, app.config.PUBLIC_RATE_LIMIT_PER_MINUTE);

  app.post(
    '/analytics/events',
    {
      schema: {
        operationId: 'recordWidgetEvent',
        tags,
        summary: 'Record a widget funnel step; a repeat of a session’s step answers 204 and records nothing',
        body: eventBody,
        response: { 202: eventAccepted, 204: z.null().describe('Already recorded for this session'), ...errors(400, 404, 429) },
      },
    },
    async (request, reply) => {
      // Not request.tenant: its commit hooks would retire every cached availability answer of the organization at
      // each page view. An event changes the funnel report only, so only the report cache is retired.
      const { organizationId, recorded } = await withTenant(app.db, tenantContextOf(request, { organizationId: null, actorRole: 'public' }), (tx) =>
        recordEvent(tx, request.body, app.clock()),
      );
      if (!recorded) return reply.status(204).send(null);
      reports.invalidate(organizationId);
      return reply.status(202).send({ recorded: true });
    },
  );
};
