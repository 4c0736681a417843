import { isDeepStrictEqual } from 'node:util';
import { STATUS_CODES } from 'node:http';
import type { Requirement } from './auth.js';
import { ERROR_CODES, type ErrorCode } from './errors.js';

/**
 * The OpenAPI document's last pass (http/openapi.ts builds the rest), adding what every route shares and its own
 * schemas do not say: its role and organization header (from its guard, which the transform noted), the errors and
 * headers the cross-cutting parts answer (body limit, media type, database outage, rate limits, idempotent
 * replays), named request bodies, and one component per schema (no unused ones).
 */

// The document is JSON walked by key: typing each of its objects would add nothing but casts.
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** A schema key (an OpenAPI extension, carried onto the operation) with a route's limit per client address per minute. */
export const RATE_LIMIT_KEY = 'x-rate-limit-per-minute';
/** Where the transform leaves what this pass needs to know of a route (removed here). */
export const ROUTE_KEY = 'x-route';
export interface RouteFacts {
  requirement: Requirement | null;
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const pascal = (s: string) => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** Reusable headers of answers. */
const HEADERS: Json = {
  RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
  RateLimitLimit: { description: 'Requests allowed per client address in the current window.', schema: { type: 'integer' } },
  RateLimitRemaining: { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  RateLimitReset: { description: 'Seconds until the window starts again.', schema: { type: 'integer' } },
  IdempotentReplayed: {
    description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key and body (nothing new was created).',
    schema: { type: 'string', enum: ['true'] },
  },
};

const ORGANIZATION_PARAMETER = {
  name: 'X-Organization-Id',
  in: 'header',
  required: false,
  description:
    'For a `super_admin` (who belongs to no organization): the id of the organization to act in; without it this route answers 400 `validation_failed` for them. Every act is audited as theirs. Other roles act in their own organization and the header is ignored.',
  schema: { type: 'string', format: 'uuid' },
};

/** The error codes of each status, from the one list (errors.ts). */
function codesByStatus(): Map<number, ErrorCode[]> {
  const out = new Map<number, ErrorCode[]>();
  for (const [code, { status }] of Object.entries(ERROR_CODES) as [ErrorCode, { status: number }][]) out.set(status, [...(out.get(status) ?? []), code]);
  return out;
}

function errorResponseName(status: number): string {
  return pascal(STATUS_CODES[status] ?? `Status ${status}`);
}

/** One reusable response per error status: the Error schema, the codes of that status, Retry-After where it is sent. */
function errorResponses(): Json {
  const out: Json = {};
  for (const [status, codes] of codesByStatus()) {
    out[errorResponseName(status)] = {
      description: `${STATUS_CODES[status]}: \`code\` is ${codes.map((c) => `\`${c}\``).join(', ')}.`,
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': ref('headers', 'RetryAfter') } } : {}),
      content: { 'application/json': { schema: ref('schemas', 'Error') } },
    };
  }
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Completes the generated document: see the top of this file. */
export function finishDocument(doc: Json): Json {
  const components = (doc.components ??= {}) as Json;
  components.parameters = { ...components.parameters, OrganizationId: ORGANIZATION_PARAMETER };
  components.headers = { ...components.headers, ...HEADERS };
  const responses = errorResponses();
  components.responses = { ...components.responses, ...responses };
  components.schemas ??= {};

  for (const item of Object.values(doc.paths as Json) as Json[]) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op) finishOperation(op, responses);
    }
  }
  nameRequestBodies(doc);
  pruneSchemas(doc);
  return doc;
}

function finishOperation(op: Json, responses: Json): void {
  const facts = op[ROUTE_KEY] as RouteFacts | undefined;
  delete op[ROUTE_KEY];
  const perMinute = op[RATE_LIMIT_KEY] as number | undefined;
  delete op[RATE_LIMIT_KEY];
  const requirement = facts?.requirement;

  if (requirement) {
    const who = `Needs a session with the \`${requirement.minRole}\` role${requirement.minRole === 'super_admin' ? '' : ' or above'}.`;
    op.description = op.description ? `${who} ${op.description as string}` : who;
  }
  if (perMinute) {
    const limit = `Limited to ${perMinute} requests per minute per client address (429 \`rate_limited\` past it).`;
    op.description = op.description ? `${op.description as string} ${limit}` : limit;
  }

  const parameters = (op.parameters ?? []) as Json[];
  for (const p of parameters) {
    // Lists in a query string are one comma-separated value (`status=pending,confirmed`).
    if (p.in === 'query' && p.schema?.type === 'array') Object.assign(p, { style: 'form', explode: false });
  }
  if (requirement?.needsTenant) parameters.push(ref('parameters', 'OrganizationId'));
  if (parameters.length) op.parameters = parameters;

  const res = op.responses as Json;
  if (op.requestBody) {
    // Any body may be too large or of the wrong media type (text/plain, form data): the parsers refuse both.
    res['413'] ??= {};
    res['415'] ??= {};
  }
  // Every route reaches the database (a session, a tenant transaction): a database outage answers 503.
  res['503'] ??= {};
  if (perMinute) res['429'] ??= {};
  const idempotent = parameters.some((p) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key');

  for (const [status, response] of Object.entries(res) as [string, Json][]) {
    const code = Number(status);
    const isError = code >= 400 && (!response.content || response.content['application/json']?.schema?.$ref === '#/components/schemas/Error');
    if (isError) {
      const name = errorResponseName(code);
      if (!responses[name]) throw new Error(`${String(op.operationId)}: status ${status} is no status of errors.ts`);
      res[status] = perMinute ? { ...responses[name], headers: { ...responses[name].headers, ...rateLimitHeaders() } } : ref('responses', name);
      continue;
    }
    if (!response.description || response.description === 'Default Response') response.description = STATUS_CODES[code] ?? status;
    const headers: Json = { ...response.headers };
    if (idempotent && code >= 200 && code < 300) headers['Idempotent-Replayed'] = ref('headers', 'IdempotentReplayed');
    if (perMinute) Object.assign(headers, rateLimitHeaders());
    if (Object.keys(headers).length) response.headers = headers;
  }
}

/** What @fastify/rate-limit sends on every answer of a limited route. */
const rateLimitHeaders = () => ({
  'X-RateLimit-Limit': ref('headers', 'RateLimitLimit'),
  'X-RateLimit-Remaining': ref('headers', 'RateLimitRemaining'),
  'X-RateLimit-Reset': ref('headers', 'RateLimitReset'),
});

/**
 * Each request body becomes a named component (createBooking's is `CreateBooking`) holding its schema, rather than
 * pointing at a schema component: generators such as openapi-typescript then keep a field with a default optional,
 * as the server does, where in a schema component they would make it required. A schema component only a body
 * used moves into it.
 */
function nameRequestBodies(doc: Json): void {
  const schemas = doc.components.schemas as Json;
  const bodies = (doc.components.requestBodies ??= {}) as Json;
  const uses = schemaRefs(doc);
  for (const item of Object.values(doc.paths as Json) as Json[]) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op?.requestBody || op.requestBody.$ref || typeof op.operationId !== 'string') continue;
      const media = op.requestBody.content?.['application/json'] as Json | undefined;
      const used = typeof media?.schema?.$ref === 'string' ? (media.schema.$ref as string).replace('#/components/schemas/', '') : undefined;
      if (media && used && uses.get(used) === 1) {
        media.schema = schemas[used];
        delete schemas[used];
      }
      const name = pascal(op.operationId);
      if (name in bodies) throw new Error(`${op.operationId}: the body name ${name} is taken`);
      bodies[name] = op.requestBody;
      op.requestBody = ref('requestBodies', name);
    }
  }
}

/** How often each schema component is referred to in `value`. */
function schemaRefs(value: unknown, out = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) for (const v of value) schemaRefs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
        out.set(name, (out.get(name) ?? 0) + 1);
      } else schemaRefs(v, out);
    }
  }
  return out;
}

function renameRefs(value: unknown, from: string, to: string): void {
  if (Array.isArray(value)) for (const v of value) renameRefs(v, from, to);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if (o.$ref === `#/components/schemas/${from}`) o.$ref = `#/components/schemas/${to}`;
    for (const v of Object.values(o)) renameRefs(v, from, to);
  }
}

/**
 * One component per schema. fastify-type-provider-zod writes every registered schema twice, as sent (`XInput`)
 * and as answered (`X`): the ones nothing refers to go, an `XInput` alone is called `X`, and one identical to its
 * `X` is merged into it.
 */
function pruneSchemas(doc: Json): void {
  const schemas = doc.components.schemas as Json;
  const reachable = new Set<string>();
  // From the operations and the other components (bodies, responses, parameters, headers).
  const queue = [...schemaRefs({ paths: doc.paths, components: { ...doc.components, schemas: {} } }).keys()];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (reachable.has(name)) continue;
    reachable.add(name);
    queue.push(...schemaRefs(schemas[name]).keys());
  }
  for (const name of Object.keys(schemas)) if (!reachable.has(name)) delete schemas[name];
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of Object.keys(schemas).filter((n) => n.endsWith('Input'))) {
      const base = name.slice(0, -'Input'.length);
      if (base in schemas && !isDeepStrictEqual(schemas[base], schemas[name])) continue;
      if (!(base in schemas)) schemas[base] = schemas[name];
      delete schemas[name];
      renameRefs(doc, name, base);
      changed = true;
    }
  }
  sortSchemas(doc);
}

/** Components in name order, so a reader (and a diff of generated types) finds them. */
function sortSchemas(doc: Json): void {
  const schemas = doc.components.schemas as Json;
  doc.components.schemas = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
}
