import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSuperAdmin, hashPassword } from '../../src/modules/users/service.js';
import { answerProblems, preview } from '../support/answers.js';
import { call, useTestApp } from '../support/app.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../support/fixtures.js';
import { fillPath, loadOperations, resourceOf, sample, type OpenApiDocument, type Operation, type SampleContext } from '../support/openapi.js';

/**
 * Organization B (its admin, and a super_admin acting in B) calls every route of the OpenAPI document with
 * organization A's ids: in path parameters (must answer 404 not_found, never 403, never data), in bodies and
 * in query strings (must answer exactly as for an id that does not exist). Afterwards A's rows read the same
 * as before and A's audit log holds nothing new. The routes come from the document, so new ones are covered.
 */

const HOUR = 3_600_000;
const TIMEOUT = 300_000;

/** One organization's fixtures, all made through the API. */
interface Tenant {
  name: string;
  admin: { token: string; userId: string; organizationId: string; email: string };
  staff: { token: string; userId: string; email: string };
  venue: { id: string; embedKey: string; name: string };
  game: { id: string; name: string };
  customer: { id: string; email: string; name: string };
  giftCard: { id: string; code: string };
  /** confirmed, pending, and one made through the widget */
  bookings: { id: string; number: string }[];
  manageToken: string;
  /** The token of the venue's calendar feed URL. */
  calendarToken: string;
}

type Kind = 'users' | 'venues' | 'games' | 'customers' | 'bookings' | 'gift-cards';

/** The ids of a tenant by kind: the first of each list is "the" id of that kind. */
function idsOf(t: Tenant): Record<Kind, string[]> {
  return {
    users: [t.staff.userId, t.admin.userId],
    venues: [t.venue.id],
    games: [t.game.id],
    customers: [t.customer.id],
    bookings: t.bookings.map((b) => b.id),
    'gift-cards': [t.giftCard.id],
  };
}

const allIds = (t: Tenant) => Object.values(idsOf(t)).flat();

/** A parameter or property named like an id: `id`, `ids`, `row_id`, `venue_id`... */
const idLike = (name: string) => name === 'id' || name === 'ids' || name.endsWith('_id') || name.endsWith('_ids');

/** The kind of row an id-like name refers to, when the name says so. */
function kindOfName(name: string): Kind | undefined {
  const m: Record<string, Kind> = {
    user_id: 'users',
    venue_id: 'venues',
    venue_ids: 'venues',
    game_id: 'games',
    customer_id: 'customers',
    booking_id: 'bookings',
    ids: 'bookings',
    row_id: 'bookings',
    record_id: 'bookings',
    actor_id: 'users',
  };
  return m[name];
}

const kindOfResource = (segment: string): Kind | undefined =>
  (['users', 'venues', 'games', 'customers', 'bookings', 'gift-cards'] as const).find((k) => k === segment);

describe('one organization can never reach another organization’s rows', () => {
  const t = useTestApp({
    env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000000', LOGIN_MAX_PER_EMAIL: '10000000', LOGIN_MAX_PER_ADDRESS: '10000000' },
  });
  let app: FastifyInstance;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let A: Tenant;
  let B: Tenant;
  let superAdmin: { token: string; userId: string };
  const firstSlot = Math.ceil(Date.now() / HOUR) * HOUR + 72 * HOUR;
  let slot = 0;
  const nextStart = () => new Date(firstSlot + slot++ * HOUR).toISOString();
  const day = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString().slice(0, 10);

  async function makeTenant(name: string): Promise<Tenant> {
    const org = await signupOrg(app, { organization_name: `${name} Org ${randomUUID().slice(0, 8)}` });
    const staff = await addUser(app, org.token, 'staff');
    const ok = (res: { status: number; body: unknown }, status = 201) => expect(res.status, JSON.stringify(res.body)).toBe(status);
    const allWeek = Array.from({ length: 7 }, (_, weekday) => ({ weekday, open: '00:00', close: '24:00' }));
    const venueName = `${name} Venue ${randomUUID().slice(0, 8)}`;
    const venue = await call(app, 'POST', '/api/venues', { token: org.token, body: { name: venueName, timezone: 'America/New_York', operating_hours: allWeek } });
    ok(venue);
    const gameName = `${name} Game ${randomUUID().slice(0, 8)}`;
    const game = await call(app, 'POST', '/api/games', {
      token: org.token,
      body: { name: gameName, duration_minutes: 60, max_players: 8, price_cents: 3000, max_advance_days: 730, venue_ids: [venue.body.id] },
    });
    ok(game);
    const customerName = `${name} Customer ${randomUUID().slice(0, 8)}`;
    const customerEmail = uniqueEmail(`${name.toLowerCase()}-customer`);
    const customer = await call(app, 'POST', '/api/customers', { token: org.token, body: { full_name: customerName, email: customerEmail } });
    ok(customer);
    const giftCard = await call(app, 'POST', '/api/gift-cards', { token: org.token, body: { initial_balance_cents: 5000 } });
    ok(giftCard);
    const bookings: Tenant['bookings'] = [];
    for (const status of ['confirmed', 'pending'] as const) {
      const b = await call(app, 'POST', '/api/bookings', {
        token: org.token,
        body: { game_id: game.body.id, venue_id: venue.body.id, start_at: nextStart(), party_size: 2, customer_id: customer.body.id, status },
      });
      ok(b);
      bookings.push({ id: b.body.id, number: b.body.booking_number });
    }
    const widget = await call(app, 'POST', `/api/public/venues/${venue.body.embed_key}/bookings`, {
      body: { game_id: game.body.id, start_at: nextStart(), party_size: 2, customer: { full_name: `${name} Walk-in`, email: uniqueEmail('walk-in') } },
    });
    ok(widget);
    const listed = await call(app, 'GET', `/api/bookings?q=${widget.body.booking_number}`, { token: org.token });
    expect(listed.body.data).toHaveLength(1);
    bookings.push({ id: listed.body.data[0].id, number: widget.body.booking_number });
    const feed = await call(app, 'POST', `/api/venues/${venue.body.id}/calendar-feed`, { token: org.token });
    ok(feed, 200);
    return {
      calendarToken: /\/([^/]+)\.ics$/.exec(feed.body.url as string)![1]!,
      name,
      admin: { token: org.token, userId: org.userId, organizationId: org.organizationId, email: org.email },
      staff,
      venue: { id: venue.body.id, embedKey: venue.body.embed_key, name: venueName },
      game: { id: game.body.id, name: gameName },
      customer: { id: customer.body.id, email: customerEmail, name: customerName },
      giftCard: { id: giftCard.body.id, code: giftCard.body.code },
      bookings,
      manageToken: widget.body.manage_token,
    };
  }

  beforeAll(async () => {
    app = t().app;
    A = await makeTenant('Alpha');
    B = await makeTenant('Beta');
    const email = uniqueEmail('operator');
    const userId = await createSuperAdmin(t().db, { email, fullName: 'Operator', passwordHash: await hashPassword(PASSWORD) });
    const login = await call(app, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    superAdmin = { token: login.body.token, userId };
    ({ doc, operations } = await loadOperations(app));
  });

  /** Values a sampled body or query takes from one tenant: its own ids, a valid slot, its manage token. */
  function ctxOf(tenant: Tenant, full: boolean): SampleContext {
    const ids = idsOf(tenant);
    return {
      named: {
        email: () => uniqueEmail('probe'),
        password: PASSWORD,
        timezone: 'America/New_York',
        currency: 'USD',
        role: 'staff',
        user_id: ids.users[0],
        venue_id: ids.venues[0],
        game_id: ids.games[0],
        customer_id: ids.customers[0],
        booking_id: ids.bookings[0],
        row_id: ids.bookings[0],
        record_id: ids.bookings[0],
        actor_id: ids.users[0],
        ids: ids.bookings,
        venue_ids: ids.venues,
        venue_prices: [{ venue_id: ids.venues[0], price_cents: 2500 }],
        token: tenant.manageToken,
        start_at: nextStart,
        from: day(2),
        to: day(9),
        code: 'SPRING-10',
        valid_to: '2031-01-01T00:00:00Z',
      },
      full,
      preferred: ['start_at', 'customer_id', 'venue_ids'],
      // Alternatives to properties the full body already has (start_at, customer_id), and codes that are refused anyway.
      skip: ['booking_date', 'start_time', 'customer', 'coupon_code', 'gift_card_code'],
    };
  }

  /** Query parameters of an operation: the required ones, and every id-like one (all from `tenant`). */
  function queryOf(op: Operation, tenant: Tenant): Record<string, string> {
    const c = ctxOf(tenant, false);
    const out: Record<string, string> = {};
    for (const p of op.query) {
      if (p.required || (idLike(p.name) && p.name in c.named)) out[p.name] = String(sample(doc, p.schema, c, p.name));
    }
    return out;
  }

  const qs = (q: Record<string, string>) => {
    const s = new URLSearchParams(q).toString();
    return s ? `?${s}` : '';
  };

  /** Path values of an operation for `tenant`, with the first id of the kind each parameter names. */
  function pathOf(op: Operation, tenant: Tenant): Record<string, string> {
    const ids = idsOf(tenant);
    const out: Record<string, string> = {};
    for (const p of op.pathParams) {
      if (p === 'embed_key') out[p] = tenant.venue.embedKey;
      else if (p === 'booking_number') out[p] = tenant.bookings[2]!.number;
      else if (p === 'code') out[p] = tenant.giftCard.code;
      else if (p === 'token' && op.path.startsWith('/api/public/calendar/')) out[p] = tenant.calendarToken;
      else {
        const kind = kindOfName(p) ?? kindOfResource(resourceOf(op.path, p)) ?? 'bookings';
        out[p] = ids[kind][0]!;
      }
    }
    return out;
  }

  /** Strings only organization A's data contains: a response to B that holds one has leaked A's data. */
  const secretsOf = (tenant: Tenant) => [
    tenant.venue.name,
    tenant.venue.embedKey,
    tenant.game.name,
    tenant.customer.name,
    tenant.customer.email,
    tenant.staff.email,
    tenant.admin.email,
    tenant.manageToken,
    tenant.calendarToken,
    tenant.giftCard.code,
    ...tenant.bookings.map((b) => b.number),
  ];

  /** Everything A can read about itself through GET routes (the audit log apart), keyed by URL. */
  async function snapshotOfA(): Promise<Map<string, { status: number; body: string }>> {
    const out = new Map<string, { status: number; body: string }>();
    for (const op of operations.filter((o) => o.method === 'GET' && !o.path.endsWith('/audit-logs'))) {
      const url = fillPath(op.path, pathOf(op, A)) + qs(queryOf(op, A));
      // Not call(): a calendar feed is not JSON.
      const res = await app.inject({ method: 'GET', url, headers: op.secured ? { authorization: `Bearer ${A.admin.token}` } : {} });
      out.set(url, { status: res.statusCode, body: res.body });
    }
    return out;
  }

  async function auditTotalOfA(): Promise<number> {
    const res = await call(app, 'GET', '/api/audit-logs?limit=1', { token: A.admin.token });
    expect(res.status).toBe(200);
    return res.body.total as number;
  }

  interface Actor {
    label: string;
    headers: () => Record<string, string>;
    userId: () => string;
  }
  const actors: Actor[] = [
    { label: 'B admin', headers: () => ({ authorization: `Bearer ${B.admin.token}` }), userId: () => B.admin.userId },
    {
      label: 'super_admin in B',
      headers: () => ({ authorization: `Bearer ${superAdmin.token}`, 'x-organization-id': B.admin.organizationId }),
      userId: () => superAdmin.userId,
    },
  ];

  async function send(actor: Actor, method: Operation['method'], url: string, body: unknown) {
    const res = await app.inject({
      method,
      url,
      headers: { ...actor.headers(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { res, json };
  }

  function leaks(text: string): string[] {
    return secretsOf(A).filter((s) => text.includes(s));
  }

  let attempts = 0;
  let before: Map<string, { status: number; body: string }>;
  let auditBefore: number;

  it('records what A sees of itself before the attempts', async () => {
    before = await snapshotOfA();
    auditBefore = await auditTotalOfA();
    // The snapshot reads real rows: a broken walk (no ids, no routes) would compare two empty sets.
    const ok = [...before.values()].filter((v) => v.status === 200);
    expect(ok.length).toBeGreaterThan(10);
    expect([...before.values()].map((v) => v.body).join('\n')).toContain(A.venue.embedKey);
    // A's calendar feed is among them: a rotation or a change of A's bookings by B would show afterwards.
    expect([...before.values()].map((v) => v.body).join('\n')).toContain('BEGIN:VCALENDAR');
  });

  it('every route with an id in its path answers 404 not_found to B for each of A’s ids', async () => {
    const failures: string[] = [];
    const targets = operations.filter((o) => o.pathParams.some(idLike));
    expect(targets.length).toBeGreaterThan(15);
    for (const actor of actors) {
      for (const op of targets) {
        const body = op.body ? sample(doc, op.body, ctxOf(B, true)) : undefined;
        for (const param of op.pathParams.filter(idLike)) {
          // Every id A has, of every kind: whichever row a route looks up, none of A's may be found.
          for (const aId of allIds(A)) {
            const url = fillPath(op.path, { ...pathOf(op, B), [param]: aId }) + qs(queryOf(op, B));
            const { res, json } = await send(actor, op.method, url, body);
            attempts++;
            const problems = answerProblems(res);
            if (res.statusCode !== 404 || json?.code !== 'not_found') problems.push(`expected 404 not_found`);
            const leaked = leaks(res.body);
            if (leaked.length) problems.push(`leaks A's ${leaked.join(', ')}`);
            if (problems.length) failures.push(`${actor.label}: ${op.method} ${url} body=${preview(body, 200)}\n    -> ${res.statusCode} ${preview(res.body, 300)}\n    ${problems.join('; ')}`);
          }
        }
      }
    }
    expect(failures, `${failures.length} cross-tenant answers:\n${failures.slice(0, 100).join('\n')}`).toEqual([]);
  }, TIMEOUT);

  it('A’s ids in bodies and query strings answer exactly as ids that do not exist, and never show A’s data', async () => {
    const failures: string[] = [];
    const bIds = idsOf(B);
    const aIds = idsOf(A);
    // Which of A's ids stands in for each of B's (same kind, same position).
    const counterpart = new Map<string, string>();
    for (const kind of Object.keys(bIds) as Kind[]) bIds[kind].forEach((id, i) => counterpart.set(id, aIds[kind][i] ?? aIds[kind][0]!));

    /** Every place in a JSON value holding one of B's ids, as a path of keys and indexes. */
    function idSpots(value: unknown, at: (string | number)[] = []): (string | number)[][] {
      if (typeof value === 'string') return counterpart.has(value) ? [at] : [];
      if (Array.isArray(value)) return value.flatMap((v, i) => idSpots(v, [...at, i]));
      if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => idSpots(v, [...at, k]));
      return [];
    }
    function replaced(value: unknown, spot: (string | number)[], by: (old: string) => string): unknown {
      if (!spot.length) return by(value as string);
      const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
      copy[spot[0]!] = replaced(copy[spot[0]!], spot.slice(1), by);
      return copy;
    }
    /** The answer with the substituted id masked, to compare A's id with an unknown one. */
    const fingerprint = (status: number, text: string, id: string) => {
      const masked = text.split(id).join('<id>');
      if (status >= 200 && status < 300) {
        // Successful answers carry timestamps and fresh ids; their status, shape and leak check are compared instead.
        return `${status}`;
      }
      return `${status} ${masked}`;
    };

    let pairs = 0;
    for (const actor of actors) {
      for (const op of operations.filter((o) => o.secured)) {
        const url = (query: Record<string, string>) => fillPath(op.path, pathOf(op, B)) + qs(query);
        const query = queryOf(op, B);
        const body = op.body ? sample(doc, op.body, ctxOf(B, true)) : undefined;
        const probes: { where: string; url: string; body: unknown; id: string }[] = [];
        for (const [name, value] of Object.entries(query)) {
          const aId = counterpart.get(value);
          if (!aId) continue;
          const unknown = randomUUID();
          probes.push({ where: `query ${name}=A's`, url: url({ ...query, [name]: aId }), body, id: aId });
          probes.push({ where: `query ${name}=unknown`, url: url({ ...query, [name]: unknown }), body, id: unknown });
        }
        for (const spot of idSpots(body)) {
          const unknown = randomUUID();
          const aId = counterpart.get(spot.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], body) as string)!;
          probes.push({ where: `body ${spot.join('.')}=A's`, url: url(query), body: replaced(body, spot, () => aId), id: aId });
          probes.push({ where: `body ${spot.join('.')}=unknown`, url: url(query), body: replaced(body, spot, () => unknown), id: unknown });
        }
        pairs += probes.length / 2;
        for (let i = 0; i < probes.length; i += 2) {
          const theirs = probes[i]!;
          const none = probes[i + 1]!;
          const a = await send(actor, op.method, theirs.url, theirs.body);
          const n = await send(actor, op.method, none.url, none.body);
          attempts += 2;
          const problems = answerProblems(a.res);
          if (a.res.statusCode === 401 || a.res.statusCode === 403) problems.push('B could not act at all, so the probe proves nothing');
          const leaked = leaks(a.res.body);
          if (leaked.length) problems.push(`leaks A's ${leaked.join(', ')}`);
          const fa = fingerprint(a.res.statusCode, a.res.body, theirs.id);
          const fn = fingerprint(n.res.statusCode, n.res.body, none.id);
          if (fa !== fn) problems.push(`answers differently from an unknown id: ${preview(fn, 200)}`);
          if (problems.length) {
            failures.push(`${actor.label}: ${op.method} ${theirs.url} [${theirs.where}] body=${preview(theirs.body, 200)}\n    -> ${a.res.statusCode} ${preview(a.res.body, 300)}\n    ${problems.join('; ')}`);
          }
        }
      }
    }
    // Bookings, games, availability and the lists take ids in bodies and queries: the walk must have found them.
    expect(pairs).toBeGreaterThan(20);
    expect(failures, `${failures.length} cross-tenant answers:\n${failures.slice(0, 100).join('\n')}`).toEqual([]);
  }, TIMEOUT);

  it('the public widget routes do not mix organizations: B’s embed key or manage token with A’s rows answers 404', async () => {
    const failures: string[] = [];
    const anonymous: Actor = { label: 'anonymous', headers: () => ({}), userId: () => '' };
    let sentHere = 0;
    for (const op of operations.filter((o) => !o.secured && o.pathParams.length)) {
      const path = pathOf(op, B);
      const variants: { label: string; params: Record<string, string>; ctx: Tenant; body?: unknown }[] = [];
      // A's ids in the body under B's embed key (a widget booking for A's game through B's venue)...
      if (op.body) {
        const base = sample(doc, op.body, ctxOf(B, false)) as Record<string, unknown>;
        for (const [prop, value] of Object.entries(base)) {
          const kind = kindOfName(prop);
          if (kind && typeof value === 'string') variants.push({ label: `body ${prop}=A's`, params: path, ctx: B, body: { ...base, [prop]: idsOf(A)[kind][0] } });
        }
      }
      // A's ids under B's embed key...
      for (const p of op.pathParams.filter(idLike)) for (const aId of allIds(A)) variants.push({ label: `${p}=A's`, params: { ...path, [p]: aId }, ctx: B });
      // ...and A's booking numbers with B's manage token.
      if (op.pathParams.includes('booking_number')) for (const b of A.bookings) variants.push({ label: 'A booking, B token', params: { ...path, booking_number: b.number }, ctx: B });
      // ...and A's gift card code under B's embed key.
      if (op.pathParams.includes('code')) variants.push({ label: "A's gift card code", params: { ...path, code: A.giftCard.code }, ctx: B });
      for (const v of variants) {
        const c = ctxOf(v.ctx, false);
        const url = fillPath(op.path, v.params) + qs(queryOf(op, v.ctx));
        const body = v.body ?? (op.body ? sample(doc, op.body, c) : undefined);
        const { res, json } = await send(anonymous, op.method, url, body);
        attempts++;
        sentHere++;
        const problems = answerProblems(res);
        if (res.statusCode !== 404 || json?.code !== 'not_found') problems.push('expected 404 not_found');
        const leaked = leaks(res.body);
        if (leaked.length) problems.push(`leaks A's ${leaked.join(', ')}`);
        if (problems.length) failures.push(`${op.method} ${url} [${v.label}] body=${preview(body, 200)}\n    -> ${res.statusCode} ${preview(res.body, 300)}\n    ${problems.join('; ')}`);
      }
    }
    expect(sentHere).toBeGreaterThan(10);
    expect(failures, `${failures.length} cross-tenant answers:\n${failures.slice(0, 100).join('\n')}`).toEqual([]);
  }, TIMEOUT);

  it('batch-status with A’s booking ids updates none of them and reports each as not_found', async () => {
    for (const actor of actors) {
      for (const status of ['confirmed', 'checked-in', 'cancelled'] as const) {
        const { res, json } = await send(actor, 'POST', '/api/bookings/batch-status', { ids: idsOf(A).bookings, status });
        attempts++;
        expect(res.statusCode, res.body).toBe(200);
        expect(json?.updated).toEqual([]);
        expect(json?.failed).toEqual(idsOf(A).bookings.map((id) => ({ id, code: 'not_found', message: expect.any(String) as string })));
        expect(leaks(res.body)).toEqual([]);
      }
    }
  }, TIMEOUT);

  it('afterwards A reads exactly what it read before, and its audit log holds nothing from B', async () => {
    expect(attempts).toBeGreaterThan(300);
    const after = await snapshotOfA();
    const changed = [...before.keys()].filter((url) => JSON.stringify(after.get(url)) !== JSON.stringify(before.get(url)));
    expect(changed.map((url) => `${url}\n  before ${preview(before.get(url), 300)}\n  after  ${preview(after.get(url), 300)}`)).toEqual([]);

    expect(await auditTotalOfA()).toBe(auditBefore);
    const log = await call(app, 'GET', '/api/audit-logs?limit=100', { token: A.admin.token });
    const intruders = new Set([B.admin.userId, B.staff.userId, superAdmin.userId]);
    expect((log.body.data as { user_id: string | null }[]).filter((e) => e.user_id && intruders.has(e.user_id))).toEqual([]);
    // The attempts did reach the database as B: B's own log shows B's fixtures, so the check above is not vacuous.
    const bLog = await call(app, 'GET', '/api/audit-logs?limit=1', { token: B.admin.token });
    expect(bLog.body.total).toBeGreaterThan(0);
  }, TIMEOUT);
});
