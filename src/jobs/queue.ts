import type { FastifyBaseLogger } from 'fastify';
import { publicBaseUrl, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { emailTransport, smsTransport } from '../modules/notifications/service.js';
import { AppError } from '../http/errors.js';
import { BossQueue, type JobQueue } from '../queue/queue.js';
import { bookingReminderJob } from './booking-reminder.js';
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
      heartbeatSeconds: config.JOB_HEARTBEAT_SECONDS,
      onError: (err) => log.error({ err }, 'job queue error'),
    },
    { supervise: opts.workers },
  );
  if (opts.workers) {
    const transport = emailTransport({ url: config.SMTP_URL, from: config.MAIL_FROM, timeoutMs: config.SMTP_TIMEOUT_MS });
    if (!transport.configured) log.warn('SMTP_URL is not set: email deliveries are recorded and logged, not sent');
    const sms = smsTransport({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      from: config.TWILIO_FROM,
      apiBase: config.TWILIO_API_BASE,
      timeoutMs: config.TWILIO_TIMEOUT_MS,
    });
    if (!sms.configured) log.warn('TWILIO_* is not set: SMS deliveries are recorded and logged, not sent');
    await queue.work({
      'notification-deliver': deliverNotificationJob(db, { email: transport, sms }, log),
      'mail-platform': mailPlatformJob(transport, log),
      'booking-reminder': bookingReminderJob(db, queue, publicBaseUrl(config), log),
    });
  }
  return queue;
}

/**
 * The job queue as the API starts it: at once, even when the database is unreachable (the API then answers 503
 * until it is back, as every route does). pg-boss is started in the background, retried every few seconds until it
 * is up; until then, work cannot be enqueued (503 service_unavailable: the request's change rolls back with it).
 */
export function startJobsInBackground(db: Database, config: Config, log: FastifyBaseLogger, opts: { workers: boolean }): JobQueue & { started: Promise<void>; stop(): Promise<void> } {
  let inner: BossQueue | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const attempt = async (): Promise<void> => {
    try {
      const started = await startJobs(db, config, log, opts);
      if (stopped) await started.stop();
      else inner = started;
    } catch (err) {
      if (stopped) return;
      log.error({ err }, 'job queue could not start; retrying in 5 s');
      retry = setTimeout(() => void attempt(), 5000);
      retry.unref();
    }
  };
  const starting = attempt();
  return {
    /** The first attempt at starting, settled (a failed one is retried in the background). */
    started: starting,
    async enqueue(tx, name, payload, enqueueOpts) {
      if (!inner) await starting;
      if (!inner) throw new AppError('service_unavailable', 'The job queue is not available yet; retry shortly', undefined, { 'retry-after': '5' });
      return inner.enqueue(tx, name, payload, enqueueOpts);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await starting;
      await inner?.stop();
    },
  };
}
