import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicBaseUrl } from '../../config.js';
import { actor, requireRole, SESSION_COOKIE, sessionUser } from '../../http/auth.js';
import { errors } from '../../http/fields.js';
import { getOrganization } from '../organizations/service.js';
import { acceptedAnswer, authAnswer, checkEmailAnswer, loginBody, resetBody, resetConfirmBody, sessionAnswer, signupBody } from './schemas.js';
import { confirmPasswordReset, login, logout, requestPasswordReset, signup, type AfterResponse, type AuthSettings, type ClientInfo } from './service.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app;
  const settings: AuthSettings = {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    resetTtlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
    loginMaxPerEmailAndAddress: config.LOGIN_MAX_PER_EMAIL_AND_ADDRESS,
    loginMaxPerEmail: config.LOGIN_MAX_PER_EMAIL,
    loginMaxPerAddress: config.LOGIN_MAX_PER_ADDRESS,
    loginWindowSeconds: config.LOGIN_WINDOW_SECONDS,
    resetMaxPerEmail: config.RESET_MAX_PER_EMAIL,
    signupMaxPerAddress: config.SIGNUP_MAX_PER_ADDRESS,
    signupMaxPerEmail: config.SIGNUP_MAX_PER_EMAIL,
    signupWindowSeconds: config.SIGNUP_WINDOW_SECONDS,
    publicBaseUrl: publicBaseUrl(config),
  };
  const client = (r: FastifyRequest): ClientInfo => ({ requestId: r.id, clientIp: r.ip, userAgent: r.headers['user-agent'] ?? null });
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/api',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.COOKIE_SECURE,
      maxAge: config.SESSION_TTL_HOURS * 3600,
    });
  // Tasks run once their response has been sent (finished or aborted); closing the app waits for them.
  const pending = new Set<Promise<void>>();
  const afterResponse =
    (request: FastifyRequest, reply: FastifyReply): AfterResponse =>
    (task) => {
      const run = () => {
        const p = task()
          .catch((err: unknown) => request.log.error({ err }, 'task after response failed'))
          .finally(() => pending.delete(p));
        pending.add(p);
      };
      reply.then(run, run);
    };
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pending]);
  });

  app.post(
    '/auth/signup',
    {
      schema: {
        operationId: 'signup',
        tags,
        summary: 'Create an organization and its admin',
        description:
          'A new email answers 201 with a session. An email that already has an account answers 202 `check_email` (and its owner is told by mail), never saying that the account exists.',
        body: signupBody,
        response: { 201: authAnswer, 202: checkEmailAnswer, ...errors(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await signup(app.db, app.mailer, request.body, settings, client(request), app.clock(), afterResponse(request, reply));
      if ('status' in result) return reply.status(202).send(result);
      setCookie(reply, result.token);
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/auth/login',
    { schema: { operationId: 'login', tags, summary: 'Sign in', body: loginBody, response: { 200: authAnswer.extend({ organization: authAnswer.shape.organization.nullable() }), ...errors(400, 401, 429) } } },
    async (request, reply) => {
      const result = await login(app.db, request.body, settings, client(request), app.clock());
      setCookie(reply, result.token);
      return result;
    },
  );

  app.post(
    '/auth/logout',
    { preHandler: requireRole('staff', { tenant: false }), schema: { operationId: 'logout', tags, security: [{ bearer: [] }], summary: 'End this session', response: { 204: z.null(), ...errors(401, 403) } } },
    async (request, reply) => {
      await logout(app.db, actor(request).sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    { preHandler: requireRole('staff', { tenant: false }), schema: { operationId: 'getSession', tags, security: [{ bearer: [] }], summary: 'The signed-in user and organization', response: { 200: sessionAnswer, ...errors(401) } } },
    async (request) => {
      const auth = actor(request);
      const organization = auth.organizationId ? await request.tenant((tx) => getOrganization(tx).catch(() => null)) : null;
      return {
        user: sessionUser({
          user_id: auth.userId,
          email: auth.email,
          full_name: auth.fullName,
          role: auth.role,
          organization_id: auth.homeOrganizationId,
          created_at: auth.userCreatedAt,
        }),
        organization,
      };
    },
  );

  app.post(
    '/auth/reset-password',
    { schema: { operationId: 'requestPasswordReset', tags, summary: 'Email a one-time reset link (answers 202 whether or not the account exists)', body: resetBody, response: { 202: acceptedAnswer, ...errors(400, 429) } } },
    async (request, reply) => {
      await requestPasswordReset(app.db, app.mailer, request.body.email, settings, client(request), app.clock(), afterResponse(request, reply));
      return reply.status(202).send({ status: 'accepted' as const, message: 'If the address belongs to an account, a reset link is on its way' });
    },
  );

  app.post(
    '/auth/reset-password/confirm',
    { schema: { operationId: 'confirmPasswordReset', tags, summary: 'Set a new password with a reset token; ends every session', body: resetConfirmBody, response: { 204: z.null(), ...errors(400, 429) } } },
    async (request, reply) => {
      await confirmPasswordReset(app.db, request.body.token, request.body.password, settings, client(request));
      return reply.status(204).send(null);
    },
  );
};
