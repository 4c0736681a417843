import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument, openApiTypes } from '../../scripts/openapi.js';
import { useTestApp } from '../support/app.js';
import { uniqueEmail } from '../support/fixtures.js';
import { answerChecker, type OpenApiDocument } from '../support/openapi.js';

/**
 * A client generated from /api/openapi.json as an integrator (and the web app) makes one: types by
 * openapi-typescript (`npm run openapi:types`), calls by openapi-fetch. test/http/openapi-client/book.ts is the
 * integrator's code: it must type-check strictly against the generated types, then run against a real port,
 * every answer matching the document's schema for it.
 */

interface Booked {
  bookingNumber: string;
  byLocalTime: { booking_date: string; start_time: string };
  status: string;
  conflict: string | undefined;
  widgetTitle: string | undefined;
}
type BookModule = { signUpAndBook: (baseUrl: string, opts: { email: string; fetch?: (input: Request) => Promise<Response> }) => Promise<Booked> };

const root = resolve(import.meta.dirname, '../..');

/** Type errors of `file` under the repository's strictness, with the DOM's fetch types (as a browser client has). */
function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    verbatimModuleSyntax: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('a client generated from the OpenAPI document', () => {
  const t = useTestApp();
  // Inside the repository (scratch/ is ignored), so that the client's imports resolve to node_modules.
  mkdirSync(join(root, 'scratch'), { recursive: true });
  const dir = mkdtempSync(join(root, 'scratch', 'openapi-client-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the document npm run openapi:json writes, built without a database', async () => {
    const served = (await t().app.inject({ method: 'GET', url: '/api/openapi.json' })).json<unknown>();
    expect(await openApiDocument()).toEqual(served);
  });

  it('type-checks an integrator’s code strictly, which then signs up, creates a venue and a game and books, every answer as documented', async () => {
    const { app } = t();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
    writeFileSync(join(dir, 'api.ts'), await openApiTypes(doc as unknown as Record<string, unknown>));
    copyFileSync(join(root, 'test/http/openapi-client/book.ts'), join(dir, 'book.ts'));
    expect(typeErrors(join(dir, 'book.ts'))).toEqual([]);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const check = answerChecker(doc);
    const wrong: string[] = [];
    let answers = 0;
    const recording = async (request: Request) => {
      const method = request.method;
      const res = await fetch(request);
      const text = await res.clone().text();
      answers++;
      wrong.push(...check(method, new URL(request.url).pathname, res.status, (res.headers.get('content-type') ?? '').split(';')[0]!, text ? JSON.parse(text) : undefined));
      return res;
    };
    const { signUpAndBook } = (await import(pathToFileURL(join(dir, 'book.ts')).href)) as BookModule;
    const booked = await signUpAndBook(`http://127.0.0.1:${port}`, { email: uniqueEmail('integrator'), fetch: recording });

    expect(booked.bookingNumber).toMatch(/^BK-[0-9A-Z]{6,10}$/);
    expect(booked.status).toBe('confirmed');
    expect(booked.conflict).toBe('slot_unavailable');
    expect(booked.byLocalTime).toMatchObject({ booking_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), start_time: expect.stringMatching(/^\d{2}:\d{2}$/) });
    expect(booked.widgetTitle).toBe('Book Escape Works');
    expect(answers).toBeGreaterThanOrEqual(8);
    expect(wrong).toEqual([]);
  }, 180_000); // type-checking takes a CPU-bound while on a busy machine
});
