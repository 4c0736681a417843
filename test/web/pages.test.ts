import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';

// How the server serves the built web apps (src/http/pages.ts): which paths answer which page, under which
// Content-Security-Policy and framing rules, and that the API's own answers are untouched.
describe('web pages', () => {
  const t = useTestApp();
  const get = (url: string, headers: Record<string, string> = {}) => t().app.inject({ method: 'GET', url, headers });
  const csp = (res: { headers: Record<string, unknown> }) => String(res.headers['content-security-policy']);

  it('serves the admin app at / and at any other page path, never framed, revalidated on each visit', async () => {
    for (const path of ['/', '/bookings', '/customers/123?tab=history']) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(csp(res)).toContain("frame-ancestors 'none'");
      expect(csp(res)).toContain("script-src 'self';");
      expect(csp(res)).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('serves the widget at /book/:embed_key and /manage/:booking_number, framable by any site, with Stripe.js allowed', async () => {
    for (const path of ['/book/some-key', '/manage/BK-7F3K9QX?token=abc']) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body).toContain('/widget/assets/');
      expect(csp(res)).toContain('frame-ancestors *');
      expect(csp(res)).toContain("script-src 'self' https://js.stripe.com https://*.js.stripe.com;");
      expect(csp(res)).toContain('frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com');
      expect(res.headers['x-frame-options']).toBeUndefined();
      // The manage link's token must not leak to other hosts through the Referer header.
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves /widget.js as a script any site may load, and hashed assets as immutable, compressed when asked', async () => {
    const script = await get('/widget.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(script.body).toContain('data-embed-key');

    const page = await get('/');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    const compressed = await get(asset!, { 'accept-encoding': 'gzip' });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the API’s answers: unknown API paths and missing files are JSON 404s, not the app', async () => {
    for (const path of ['/api/nothing-here', '/api', '/favicon.ico', '/assets/missing-abc123.js', '/widget/assets/missing.js']) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    const write = await t().app.inject({ method: 'POST', url: '/bookings', payload: {} });
    expect(write.statusCode).toBe(404);
  });
});
