import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** A query parameter whose name says it carries a secret: its value never reaches the log. */
const SECRET_PARAM = /token|password|passwd|secret|key|code|signature|credential/i;

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return raw;
  }
}

/** The URL with the value of every secret-looking query parameter replaced by `[REDACTED]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAM.test(paramName(name)) ? `${name}=[REDACTED]` : pair;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${query}`;
}

/** Fastify's own request serializer, with the query's secrets redacted (manage tokens arrive as `?token=`). */
function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    version: typeof req.headers['accept-version'] === 'string' ? req.headers['accept-version'] : undefined,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

type LoggerOption = FastifyServerOptions['logger'];

/**
 * The app's logger options: the configured level and redactions, or the given options (tests pass a stream), and
 * in either case the redacting request serializer. `false` stays false (no logging).
 */
export function loggerOptions(config: Config, given?: LoggerOption): LoggerOption {
  if (given === false) return false;
  const base = {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  };
  const options = given === undefined || given === true ? base : { ...base, ...given };
  return { ...options, serializers: { ...(typeof given === 'object' ? given.serializers : {}), req: serializeRequest } };
}
