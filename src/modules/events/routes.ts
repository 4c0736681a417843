import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors } from '../../http/fields.js';
import { backlog, streamEvents } from './service.js';

const HEARTBEAT_MS = 15_000;

export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Streams never end by themselves: closing the app ends them, or it would wait for every client to leave.
  const open = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    for (const out of open) out.end();
  });

  app.get(
    '/events',
    {
      preHandler: requireRole('staff'),
      schema: {
        operationId: 'streamEvents',
        tags: ['events'],
        security: [{ bearer: [] }, { cookie: [] }],
        summary: 'Server-Sent Events: the organization’s changes (webhook event types), from any API process; resume with Last-Event-ID',
        headers: z.object({ 'last-event-id': z.string().max(60).optional() }),
        querystring: z.object({ last_event_id: z.string().max(60).optional().describe('For clients that cannot set the Last-Event-ID header') }),
        response: {
          200: {
            description: 'The stream, open until the client leaves',
            content: { 'text/event-stream': { schema: z.string().describe('Events `id: <xid>-<id>`, `event: <type>`, `data: { type, timestamp, data }`; a comment line every 15 s') } },
          },
          ...errors(...authErrors),
        },
      },
    },
    async (request, reply) => {
      const organizationId = actor(request).organizationId;
      const since = request.headers['last-event-id'] ?? request.query.last_event_id;
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      out.write(': connected\n\n');
      open.add(out);
      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), HEARTBEAT_MS);
      let stop: (() => void) | null = null;
      let closed = false;
      request.raw.on('close', () => {
        closed = true;
        open.delete(out);
        clearInterval(heartbeat);
        stop?.();
      });
      try {
        stop = await streamEvents(app.events, organizationId!, since, (from) => request.tenant((tx) => backlog(tx, from)), (e) => {
          out.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.body)}\n\n`);
        });
        if (closed) stop();
      } catch (err) {
        request.log.error({ err }, 'event stream failed');
        clearInterval(heartbeat);
        out.end();
      }
    },
  );
};
