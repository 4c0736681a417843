import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';

/**
 * `npm start`: open the database, migrate, serve (and run the job workers, unless `--no-workers` or
 * WORKERS=false). `npm run migrate`: only migrate. `npm start -- --demo`: seed the demo business first when the
 * database has none (src/demo).
 */
async function main(argv: string[]) {
  const config = { ...loadConfig(), ...(argv.includes('--no-workers') ? { WORKERS: false } : {}) };
  const open = (queryTimeoutMs?: number) =>
    openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE, queryTimeoutMs });
  // Migrations and the demo seeder may run long: no query time limit for them. Requests get one (see client.ts).
  let db = await open();
  const applied = await migrate(db);
  const where = config.DATABASE_URL ? 'PostgreSQL server' : `PGlite in ${config.DATA_DIR}`;
  if (argv[0] === 'migrate') {
    console.log(`Migrated ${where}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`);
    await db.close();
    return;
  }
  if (argv.includes('--demo')) {
    // The seeder and its progress bar are loaded only when asked for: a serving process does not carry them.
    const [{ findDemoOrganization, seedDemo }, { formatSeedResult }] = await Promise.all([import('./demo/seed.js'), import('./demo/report.js')]);
    if (await findDemoOrganization(db)) console.log('Demo data already present (npm run seed:demo prints its logins).');
    else console.log(formatSeedResult(await seedDemo(db)));
  }
  if (config.DATABASE_URL) {
    await db.close();
    db = await open(config.DATABASE_QUERY_TIMEOUT_MS);
  }
  const app = await buildApp({ db, config });
  app.log.info({ applied, database: where }, 'database ready');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    // A second signal, or requests that never finish, must not keep the process alive forever.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
