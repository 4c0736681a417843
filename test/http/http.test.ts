import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/client.js';
import { call, testConfig, useTestApp } from '../support/app.js';
import { signupOrg } from '../support/fixtures.js';

describe('HTTP conventions', () => {
  const t = useTestApp({ env: { CORS_ORIGINS: 'https://admin.example.test', BODY_LIMIT_BYTES: '2048' } });

  it('unknown routes, malformed JSON, wrong media type and oversized bodies answer the error shape', async () => {
    const { app } = t();
    const shape = { error: expect.any(String), code: expect.any(String), message: expect.any(String) };
    const unknown = await call(app, 'GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ...shape, code: 'not_found' });

    const malformed = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ ...shape, code: 'validation_failed' });

    const media = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('unsupported_media_type');

    const big = await call(app, 'POST', '/api/auth/login', { body: { email: 'a@b.co', password: 'x'.repeat(5000) } });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
  });

  it('sets security headers and request ids, and serves CORS only to listed origins', async () => {
    const { app } = t();
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://admin.example.test' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['access-control-allow-origin']).toBe('https://admin.example.test');
    const other = await app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example.test' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves an OpenAPI 3.1 document listing every route with its error responses, and a docs page', async () => {
    const { app } = t();
    const doc = await call(app, 'GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const paths = doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    for (const p of ['/api/auth/signup', '/api/auth/login', '/api/users/{id}', '/api/organization', '/api/audit-logs', '/api/health']) {
      expect(paths, p).toHaveProperty([p]);
    }
    expect(Object.keys(paths['/api/users/{id}']!.get!.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('health answers 200 with a database check', async () => {
    const { app } = t();
    const res = await call(app, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('health answers 503 and API calls 503 (not 500) when the database is unreachable', async () => {
    const db = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/nothing', poolSize: 1 });
    const app = await buildApp({ db, config: testConfig(), logger: false });
    try {
      const health = await call(app, 'GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'error', database: 'unreachable' });
      const login = await call(app, 'POST', '/api/auth/login', { body: { email: 'a@b.co', password: 'whatever password' } });
      expect(login.status).toBe(503);
      expect(login.body.code).toBe('service_unavailable');
      expect(login.headers['retry-after']).toBe('5'); // as the document's 503 says
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('never leaks SQL or stack traces for hostile input', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const hostile = ["' or 1=1 --", '../../etc/passwd', '\u0000', 'x'.repeat(300), '😀'];
    for (const h of hostile) {
      const res = await call(app, 'GET', `/api/users?q=${encodeURIComponent(h)}`, { token: org.token });
      expect(res.status).toBeLessThan(500);
      expect(res.raw.body).not.toMatch(/at \w+ \(|select |insert |syntax error/i);
    }
  });
});
