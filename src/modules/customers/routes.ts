import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { createCustomerBody, customerSchema, listCustomersQuery, updateCustomerBody } from './schemas.js';
import { createCustomer, eraseCustomer, getCustomer, listCustomers, updateCustomer } from './service.js';

const security = [{ bearer: [] }];
const tags = ['customers'];

// Segment and RFM depend on the time of reading; every handler passes the app's clock (frozen in tests).
export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  // Handlers here do all their work in request.tenant(...): the session is checked by the statement that opens it.
  const staff = requireRole('staff', { deferred: true });
  const manager = requireRole('manager', { deferred: true });

  app.get(
    '/customers',
    {
      preHandler: staff,
      schema: {
        operationId: 'listCustomers',
        tags,
        security,
        summary: 'List customers: search, filter by segment or tag, sort',
        querystring: paginationQuery.extend(listCustomersQuery.shape),
        response: { 200: pageOf(customerSchema), ...errors(...authErrors) },
      },
    },
    (request) => {
      const { page, limit, sort, ...filter } = request.query;
      return request.tenant((tx) => listCustomers(tx, filter, sort, { page, limit }, app.clock()));
    },
  );

  app.post(
    '/customers',
    {
      preHandler: staff,
      schema: { operationId: 'createCustomer', tags, security, summary: 'Create a customer', body: createCustomerBody, response: { 201: customerSchema, ...errors(...authErrors, 409) } },
    },
    async (request, reply) => {
      const customer = await request.tenant((tx) => createCustomer(tx, request.body, app.clock()));
      return reply.status(201).send(customer);
    },
  );

  app.get(
    '/customers/:id',
    { preHandler: staff, schema: { operationId: 'getCustomer', tags, security, summary: 'One customer', params: idParams, response: { 200: customerSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getCustomer(tx, request.params.id, app.clock())),
  );

  app.put(
    '/customers/:id',
    {
      preHandler: staff,
      schema: {
        operationId: 'updateCustomer',
        tags,
        security,
        summary: 'Change a customer (fields given are changed; null clears email or phone)',
        params: idParams,
        body: updateCustomerBody,
        response: { 200: customerSchema, ...errors(...authErrors, 404, 409) },
      },
    },
    (request) => request.tenant((tx) => updateCustomer(tx, request.params.id, request.body, app.clock())),
  );

  app.delete(
    '/customers/:id',
    {
      preHandler: manager,
      schema: {
        operationId: 'eraseCustomer',
        tags,
        security,
        summary: 'Erase a customer (GDPR): personal data removed, bookings kept; manager or above',
        params: idParams,
        response: { 204: z.null(), ...errors(...authErrors, 404) },
      },
    },
    async (request, reply) => {
      await request.tenant((tx) => eraseCustomer(tx, request.params.id, app.clock()));
      return reply.status(204).send(null);
    },
  );
};
