import { beforeAll, describe, expect, it } from 'vitest';
import { appWithoutDatabase } from '../../scripts/openapi.js';
import { ERROR_CODES } from '../../src/http/errors.js';
import { call, useTestApp } from '../support/app.js';
import { createCustomer, createGame, createVenue } from '../support/catalog.js';
import { signupOrg, uniqueEmail } from '../support/fixtures.js';
import { answerChecker, deref, type JsonSchema, type OpenApiDocument } from '../support/openapi.js';

/**
 * /api/openapi.json as an integrator meets it: every operation named once, errors typed by the one list of codes,
 * who may call what, the errors and headers the shared parts answer, named bodies, and the bodies' "exactly one
 * of" rules, each held against what the server really does. (test/http/openapi-client.test.ts generates a
 * client from it; `npm run lint:openapi` lints it.)
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
interface Op {
  method: string;
  path: string;
  op: JsonSchema;
}

function operationsOf(doc: OpenApiDocument): Op[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })));
}

/** The operations anyone may call: the widget API, signing up and in, password resets, the probes and Stripe's webhook. */
const PUBLIC = new Set(['getHealth', 'signup', 'login', 'requestPasswordReset', 'confirmPasswordReset', 'receiveStripeEvent', 'recordWidgetEvent']);

describe('the OpenAPI document', () => {
  const t = useTestApp();
  let doc: OpenApiDocument & { components: Record<string, Record<string, JsonSchema>>; servers: JsonSchema[] };
  let ops: Op[];
  beforeAll(async () => {
    doc = (await call(t().app, 'GET', '/api/openapi.json')).body;
    ops = operationsOf(doc);
  });

  it('names every operation once, in camelCase', () => {
    expect(ops.length).toBeGreaterThan(100);
    const ids = ops.map(({ method, path, op }) => [`${method} ${path}`, op.operationId] as const);
    expect(ids.filter(([, id]) => typeof id !== 'string' || !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    const seen = new Map<string, string>();
    const twice = ids.filter(([where, id]) => seen.has(id) || !seen.set(id, where));
    expect(twice).toEqual([]);
  });

  it('answers every error with the Error schema, whose code is an enum of errors.ts’s codes', () => {
    expect([...doc.components.schemas!.Error!.properties.code.enum].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    const statuses = new Set(Object.values(ERROR_CODES).map((c) => String(c.status)));
    for (const { method, path, op } of ops) {
      for (const [status, response] of Object.entries<JsonSchema>(op.responses)) {
        if (Number(status) < 400 || op.operationId === 'getHealth') continue;
        expect(statuses, `${method} ${path} ${status}`).toContain(status);
        expect(deref(doc, response).content['application/json'].schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
      // Every operation but the health probe says what a client's mistakes answer.
      if (op.operationId !== 'getHealth') expect(Object.keys(op.responses).some((s) => s.startsWith('4')), `${method} ${path}`).toBe(true);
    }
  });

  it('says who may call each operation: no security on public ones, bearer or cookie with 401 and 403 on the others', () => {
    for (const { method, path, op } of ops) {
      const where = `${method} ${path}`;
      if (path.startsWith('/api/public/') || PUBLIC.has(op.operationId)) {
        expect(op.security, where).toEqual([]);
        continue;
      }
      expect(op.security, where).toEqual([{ bearer: [] }, { cookie: [] }]);
      // 403: a role too low, or a write authenticated by the cookie from a foreign origin (reads only: no 403).
      expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(op.operationId === 'getSession' ? ['401'] : ['401', '403']));
      expect(op.description, where).toMatch(/^Needs a session with the `(staff|manager|admin)` role or above\./);
      // A super_admin names the organization to act in, except where no organization is needed.
      const names = ((op.parameters ?? []) as JsonSchema[]).map((p): unknown => deref(doc, p).name);
      expect(names.includes('X-Organization-Id'), where).toBe(!['logout', 'getSession'].includes(op.operationId));
    }
    expect(doc.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'session' } });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('declares 413 and 415 wherever a body is read, 503 everywhere, 429 and the limit’s headers where requests are limited', () => {
    const limited = (op: JsonSchema): unknown => deref(doc, op.responses['200'] ?? op.responses['201'] ?? op.responses['202'] ?? op.responses['204']).headers?.['X-RateLimit-Limit'];
    for (const { method, path, op } of ops) {
      const where = `${method} ${path}`;
      const statuses = Object.keys(op.responses);
      if (op.requestBody) expect(statuses, where).toEqual(expect.arrayContaining(['413', '415']));
      expect(statuses, where).toContain('503');
      // The widget API and its funnel events share @fastify/rate-limit's budgets; the gift-card look-up has its own counter.
      const byPlugin = (path.startsWith('/api/public/') && op.operationId !== 'getGiftCardBalance') || op.operationId === 'recordWidgetEvent';
      expect(Boolean(limited(op)), where).toBe(byPlugin);
      if (byPlugin) for (const response of Object.values<JsonSchema>(op.responses)) expect(deref(doc, response).headers, `${where}`).toHaveProperty('X-RateLimit-Remaining');
      if (byPlugin || ['signup', 'login', 'requestPasswordReset', 'confirmPasswordReset', 'getGiftCardBalance', 'createUser', 'updateUser'].includes(op.operationId)) {
        expect(statuses, where).toContain('429');
      }
    }
    expect(doc.components.responses!.TooManyRequests!.headers).toHaveProperty('Retry-After');
    expect(doc.components.responses!.ServiceUnavailable!.headers).toHaveProperty('Retry-After');
  });

  it('sends the headers it documents: the rate limit on widget answers (errors too), Retry-After on 429, Idempotent-Replayed on a replay', async () => {
    const { app } = t();
    const check = answerChecker(doc);
    const unknown = await app.inject({ method: 'GET', url: '/api/public/venues/no-such-key' });
    expect(unknown.statusCode).toBe(404);
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) expect(unknown.headers, h).toHaveProperty(h);
    expect(check('GET', '/api/public/venues/no-such-key', 404, 'application/json', unknown.json())).toEqual([]);
    const lookup = await app.inject({ method: 'GET', url: '/api/public/venues/no-such-key/gift-cards/NOPE' });
    expect(lookup.headers).not.toHaveProperty('x-ratelimit-limit');

    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const game = await createGame(app, org.token, { venue_ids: [venue.id] });
    const start = await freeSlots(org.token, game.id, venue.id).then((s) => s[0]!.start_at);
    const body = { game_id: game.id, venue_id: venue.id, start_at: start, party_size: 2, customer: { full_name: 'Ida Idempotent', email: uniqueEmail('idem') } };
    const first = await call(app, 'POST', '/api/bookings', { token: org.token, body, headers: { 'idempotency-key': 'k-1' } });
    const replay = await call(app, 'POST', '/api/bookings', { token: org.token, body, headers: { 'idempotency-key': 'k-1' } });
    expect([first.status, replay.status, replay.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(check('POST', '/api/bookings', 201, 'application/json', replay.body)).toEqual([]);
    expect(deref(doc, doc.paths['/api/bookings']!.post!.responses['201']).headers).toHaveProperty('Idempotent-Replayed');

    // Wrong passwords for one email from one address until its limit (LOGIN_MAX_PER_EMAIL_AND_ADDRESS, 10): 429 with
    // Retry-After, as the 429 response says.
    const email = uniqueEmail('guessed');
    const guess = () => call(app, 'POST', '/api/auth/login', { body: { email, password: 'not the password' } });
    // Windows are fixed (app_throttle_hit): a run that crosses a window's end starts counting again, so allow two.
    let refused = await guess();
    for (let i = 0; i < 22 && refused.status !== 429; i++) refused = await guess();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(check('POST', '/api/auth/login', 429, 'application/json', refused.body)).toEqual([]);
  });

  it('names every request body, keeps one component per schema and none unused', () => {
    for (const { method, path, op } of ops) {
      if (op.requestBody) expect(op.requestBody.$ref, `${method} ${path}`).toBe(`#/components/requestBodies/${op.operationId[0].toUpperCase()}${op.operationId.slice(1)}`);
    }
    const names = Object.keys(doc.components.schemas!);
    expect(names.filter((n) => n.endsWith('Input'))).toEqual([]);
    const text = JSON.stringify({ paths: doc.paths, components: doc.components });
    expect(names.filter((n) => !text.includes(`"#/components/schemas/${n}"`))).toEqual([]);
  });

  it('documents the status filter of GET /api/bookings as the comma-separated list it is', async () => {
    const param = doc.paths['/api/bookings']!.get!.parameters.find((p: JsonSchema) => p.name === 'status');
    expect(param).toMatchObject({ in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { enum: expect.arrayContaining(['pending', 'no-show']) } } });
    const org = await signupOrg(t().app);
    expect((await call(t().app, 'GET', '/api/bookings?status=pending,checked-in', { token: org.token })).status).toBe(200);
    expect((await call(t().app, 'GET', '/api/bookings?status=pending&status=confirmed', { token: org.token })).status).toBe(400);
  });

  it('types the widget’s branding and policies, and booking statuses in every schema', () => {
    const widget = doc.components.schemas!.PublicWidget!.properties.organization.properties;
    expect(widget.branding.properties).toHaveProperty('primary_color');
    expect(widget.branding.additionalProperties).toBe(false);
    expect(widget.policies.properties.payment_mode.enum).toEqual(['none', 'deposit', 'required']);
    for (const name of ['Booking', 'PublicBooking', 'DeskBooking']) expect(doc.components.schemas![name]!.properties.status.enum, name).toContain('checked-in');
    expect(doc.components.schemas!.Booking!.properties.created_at.format).toBe('date-time');
    expect(doc.components.schemas!.Booking!.properties.booking_date.format).toBe('date');
    expect(doc.components.schemas!.User!.properties.email.format).toBe('email');
  });

  /** The free slots of the next days (2 to 6 from now) of a game at a venue. */
  async function freeSlots(token: string, gameId: string, venueId: string) {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const res = await call(t().app, 'GET', `/api/games/${gameId}/availability?venue_id=${venueId}&from=${day(2)}&to=${day(6)}&party_size=2`, { token });
    expect(res.status).toBe(200);
    return (res.body.slots as { available: boolean; start_at: string; booking_date: string; start_time: string }[]).filter((s) => s.available);
  }

  it('says "exactly one of start_at or booking_date + start_time" (and the other pairs) in the bodies, as the server decides', async () => {
    const { app } = t();
    const check = answerChecker(doc);
    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const game = await createGame(app, org.token, { venue_ids: [venue.id] });
    const customer = await createCustomer(app, org.token);
    const slots = await freeSlots(org.token, game.id, venue.id);
    let next = 0;
    /** A different free slot each time (the accepted bodies create bookings). */
    const when = () => {
      const s = slots[next++]!;
      return { instant: { start_at: s.start_at }, local: { booking_date: s.booking_date, start_time: s.start_time } };
    };
    const validates = (name: string, body: unknown) => check.schema(`#/components/requestBodies/${name}/content/application~1json/schema`, body);
    const mismatches: string[] = [];
    const compare = async (schema: string, method: 'POST' | 'PUT', url: string, body: Record<string, unknown>, token?: string) => {
      const documented = validates(schema, body);
      const res = await call(app, method, url, { token, body });
      // The server's verdict on the body's shape: anything but 400 validation_failed took it.
      const accepted = res.status !== 400;
      if (documented !== accepted) mismatches.push(`${schema} ${JSON.stringify(body)}: the document says ${documented ? 'valid' : 'invalid'}, the server answered ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    const base = { game_id: game.id, venue_id: venue.id, party_size: 2 };
    const person = () => ({ full_name: 'Olga Oneof', email: uniqueEmail('oneof') });
    for (const [label, pick] of [
      ['start_at', (w: ReturnType<typeof when>) => w.instant],
      ['local', (w: ReturnType<typeof when>) => w.local],
      ['both', (w: ReturnType<typeof when>) => ({ ...w.instant, ...w.local })],
      ['neither', () => ({})],
      ['date only', (w: ReturnType<typeof when>) => ({ booking_date: w.local.booking_date })],
      ['start_at + time', (w: ReturnType<typeof when>) => ({ ...w.instant, start_time: w.local.start_time })],
    ] as const) {
      for (const who of [{ customer_id: customer.id }, { customer: person() }, { customer_id: customer.id, customer: person() }, {}]) {
        await compare('CreateBooking', 'POST', '/api/bookings', { ...base, ...pick(when()), ...who }, org.token);
      }
      await compare('QuoteBooking', 'POST', '/api/bookings/quote', { ...base, ...pick(when()) }, org.token);
      const widgetBody = { game_id: game.id, party_size: 2, customer: person(), ...pick(when()) };
      await compare('CreateWidgetBooking', 'POST', `/api/public/venues/${venue.embed_key}/bookings`, widgetBody);
      const booking = await call(app, 'POST', '/api/bookings', { token: org.token, body: { ...base, ...when().instant, customer_id: customer.id } });
      expect(booking.status, label).toBe(201);
      await compare('UpdateBooking', 'PUT', `/api/bookings/${booking.body.id}`, { party_size: 3, ...pick(when()) }, org.token);
    }
    // A hold's id and token go together.
    const w = when();
    const hold = await call(app, 'POST', `/api/public/venues/${venue.embed_key}/holds`, { body: { game_id: game.id, party_size: 2, ...w.instant } });
    expect(hold.status).toBe(201);
    await compare('CreateWidgetBooking', 'POST', `/api/public/venues/${venue.embed_key}/bookings`, { game_id: game.id, party_size: 2, customer: person(), ...w.instant, hold_id: hold.body.hold_id });
    await compare('CreateWidgetBooking', 'POST', `/api/public/venues/${venue.embed_key}/bookings`, {
      game_id: game.id, party_size: 2, customer: person(), ...w.instant, hold_id: hold.body.hold_id, hold_token: hold.body.token,
    });
    expect(mismatches).toEqual([]);
  });
});

describe('the docs page', () => {
  // The page and its policy need no database.
  const csp = async (env: Record<string, string>) => {
    const app = await appWithoutDatabase(env);
    try {
      const page = await app.inject({ method: 'GET', url: '/api/docs/' });
      expect(page.statusCode).toBe(200);
      const api = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      return [String(page.headers['content-security-policy']), String(api.headers['content-security-policy'])];
    } finally {
      await app.close();
    }
  };

  it('asks browsers to upgrade its requests to https only when served behind HTTPS (COOKIE_SECURE), else it would load blank over http', async () => {
    for (const policy of await csp({})) expect(policy).not.toContain('upgrade-insecure-requests');
    for (const policy of await csp({ COOKIE_SECURE: 'true' })) expect(policy).toContain('upgrade-insecure-requests');
  });
});
