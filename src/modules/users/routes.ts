import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { createUserBody, listUsersQuery, updateUserBody, userSchema } from './schemas.js';
import { deactivateUser, getUser, insertUser, listUsers, updateUser, withPasswordHash } from './service.js';

const security = [{ bearer: [] }];
const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = requireRole('admin');

  app.get(
    '/users',
    { preHandler: admin, schema: { tags, security, summary: 'List users', querystring: paginationQuery.extend(listUsersQuery.shape), response: { 200: pageOf(userSchema), ...errors(...authErrors) } } },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listUsers(tx, filter, { page, limit }));
    },
  );

  app.post(
    '/users',
    { preHandler: admin, schema: { tags, security, summary: 'Add a user to the organization', body: createUserBody, response: { 201: userSchema, ...errors(...authErrors, 409) } } },
    async (request, reply) => {
      const input = await withPasswordHash(request.body);
      const user = await request.tenant((tx) => insertUser(tx, input));
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    { preHandler: admin, schema: { tags, security, summary: 'One user', params: idParams, response: { 200: userSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getUser(tx, request.params.id)),
  );

  app.put(
    '/users/:id',
    { preHandler: admin, schema: { tags, security, summary: 'Change a user (fields given are changed)', params: idParams, body: updateUserBody, response: { 200: userSchema, ...errors(...authErrors, 404, 409, 422) } } },
    async (request) => {
      const input = await withPasswordHash(request.body);
      return request.tenant((tx) => updateUser(tx, actor(request).userId, request.params.id, input));
    },
  );

  app.delete(
    '/users/:id',
    { preHandler: admin, schema: { tags, security, summary: 'Deactivate a user and end their sessions', params: idParams, response: { 200: userSchema, ...errors(...authErrors, 404, 422) } } },
    (request) => request.tenant((tx) => deactivateUser(tx, actor(request).userId, request.params.id)),
  );
};
