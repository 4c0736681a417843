import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { createVenueBody, listVenuesQuery, updateVenueBody, venueSchema } from './schemas.js';
import { archiveVenue, createVenue, getVenue, listVenues, rotateEmbedKey, updateVenue } from './service.js';

const security = [{ bearer: [] }];
const tags = ['venues'];

export const venuesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Staff run the front desk and need to see venues; shaping them is a manager's job (API.md roles table).
  // Handlers here do all their work in request.tenant(...): the session is checked by the statement that opens it.
  const staff = requireRole('staff', { deferred: true });
  const manager = requireRole('manager', { deferred: true });

  app.get(
    '/venues',
    {
      preHandler: staff,
      schema: {
        operationId: 'listVenues',
        tags,
        security,
        summary: 'List venues (archived ones only with include_archived=true)',
        querystring: paginationQuery.extend(listVenuesQuery.shape),
        response: { 200: pageOf(venueSchema), ...errors(...authErrors) },
      },
    },
    (request) => {
      const { page, limit, q, include_archived } = request.query;
      return request.tenant((tx) => listVenues(tx, { q, includeArchived: include_archived }, { page, limit }));
    },
  );

  app.post(
    '/venues',
    { preHandler: manager, schema: { operationId: 'createVenue', tags, security, summary: 'Create a venue', body: createVenueBody, response: { 201: venueSchema, ...errors(...authErrors) } } },
    async (request, reply) => {
      const venue = await request.tenant((tx) => createVenue(tx, request.body));
      return reply.status(201).send(venue);
    },
  );

  app.get(
    '/venues/:id',
    { preHandler: staff, schema: { operationId: 'getVenue', tags, security, summary: 'One venue (archived ones too)', params: idParams, response: { 200: venueSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getVenue(tx, request.params.id, { includeArchived: true })),
  );

  app.put(
    '/venues/:id',
    {
      preHandler: manager,
      schema: {
        operationId: 'updateVenue',
        tags,
        security,
        summary: 'Change a venue (fields given are changed; 422 when archived)',
        params: idParams,
        body: updateVenueBody,
        response: { 200: venueSchema, ...errors(...authErrors, 404, 422) },
      },
    },
    (request) => request.tenant((tx) => updateVenue(tx, request.params.id, request.body)),
  );

  app.delete(
    '/venues/:id',
    {
      preHandler: manager,
      schema: { operationId: 'archiveVenue', tags, security, summary: 'Archive a venue: hidden from lists, its embed key stops working', params: idParams, response: { 200: venueSchema, ...errors(...authErrors, 404) } },
    },
    (request) => request.tenant((tx) => archiveVenue(tx, request.params.id)),
  );

  app.post(
    '/venues/:id/rotate-embed-key',
    {
      preHandler: manager,
      schema: { operationId: 'rotateVenueEmbedKey', tags, security, summary: 'Give the venue a new embed key; the old one stops working', params: idParams, response: { 200: venueSchema, ...errors(...authErrors, 404, 422) } },
    },
    (request) => request.tenant((tx) => rotateEmbedKey(tx, request.params.id)),
  );
};
