import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { emailTransport } from '../modules/notifications/service.js';
import { BossQueue } from '../queue/queue.js';
import { deliverNotificationJob } from './deliver-notification.js';
import { mailPlatformJob } from './mail-platform.js';

/**
 * Starts the job queue on the application's database. With `workers`, this process also runs every job (and
 * pg-boss's maintenance: expiring the jobs of workers that died, retention); without, it only enqueues.
 */
export async function startJobs(db: Database, config: Config, log: FastifyBaseLogger, opts: { workers: boolean }): Promise<BossQueue> {
  const queue = await BossQueue.start(
    db,
    {
      retryLimit: config.JOB_RETRY_LIMIT,
      retryDelaySeconds: config.JOB_RETRY_DELAY_SECONDS,
      pollSeconds: config.JOB_POLL_SECONDS,
      onError: (err) => log.error({ err }, 'job queue error'),
    },
    { supervise: opts.workers },
  );
  if (opts.workers) {
    const transport = emailTransport({ url: config.SMTP_URL, from: config.MAIL_FROM, timeoutMs: config.SMTP_TIMEOUT_MS });
    if (!transport.configured) log.warn('SMTP_URL is not set: email deliveries are recorded and logged, not sent');
    await queue.work({
      'notification-deliver': deliverNotificationJob(db, transport, log),
      'mail-platform': mailPlatformJob(transport, log),
    });
  }
  return queue;
}
