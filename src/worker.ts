import pino from 'pino';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { startJobs } from './jobs/queue.js';
import { startWebhookDispatch } from './jobs/webhook-dispatch.js';
import { startCheckoutSweeper } from './jobs/expire-checkouts.js';
import { stripeGateway } from './modules/payments/service.js';

/**
 * `npm run worker`: the job workers without the HTTP API, for deployments that scale them apart (run the API
 * with --no-workers). The server database only: PGlite belongs to one process, which runs its workers itself.
 */
async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('npm run worker needs DATABASE_URL: with PGlite, the API process runs the workers (npm start)');
  const log = pino({ level: config.LOG_LEVEL });
  const db = await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS });
  await migrate(db);
  const queue = await startJobs(db, config, log, { workers: true });
  const webhooks = startWebhookDispatch(db, config, log);
  const sweeper = startCheckoutSweeper(db, await stripeGateway(config), log);
  log.info('workers running');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers: letting running jobs finish');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    try {
      await webhooks.stop();
      await sweeper.stop();
      await queue.stop();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
