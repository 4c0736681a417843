import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { createGameBody, gameSchema, listGamesQuery, updateGameBody } from './schemas.js';
import { archiveGame, createGame, getGame, listGames, updateGame } from './service.js';

const security = [{ bearer: [] }];
const tags = ['games'];

export const gamesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Staff take bookings and must see the games; defining them and their prices is a manager's job.
  // Handlers here do all their work in request.tenant(...): the session is checked by the statement that opens it.
  const staff = requireRole('staff', { deferred: true });
  const manager = requireRole('manager', { deferred: true });

  app.get(
    '/games',
    {
      preHandler: staff,
      schema: {
        operationId: 'listGames',
        tags,
        security,
        summary: 'List games (archived ones only with include_archived=true)',
        querystring: paginationQuery.extend(listGamesQuery.shape),
        response: { 200: pageOf(gameSchema), ...errors(...authErrors) },
      },
    },
    (request) => {
      const { page, limit, q, venue_id, active, include_archived } = request.query;
      return request.tenant((tx) => listGames(tx, { q, venueId: venue_id, active, includeArchived: include_archived }, { page, limit }));
    },
  );

  app.post(
    '/games',
    { preHandler: manager, schema: { operationId: 'createGame', tags, security, summary: 'Create a game', body: createGameBody, response: { 201: gameSchema, ...errors(...authErrors) } } },
    async (request, reply) => {
      const game = await request.tenant((tx) => createGame(tx, request.body));
      return reply.status(201).send(game);
    },
  );

  app.get(
    '/games/:id',
    { preHandler: staff, schema: { operationId: 'getGame', tags, security, summary: 'One game (archived ones too)', params: idParams, response: { 200: gameSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getGame(tx, request.params.id)),
  );

  app.put(
    '/games/:id',
    {
      preHandler: manager,
      schema: {
        operationId: 'updateGame',
        tags,
        security,
        summary: 'Change a game (fields given are changed; 422 when archived)',
        params: idParams,
        body: updateGameBody,
        response: { 200: gameSchema, ...errors(...authErrors, 404, 422) },
      },
    },
    (request) => request.tenant((tx) => updateGame(tx, request.params.id, request.body)),
  );

  app.delete(
    '/games/:id',
    {
      preHandler: manager,
      schema: { operationId: 'archiveGame', tags, security, summary: 'Archive a game: inactive and hidden from lists; its bookings stay valid', params: idParams, response: { 200: gameSchema, ...errors(...authErrors, 404) } },
    },
    (request) => request.tenant((tx) => archiveGame(tx, request.params.id)),
  );
};
