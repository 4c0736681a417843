import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import type { JobHandler } from '../queue/queue.js';
import { deliverNotification, type Transports } from '../modules/notifications/service.js';

/** Job `notification-deliver`: one attempt at one logged delivery, email or SMS (the service opens the tenant transactions). */
export function deliverNotificationJob(db: Database, transports: Transports, log: FastifyBaseLogger): JobHandler<'notification-deliver'> {
  return async (payload, attempt) => {
    try {
      const { status, error } = await deliverNotification(db, transports, payload, attempt);
      log.info({ job: attempt.jobId, delivery: payload.delivery_id, organizationId: payload.organization_id, status, error }, 'notification delivery');
    } catch (err) {
      // Never the message: it may hold a link with a token.
      log.warn({ job: attempt.jobId, delivery: payload.delivery_id, attempt: attempt.number, final: attempt.final, err: (err as Error).message }, 'notification delivery failed');
      throw err;
    }
  };
}
