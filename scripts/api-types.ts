/**
 * Generates web/api/schema.d.ts (the web app's API types) from the OpenAPI document the server builds, without
 * listening: the app is built over an in-memory database and asked for its document. `--check` compares instead of
 * writing and exits 1 when the committed file has drifted from the server's document (CI runs it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

const OUT = new URL('../web/api/schema.d.ts', import.meta.url);
const HEADER = '// Generated from the server’s OpenAPI document by `npm run api:types`; do not edit (CI checks it for drift).\n\n';

async function serverDocument(): Promise<object> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(db);
    const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent', WORKERS: 'false' }), logger: false });
    await app.ready();
    const doc = app.swagger() as object;
    await app.close();
    return doc;
  } finally {
    await db.close();
  }
}

async function main(check: boolean) {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await serverDocument())) as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
  });
  const fresh = HEADER + astToString(ast);
  if (!check) {
    await writeFile(OUT, fresh);
    console.log('wrote web/api/schema.d.ts');
    return;
  }
  const committed = await readFile(OUT, 'utf8').catch(() => '');
  if (committed !== fresh) {
    console.error('web/api/schema.d.ts differs from the server’s OpenAPI document: run `npm run api:types` and commit it.');
    process.exit(1);
  }
  console.log('web/api/schema.d.ts matches the server’s OpenAPI document');
}

main(process.argv.includes('--check')).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
