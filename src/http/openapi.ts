import type { SwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import { requirementOf } from './auth.js';
import { finishDocument, ROUTE_KEY, type RouteFacts } from './openapi-document.js';

/**
 * The OpenAPI document (/api/openapi.json): generated from the routes' zod schemas by @fastify/swagger and
 * fastify-type-provider-zod. Here: the document's options (info, tags, servers, security schemes), what a route
 * learns from its guard (security), and documentAs/documentOneOf, with which a schema shows what its refinement
 * checks. openapi-document.ts completes the whole document with what every route shares. Nothing here changes what
 * a route answers.
 */

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
