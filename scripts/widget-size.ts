/**
 * The widget's JavaScript budget (CI): builds the web apps when stale, then sums the gzipped size of every script
 * the widget can load (its page's entry with every chunk it imports, statically or lazily, and widget.js), read from
 * Vite's manifest so a new chunk cannot escape the count. Over WIDGET_BUDGET_BYTES exits 1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWebIfStale, DIST } from './build-web.js';

export const WIDGET_BUDGET_BYTES = 100 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Every script file reachable from the widget's entries, with its gzipped size. */
export async function widgetScripts(): Promise<{ file: string; gzip: number }[]> {
  const dir = join(DIST, 'widget');
  const manifest = JSON.parse(await readFile(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if ((chunk as { isEntry?: boolean }).isEntry) visit(key);
  const files = [...seen].map((key) => manifest[key]!.file).filter((f) => f.endsWith('.js'));
  return Promise.all(files.map(async (file) => ({ file, gzip: gzipSync(await readFile(join(dir, file)), { level: 9 }).length })));
}

async function main() {
  await buildWebIfStale();
  const scripts = await widgetScripts();
  const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
  for (const s of scripts.sort((a, b) => b.gzip - a.gzip)) console.log(`${(s.gzip / 1024).toFixed(1).padStart(7)} KB  ${s.file}`);
  const verdict = total <= WIDGET_BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  gzipped in all: ${verdict} the budget of ${WIDGET_BUDGET_BYTES / 1024} KB`);
  if (total > WIDGET_BUDGET_BYTES) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
