import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, hashPassword } from '../../src/modules/users/service.js';
import { answerProblems, preview } from '../support/answers.js';
import { call, useTestApp } from '../support/app.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../support/fixtures.js';
import {
  deref,
  fillPath,
  itemsOf,
  loadOperations,
  propertiesOf,
  resourceOf,
  sample,
  type OpenApiDocument,
  type Operation,
  type SampleContext,
} from '../support/openapi.js';

/**
 * Walks every operation of /api/openapi.json and throws hostile input at it: path parameters, bodies, query
 * strings and auth headers. Whatever comes back must be below 500, in the API.md error shape when it is an error,
 * and free of stack traces and SQL. Inputs are fixed lists (no randomness but the uuids of "unknown" ids, which
 * cannot change an answer), so a run is repeatable; all failures are collected and printed together.
 */

const HUGE = 'x'.repeat(100_000);

/** A seeded generator (mulberry32): "random" uuids that are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = seeded(20260308);
function randomUUID(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * `k` items of `list`, continuing where the previous call on the same rotor stopped: every value of a long list
 * is used across the properties and operations of one run, without sending every value everywhere (time budget).
 */
function rotor<T>(list: T[]) {
  let next = 0;
  return (k: number): T[] => {
    const out: T[] = [];
    for (let i = 0; i < Math.min(k, list.length); i++) out.push(list[(next + i) % list.length]!);
    next = (next + k) % list.length;
    return out;
  };
}

/** Strings that have broken parsers, SQL builders, path handling and text columns elsewhere. */
const HOSTILE_STRINGS: string[] = [
  "' or 1=1 --",
  "'; drop table bookings; --",
  '" or ""="',
  '1) or (1=1',
  "admin'--",
  '\\',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  '%00',
  '😀🎉👩‍👩‍👧',
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\uffff',
  '',
  ' ',
  '\t\r\n',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '%s%s%s%n',
  '2026-02-30',
  '25:61',
  'NaN',
  '-1',
  HUGE,
  '😀'.repeat(30_000),
];

/** Values of every JSON type, including the ones that are "wrong" for any given property. */
const WRONG_TYPES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  1e308,
  -1e308,
  true,
  false,
  {},
  [],
  [null],
  ['x'],
  [{}],
  { $ne: null },
  { $gt: '' },
  { __proto__: { admin: true } },
  Array.from({ length: 5000 }, (_, i) => i),
];

const DEEP_MARK = '"__deep_nesting__"';
/** Nesting deep enough to stress recursive code, small enough to stay far below the body limit. */
const DEEP_VALUES = ['{"a":'.repeat(3000) + '1' + '}'.repeat(3000), '['.repeat(9000) + ']'.repeat(9000)];

const MALFORMED_JSON: (string | Buffer)[] = [
  '{',
  '{"a":',
  '[',
  'nul',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '{"a":01}',
  '{"a":1e999999}',
  '{"a":"\\x41"}',
  '{"a":"\\u00"}',
  '\u0000',
  '   ',
  '\ufeff{}',
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":"\\ud800","b":"\\u0000"}',
  'null',
  '[]',
  '"a string"',
  '12',
  'true',
  '[{}]',
  '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
  '['.repeat(200_000) + ']'.repeat(200_000),
];

const CONTENT_TYPES: [string, string][] = [
  ['text/plain', '{}'],
  ['application/x-www-form-urlencoded', 'a=1&b=2'],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
  ['application/json; charset=utf-16le', '{}'],
  ['application/json; charset=latin1', '{}'],
  ['application/jsonx', '{}'],
  ['APPLICATION/JSON', '{}'],
  ['application/xml', '<a/>'],
  ['', '{}'],
  ['application/json', ''],
];

/** Query values: the brief's page=-1, limit=1e9, from=2026-02-30 and more of the kind, for every declared parameter. */
const QUERY_VALUES: string[] = [
  '-1',
  '0',
  '1e9',
  '1e999',
  '9007199254740993',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '0000-00-00',
  '2026-03-08T02:30:00',
  'true',
  'null',
  '',
  ...HOSTILE_STRINGS.filter((s) => s.length < 1000),
  'x'.repeat(10_000),
];

const RAW_QUERY_TAILS = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '__proto__[admin]=1', 'constructor[prototype][admin]=1', 'a[b][c]=d', '&&&=&=', '=x', 'page=1&page=2&limit=1&limit=100'];

/** Raw path segments substituted for a path parameter (already URL-encoded where the test means it). */
function pathValues(real: string | undefined): string[] {
  const values = [
    randomUUID(),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '1',
    '-1',
    '0',
    'null',
    'undefined',
    '..',
    '.',
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%00',
    '%',
    '%zz',
    '%ED%A0%80',
    '%C0%AE%C0%AE%2F',
    'x'.repeat(300),
    ...["' or 1=1 --", "'; drop table bookings; --", '😀', '\u202Eabc', '<script>', 'a b', '\\'].map(encodeURIComponent),
  ];
  if (real) values.unshift(real, real.toUpperCase(), encodeURIComponent(`${real} `), `${real}%00`, `${real}'`);
  return values;
}

interface World {
  admin: { token: string; email: string; userId: string; organizationId: string };
  staff: { token: string; email: string; userId: string };
  superAdmin: { token: string; email: string };
  victimUserId: string;
  venueId: string;
  gameId: string;
  customerId: string;
  bookingId: string;
  bookingNumber: string;
  manageToken: string;
  embedKey: string;
  giftCardId: string;
  giftCardCode: string;
  paymentId: string;
  webhookId: string;
  /** The token of the venue's calendar feed URL (rotated by its own operation, so renewed after each). */
  calendarToken: string;
}

const HOUR = 3_600_000;
/** example.com's address: public, so webhook URLs pass the SSRF check without a DNS look-up. */
const WEBHOOK_URL = 'https://93.184.216.34/hooks';
// Generous: a loaded 2-core machine answers several times slower than an idle one.
const TIMEOUT = 300_000;

describe('hostile input on every operation of the OpenAPI document', () => {
  const t = useTestApp({
    env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000000', LOGIN_MAX_PER_EMAIL: '10000000', LOGIN_MAX_PER_ADDRESS: '10000000' },
  });
  let app: FastifyInstance;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let w: World;
  // Each booking attempt gets its own whole-hour slot, so hostile text reaches the insert instead of a 409.
  const firstSlot = Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR;
  let slot = 0;
  const nextStart = () => new Date(firstSlot + slot++ * HOUR).toISOString();
  const day = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString().slice(0, 10);

  beforeAll(async () => {
    app = t().app;
    const org = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const superEmail = uniqueEmail('operator');
    await createSuperAdmin(t().db, { email: superEmail, fullName: 'Operator', passwordHash: await hashPassword(PASSWORD) });
    const superLogin = await call(app, 'POST', '/api/auth/login', { body: { email: superEmail, password: PASSWORD } });
    expect(superLogin.status).toBe(200);
    w = {
      admin: { token: org.token, email: org.email, userId: org.userId, organizationId: org.organizationId },
      staff: { token: staff.token, email: staff.email, userId: staff.userId },
      superAdmin: { token: superLogin.body.token, email: superEmail },
      victimUserId: '',
      venueId: '',
      gameId: '',
      customerId: '',
      bookingId: '',
      bookingNumber: '',
      manageToken: '',
      embedKey: '',
      giftCardId: '',
      giftCardCode: '',
      paymentId: '',
      webhookId: '',
      calendarToken: '',
    };
    await freshRows();
    ({ doc, operations } = await loadOperations(app));
    expect(operations.length).toBeGreaterThan(40);
  });

  /**
   * New rows for the operations to act on: the previous test's DELETEs archived, erased or deactivated the old
   * ones, and an archived venue would turn every later attempt into an early 422.
   */
  async function freshRows() {
    const token = w.admin.token;
    const ok = (res: { status: number; body: unknown }) => expect(res.status, JSON.stringify(res.body)).toBe(201);
    const victim = await call(app, 'POST', '/api/users', { token, body: { email: uniqueEmail('victim'), full_name: 'Vic Tim', role: 'staff' } });
    ok(victim);
    const allWeek = Array.from({ length: 7 }, (_, weekday) => ({ weekday, open: '00:00', close: '24:00' }));
    const venue = await call(app, 'POST', '/api/venues', { token, body: { name: 'Main Street', timezone: 'America/New_York', operating_hours: allWeek } });
    ok(venue);
    const game = await call(app, 'POST', '/api/games', {
      token,
      body: { name: 'The Vault', duration_minutes: 60, max_players: 8, price_cents: 3000, max_advance_days: 730, venue_ids: [venue.body.id] },
    });
    ok(game);
    const customer = await call(app, 'POST', '/api/customers', { token, body: { full_name: 'Cora Customer', email: uniqueEmail('customer') } });
    ok(customer);
    const giftCard = await call(app, 'POST', '/api/gift-cards', { token, body: { initial_balance_cents: 5000 } });
    ok(giftCard);
    const booking = await call(app, 'POST', '/api/bookings', {
      token,
      body: { game_id: game.body.id, venue_id: venue.body.id, start_at: nextStart(), party_size: 2, customer_id: customer.body.id },
    });
    ok(booking);
    const widget = await call(app, 'POST', `/api/public/venues/${venue.body.embed_key}/bookings`, {
      body: { game_id: game.body.id, start_at: nextStart(), party_size: 2, customer: { full_name: 'Walt Widget', email: uniqueEmail('widget') } },
    });
    ok(widget);
    Object.assign(w, {
      victimUserId: victim.body.id,
      venueId: venue.body.id,
      gameId: game.body.id,
      customerId: customer.body.id,
      bookingId: booking.body.id,
      bookingNumber: widget.body.booking_number,
      manageToken: widget.body.manage_token,
      embedKey: venue.body.embed_key,
      giftCardId: giftCard.body.id,
      giftCardCode: giftCard.body.code,
    });
    // A payment to refund and an endpoint to change (a public IP literal: the walk's machine has no DNS).
    const payment = await call(app, 'POST', '/api/payments', { token: w.admin.token, body: { booking_id: booking.body.id, method: 'card_present', amount_cents: 2000 } });
    ok(payment);
    const webhook = await call(app, 'POST', '/api/webhooks', { token: w.admin.token, body: { url: WEBHOOK_URL, events: ['booking.created'] } });
    ok(webhook);
    Object.assign(w, { paymentId: payment.body.id, webhookId: webhook.body.id });
    await renewCalendarFeed();
  }

  /** A current calendar feed token of the venue (the feed's URL ends in /<token>.ics). */
  async function renewCalendarFeed() {
    const feed = await call(app, 'POST', `/api/venues/${w.venueId}/calendar-feed`, { token: w.admin.token });
    expect(feed.status, JSON.stringify(feed.body)).toBe(200);
    w.calendarToken = /\/([^/]+)\.ics$/.exec(feed.body.url as string)![1]!;
  }

  /** Keeps the actors signed in (a logout is one of the operations) and the embed key current (so is its rotation). */
  async function refresh() {
    for (const who of [w.admin, w.staff, w.superAdmin]) {
      const s = await call(app, 'GET', '/api/auth/session', { token: who.token });
      if (s.status === 200) continue;
      const login = await call(app, 'POST', '/api/auth/login', { body: { email: who.email, password: PASSWORD } });
      expect(login.status, `re-login of ${who.email}: ${JSON.stringify(login.body)}`).toBe(200);
      who.token = login.body.token;
    }
    const venue = await call(app, 'GET', `/api/venues/${w.venueId}`, { token: w.admin.token });
    expect(venue.status).toBe(200);
    w.embedKey = venue.body.embed_key;
    // A fresh confirmed booking: the previous one may be checked in, completed or cancelled by now.
    if (!venue.body.archived_at) {
      await renewCalendarFeed();
      const booking = await call(app, 'POST', '/api/bookings', {
        token: w.admin.token,
        body: { game_id: w.gameId, venue_id: w.venueId, start_at: nextStart(), party_size: 2, customer_id: w.customerId },
      });
      if (booking.status === 201) w.bookingId = booking.body.id;
    }
  }

  const ctx = (): SampleContext => ({
    named: {
      email: () => uniqueEmail('hostile'),
      password: PASSWORD,
      timezone: 'America/New_York',
      currency: 'USD',
      role: 'staff',
      game_id: w.gameId,
      venue_id: w.venueId,
      customer_id: w.customerId,
      user_id: w.staff.userId,
      ids: [w.bookingId],
      venue_ids: [w.venueId],
      token: w.manageToken,
      start_at: nextStart,
      from: day(1),
      to: day(7),
      code: 'SPRING-10',
      booking_id: () => w.bookingId,
      url: WEBHOOK_URL,
    },
    preferred: ['start_at', 'customer_id', 'venue_ids'],
  });

  /** The real value of a path parameter of an operation. */
  function realParam(op: Operation, name: string): string {
    const byResource: Record<string, string> = {
      users: w.victimUserId,
      venues: w.venueId,
      games: w.gameId,
      customers: w.customerId,
      bookings: w.bookingId,
      'gift-cards': w.giftCardId,
      payments: w.paymentId,
      webhooks: w.webhookId,
    };
    if (name === 'embed_key') return w.embedKey;
    if (name === 'code') return w.giftCardCode;
    if (name === 'booking_number') return w.bookingNumber;
    if (name === 'token' && op.path.startsWith('/api/public/calendar/')) return w.calendarToken;
    if (name === 'game_id') return w.gameId;
    if (name === 'venue_id') return w.venueId;
    if (name === 'customer_id') return w.customerId;
    return byResource[resourceOf(op.path, name)] ?? w.bookingId;
  }

  const realPath = (op: Operation) => fillPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p, realParam(op, p)])));

  function baselineQuery(op: Operation): Record<string, string> {
    const c = ctx();
    const out: Record<string, string> = {};
    for (const p of op.query) if (p.required) out[p.name] = String(sample(doc, p.schema, c, p.name));
    return out;
  }

  const qs = (q: Record<string, string>) => {
    const s = new URLSearchParams(q).toString();
    return s ? `?${s}` : '';
  };

  const baselineBody = (op: Operation) => (op.body ? sample(doc, op.body, ctx()) : undefined);

  type Actor = 'admin' | 'staff' | 'none';
  const bearer = (who: Actor): Record<string, string> =>
    who === 'none' ? {} : { authorization: `Bearer ${who === 'admin' ? w.admin.token : w.staff.token}` };

  interface Attempt {
    label: string;
    method: Operation['method'];
    url: string;
    headers?: Record<string, string>;
    payload?: string | Buffer;
  }

  let sent = 0;
  /** The answer to each operation's sampled valid body: most must succeed, or the mutations never get past validation. */
  const baselineStatus = new Map<string, number>();
  /** Sends one attempt, records what is wrong with its answer, and returns its status (0 when inject threw). */
  async function send(failures: string[], a: Attempt): Promise<number> {
    const headers: Record<string, string> = { ...a.headers };
    if (a.payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const opts: InjectOptions = { method: a.method, url: a.url, headers, ...(a.payload !== undefined ? { payload: a.payload } : {}) };
    sent++;
    let problems: string[];
    let status = 0;
    let body = '';
    try {
      const res = await app.inject(opts);
      status = res.statusCode;
      body = res.body;
      problems = answerProblems(res);
    } catch (err) {
      problems = [`inject threw ${String(err)}`];
    }
    if (problems.length) {
      failures.push(
        `${a.method} ${preview(a.url, 160)} [${a.label}] headers=${preview(a.headers ?? {}, 120)} payload=${preview(
          Buffer.isBuffer(a.payload) ? `<bytes ${a.payload.toString('hex')}>` : a.payload,
          160,
        )}\n    -> ${status} ${preview(body, 400)}\n    ${problems.join('; ')}`,
      );
    }
    return status;
  }

  function assertNone(failures: string[], what: string) {
    const shown = failures.slice(0, 150);
    const more = failures.length > shown.length ? `\n... and ${failures.length - shown.length} more` : '';
    expect(failures, `${failures.length} bad answers to ${what}:\n${shown.join('\n')}${more}`).toEqual([]);
  }

  const json = (v: unknown) => JSON.stringify(v);

  /** Refreshes tokens and the embed key after an operation that may have changed them (not after reads). */
  async function afterOperation(op: Operation) {
    if (op.method !== 'GET') await refresh();
  }

  // Lone surrogates cannot be percent-encoded (encodeURIComponent throws); their encoded bytes are in pathValues.
  const encodable = (v: string) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return undefined;
    }
  };
  const pathRotor = rotor(HOSTILE_STRINGS.filter((v) => v.length < 1000).flatMap((v) => encodable(v) ?? []));

  it('path parameters: real ids, unknown uuids, traversal, SQL, unicode and broken encodings', async () => {
    const failures: string[] = [];
    await refresh();
    await freshRows();
    for (const op of operations.filter((o) => o.pathParams.length)) {
      const body = baselineBody(op);
      for (const param of op.pathParams) {
        const values = Object.fromEntries(op.pathParams.map((p) => [p, realParam(op, p)]));
        const real = realParam(op, param);
        const attempts: [string, Actor][] = [
          ...pathValues(real).map((v): [string, Actor] => [v, 'admin']),
          ...pathRotor(4).map((v): [string, Actor] => [v, 'admin']),
          ...[real, randomUUID(), '%00', encodeURIComponent("' or 1=1 --")].map((v): [string, Actor] => [v, 'staff']),
          ...[real, randomUUID()].map((v): [string, Actor] => [v, 'none']),
        ];
        for (const [v, who] of attempts) {
          await send(failures, {
            label: `path ${param}=${v.slice(0, 40)} as ${who}`,
            method: op.method,
            url: fillPath(op.path, { ...values, [param]: v }) + qs(baselineQuery(op)),
            headers: bearer(who),
            ...(body !== undefined ? { payload: json(body) } : {}),
          });
        }
      }
      await afterOperation(op);
    }
    assertNone(failures, 'hostile path parameters');
  }, TIMEOUT);

  const malformedRotor = rotor(MALFORMED_JSON);
  const contentTypeRotor = rotor(CONTENT_TYPES);
  /** Sent to every property of every body. */
  const ALWAYS: unknown[] = [null, 42, 'a string', [], { nested: { object: true } }, HUGE, "'; drop table bookings; --", '\u0000', '\ud800'];
  const valueRotor = rotor([...WRONG_TYPES, ...HOSTILE_STRINGS].filter((v) => !ALWAYS.includes(v)));
  const nestedRotor = rotor<unknown>([null, 7, true, {}, [], ...HOSTILE_STRINGS]);
  const deepRotor = rotor(DEEP_VALUES);

  it('bodies: malformed JSON, media types, wrong types, nulls, huge and deep values, unicode, SQL, for admin, staff and anonymous', async () => {
    const failures: string[] = [];
    await refresh();
    await freshRows();
    for (const op of operations) {
      const url = realPath(op) + qs(baselineQuery(op));
      const admin = bearer('admin');
      // Every operation, with or without a declared body: bodies it does not expect must not break it either.
      const malformed = op.body ? MALFORMED_JSON : malformedRotor(4);
      for (const payload of malformed) await send(failures, { label: 'malformed JSON', method: op.method, url, headers: admin, payload });
      for (const [type, payload] of op.body ? CONTENT_TYPES : contentTypeRotor(2)) {
        await send(failures, { label: `content-type ${type}`, method: op.method, url, headers: { ...admin, 'content-type': type }, payload });
      }
      await send(failures, { label: 'body over the 1 MB limit', method: op.method, url, headers: admin, payload: json({ a: 'x'.repeat(1_100_000) }) });
      if (!op.body) {
        await afterOperation(op);
        continue;
      }

      const base = baselineBody(op) as Record<string, unknown>;
      baselineStatus.set(`${op.method} ${op.path}`, await send(failures, { label: 'baseline', method: op.method, url, headers: admin, payload: json(base) }));
      await send(failures, { label: 'baseline as array', method: op.method, url, headers: admin, payload: json([base]) });
      await send(failures, { label: 'baseline + unknown keys', method: op.method, url, headers: admin, payload: json({ ...base, zzz: 1, __proto__x: 1 }) });
      await send(failures, { label: 'body of 900 KB', method: op.method, url, headers: admin, payload: json({ ...base, padding: 'x'.repeat(900_000) }) });

      for (const [prop, propSchema] of Object.entries(propertiesOf(doc, op.body))) {
        const bodyWith = (v: unknown) => json({ ...base, [prop]: v });
        for (const v of [...ALWAYS, ...valueRotor(5)]) {
          await send(failures, { label: `${prop}=${preview(v, 40)}`, method: op.method, url, headers: admin, payload: bodyWith(v) });
        }
        for (const deep of deepRotor(1)) {
          await send(failures, { label: `${prop}=deeply nested`, method: op.method, url, headers: admin, payload: bodyWith('__deep_nesting__').replace(DEEP_MARK, deep) });
        }
        // As a staff member and anonymously: role and session checks must hold up whatever the body.
        await send(failures, { label: `${prop}=SQL as staff`, method: op.method, url, headers: bearer('staff'), payload: bodyWith(HOSTILE_STRINGS[0]) });
        await send(failures, { label: `${prop}=null anonymously`, method: op.method, url, headers: {}, payload: bodyWith(null) });
        // One level down: the properties of object-valued fields and of array items.
        const item = itemsOf(doc, propSchema);
        const nested = propertiesOf(doc, item ?? propSchema);
        const nestedBase = sample(doc, item ?? propSchema, ctx(), item ? '' : prop);
        const inner = (nestedBase && typeof nestedBase === 'object' && !Array.isArray(nestedBase) ? nestedBase : {}) as Record<string, unknown>;
        for (const sub of Object.keys(nested)) {
          for (const v of [null, HUGE, ...nestedRotor(2)]) {
            const value = { ...inner, [sub]: v };
            await send(failures, { label: `${prop}${item ? '[0]' : ''}.${sub}=${preview(v, 40)}`, method: op.method, url, headers: admin, payload: bodyWith(item ? [value] : value) });
          }
        }
        // Free-form objects (records such as settings): hostile keys and values inside them.
        const free = !item && deref(doc, propSchema).type === 'object' && !Object.keys(nested).length;
        if (free) {
          for (const v of [{ k: '\u0000' }, { '\u0000': 1 }, { k: '\ud800' }, { "' or 1=1 --": "'; drop table bookings; --" }, { __proto__: { admin: true } }, { k: HUGE }]) {
            await send(failures, { label: `${prop}=${preview(v, 40)}`, method: op.method, url, headers: admin, payload: bodyWith(v) });
          }
          for (const deep of DEEP_VALUES) {
            await send(failures, { label: `${prop}.k=deeply nested`, method: op.method, url, headers: admin, payload: bodyWith({ k: '__deep_nesting__' }).replace(DEEP_MARK, deep) });
          }
        }
        if (item) {
          for (const v of [null, HUGE, ...nestedRotor(2)]) {
            await send(failures, { label: `${prop}=[${preview(v, 40)}]`, method: op.method, url, headers: admin, payload: bodyWith([v]) });
          }
          await send(failures, { label: `${prop}=10000 items`, method: op.method, url, headers: admin, payload: bodyWith(Array.from({ length: 10_000 }, () => inner)) });
        }
      }
      await afterOperation(op);
    }
    assertNone(failures, 'hostile bodies');
  }, TIMEOUT);

  /** Sent to every query parameter: the brief's page=-1, limit=1e9, from=2026-02-30, SQL, NUL and a huge value. */
  const QUERY_ALWAYS = ['-1', '1e9', '2026-02-30', "' or 1=1 --", '\u0000', 'x'.repeat(10_000)];
  const queryRotor = rotor(QUERY_VALUES.filter((v) => !QUERY_ALWAYS.includes(v)));
  const tailRotor = rotor(RAW_QUERY_TAILS);

  it('query strings: page=-1, limit=1e9, impossible dates, repeated and unknown parameters, broken encodings', async () => {
    const failures: string[] = [];
    await refresh();
    await freshRows();
    for (const op of operations) {
      const path = realPath(op);
      const base = baselineQuery(op);
      const body = baselineBody(op);
      const payload = body !== undefined ? { payload: json(body) } : {};
      // Declared parameters, and the usual list parameters wherever some are declared.
      const names = op.query.length ? [...new Set([...op.query.map((p) => p.name), 'page', 'limit', 'from', 'to'])] : [];
      for (const name of names) {
        for (const v of [...QUERY_ALWAYS, ...queryRotor(4)]) {
          await send(failures, { label: `query ${name}=${preview(v, 40)}`, method: op.method, url: path + qs({ ...base, [name]: v }), headers: bearer('admin'), ...payload });
        }
        await send(failures, { label: `query ${name}=-1 as staff`, method: op.method, url: path + qs({ ...base, [name]: '-1' }), headers: bearer('staff'), ...payload });
        const repeated = `${qs(base)}${Object.keys(base).length ? '&' : '?'}${name}=1&${name}=2`;
        await send(failures, { label: `query ${name} repeated`, method: op.method, url: path + repeated, headers: bearer('admin'), ...payload });
      }
      for (const tail of op.query.length ? RAW_QUERY_TAILS : tailRotor(3)) {
        const q = qs(base);
        await send(failures, { label: `raw query ${tail}`, method: op.method, url: `${path}${q}${q ? '&' : '?'}${tail}`, headers: bearer('admin'), ...payload });
      }
      await afterOperation(op);
    }
    assertNone(failures, 'hostile query strings');
  }, TIMEOUT);

  it('auth and other headers: no token, bad tokens, cookies, super_admin organizations, request ids, idempotency keys', async () => {
    const failures: string[] = [];
    await refresh();
    await freshRows();
    const superAdmin = () => ({ authorization: `Bearer ${w.superAdmin.token}` });
    // Every operation gets these...
    const always = (): [string, Record<string, string>][] => [
      ['no auth', {}],
      ['admin', bearer('admin')],
      ['staff', bearer('staff')],
      ['super_admin without organization', superAdmin()],
      ['super_admin in the organization', { ...superAdmin(), 'x-organization-id': w.admin.organizationId }],
      ['super_admin in an unknown organization', { ...superAdmin(), 'x-organization-id': randomUUID() }],
      ['SQL bearer', { authorization: "Bearer ' or 1=1 --" }],
    ];
    // ...and a share of these, in turn.
    const more = rotor<() => [string, Record<string, string>]>([
      () => ['super_admin with a hostile organization', { ...superAdmin(), 'x-organization-id': "' or 1=1 --" }],
      () => ['admin naming another organization', { ...bearer('admin'), 'x-organization-id': randomUUID() }],
      () => ['well-formed unknown bearer', { authorization: `Bearer ${'a'.repeat(43)}` }],
      () => ['huge bearer', { authorization: `Bearer ${'a'.repeat(8000)}` }],
      () => ['empty bearer', { authorization: 'Bearer ' }],
      () => ['basic auth', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
      () => ['token without scheme', { authorization: w.admin.token }],
      () => ['hostile cookie', { cookie: "session=' or 1=1 --" }],
      () => ['huge cookie', { cookie: `session=${'a'.repeat(8000)}` }],
      () => ['broken cookie', { cookie: 'session=%; a=%zz; ;;=' }],
      () => ['hostile request id', { ...bearer('admin'), 'x-request-id': "'; drop table bookings; --" }],
      () => ['huge request id', { ...bearer('admin'), 'x-request-id': 'r'.repeat(5000) }],
      () => ['hostile user agent', { ...bearer('admin'), 'user-agent': "'; drop table bookings; -- ../../etc/passwd" }],
      () => ['huge user agent', { ...bearer('admin'), 'user-agent': 'u'.repeat(20_000) }],
      () => ['hostile idempotency key', { ...bearer('admin'), 'idempotency-key': "' or 1=1 --" }],
      () => ['huge idempotency key', { ...bearer('admin'), 'idempotency-key': 'k'.repeat(5000) }],
      () => ['hostile origin', { ...bearer('admin'), origin: "https://evil.example'--" }],
      () => ['hostile accept', { ...bearer('admin'), accept: 'application/xml;q=1e999, */*;q=-1' }],
      () => ['hostile forwarded-for', { ...bearer('admin'), 'x-forwarded-for': "' or 1=1 --, 999.999.999.999" }],
    ]);
    for (const op of operations) {
      const url = realPath(op) + qs(baselineQuery(op));
      const body = baselineBody(op);
      const payload = body !== undefined ? { payload: json(body) } : {};
      for (const [label, headers] of [...always(), ...more(4).map((f) => f())]) await send(failures, { label, method: op.method, url, headers, ...payload });
      await afterOperation(op);
    }
    assertNone(failures, 'hostile headers');
  }, TIMEOUT);

  it('sent a meaningful number of requests to every operation', () => {
    // Guards the walk itself: an empty document or a skipped loop would otherwise pass silently.
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(15);
    expect(sent).toBeGreaterThan(operations.length * 50);
    // The sampled valid bodies must mostly be accepted, or every mutation stops at validation and none reaches SQL.
    const accepted = [...baselineStatus.values()].filter((s) => s >= 200 && s < 300);
    expect(accepted.length).toBeGreaterThan(baselineStatus.size * 0.7);
  });
});
