import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built web apps (web/, built into dist/web by `npm run build:web`; `npm start` builds them when stale):
 * the admin app at `/` (every other page path falls back to it: adminAppOr), the booking widget
 * at `/book/:embed_key` and `/manage/:booking_number`, and `/widget.js`, the script that embeds the widget.
 * The server reads only files here; it imports nothing of web/.
 */
export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

// Stripe's own Content-Security-Policy list for Stripe.js and the Payment Element (docs.stripe.com/security/guide).
const STRIPE_JS = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const self = "'self'";

// Each page gets the policy it needs and no more. Images may come from the organization's logo URL (any https
// host). Nothing runs inline: Vite emits script files, and React sets styles through the DOM (allowed by style-src).
const common = {
  defaultSrc: [self],
  scriptSrc: [self],
  styleSrc: [self],
  imgSrc: [self, 'data:', 'https:'],
  connectSrc: [self],
  fontSrc: [self],
  objectSrc: ["'none'"],
  baseUri: [self],
  formAction: [self],
};

/** The admin app: never framed by anyone. */
const adminHelmet = {
  contentSecurityPolicy: { useDefaults: false, directives: { ...common, frameSrc: [self], frameAncestors: ["'none'"] } },
};

/**
 * The widget: framed by any operator's site (frame-ancestors *, no X-Frame-Options); Stripe.js and its frames for
 * the Payment Element, loaded only when the organization takes online payment (docs: Stripe's CSP list).
 */
const widgetHelmet = {
  frameguard: false as const,
  // A host page that isolates itself (Cross-Origin-Embedder-Policy) may still frame it.
  crossOriginResourcePolicy: { policy: 'cross-origin' as const },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      ...common,
      scriptSrc: [self, ...STRIPE_JS],
      connectSrc: [self, 'https://api.stripe.com'],
      frameSrc: [...STRIPE_JS, 'https://hooks.stripe.com'],
      frameAncestors: ['*'],
    },
  },
};

/** Pages are small and change with each build: the browser asks again on each visit; hashed assets never change. */
const REVALIDATE = 'no-cache';

/** Sends a built file (an app's index.html, widget.js), or 503 while the apps are not built. */
async function sendBuilt(reply: FastifyReply, file: string, type: string) {
  const body = await readFile(file).catch(() => null);
  if (!body) {
    return reply
      .status(503)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send('<!doctype html><title>Not built</title><p>The web app is not built yet: run <code>npm run build:web</code> (or <code>npm start</code>, which builds it).</p>');
  }
  return reply.header('cache-control', REVALIDATE).type(type).send(body);
}

const HTML = 'text/html; charset=utf-8';

/** Registers the widget's pages, the admin app's `/`, widget.js and the hashed assets of both apps. */
export async function webPages(app: FastifyInstance): Promise<void> {
  const assetOptions = { immutable: true, maxAge: '365d', preCompressed: true, index: false as const, decorateReply: false };
  await app.register(fastifyStatic, { root: `${WEB_DIST}/admin/assets`, prefix: '/assets/', ...assetOptions });
  await app.register(fastifyStatic, { root: `${WEB_DIST}/widget/assets`, prefix: '/widget/assets/', ...assetOptions });
  const hide = { hide: true };
  const widgetPage = `${WEB_DIST}/widget/index.html`;
  app.get('/', { schema: hide, helmet: adminHelmet }, (_req, reply) => sendBuilt(reply, `${WEB_DIST}/admin/index.html`, HTML));
  app.get('/book/:embed_key', { schema: hide, helmet: widgetHelmet }, (_req, reply) => sendBuilt(reply, widgetPage, HTML));
  app.get('/manage/:booking_number', { schema: hide, helmet: widgetHelmet }, (_req, reply) => sendBuilt(reply, widgetPage, HTML));
  // Loaded by other sites' pages as a classic script: it must be readable cross-origin.
  app.get('/widget.js', { schema: hide, helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' as const } } }, (_req, reply) =>
    sendBuilt(reply, `${WEB_DIST}/widget/widget.js`, 'application/javascript; charset=utf-8'),
  );
}

/**
 * The not-found handler: a page path no route answers (GET, not under /api, not a file name) is the admin app's,
 * which routes in the browser (`/bookings`, `/customers/:id`); anything else gets `otherwise` (the API's 404).
 * A fallback rather than a `/*` route, so that the router's own answers (a parameter over maxParamLength: 400)
 * stay as they are.
 */
export function adminAppOr(otherwise: (request: FastifyRequest, reply: FastifyReply) => unknown) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const page = (request.method === 'GET' || request.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path);
    if (!page) return otherwise(request, reply);
    // This answer has no route of its own: the admin page's headers replace the defaults set on request.
    reply.helmet(adminHelmet);
    return sendBuilt(reply, `${WEB_DIST}/admin/index.html`, HTML);
  };
}
