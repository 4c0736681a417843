import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, requireRole } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { idempotencyHeaders, idempotent, requestFingerprint } from '../../http/idempotency.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { getOrganization } from '../organizations/service.js';
import {
  createdPaymentSchema, createPaymentBody, listPaymentsQuery, paymentSchema, paymentWithRefundsSchema, refundBody, webhookAnswer,
} from './schemas.js';
import { applyStripeEvent, createPayment, getPayment, listPayments, organizationOfEvent, refundPayment } from './service.js';

const tags = ['payments'];
const security = [{ bearer: [] }];

/** The signed-in user a payment row records (a super_admin is no user of the organization: the audit log names them). */
const userId = (request: FastifyRequest) => {
  const auth = actor(request);
  return auth.role === 'super_admin' ? null : auth.userId;
};

export const paymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = requireRole('staff', { deferred: true });
  const manager = requireRole('manager', { deferred: true });

  app.get(
    '/payments',
    { preHandler: staff, schema: { operationId: 'listPayments', tags, security, summary: 'List payments and refunds (dates in the organization’s zone)', querystring: paginationQuery.extend(listPaymentsQuery.shape), response: { 200: pageOf(paymentSchema), ...errors(...authErrors) } } },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant(async (tx) => listPayments(tx, filter, { page, limit }, (await getOrganization(tx)).timezone));
    },
  );

  app.get(
    '/payments/:id',
    { preHandler: staff, schema: { operationId: 'getPayment', tags, security, summary: 'One payment with its refunds', params: idParams, response: { 200: paymentWithRefundsSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getPayment(tx, request.params.id)),
  );

  app.post(
    '/payments',
    {
      preHandler: staff,
      schema: {
        operationId: 'createPayment',
        tags,
        security,
        summary: 'Record a desk payment, pay from a gift card, or open a Stripe PaymentIntent; honours Idempotency-Key',
        headers: idempotencyHeaders,
        body: createPaymentBody,
        response: { 201: createdPaymentSchema, ...errors(...authErrors, 404, 409, 422, 502, 503) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const fingerprint = requestFingerprint('POST', '/api/payments', request.body);
      const result = await request.tenant((tx) =>
        idempotent(tx, key, fingerprint, app.clock(), { scope: `user:${actor(request).userId}`, sealed: ['client_secret'] }, async () => {
          const { policies } = await getOrganization(tx);
          const { payment, clientSecret } = await createPayment(tx, app.stripe, request.body, {
            createdBy: userId(request),
            idempotencyKey: key ?? null,
            acceptCash: policies.accept_cash,
            now: app.clock(),
          });
          return { status: 201, body: { ...payment, client_secret: clientSecret } };
        }),
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  app.post(
    '/payments/:id/refund',
    {
      preHandler: manager,
      schema: {
        operationId: 'refundPayment',
        tags,
        security,
        summary: 'Refund part or all of what is left of a payment (Stripe payments through Stripe, gift-card payments to the card)',
        params: idParams,
        headers: idempotencyHeaders,
        body: refundBody,
        response: { 201: paymentSchema, ...errors(...authErrors, 404, 409, 422, 502, 503) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const fingerprint = requestFingerprint('POST', `/api/payments/${request.params.id}/refund`, request.body);
      const result = await request.tenant((tx) =>
        idempotent(tx, key, fingerprint, app.clock(), { scope: `user:${actor(request).userId}` }, async () => ({
          status: 201,
          body: await refundPayment(tx, app.stripe, request.params.id, {
            amountCents: request.body.amount_cents, reason: request.body.reason, createdBy: userId(request), idempotencyKey: key ?? null,
          }),
        })),
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  // Stripe's webhook signs the exact bytes it sent, so this route reads its body raw (its own parser, in its own scope).
  await app.register(async (hook) => {
    hook.removeContentTypeParser('application/json');
    hook.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_request, body, done) => done(null, body));
    hook.post(
      '/stripe/webhook',
      {
        schema: {
          operationId: 'receiveStripeEvent',
          tags,
          security: [],
          summary: 'Stripe events (verified with Stripe-Signature); each event is applied once, in any order',
          headers: z.object({ 'stripe-signature': z.string().max(2000).optional() }),
          response: { 200: webhookAnswer, ...errors(400, 413, 415, 502, 503) },
        },
      },
      async (request) => {
        const gateway = app.stripe;
        if (!gateway) throw new AppError('invalid_signature', 'Stripe is not configured here (STRIPE_SECRET_KEY), so no event can be verified');
        const signature = request.headers['stripe-signature'];
        const event = gateway.verifyEvent(request.body as Buffer, typeof signature === 'string' ? signature : undefined);
        const organizationId = await organizationOfEvent(gateway, event);
        if (!organizationId) return { received: true, applied: false };
        const applied = await request.tenant((tx) => applyStripeEvent(tx, gateway, event), { organizationId, actorRole: 'stripe' });
        return { received: true, applied };
      },
    );
  });
};
