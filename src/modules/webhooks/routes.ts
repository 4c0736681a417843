import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { createWebhookBody, deliveryParams, deliverySchema, listDeliveriesQuery, updateWebhookBody, webhookSchema, webhookWithSecretSchema } from './schemas.js';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, replayDelivery, rotateSecret, updateWebhook } from './service.js';

const tags = ['webhooks'];
const security = [{ bearer: [] }];

export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = requireRole('admin', { deferred: true });
  const allowPrivate = app.config.WEBHOOK_ALLOW_PRIVATE_TARGETS;

  app.get('/webhooks', { preHandler: admin, schema: { operationId: 'listWebhooks', tags, security, summary: 'Outgoing webhook endpoints', querystring: paginationQuery, response: { 200: pageOf(webhookSchema), ...errors(...authErrors) } } }, (request) =>
    request.tenant((tx) => listWebhooks(tx, request.query)),
  );
  app.post(
    '/webhooks',
    { preHandler: admin, schema: { operationId: 'createWebhook', tags, security, summary: 'Add an endpoint; its signing secret is shown once, here', body: createWebhookBody, response: { 201: webhookWithSecretSchema, ...errors(...authErrors) } } },
    async (request, reply) => reply.status(201).send(await request.tenant((tx) => createWebhook(tx, request.body, allowPrivate))),
  );
  app.get('/webhooks/:id', { preHandler: admin, schema: { operationId: 'getWebhook', tags, security, summary: 'One endpoint', params: idParams, response: { 200: webhookSchema, ...errors(...authErrors, 404) } } }, (request) =>
    request.tenant((tx) => getWebhook(tx, request.params.id)),
  );
  app.put(
    '/webhooks/:id',
    { preHandler: admin, schema: { operationId: 'updateWebhook', tags, security, summary: 'Change an endpoint (active: true re-enables one that was disabled)', params: idParams, body: updateWebhookBody, response: { 200: webhookSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => updateWebhook(tx, request.params.id, request.body, allowPrivate)),
  );
  app.delete('/webhooks/:id', { preHandler: admin, schema: { operationId: 'deleteWebhook', tags, security, summary: 'Remove an endpoint and its deliveries', params: idParams, response: { 204: z.null(), ...errors(...authErrors, 404) } } }, async (request, reply) => {
    await request.tenant((tx) => deleteWebhook(tx, request.params.id));
    return reply.status(204).send(null);
  });
  app.post(
    '/webhooks/:id/rotate-secret',
    { preHandler: admin, schema: { operationId: 'rotateWebhookSecret', tags, security, summary: 'A new signing secret, shown once; the old one stops signing at once', params: idParams, response: { 200: webhookWithSecretSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => rotateSecret(tx, request.params.id)),
  );
  app.get(
    '/webhooks/:id/deliveries',
    { preHandler: admin, schema: { operationId: 'listWebhookDeliveries', tags, security, summary: 'The endpoint’s deliveries, newest first', params: idParams, querystring: paginationQuery.extend(listDeliveriesQuery.shape), response: { 200: pageOf(deliverySchema), ...errors(...authErrors, 404) } } },
    (request) => {
      const { status, ...page } = request.query;
      return request.tenant((tx) => listDeliveries(tx, request.params.id, status, page));
    },
  );
  app.post(
    '/webhooks/:id/deliveries/:delivery_id/replay',
    { preHandler: admin, schema: { operationId: 'replayWebhookDelivery', tags, security, summary: 'Send a delivery again (same webhook-id)', params: deliveryParams, response: { 200: deliverySchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => replayDelivery(tx, request.params.id, request.params.delivery_id, app.clock())),
  );
};
