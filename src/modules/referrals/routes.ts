import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth.js';
import { authErrors, errors, idParams } from '../../http/fields.js';
import { referralSummarySchema } from './schemas.js';
import { getReferralSummary } from './service.js';

export const referralsRoutes: FastifyPluginAsyncZod = async (app) => {
  const staff = requireRole('staff', { deferred: true });

  app.get(
    '/customers/:id/referral',
    {
      preHandler: staff,
      schema: {
        operationId: 'getCustomerReferral',
        tags: ['customers', 'referrals'],
        security: [{ bearer: [] }],
        summary: 'The customer’s referral code (made on first read) and what it has brought',
        params: idParams,
        response: { 200: referralSummarySchema, ...errors(...authErrors, 404) },
      },
    },
    (request) => request.tenant((tx) => getReferralSummary(tx, request.params.id)),
  );
};
