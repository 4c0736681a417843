import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import type { JobHandler, JobQueue } from '../queue/queue.js';
import { sendReminder } from '../modules/notifications/service.js';

/**
 * Job `booking-reminder`, due its offset before the start: writes the reminder's delivery (which a
 * `notification-deliver` job then sends) if the booking still happens at the time the reminder was made for.
 */
export function bookingReminderJob(db: Database, queue: JobQueue, baseUrl: string, log: FastifyBaseLogger): JobHandler<'booking-reminder'> {
  return async (payload, attempt) => {
    const outcome = await sendReminder(db, queue, payload, { baseUrl, now: new Date() });
    log.info({ job: attempt.jobId, booking: payload.booking_id, organizationId: payload.organization_id, offset: payload.offset_minutes, outcome }, 'booking reminder');
  };
}
