import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Clock } from './http/context.js';
import './http/context.js';
import { responseSerializerCompiler } from './http/serializer.js';
import { AppError, handleError, handleNotFound } from './http/errors.js';
import { installBodyParsers } from './http/body.js';
import { clientErrorHandler } from './http/client-errors.js';
import { installCrossSiteGuard } from './http/csrf.js';
import { loggerOptions } from './http/logging.js';
import { openApiOptions } from './http/openapi.js';
import { installTenant } from './http/tenant.js';
import { adminAppOr, webPages } from './http/pages.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { queuedMailer, type Mailer } from './modules/notifications/service.js';
import { notificationsRoutes } from './modules/notifications/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { venuesRoutes } from './modules/venues/routes.js';
import { calendarsRoutes } from './modules/calendars/routes.js';
import { gamesRoutes } from './modules/games/routes.js';
import { customersRoutes } from './modules/customers/routes.js';
import { bookingsRoutes } from './modules/bookings/routes.js';
import { availabilityRoutes } from './modules/availability/routes.js';
import { publicRoutes } from './modules/public/routes.js';
import { couponsRoutes } from './modules/coupons/routes.js';
import { giftCardsRoutes } from './modules/giftcards/routes.js';
import { referralsRoutes } from './modules/referrals/routes.js';
import { paymentsRoutes } from './modules/payments/routes.js';
import { reportsRoutes } from './modules/reports/routes.js';
import { analyticsRoutes } from './modules/analytics/routes.js';
import { stripeGateway } from './modules/payments/service.js';
import { startJobsInBackground } from './jobs/queue.js';
import { startWebhookDispatch } from './jobs/webhook-dispatch.js';
import { startCheckoutSweeper } from './jobs/expire-checkouts.js';
import type { JobQueue } from './queue/queue.js';
import { eventsRoutes } from './modules/events/routes.js';
import { webhooksRoutes } from './modules/webhooks/routes.js';
import { inboxRoutes } from './modules/inbox/routes.js';
import { EventHub } from './modules/events/service.js';

export interface AppDeps {
  db: Database;
  config: Config;
  mailer?: Mailer;
  /** A queue the caller started and stops; by default the app starts one (with workers unless WORKERS=false). */
  queue?: JobQueue;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Check every response against its zod schema as well (the tests do; see src/http/serializer.ts). */
  checkResponses?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Builds the Fastify app: cross-cutting plugins, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config, deps.logger),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Bad URL encodings and over-long path parameters are answered by the router, before any handler: same shape.
    frameworkErrors: (err, request, reply) => void handleError(err, request, reply),
    // What Node's HTTP parser refuses (a URL over its header limit...) never reaches a route: same shape too.
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ checkResponses: deps.checkResponses ?? false }));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(adminAppOr(handleNotFound));
  installBodyParsers(app, config);

  app.decorate('db', deps.db);
  app.decorate('config', config);
  app.decorate('clock', deps.clock ?? (() => new Date()));
  let queue = deps.queue;
  if (!queue) {
    const own = startJobsInBackground(deps.db, config, app.log, { workers: config.WORKERS });
    const webhooks = config.WORKERS ? startWebhookDispatch(deps.db, config, app.log) : null;
    // PGlite is one connection: a request that enqueued before pg-boss had started would wait, inside its own
    // transaction, for pg-boss's start, which waits for that transaction (the whole database hung). In process the
    // database cannot be unreachable, so the app is ready only once the queue is.
    if (deps.db.kind === 'pglite') app.addHook('onReady', () => own.started);
    // Before the database closes (its owner closes it after app.close()): running jobs finish, polling stops.
    app.addHook('onClose', async () => {
      await webhooks?.stop();
      await own.stop();
    });
    queue = own;
  }
  app.decorate('queue', queue);
  app.decorate('mailer', deps.mailer ?? queuedMailer(deps.db, queue));
  app.decorate('stripe', await stripeGateway(deps.config));
  if (!deps.queue && config.WORKERS) {
    // The hooks are looked up at each sweep: they are installed a few lines below.
    const sweeper = startCheckoutSweeper(deps.db, app.stripe, app.log, app.clock, (organizationId) => app.commitHooks.committed(organizationId));
    app.addHook('onClose', () => sweeper.stop());
  }
  app.decorate('events', new EventHub(deps.db, deps.config.EVENTS_POLL_MS, (err) => app.log.error({ err }, 'event stream poll failed')));
  app.addHook('onClose', () => app.events.close());
  app.decorateRequest('auth', null);
  app.decorateRequest('deferredAuth', null);
  installTenant(app);
  // A write of this process shows in its own streams at once; other processes' writes within EVENTS_POLL_MS.
  app.commitHooks.afterCommit(() => app.events.wake());
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  installCrossSiteGuard(app, config);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        // Only behind HTTPS (COOKIE_SECURE): over plain HTTP it makes browsers fetch the docs page's scripts and
        // styles by https://, which fails, and the page stays blank (loopback addresses are exempt, other hosts not).
        upgradeInsecureRequests: config.COOKIE_SECURE ? [] : null,
      },
    },
  });
  // The widget is embedded on operators' own sites, so public routes (and the widget's funnel events) answer any
  // origin; the admin API only the origins the operator lists.
  await app.register(cors, {
    delegator: (req, cb) => {
      const isPublic = (req.url ?? '').startsWith('/api/public/') || (req.url ?? '').startsWith('/api/analytics/events');
      cb(null, { origin: isPublic ? true : config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, credentials: !isPublic });
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s`, undefined, {
        'retry-after': String(Math.ceil(ctx.ttl / 1000)),
      }),
  });

  await app.register(swagger, openApiOptions(config));
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Its own CSP (with the hashes of its inline parts) asks for https too: the same rule as helmet's above.
    transformStaticCSP: (header) => (config.COOKIE_SECURE ? header : header.replace(/\s*upgrade-insecure-requests;?/, '')),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The web apps' pages and assets (dist/web), outside /api.
  await app.register(webPages);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(organizationRoutes);
      await api.register(auditRoutes);
      await api.register(venuesRoutes);
      await api.register(calendarsRoutes);
      await api.register(gamesRoutes);
      await api.register(availabilityRoutes);
      await api.register(customersRoutes);
      await api.register(bookingsRoutes);
      await api.register(publicRoutes);
      await api.register(couponsRoutes);
      await api.register(giftCardsRoutes);
      await api.register(referralsRoutes);
      await api.register(paymentsRoutes);
      await api.register(notificationsRoutes);
      await api.register(reportsRoutes);
      await api.register(analyticsRoutes);
      await api.register(eventsRoutes);
      await api.register(webhooksRoutes);
      await api.register(inboxRoutes);
    },
    { prefix: '/api' },
  );
  return app;
}
