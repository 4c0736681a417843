import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { pageOf, paginationQuery } from '../../http/pagination.js';
import { couponSchema, createCouponBody, listCouponsQuery, updateCouponBody } from './schemas.js';
import { createCoupon, deleteCoupon, getCoupon, listCoupons, updateCoupon } from './service.js';

const security = [{ bearer: [] }];
const tags = ['coupons'];

// Promotions are managers' business (API.md roles): every route needs manager or above; staff get 403.
export const couponsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Handlers do all their work in request.tenant(...): the session is checked by the statement that opens it.
  const manager = requireRole('manager', { deferred: true });

  app.get(
    '/coupons',
    {
      preHandler: manager,
      schema: {
        operationId: 'listCoupons',
        tags,
        security,
        summary: 'List coupons: search by code, filter by active; sorted by code',
        querystring: paginationQuery.extend(listCouponsQuery.shape),
        response: { 200: pageOf(couponSchema), ...errors(...authErrors) },
      },
    },
    (request) => {
      const { page, limit, ...filter } = request.query;
      return request.tenant((tx) => listCoupons(tx, filter, { page, limit }));
    },
  );

  app.post(
    '/coupons',
    {
      preHandler: manager,
      schema: {
        operationId: 'createCoupon',
        tags,
        security,
        summary: 'Create a coupon (unknown game or venue ids: 400 with the field)',
        body: createCouponBody,
        response: { 201: couponSchema, ...errors(...authErrors, 409) },
      },
    },
    async (request, reply) => {
      const coupon = await request.tenant((tx) => createCoupon(tx, request.body));
      return reply.status(201).send(coupon);
    },
  );

  app.get(
    '/coupons/:id',
    { preHandler: manager, schema: { operationId: 'getCoupon', tags, security, summary: 'One coupon', params: idParams, response: { 200: couponSchema, ...errors(...authErrors, 404) } } },
    (request) => request.tenant((tx) => getCoupon(tx, request.params.id)),
  );

  app.put(
    '/coupons/:id',
    {
      preHandler: manager,
      schema: {
        operationId: 'updateCoupon',
        tags,
        security,
        summary: 'Change a coupon (fields given are changed; null clears a window end or a limit)',
        params: idParams,
        body: updateCouponBody,
        response: { 200: couponSchema, ...errors(...authErrors, 404, 409) },
      },
    },
    (request) => request.tenant((tx) => updateCoupon(tx, request.params.id, request.body)),
  );

  app.delete(
    '/coupons/:id',
    {
      preHandler: manager,
      schema: {
        operationId: 'deleteCoupon',
        tags,
        security,
        summary: 'Delete a coupon; one that was ever redeemed is archived instead (inactive, hidden, history kept)',
        params: idParams,
        response: { 204: z.null(), ...errors(...authErrors, 404) },
      },
    },
    async (request, reply) => {
      await request.tenant((tx) => deleteCoupon(tx, request.params.id, app.clock()));
      return reply.status(204).send(null);
    },
  );
};
