import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { auditLogSchema, auditQuery } from './schemas.js';
import { listAuditLogs } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-logs',
    {
      preHandler: requireRole('admin'),
      schema: {
        operationId: 'listAuditLogs',
        tags: ['audit'],
        security: [{ bearer: [] }],
        summary: 'Every change to the organization’s data: who, what, before and after, from where',
        querystring: paginationQuery.extend(auditQuery.shape),
        response: { 200: pageOf(auditLogSchema), ...errors(...authErrors) },
      },
    },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listAuditLogs(tx, filter, { page, limit }));
    },
  );
};
