import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import {
  deliverySchema,
  listDeliveriesQuery,
  listTemplatesQuery,
  placeholdersAnswer,
  previewAnswer,
  templateBody,
  templateSchema,
} from './schemas.js';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listDeliveries,
  listPlaceholders,
  listTemplates,
  previewTemplate,
  retryDelivery,
  updateTemplate,
} from './service.js';

const security = [{ bearer: [] }];

// Templates and the delivery log are the organization's settings: admins only (API.md).
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = requireRole('admin', { deferred: true });
  const tags = ['notifications'];

  app.get(
    '/notification-templates',
    {
      preHandler: admin,
      schema: { operationId: 'listNotificationTemplates', tags, security, summary: 'List message templates', querystring: paginationQuery.extend(listTemplatesQuery.shape), response: { 200: pageOf(templateSchema), ...errors(...authErrors) } },
    },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listTemplates(tx, filter, { page, limit }));
    },
  );

  app.get(
    '/notification-templates/placeholders',
    { preHandler: admin, schema: { operationId: 'listTemplatePlaceholders', tags, security, summary: 'The placeholders each event offers, with sample values', response: { 200: placeholdersAnswer, ...errors(...authErrors) } } },
    (request) => request.tenant(async () => listPlaceholders()),
  );

  app.post(
    '/notification-templates',
    {
      preHandler: admin,
      schema: {
        operationId: 'createNotificationTemplate',
        tags,
        security,
        summary: 'Create a template (Liquid; an unknown placeholder or bad syntax is 400 with the line)',
        body: templateBody,
        response: { 201: templateSchema, ...errors(...authErrors, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await request.tenant((tx) => createTemplate(tx, request.body))),
  );

  app.get(
    '/notification-templates/:id',
    { preHandler: admin, schema: { operationId: 'getNotificationTemplate', tags, security, summary: 'One template', params: idParams, response: { 200: templateSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getTemplate(tx, request.params.id)),
  );

  app.put(
    '/notification-templates/:id',
    {
      preHandler: admin,
      schema: { operationId: 'updateNotificationTemplate', tags, security, summary: 'Replace a template (validated as on create)', params: idParams, body: templateBody, response: { 200: templateSchema, ...errors(...authErrors, 404, 409) } },
    },
    (request) => request.tenant((tx) => updateTemplate(tx, request.params.id, request.body)),
  );

  app.delete(
    '/notification-templates/:id',
    {
      preHandler: admin,
      schema: { operationId: 'deleteNotificationTemplate', tags, security, summary: 'Delete a template: its event falls back to the built-in text', params: idParams, response: { 204: z.null(), ...errors(...authErrors, 404) } },
    },
    async (request, reply) => {
      await request.tenant((tx) => deleteTemplate(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notification-templates/:id/preview',
    {
      preHandler: admin,
      schema: { operationId: 'previewNotificationTemplate', tags, security, summary: "Render a template with its event's sample data", params: idParams, response: { 200: previewAnswer, ...errors(...authErrors, 404) } },
    },
    (request) => request.tenant((tx) => previewTemplate(tx, request.params.id)),
  );

  app.get(
    '/notification-deliveries',
    {
      preHandler: admin,
      schema: {
        operationId: 'listNotificationDeliveries',
        tags,
        security,
        summary: 'The delivery log, newest first',
        querystring: paginationQuery.extend(listDeliveriesQuery.shape),
        response: { 200: pageOf(deliverySchema), ...errors(...authErrors) },
      },
    },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listDeliveries(tx, filter, { page, limit }));
    },
  );

  app.post(
    '/notification-deliveries/:id/retry',
    {
      preHandler: admin,
      schema: {
        operationId: 'retryNotificationDelivery',
        tags,
        security,
        summary: 'Send a failed delivery again (409 for one that has not failed)',
        params: idParams,
        response: { 202: deliverySchema, ...errors(...authErrors, 404, 409) },
      },
    },
    async (request, reply) => reply.status(202).send(await request.tenant((tx) => retryDelivery(tx, app.queue, request.params.id))),
  );
};
