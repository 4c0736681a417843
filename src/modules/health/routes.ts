import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthSchema = z.object({ status: z.enum(['ok', 'error']), database: z.enum(['ok', 'unreachable']) });

const DB_CHECK_TIMEOUT_MS = 2000;

/** Liveness with a database check: load balancers take a 503 instance out until its database answers again. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { operationId: 'getHealth', tags: ['health'], summary: 'Service and database health', response: { 200: healthSchema, 503: healthSchema } } },
    async (request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          app.db.query('select 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('database check timed out')), DB_CHECK_TIMEOUT_MS);
          }),
        ]);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (err) {
        request.log.warn({ err }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'error' as const, database: 'unreachable' as const });
      } finally {
        clearTimeout(timer);
      }
    },
  );
};
