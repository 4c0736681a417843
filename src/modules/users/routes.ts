import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { tenantContextOf } from '../../http/tenant.js';
import { createUserBody, listUsersQuery, updateUserBody, userSchema } from './schemas.js';
import type { FastifyRequest } from 'fastify';
import { deactivateUser, getUser, insertUser, limitEmailClashes, listUsers, updateUser, withPasswordHash } from './service.js';

const security = [{ bearer: [] }];
const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = requireRole('admin');
  // A taken email answers 409 (http/errors.ts); each one is counted, and past the limit the answer is 429.
  const clashLimited = <T>(request: FastifyRequest, write: () => Promise<T>) =>
    limitEmailClashes(app.db, tenantContextOf(request), app.config.USER_EMAIL_CLASH_MAX_PER_ORGANIZATION, app.config.SIGNUP_WINDOW_SECONDS, write);

  app.get(
    '/users',
    { preHandler: admin, schema: { operationId: 'listUsers', tags, security, summary: 'List users', querystring: paginationQuery.extend(listUsersQuery.shape), response: { 200: pageOf(userSchema), ...errors(...authErrors) } } },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listUsers(tx, filter, { page, limit }));
    },
  );

  app.post(
    '/users',
    { preHandler: admin, schema: { operationId: 'createUser', tags, security, summary: 'Add a user to the organization', body: createUserBody, response: { 201: userSchema, ...errors(...authErrors, 409, 429) } } },
    async (request, reply) => {
      const input = await withPasswordHash(request.body);
      const user = await clashLimited(request, () => request.tenant((tx) => insertUser(tx, input)));
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    { preHandler: admin, schema: { operationId: 'getUser', tags, security, summary: 'One user', params: idParams, response: { 200: userSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getUser(tx, request.params.id)),
  );

  app.put(
    '/users/:id',
    { preHandler: admin, schema: { operationId: 'updateUser', tags, security, summary: 'Change a user (fields given are changed)', params: idParams, body: updateUserBody, response: { 200: userSchema, ...errors(...authErrors, 404, 409, 422, 429) } } },
    async (request) => {
      const input = await withPasswordHash(request.body);
      return clashLimited(request, () => request.tenant((tx) => updateUser(tx, actor(request).userId, request.params.id, input)));
    },
  );

  app.delete(
    '/users/:id',
    { preHandler: admin, schema: { operationId: 'deactivateUser', tags, security, summary: 'Deactivate a user and end their sessions', params: idParams, response: { 200: userSchema, ...errors(...authErrors, 404, 422) } } },
    (request) => request.tenant((tx) => deactivateUser(tx, actor(request).userId, request.params.id)),
  );
};
