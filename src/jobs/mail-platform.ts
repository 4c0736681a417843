import type { FastifyBaseLogger } from 'fastify';
import type { JobHandler } from '../queue/queue.js';
import { deliverPlatformMail, type EmailTransport } from '../modules/notifications/service.js';

/** Job `mail-platform`: a platform mail to an account without an organization; the log line is its record. */
export function mailPlatformJob(transport: EmailTransport, log: FastifyBaseLogger): JobHandler<'mail-platform'> {
  return async (payload, attempt) => {
    try {
      const status = await deliverPlatformMail(transport, payload, attempt.jobId);
      log.info({ job: attempt.jobId, event: payload.event, status }, status === 'sent' ? 'platform mail sent' : 'platform mail recorded, not sent (SMTP_URL unset)');
    } catch (err) {
      log.warn({ job: attempt.jobId, event: payload.event, attempt: attempt.number, final: attempt.final, err: (err as Error).message }, 'platform mail failed');
      throw err;
    }
  };
}
