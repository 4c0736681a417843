import { isDeepStrictEqual } from 'node:util';
import { STATUS_CODES } from 'node:http';
import type { SwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import { requirementOf, type Requirement } from './auth.js';
import { ERROR_CODES, type ErrorCode } from './errors.js';

/**
 * The OpenAPI document (/api/openapi.json): generated from the routes' zod schemas by @fastify/swagger and
 * fastify-type-provider-zod, then completed here with what every route shares and the routes' own schemas do not
 * say: who may call it (derived from its requireRole guard), the organization header, the errors and headers the
 * cross-cutting parts answer (body limit, media type, database outage, rate limits, idempotent replays), named
 * request bodies, and one component per schema (no unused ones). Nothing here changes what a route answers.
 */

// The document is JSON walked by key: typing each of its objects would add nothing but casts.
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const shownAs = new WeakMap<object, { schema: z.ZodType; oneOf: boolean }>();

/**
 * Documents `schema` as `shown`, while requests are still validated by `schema`: for what a refinement checks that
 * JSON Schema can say as well ("exactly one of start_at or booking_date + start_time"), or a query value parsed
 * from text ("a comma-separated list"). `shown` must accept what `schema` accepts; `oneOf` when it is a union whose
 * branches exclude each other. Only for request schemas (bodies, query strings): answers are written by their own.
 */
export function documentAs<T extends z.ZodType>(schema: T, shown: z.ZodType, opts: { oneOf?: boolean } = {}): T {
  shownAs.set(schema, { schema: shown, oneOf: opts.oneOf ?? false });
  return schema;
}

/**
 * Documents a body whose refinement wants exactly one option of each group of fields (`[['start_at'],
 * ['booking_date', 'start_time']]`; an empty option: none of the group) as a oneOf of strict objects, one per
 * combination, with the chosen fields required: what the refinement checks, said so that generated clients type it.
 */
export function documentOneOf<T extends z.ZodObject>(body: T, groups: string[][][]): T {
  const grouped = new Set(groups.flat(2));
  let picks: string[][] = [[]];
  for (const group of groups) picks = picks.flatMap((pick) => group.map((option) => [...pick, ...option]));
  const branches = picks.map((pick) =>
    z
      .object(
        Object.fromEntries(
          Object.entries(body.shape as Record<string, z.ZodType>)
            .filter(([k]) => !grouped.has(k) || pick.includes(k))
            .map(([k, v]) => [k, pick.includes(k) && v instanceof z.ZodOptional ? (v.unwrap() as z.ZodType) : v]),
        ),
      )
      .strict(),
  );
  return documentAs(body, z.union(branches), { oneOf: true });
}

/** Replaces fastify-type-provider-zod's own override (kept: no empty union branches, dates as strings) and applies documentAs. */
function override(ctx: { zodSchema: unknown; jsonSchema: Json }) {
  const type = (ctx.zodSchema as z.ZodType)._zod.def.type;
  if (type === 'union' && Array.isArray(ctx.jsonSchema.anyOf)) ctx.jsonSchema.anyOf = (ctx.jsonSchema.anyOf as Json[]).filter((s) => Object.keys(s).length > 0);
  if (type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
  const shown = shownAs.get(ctx.zodSchema as object);
  if (!shown) return;
  const json = z.toJSONSchema(shown.schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  delete json.$schema;
  if (JSON.stringify(json).includes('"$ref"')) throw new Error('documentAs: a shown schema must not contain registered components');
  const description = ctx.jsonSchema.description as string | undefined;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  if (shown.oneOf && Array.isArray(json.anyOf)) {
    json.oneOf = json.anyOf;
    delete json.anyOf;
  }
  Object.assign(ctx.jsonSchema, description && !json.description ? { description } : {}, json);
}

const zodToJsonConfig = { override } as NonNullable<Parameters<typeof createJsonSchemaTransform>[0]['zodToJsonConfig']>;
const zodTransform = createJsonSchemaTransform({ zodToJsonConfig });
const zodTransformObject = createJsonSchemaTransformObject({ zodToJsonConfig });

/** A schema key (an OpenAPI extension, carried onto the operation) with a route's limit per client address per minute. */
export const RATE_LIMIT_KEY = 'x-rate-limit-per-minute';
/** Where the transform leaves what the document's last pass needs to know of a route (removed by that pass). */
const ROUTE_KEY = 'x-route';
interface RouteFacts {
  requirement: Requirement | null;
}

const SESSION: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

/** The groups of operations (each route's `tags`), in the docs page's order. */
const TAGS = [
  { name: 'auth', description: 'Sign up, sign in and out, the session, password resets.' },
  { name: 'organization', description: 'The organization: business details, time zone, currency, branding, policies, tax.' },
  { name: 'users', description: 'The organization’s staff accounts and their roles (admin only).' },
  { name: 'venues', description: 'Places with opening hours and closures; each has the embed key of its booking widget.' },
  { name: 'games', description: 'What is booked (an escape room, a session): duration, players, prices, venues.' },
  { name: 'availability', description: 'Bookable slots of a game at a venue, in the venue’s time zone.' },
  { name: 'bookings', description: 'Bookings, their quotes, status machine, check-in and cancellation.' },
  { name: 'customers', description: 'Customers with their statistics, segment and history.' },
  { name: 'referrals', description: 'Customers’ referral codes and what they brought.' },
  { name: 'payments', description: 'Payments and refunds (desk, gift card, Stripe) and Stripe’s webhook.' },
  { name: 'coupons', description: 'Discount codes (managers).' },
  { name: 'gift-cards', description: 'Gift cards and their ledger (managers); the widget’s balance look-up.' },
  { name: 'public', description: 'The booking widget’s API: no session, addressed by a venue’s embed key or a booking’s manage token; rate limited per client address.' },
  { name: 'notifications', description: 'Message templates and the delivery log (admins); each user’s in-app notifications.' },
  { name: 'webhooks', description: 'Outgoing webhooks (Standard Webhooks) and their deliveries (admins).' },
  { name: 'events', description: 'The organization’s changes as they happen (Server-Sent Events).' },
  { name: 'dashboard', description: 'Today’s desk and the last 30 days in figures.' },
  { name: 'reports', description: 'Reports over a period (JSON or CSV) and streamed exports (managers).' },
  { name: 'audit', description: 'Every change to the organization’s data (admins).' },
  { name: 'health', description: 'Liveness with a database check, for load balancers.' },
];

/** The @fastify/swagger options of the app. */
export function openApiOptions(config: Config): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'BookingTMS API',
        version: '0.1.0',
        description: [
          'Multi-tenant booking platform: the admin API (a session: bearer token or cookie) and the public widget API (a venue’s embed key).',
          'Every error answers the `Error` schema; its `code` says what happened (each response lists the codes of its status).',
          'Every answer carries `x-request-id` (yours, if you sent a well-formed one).',
        ].join(' '),
        license: { name: 'MIT', identifier: 'MIT' },
      },
      tags: TAGS,
      servers: [{ url: serverUrl(config), description: config.PUBLIC_BASE_URL ? 'This server (PUBLIC_BASE_URL)' : 'The server this document is served by' }],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'The `token` of POST /api/auth/signup or /api/auth/login, as `Authorization: Bearer <token>`.',
          },
          cookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'session',
            description:
              'The HttpOnly `session` cookie login and signup set (browsers: the admin app). Writes authenticated by it are accepted only from the server’s own origin, PUBLIC_BASE_URL’s and CORS_ORIGINS (else 403).',
          },
        },
      },
    },
    transform: (input) => {
      const { route } = input;
      const schema = input.schema as Json | undefined;
      if (!schema || schema.hide) return zodTransform(input);
      const requirement = requirementOf(route.preHandler);
      const declared = (schema.security as unknown[] | undefined)?.length ?? 0;
      // The guard is the truth; a declaration that disagrees with it is a mistake to fix in the route.
      if (Boolean(requirement) !== declared > 0) {
        throw new Error(`${String(route.method)} ${route.url}: ${requirement ? 'guarded by requireRole but declares no security' : 'declares security but has no requireRole guard'}`);
      }
      const out = zodTransform(input);
      const facts: RouteFacts = { requirement: requirement ?? null };
      return { ...out, schema: { ...out.schema, security: requirement ? SESSION : [], [ROUTE_KEY]: facts } };
    },
    transformObject: (input) => finishDocument(zodTransformObject(input)),
  };
}

/** Where the API is: PUBLIC_BASE_URL when set, else the host the document was fetched from (paths start with /api). */
function serverUrl(config: Config): string {
  return config.PUBLIC_BASE_URL ? config.PUBLIC_BASE_URL.replace(/\/+$/, '') : '/';
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
function finishDocument(doc: Json): Json {
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
  const uses = new Map<string, number>();
  countRefs(doc, uses);
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

function countRefs(value: unknown, out: Map<string, number>): void {
  if (Array.isArray(value)) for (const v of value) countRefs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
        out.set(name, (out.get(name) ?? 0) + 1);
      } else countRefs(v, out);
    }
  }
}

function refsIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) out.add(v.slice('#/components/schemas/'.length));
      else refsIn(v, out);
    }
  }
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
  const queue = new Set<string>();
  // From the operations and the other components (bodies, responses, parameters, headers).
  refsIn({ paths: doc.paths, components: { ...doc.components, schemas: {} } }, queue);
  while (queue.size) {
    const [name] = queue;
    queue.delete(name!);
    if (reachable.has(name!)) continue;
    reachable.add(name!);
    const more = new Set<string>();
    refsIn(schemas[name!], more);
    for (const m of more) if (!reachable.has(m)) queue.add(m);
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
