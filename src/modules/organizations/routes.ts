import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors } from '../../http/fields.js';
import { organizationSchema, updateOrganizationBody } from './schemas.js';
import { getOrganization, updateOrganization } from './service.js';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organization',
    {
      preHandler: requireRole('staff'),
      schema: { operationId: 'getOrganization', tags: ['organization'], summary: 'The current organization', security: [{ bearer: [] }], response: { 200: organizationSchema, ...errors(...authErrors, 404) } },
    },
    (request) => request.tenant((tx) => getOrganization(tx)),
  );

  app.put(
    '/organization',
    {
      preHandler: requireRole('admin'),
      schema: {
        operationId: 'updateOrganization',
        tags: ['organization'],
        summary: 'Change business info, time zone, currency, branding and policies (fields given are changed)',
        security: [{ bearer: [] }],
        body: updateOrganizationBody,
        response: { 200: organizationSchema, ...errors(...authErrors, 404) },
      },
    },
    (request) => request.tenant((tx) => updateOrganization(tx, request.body)),
  );
};
