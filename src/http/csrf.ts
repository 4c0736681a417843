import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from './auth.js';
import { AppError } from './errors.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The host (with any non-default port) of an origin or URL, or null when it is not one (`null`, garbage). */
function hostOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** A write the browser authenticated with the session cookie: no Authorization header, a `session` cookie. */
function isCookieWrite(request: FastifyRequest): boolean {
  return WRITES.has(request.method) && !request.headers.authorization && Boolean(request.cookies?.[SESSION_COOKIE]);
}

/**
 * Refuses cookie-authenticated writes that a browser says come from another site (403 forbidden): their Origin
 * is neither the request's own host, nor PUBLIC_BASE_URL's origin, nor one of CORS_ORIGINS; or, without an
 * Origin, Sec-Fetch-Site says cross-site. SameSite=Lax alone lets same-site pages (a sibling subdomain) and old
 * browsers through. Bearer requests are not affected (a page cannot make a browser add that header), nor the
 * widget's `/api/public/*` routes (no cookie; any site embeds them). Register after @fastify/cookie.
 */
export function installCrossSiteGuard(app: FastifyInstance, config: Config): void {
  const trusted = new Set([...config.CORS_ORIGINS, ...(config.PUBLIC_BASE_URL ? [config.PUBLIC_BASE_URL] : [])].map(originOf).filter((o) => o !== null));
  app.addHook('onRequest', async (request) => {
    if (!isCookieWrite(request) || request.routeOptions.url?.startsWith('/api/public/')) return;
    const origin = request.headers.origin;
    if (origin === undefined) {
      if (request.headers['sec-fetch-site'] === 'cross-site') throw refused();
      return;
    }
    // Same host, whatever the scheme: behind a TLS-terminating proxy the app itself sees http.
    if (hostOf(origin) !== null && hostOf(origin) === hostOf(`http://${request.host}`)) return;
    if (trusted.has(originOf(origin) ?? '')) return;
    throw refused();
  });
}

const refused = () => new AppError('forbidden', 'Cross-site request refused: send writes from the app’s own origin, or with Authorization: Bearer');
