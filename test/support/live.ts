import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { call, createTestApp, type TestApp } from './app.js';
import { PASSWORD } from './fixtures.js';

// The app on a real port (127.0.0.1, a free port) over a fresh database, for browsers: pages, assets and the API
// from one origin, as `npm start` serves them (the built web apps in dist/web: vitest.web.config.ts builds them
// when stale).

export interface LiveApp extends TestApp {
  /** `http://127.0.0.1:<port>` */
  url: string;
}

/** Builds and starts the app for the whole file (beforeAll), closes it and drops its database (afterAll). */
export function useLiveApp(opts: Parameters<typeof createTestApp>[0] = {}): () => LiveApp {
  let live: LiveApp | undefined;
  beforeAll(async () => {
    const t = await createTestApp(opts);
    const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    live = { ...t, url };
  });
  afterAll(async () => {
    await live?.app.close();
    await live?.tdb.drop();
  });
  return () => {
    if (!live) throw new Error('live app not started');
    return live;
  };
}

/**
 * A plain web server on another port (so another origin than the app) answering one HTML page at `/`: an
 * operator's site that embeds the widget with its script tag.
 */
export function useHostPage(): { url: () => string; setHtml: (html: string) => void } {
  let server: Server | undefined;
  let html = '<!doctype html><title>Host</title>';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url !== '/') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return {
    url: () => `http://localhost:${(server!.address() as AddressInfo).port}/`,
    setHtml: (h) => {
      html = h;
    },
  };
}

/**
 * Signs a browser context in as a user without going through the form (one test does that): logs in through the
 * API and gives the context the session cookie the login answered with.
 */
export async function signInBrowser(live: LiveApp, context: BrowserContext, email: string, password = PASSWORD): Promise<void> {
  const res = await call(live.app, 'POST', '/api/auth/login', { body: { email, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await context.addCookies([{ name: 'session', value: res.body.token as string, url: `${live.url}/api/`, httpOnly: true, sameSite: 'Lax' }]);
}
