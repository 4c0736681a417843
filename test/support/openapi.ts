import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

/** Walks the generated OpenAPI document, so tests that cover "every route" pick up new routes by themselves. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonSchema = Record<string, any>;

export interface OpenApiParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `/api/venues/{id}`. */
  path: string;
  pathParams: string[];
  query: OpenApiParam[];
  headers: OpenApiParam[];
  /** The JSON request body schema, dereferenced at the top. */
  body: JsonSchema | undefined;
  bodyRequired: boolean;
  /** Whether the operation declares a security requirement (needs a session). */
  secured: boolean;
  /** The answers the document promises. */
  statuses: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Fetches /api/openapi.json and lists its operations, GETs first and DELETEs last (so destructive calls come after reads). */
export async function loadOperations(app: FastifyInstance): Promise<{ doc: OpenApiDocument; operations: Operation[] }> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json<OpenApiDocument>();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    // The event stream never ends, so a walk's inject would wait forever; test/modules/events covers its
    // authentication and tenancy (another organization's subscriber sees nothing) on a real port.
    if (path === '/api/events') continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = ((op.parameters ?? []) as OpenApiParam[]).map((p) => deref(doc, p) as OpenApiParam);
      const requestBody = op.requestBody ? deref(doc, op.requestBody) : undefined;
      const content = requestBody?.content?.['application/json'];
      operations.push({
        method: m.toUpperCase() as Operation['method'],
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        body: content?.schema ? deref(doc, content.schema) : undefined,
        bodyRequired: Boolean(requestBody?.required),
        secured: Array.isArray(op.security) && op.security.length > 0,
        statuses: Object.keys(op.responses ?? {}),
      });
    }
  }
  const rank = { GET: 0, POST: 1, PUT: 2, PATCH: 3, DELETE: 4 } as const;
  operations.sort((a, b) => rank[a.method] - rank[b.method] || a.path.localeCompare(b.path));
  return { doc, operations };
}

/** Follows a local `$ref` (one level at a time, repeatedly). */
export function deref(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s?.$ref === 'string'; i++) {
    const ref: string = s.$ref;
    const parts = ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const p of parts) target = (target as Record<string, unknown> | undefined)?.[p];
    if (!target) throw new Error(`unresolvable $ref ${ref}`);
    s = target;
  }
  return s;
}

/** The resource a path parameter belongs to: the literal segment before it (`/api/venues/{id}` -> `venues`). */
export function resourceOf(path: string, param: string): string {
  const segments = path.split('/');
  const i = segments.indexOf(`{${param}}`);
  return i > 0 ? segments[i - 1]! : '';
}

/** Replaces `{name}` in an OpenAPI path with raw (already URL-safe or deliberately unsafe) values. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return v;
  });
}

export interface SampleContext {
  /** Values by property name (an id of the right kind, a valid email...). Functions are called for each use. */
  named: Record<string, unknown>;
  /** Include every optional property (except `skip`), not only the required and `preferred` ones. */
  full?: boolean;
  /** Optional properties included even when not `full`. */
  preferred?: string[];
  /** Properties never included unless required. */
  skip?: string[];
}

/**
 * A value meant to pass the schema: required properties (and some optional ones), the first enum member, numbers
 * inside their bounds, strings by format; `ctx.named` supplies what a schema cannot say (which id, which zone).
 */
export function sample(doc: OpenApiDocument, raw: JsonSchema | undefined, ctx: SampleContext, name = ''): unknown {
  // A named value stands for a property of that name unless the schema says it is a boolean (`email` is an address
  // in most bodies, a yes/no in a customer's notification_preferences).
  const isBoolean = raw !== undefined && deref(doc, raw).type === 'boolean';
  if (name && name in ctx.named && !isBoolean) {
    const v = ctx.named[name];
    return typeof v === 'function' ? (v as () => unknown)() : structuredClone(v);
  }
  if (!raw) return undefined;
  const s = deref(doc, raw);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (options) {
    const first = options.map((o) => deref(doc, o)).find((o) => o.type !== 'null') ?? options[0]!;
    return sample(doc, first, ctx, '');
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return sample(doc, s.allOf[0] as JsonSchema, ctx, name);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set<string>((s.required as string[] | undefined) ?? []);
      for (const [prop, propSchema] of Object.entries<JsonSchema>(s.properties ?? {})) {
        const wanted = required.has(prop) || (!ctx.skip?.includes(prop) && (ctx.full || ctx.preferred?.includes(prop)));
        if (wanted) out[prop] = sample(doc, propSchema, ctx, prop);
      }
      return out;
    }
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      return Array.from({ length: n }, () => sample(doc, s.items as JsonSchema, ctx, ''));
    }
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -Infinity;
      const max = typeof s.maximum === 'number' ? s.maximum : Infinity;
      return Math.min(Math.max(2, min), max);
    }
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'email') return 'someone@example.test';
      if (s.format === 'date-time') return '2030-01-01T10:00:00Z';
      if (s.format === 'uri') return 'https://example.test/x.png';
      const pattern = typeof s.pattern === 'string' ? s.pattern : '';
      if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return '2030-01-01';
      if (pattern.includes(':[0-5]\\d')) return '10:00';
      if (pattern.includes('[A-Z]{3}')) return 'USD';
      if (pattern.startsWith('^[a-z]{2,3}')) return 'en'; // a language tag (notification templates)
      if (pattern.includes('[A-Z]{2}')) return 'US';
      if (pattern.includes('#[0-9a-fA-F]{6}')) return '#123456';
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      const max = typeof s.maxLength === 'number' ? s.maxLength : 100;
      return 'sample value'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 12)));
    }
    case 'null':
    case undefined:
    default:
      return null;
  }
}

/**
 * Properties of an object schema, after following refs; of a union, those of every object option (the first one's
 * first), so a walk that varies each property reaches the ones only other options have (`booking_date`).
 */
export function propertiesOf(doc: OpenApiDocument, raw: JsonSchema | undefined): Record<string, JsonSchema> {
  if (!raw) return {};
  const s = deref(doc, raw);
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (options) {
    const out: Record<string, JsonSchema> = {};
    for (const o of options.map((x) => deref(doc, x)).filter((x) => x.type === 'object')) {
      for (const [k, v] of Object.entries(propertiesOf(doc, o))) if (!(k in out)) out[k] = v;
    }
    return out;
  }
  return s.type === 'object' && s.properties ? (s.properties as Record<string, JsonSchema>) : {};
}

/** The item schema of an array schema (or of the array option of a union). */
export function itemsOf(doc: OpenApiDocument, raw: JsonSchema | undefined): JsonSchema | undefined {
  if (!raw) return undefined;
  const s = deref(doc, raw);
  const options = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (options) return itemsOf(doc, options.map((o) => deref(doc, o)).find((o) => o.type === 'array'));
  return s.type === 'array' ? (s.items as JsonSchema | undefined) : undefined;
}

const pointer = (segments: string[]) => `#/${segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

/** The document's path template of a concrete path (`/api/venues/{id}` for `/api/venues/0f...`), if any. */
export function templateOf(doc: OpenApiDocument, path: string): string | undefined {
  const parts = path.split('/');
  return Object.keys(doc.paths).find((t) => {
    const tp = t.split('/');
    return tp.length === parts.length && tp.every((p, i) => (p.startsWith('{') && parts[i] !== '') || p === parts[i]);
  });
}

/**
 * Checks answers against the document with a JSON Schema validator (formats included): the schema it declares for
 * the operation, status and media type. Returns what is wrong (empty: the answer is as documented).
 */
export function answerChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const check = (method: string, path: string, status: number, mediaType: string, body: unknown): string[] => {
    const template = templateOf(doc, path);
    if (!template) return [`no path of the document matches ${path}`];
    const op = doc.paths[template]?.[method.toLowerCase()];
    if (!op) return [`${method} ${template} is not in the document`];
    const declared = op.responses?.[String(status)] as JsonSchema | undefined;
    if (!declared) return [`${method} ${template} does not declare ${status}`];
    const at = typeof declared.$ref === 'string' ? declared.$ref.replace(/^#\//, '').split('/') : ['paths', template, method.toLowerCase(), 'responses', String(status)];
    const response = deref(doc, declared);
    if (!response.content) return body === undefined || body === '' ? [] : [`${method} ${template} ${status} declares no body`];
    if (!response.content[mediaType]) return [`${method} ${template} ${status} declares no ${mediaType} body`];
    const validate = ajv.compile({ $ref: `openapi.json${pointer([...at, 'content', mediaType, 'schema'])}` });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${method} ${template} ${status}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
  /** Whether `value` is valid by the document's schema at `ref` (`#/components/schemas/CreateBookingRequest`). */
  const schema = (ref: string, value: unknown): boolean => ajv.validate({ $ref: `openapi.json${ref}` }, value);
  return Object.assign(check, { schema });
}
