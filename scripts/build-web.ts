/**
 * Builds the web apps (web/admin, web/widget) into dist/web with Vite, and gzip/brotli copies of their files
 * (served precompressed by @fastify/static). `--if-stale` (what `npm start` runs first) builds only when the
 * sources changed since the last build: a hash of every file under web/, the lock file and this script, kept in
 * dist/web/.source-hash. Content, not mtimes: a checkout or a copy that touches every file does not rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist/web');
const HASH_FILE = join(DIST, '.source-hash');
const APPS = ['admin', 'widget'] as const;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** A hash of everything a build depends on. */
export async function sourceHash(): Promise<string> {
  const files = [...(await filesUnder(join(ROOT, 'web'))), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether dist/web holds a complete build of the current sources. */
export async function isFresh(hash?: string): Promise<boolean> {
  if (!APPS.every((app) => existsSync(join(DIST, app, 'index.html')))) return false;
  const built = await readFile(HASH_FILE, 'utf8').catch(() => '');
  return built === (hash ?? (await sourceHash()));
}

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** .gz and .br beside each text asset, for clients that accept them (the widget is fetched on phones). */
async function precompress(dir: string): Promise<void> {
  for (const file of await filesUnder(dir)) {
    if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
    const body = await readFile(file);
    if (body.length < 1024) continue;
    await writeFile(`${file}.gz`, await gz(body, { level: 9 }));
    await writeFile(`${file}.br`, await br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** Builds both apps (always), then records the source hash. */
export async function buildWeb(): Promise<void> {
  const hash = await sourceHash();
  // A build that fails half-way must not pass for a fresh one.
  await rm(HASH_FILE, { force: true });
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (vitest sets `test`), and React would then be its development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const app of APPS) {
      await build({ configFile: join(ROOT, 'web', app, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
      await precompress(join(DIST, app));
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  await writeFile(HASH_FILE, hash);
}

/** Builds when the sources changed since the last build; says what it did. */
export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<void> {
  const hash = await sourceHash();
  if (await isFresh(hash)) return;
  const built = APPS.every((app) => existsSync(join(DIST, app, 'index.html')));
  log(`Building the web apps (${built ? 'web/ changed since the last build' : 'not built yet'})…`);
  const started = Date.now();
  await buildWeb();
  log(`Built the web apps into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  (ifStale ? buildWebIfStale() : buildWeb())
    .then(() => undefined)
    .catch((err: unknown) => {
      // Vite is a development dependency: an install without them (npm ci --omit=dev) serves the API, and the
      // pages answer 503 until someone builds them.
      if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && ifStale) {
        console.warn('Vite is not installed (development dependencies omitted): serving without building the web apps.');
        return;
      }
      console.error(err);
      process.exit(1);
    });
}
