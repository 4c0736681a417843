import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actor, requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { throttle } from '../../http/throttle.js';
import {
  adjustedGiftCardSchema,
  adjustGiftCardBody,
  createGiftCardBody,
  giftCardCodeParams,
  giftCardSchema,
  giftCardTransactionSchema,
  listGiftCardsQuery,
  publicGiftCardSchema,
  updateGiftCardBody,
} from './schemas.js';
import {
  adjustGiftCard,
  createGiftCard,
  getGiftCard,
  listGiftCards,
  listGiftCardTransactions,
  publicGiftCardBalance,
  updateGiftCard,
} from './service.js';

const security = [{ bearer: [] }];
const tags = ['gift-cards'];
const anonymous = { organizationId: null, actorRole: 'public' };

/**
 * Balance look-ups per client address per minute: a twelfth of the widget's general budget (10 with the default
 * of 120). A look-up is the one public route that answers whether a guessed code exists.
 */
export const giftCardLookupsPerMinute = (publicPerMinute: number) => Math.max(1, Math.floor(publicPerMinute / 12));

export const giftCardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const manager = requireRole('manager', { deferred: true });
  // A super_admin acting in an organization is no user of it: the card records no creator then.
  const creator = (request: Parameters<typeof actor>[0]) => {
    const auth = actor(request);
    return auth.role === 'super_admin' ? null : auth.userId;
  };

  app.get(
    '/gift-cards',
    {
      preHandler: manager,
      schema: { operationId: 'listGiftCards', tags, security, summary: 'List gift cards (manager or above)', querystring: paginationQuery.extend(listGiftCardsQuery.shape), response: { 200: pageOf(giftCardSchema), ...errors(...authErrors) } },
    },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listGiftCards(tx, filter, { page, limit }, app.clock()));
    },
  );

  app.post(
    '/gift-cards',
    {
      preHandler: manager,
      schema: { operationId: 'createGiftCard', tags, security, summary: 'Issue a gift card in the organization’s currency', body: createGiftCardBody, response: { 201: giftCardSchema, ...errors(...authErrors, 404) } },
    },
    async (request, reply) => {
      const card = await request.tenant((tx) => createGiftCard(tx, request.body, creator(request), app.clock()));
      return reply.status(201).send(card);
    },
  );

  app.get(
    '/gift-cards/:id',
    { preHandler: manager, schema: { operationId: 'getGiftCard', tags, security, summary: 'One gift card', params: idParams, response: { 200: giftCardSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getGiftCard(tx, request.params.id, app.clock())),
  );

  app.put(
    '/gift-cards/:id',
    {
      preHandler: manager,
      schema: { operationId: 'updateGiftCard', tags, security, summary: 'Disable or re-enable a gift card, or change its expiry', params: idParams, body: updateGiftCardBody, response: { 200: giftCardSchema, ...errors(...authErrors, 404) } },
    },
    (request) => request.tenant((tx) => updateGiftCard(tx, request.params.id, request.body, app.clock())),
  );

  app.get(
    '/gift-cards/:id/transactions',
    {
      preHandler: manager,
      schema: { operationId: 'listGiftCardTransactions', tags, security, summary: 'The card’s ledger, newest first', params: idParams, querystring: paginationQuery, response: { 200: pageOf(giftCardTransactionSchema), ...errors(...authErrors, 404) } },
    },
    (request) => request.tenant((tx) => listGiftCardTransactions(tx, request.params.id, request.query)),
  );

  app.post(
    '/gift-cards/:id/adjust',
    {
      preHandler: manager,
      schema: {
        operationId: 'adjustGiftCard',
        tags,
        security,
        summary: 'Credit or debit a card with a reason (a debit below zero is 422 insufficient_balance)',
        params: idParams,
        body: adjustGiftCardBody,
        response: { 201: adjustedGiftCardSchema, ...errors(...authErrors, 404, 422) },
      },
    },
    async (request, reply) => {
      const answer = await request.tenant(async (tx) => {
        const transaction = await adjustGiftCard(tx, request.params.id, { amountCents: request.body.amount_cents, reason: request.body.reason, createdBy: creator(request) });
        return { gift_card: await getGiftCard(tx, request.params.id, app.clock()), transaction };
      });
      return reply.status(201).send(answer);
    },
  );

  const lookups = giftCardLookupsPerMinute(app.config.PUBLIC_RATE_LIMIT_PER_MINUTE);
  app.get(
    '/public/venues/:embed_key/gift-cards/:code',
    {
      schema: {
        operationId: 'getGiftCardBalance',
        tags: ['public', ...tags],
        summary: `A gift card’s balance (rate limited: ${lookups} look-ups per minute per client address; unknown codes are 404)`,
        params: giftCardCodeParams,
        response: { 200: publicGiftCardSchema, ...errors(400, 404, 429) },
      },
    },
    async (request) => {
      // Counted in a transaction of its own and in the database: a 404 rolls the look-up back but stays counted,
      // and every API process shares the count.
      await request.tenant((tx) => throttle(tx, `gift-card-lookup:addr:${request.ip}`, lookups, 60), anonymous);
      return request.tenant((tx) => publicGiftCardBalance(tx, request.params.embed_key, request.params.code, app.clock()), anonymous);
    },
  );
};
