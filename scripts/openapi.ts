import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';

/**
 * The OpenAPI document of the app as a file, built without a database or a port:
 *
 *   npm run openapi:json -- [out.json]   the document (to stdout without a file)
 *   npm run openapi:types -- <out.ts>    TypeScript types of it (openapi-typescript), what openapi-fetch takes
 *   npm run lint:openapi                 the document through `redocly lint` (rules: redocly.yaml)
 *
 * Always with the default settings, whatever the environment says, so that every machine writes the same document
 * (generated types compared in CI do not drift with someone's PUBLIC_BASE_URL).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Building the app runs no statement; a route that did would fail loudly here rather than reach a database.
const refuse = () => Promise.reject(new Error('the OpenAPI document is built without a database'));
const noDatabase: Database = {
  kind: 'pglite',
  queueTarget: { url: '' },
  query: refuse,
  queryArrays: refuse,
  exec: refuse,
  transaction: refuse,
  close: async () => {},
};

/** The app over no database, with no job queue and no workers: enough to ask it for its document or its pages. */
export function appWithoutDatabase(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env, WORKERS: 'false' });
  return buildApp({ db: noDatabase, config, queue: { enqueue: async () => null }, logger: false });
}

/** The document as /api/openapi.json answers it with the default settings. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await appWithoutDatabase();
  try {
    await app.ready();
    return structuredClone(app.swagger()) as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** TypeScript types of the document (`paths`, `components`, `operations`), as openapi-typescript writes them. */
export async function openApiTypes(doc: Record<string, unknown>): Promise<string> {
  return `${COMMENT_HEADER}// Written by \`npm run openapi:types\` from the server's OpenAPI document (scripts/openapi.ts).\n\n${astToString(await openapiTS(doc as unknown as OpenAPI3))}`;
}

const json = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

async function main(command: string | undefined, out: string | undefined): Promise<number> {
  switch (command ?? '') {
    case 'json': {
      const doc = await openApiDocument();
      if (out) writeFileSync(out, json(doc));
      else process.stdout.write(json(doc));
      return 0;
    }
    case 'types': {
      if (!out) throw new Error('usage: npm run openapi:types -- <out.ts>');
      writeFileSync(out, await openApiTypes(await openApiDocument()));
      return 0;
    }
    case 'lint': {
      const dir = mkdtempSync(join(tmpdir(), 'bookingtms-openapi-'));
      try {
        const file = join(dir, 'openapi.json');
        writeFileSync(file, json(await openApiDocument()));
        const lint = spawnSync(join(root, 'node_modules/.bin/redocly'), ['lint', '--config', join(root, 'redocly.yaml'), file], { stdio: 'inherit' });
        return lint.status ?? 1;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    default:
      throw new Error('usage: tsx scripts/openapi.ts json [out.json] | types <out.ts> | lint');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2], process.argv[3]).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
