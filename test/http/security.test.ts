import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { call, testConfig, useTestApp } from '../support/app.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { signupOrg, uniqueEmail } from '../support/fixtures.js';

/**
 * The findings of the "Security hardening" walk, each proven through HTTP. docs/security.md names, per
 * finding, the threat, the protection and the test here that proves it.
 */

const shape = { error: expect.any(String), code: expect.any(String), message: expect.any(String) };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request log', () => {
  let app: FastifyInstance;
  let tdb: TestDatabase;
  const lines: string[] = [];
  beforeAll(async () => {
    tdb = await freshDatabase();
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        cb();
      },
    });
    app = await buildApp({ db: tdb.db, config: testConfig({ LOG_LEVEL: 'info' }), logger: { level: 'info', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
  });

  it('never writes a secret query parameter (manage token, password, key, secret, code) to the log', async () => {
    const secrets = ['mt-9f8e7d6c5b4a', 'pw-hunter2hunter2', 'key-0123456789', 'sec-abcdefabcdef', 'code-GIFT1234', 'tok-encodedname'];
    await app.inject({ method: 'GET', url: `/api/public/bookings/BK-AAAAAA?token=${secrets[0]}` });
    await app.inject({
      method: 'GET',
      url: `/api/public/bookings/BK-AAAAAA?page=2&Password=${secrets[1]}&api_key=${secrets[2]}&client_secret=${secrets[3]}&coupon_code=${secrets[4]}&%74oken=${secrets[5]}`,
    });
    const logged = lines.join('\n');
    const urls = lines.map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url).filter(Boolean);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const s of secrets) expect(logged).not.toContain(s);
    // What is not a secret stays, so the log still says which request it was.
    expect(urls).toContain('/api/public/bookings/BK-AAAAAA?token=[REDACTED]');
    expect(urls.some((u) => u!.includes('page=2'))).toBe(true);
  });
});

describe('cross-site writes with the session cookie', () => {
  const t = useTestApp({ env: { CORS_ORIGINS: 'https://admin.example.test', PUBLIC_BASE_URL: 'https://book.example.test/app' } });
  let token = '';
  beforeAll(async () => {
    token = (await signupOrg(t().app)).token;
  });
  const cookieWrite = (headers: Record<string, string>) =>
    t().app.inject({ method: 'PUT', url: '/api/organization', headers: { cookie: `session=${token}`, ...headers }, payload: { phone: '+1 555 0100' } });

  it('refuses a cookie-authenticated write from a foreign Origin, or marked cross-site without one, with 403 forbidden', async () => {
    const refused: Record<string, string>[] = [{ origin: 'https://evil.example.test' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'http://localhost.evil.test' }];
    for (const headers of refused) {
      const res = await cookieWrite(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({ ...shape, code: 'forbidden' });
    }
    const logout = await t().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `session=${token}`, origin: 'https://evil.example.test' } });
    expect(logout.statusCode).toBe(403);
    // Nothing was done: the session still works.
    expect((await call(t().app, 'GET', '/api/auth/session', { token })).status).toBe(200);
  });

  it('lets cookie writes in from the same origin, PUBLIC_BASE_URL and CORS_ORIGINS, and bearer writes and public routes from anywhere', async () => {
    // inject's Host is localhost:80, which a browser's Origin writes as http://localhost.
    for (const origin of ['http://localhost', 'https://admin.example.test', 'https://book.example.test']) {
      expect((await cookieWrite({ origin })).statusCode, origin).toBe(200);
    }
    expect((await cookieWrite({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await cookieWrite({})).statusCode).toBe(200);
    const bearer = await call(t().app, 'PUT', '/api/organization', { token, headers: { origin: 'https://evil.example.test' }, body: { phone: '+1 555 0101' } });
    expect(bearer.status).toBe(200);
    const widget = await t().app.inject({ method: 'POST', url: '/api/public/bookings/BK-AAAAAA/cancel', headers: { cookie: `session=${token}`, origin: 'https://evil.example.test' }, payload: { token: 'x'.repeat(20) } });
    expect(widget.statusCode).not.toBe(403);
  });

  it('refuses a text/plain body (what a cross-site form can send without a preflight) with 415', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ ...shape, code: 'unsupported_media_type' });
    expect((await call(t().app, 'GET', '/api/auth/session', { token })).status).toBe(200);
  });
});

describe('hostile bodies, URLs and queries', () => {
  const t = useTestApp();
  let token = '';
  beforeAll(async () => {
    token = (await signupOrg(t().app)).token;
  });

  it('answers deeply nested JSON with a clean 400 validation_failed', async () => {
    const deep = (d: number) => '{"a":'.repeat(d) + '1' + '}'.repeat(d);
    for (const payload of [`{"name":"V","timezone":"UTC","settings":${deep(20_000)}}`, '['.repeat(50_000) + ']'.repeat(50_000)]) {
      const res = await t().app.inject({ method: 'POST', url: '/api/venues', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ ...shape, code: 'validation_failed' });
      expect(res.body).not.toMatch(/call stack|RangeError/i);
    }
    // Nesting a real client sends still passes.
    const ok = await call(t().app, 'POST', '/api/venues', { token, body: { name: 'V', timezone: 'UTC', settings: { a: { b: { c: { d: [1, [2, [3]]] } } } } } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('answers an over-long URL on a real socket in the API error shape', async () => {
    // inject() bypasses Node's HTTP parser, which is what refuses the URL: listen (afterAll's app.close() stops it).
    await t().app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t().app.server.address() as AddressInfo;
    const res = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: `/api/health?pad=${'a'.repeat(40_000)}` }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: r.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ ...shape, code: 'validation_failed' });
  });

  it('matches % and _ in /api/users?q= literally', async () => {
    const { app } = t();
    for (const [full_name, local] of [['Ann 100% Sure', 'ann'], ['Bob Plain', 'bob_plain'], ['Cy Other', 'cy']] as const) {
      const created = await call(app, 'POST', '/api/users', { token, body: { email: uniqueEmail(local), full_name, role: 'staff', password: 'correct horse battery' } });
      expect(created.status).toBe(201);
    }
    const names = async (q: string) => ((await call(app, 'GET', `/api/users?q=${encodeURIComponent(q)}`, { token })).body.data as { full_name: string }[]).map((u) => u.full_name);
    expect(await names('%')).toEqual(['Ann 100% Sure']);
    expect(await names('_')).toEqual(['Bob Plain']);
    expect(await names('0% S')).toEqual(['Ann 100% Sure']);
  });
});

describe('x-request-id in the audit log', () => {
  const t = useTestApp();

  it('never stores a hostile x-request-id: a generated id is used instead, on plain and deferred-session routes', async () => {
    const { app } = t();
    const { token } = await signupOrg(app);
    const hostile = ['x'.repeat(101), 'abc"def', "a'b;--", 'a b', 'réq-ü', 'a\tb', '../../etc'];
    const seen: string[] = [];
    for (const [i, id] of hostile.entries()) {
      // PUT /api/organization checks the session before its transaction; POST /api/venues inside it (withSession).
      const org = await call(app, 'PUT', '/api/organization', { token, headers: { 'x-request-id': id }, body: { phone: `+1 555 01${i}0` } });
      expect(org.status).toBe(200);
      const venue = await call(app, 'POST', '/api/venues', { token, headers: { 'x-request-id': id }, body: { name: `Venue ${i}`, timezone: 'UTC' } });
      expect(venue.status).toBe(201);
      for (const res of [org, venue]) {
        const given = res.headers['x-request-id'] as string;
        expect(given).toMatch(UUID);
        seen.push(given);
      }
    }
    const audit = await call(app, 'GET', '/api/audit-logs?limit=100', { token });
    expect(audit.status).toBe(200);
    const ids = (audit.body.data as { request_id: string | null }[]).map((e) => e.request_id);
    for (const id of hostile) expect(ids).not.toContain(id);
    for (const id of seen) expect(ids).toContain(id);
    for (const id of ids) expect(id ?? '').toMatch(/^[A-Za-z0-9._-]{0,100}$/);
    // A well-formed id from a proxy or client is kept, so its logs and the audit rows line up.
    const traced = await call(app, 'PUT', '/api/organization', { token, headers: { 'x-request-id': 'edge-7f3a.1_b' }, body: { phone: '+1 555 0199' } });
    expect(traced.headers['x-request-id']).toBe('edge-7f3a.1_b');
    const after = await call(app, 'GET', '/api/audit-logs?limit=100&table=organizations', { token });
    expect((after.body.data as { request_id: string }[]).map((e) => e.request_id)).toContain('edge-7f3a.1_b');
  });
});
