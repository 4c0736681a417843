import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { listQuery, notificationSchema, settingsSchema } from './schemas.js';
import { deleteNotification, getSettings, listNotifications, markAllRead, markRead, putSettings } from './service.js';

const tags = ['notifications'];
const security: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const user = requireRole('staff', { deferred: true });
  app.get(
    '/notifications',
    { preHandler: user, schema: { operationId: 'listNotifications', tags, security, summary: 'The signed-in user’s in-app notifications (their own only), newest first', querystring: paginationQuery.extend(listQuery.shape), response: { 200: pageOf(notificationSchema), ...errors(...authErrors) } } },
    (request) => {
      const { unread, ...page } = request.query;
      return request.tenant((tx) => listNotifications(tx, unread, page));
    },
  );
  app.post('/notifications/read-all', { preHandler: user, schema: { operationId: 'markAllNotificationsRead', tags, security, summary: 'Mark every notification read', response: { 204: z.null(), ...errors(...authErrors) } } }, async (request, reply) => {
    await request.tenant((tx) => markAllRead(tx, app.clock()));
    return reply.status(204).send(null);
  });
  app.get('/notifications/settings', { preHandler: user, schema: { operationId: 'getNotificationSettings', tags, security, summary: 'Which events notify this user, per channel (absent: on)', response: { 200: settingsSchema, ...errors(...authErrors) } } }, (request) =>
    request.tenant((tx) => getSettings(tx)),
  );
  app.put('/notifications/settings', { preHandler: user, schema: { operationId: 'updateNotificationSettings', tags, security, summary: 'Replace this user’s notification settings', body: settingsSchema, response: { 200: settingsSchema, ...errors(...authErrors) } } }, (request) =>
    request.tenant((tx) => putSettings(tx, request.body)),
  );
  app.post('/notifications/:id/read', { preHandler: user, schema: { operationId: 'markNotificationRead', tags, security, summary: 'Mark one notification read', params: idParams, response: { 200: notificationSchema, ...errors(...authErrors, 404) } } }, (request) =>
    request.tenant((tx) => markRead(tx, request.params.id, app.clock())),
  );
  app.delete('/notifications/:id', { preHandler: user, schema: { operationId: 'deleteNotification', tags, security, summary: 'Delete one notification', params: idParams, response: { 204: z.null(), ...errors(...authErrors, 404) } } }, async (request, reply) => {
    await request.tenant((tx) => deleteNotification(tx, request.params.id));
    return reply.status(204).send(null);
  });
};
