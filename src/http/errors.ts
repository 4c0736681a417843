import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Every code the API can answer, with its status and title: the one list API.md's error table maps to. */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'Bad Request' },
  invalid_signature: { status: 400, title: 'Bad Request' },
  unauthenticated: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not Found' },
  slot_unavailable: { status: 409, title: 'Conflict' },
  invalid_transition: { status: 409, title: 'Conflict' },
  already_exists: { status: 409, title: 'Conflict' },
  idempotency_conflict: { status: 409, title: 'Conflict' },
  conflict: { status: 409, title: 'Conflict' },
  limit_reached: { status: 409, title: 'Conflict' },
  hold_expired: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload Too Large' },
  unsupported_media_type: { status: 415, title: 'Unsupported Media Type' },
  rule_violation: { status: 422, title: 'Unprocessable Entity' },
  invalid_code: { status: 422, title: 'Unprocessable Entity' },
  insufficient_balance: { status: 422, title: 'Unprocessable Entity' },
  rate_limited: { status: 429, title: 'Too Many Requests' },
  internal: { status: 500, title: 'Internal Server Error' },
  bad_gateway: { status: 502, title: 'Bad Gateway' },
  service_unavailable: { status: 503, title: 'Service Unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error type services throw; the error handler turns it into the API.md shape. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_CODES[code].status;
  }
}

/** 404 for a missing row, and for another organization's row, which RLS makes look missing. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
const titles = [...new Set(codes.map((c) => ERROR_CODES[c].title))] as [string, ...string[]];

export const errorBodySchema = z
  .object({
    error: z.enum(titles).describe('The status’s title'),
    code: z.enum(codes).describe('What happened, for programs: one of the codes this status answers (see each response)'),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().describe('400 validation_failed: what is wrong, by field path (`body.customer.email`, `query.from`, `headers.x-organization-id`)'),
    request_id: z.string().optional().describe('500 only: quote it to the operator (the same as the x-request-id header)'),
  })
  .meta({ id: 'Error' });

type ErrorBody = z.infer<typeof errorBodySchema>;

function body(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: ERROR_CODES[code].title, code, message, ...(fields ? { fields } : {}) };
}

// SQLSTATEs a client can provoke with input the schemas let through, mapped in this one place.
const PG_ERRORS: Record<string, [ErrorCode, string]> = {
  '23505': ['already_exists', 'A record with these values already exists'],
  '23P01': ['slot_unavailable', 'That time is no longer available'],
  '23503': ['not_found', 'A referenced record does not exist'],
  '23514': ['validation_failed', 'A value is outside its allowed range'],
  '23502': ['validation_failed', 'A required value is missing'],
  '22001': ['validation_failed', 'A value is too long'],
  '22003': ['validation_failed', 'A number is out of range'],
  '22007': ['validation_failed', 'A date or time is invalid'],
  '22008': ['validation_failed', 'A date or time is out of range'],
  '22P02': ['validation_failed', 'A value has the wrong format'],
  // NUL bytes (in text, or as \u0000 inside jsonb) are not storable in PostgreSQL: refused input, not a crash.
  '22021': ['validation_failed', 'A value contains a character that cannot be stored'],
  '22P05': ['validation_failed', 'A value contains a character that cannot be stored'],
  BKCAP: ['slot_unavailable', 'That slot does not have enough places left'],
  BKTRN: ['invalid_transition', 'The booking cannot move to that status'],
  BKPAY: ['rule_violation', 'The payment cannot change that way'],
  BKRFD: ['rule_violation', 'The refund is more than is left of the payment'],
  '40001': ['conflict', 'The request conflicted with another one; retry it'],
  '40P01': ['conflict', 'The request conflicted with another one; retry it'],
};

/**
 * Unique constraints whose violation names one field of the request: constraint name -> the 409 message and the
 * field (`fields: { <field>: 'already in use' }`). Any other 23505 gets the generic answer of PG_ERRORS. Names and
 * strings only: http/ imports no module, and a module adds its constraint here rather than catching 23505 itself.
 */
const UNIQUE_FIELDS: Record<string, { message: string; field: string }> = {
  customers_organization_id_email_key: { message: 'A customer with this email already exists', field: 'email' },
  users_email_key: { message: 'A user with this email already exists', field: 'email' },
};

// Errors that mean the database is not reachable right now: the client should retry later.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);

function isUnavailable(err: { code?: unknown; message?: string }): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (UNAVAILABLE.has(code) || code.startsWith('08')) return true;
  const msg = err.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|Cannot use a pool after calling end/i.test(msg);
}

/** The unique constraint a database error violated (SQLSTATE 23505), if it is one. */
export function violatedUnique(err: unknown): string | undefined {
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && typeof e.constraint === 'string' ? e.constraint : undefined;
}

/** Turns anything thrown into the API.md error shape. Logs the cause; a 500 body carries only the request id. */
export function handleError(err: FastifyError & { fields?: Record<string, string> }, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.headers) void reply.headers(err.headers);
    return reply.status(err.status).send(body(err.code, err.message, err.fields));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: Record<string, string> = {};
    const where = err.validationContext ?? 'body';
    for (const v of err.validation) {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      fields[path ? `${where}.${path}` : where] = v.message ?? 'is invalid';
    }
    return reply.status(400).send(body('validation_failed', 'The request is invalid', fields));
  }
  if (isResponseSerializationError(err)) {
    request.log.error({ err }, 'response did not match its schema');
    return reply.status(500).send({ ...body('internal', 'Internal error'), request_id: request.id });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(body('validation_failed', 'The body is not valid JSON', { body: 'malformed JSON' }));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(body('payload_too_large', 'The body is too large'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(415).send(body('unsupported_media_type', 'Send the body as application/json'));
    case 'FST_ERR_VALIDATION':
      // Without `validation` the validator itself threw (a refine on a pathological value): its message is internal.
      if (!err.validation) request.log.warn({ err }, 'validator threw');
      return reply.status(400).send(body('validation_failed', err.validation ? err.message : 'The request is invalid'));
  }
  const pg = typeof err.code === 'string' ? PG_ERRORS[err.code] : undefined;
  if (pg) {
    request.log.info({ sqlstate: err.code, detail: (err as { detail?: string }).detail }, 'database refused a change');
    const constraint = violatedUnique(err);
    const unique = constraint ? UNIQUE_FIELDS[constraint] : undefined;
    if (unique) return reply.status(ERROR_CODES.already_exists.status).send(body('already_exists', unique.message, { [unique.field]: 'already in use' }));
    // Our own triggers (custom SQLSTATEs BK...) word their messages for people; PostgreSQL's own stay inside.
    const message = err.code.startsWith('BK') ? err.message : pg[1];
    return reply.status(ERROR_CODES[pg[0]].status).send(body(pg[0], message));
  }
  if (isUnavailable(err)) {
    request.log.warn({ err }, 'database unavailable');
    void reply.header('retry-after', '5');
    return reply.status(503).send(body('service_unavailable', 'The service is temporarily unavailable; retry shortly'));
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    // A client error Fastify itself raised (bad header, bad URL, too long a path parameter...): one of our codes
    // with that code's status (so 414 becomes 400 validation_failed), never Fastify's internals.
    const byStatus: Record<number, ErrorCode> = { 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };
    const code: ErrorCode = byStatus[err.statusCode] ?? 'validation_failed';
    return reply.status(ERROR_CODES[code].status).send(body(code, code === 'validation_failed' ? 'The request is invalid' : err.message));
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ ...body('internal', 'Internal error'), request_id: request.id });
}

/** Unknown routes answer the same shape as every other error. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
}
