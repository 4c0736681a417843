import type { Database, Queryable } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/errors.js';
import type { JobPayloads, JobQueue } from '../../queue/queue.js';
import type { Booking } from '../bookings/schemas.js';
import { getBooking } from '../bookings/service.js';
import { notificationTarget } from '../customers/service.js';
import { getOrganization } from '../organizations/service.js';
import { getVenue } from '../venues/service.js';
import type { MailExtras } from './attachments.js';
import { queueDeliveryOnce } from './deliveries.js';
import { smsTarget } from './phone.js';
import * as sql from './sql.js';
import { bookingData, formatMoney, type TemplateData } from './placeholders.js';

export type BookingEvent = 'booking_created' | 'booking_confirmed' | 'booking_rescheduled' | 'booking_cancelled' | 'booking_reminder';

/** Statuses a booking still happens in: reminders and reschedule mails are for these only. */
const LIVE = new Set(['pending', 'confirmed']);

export interface BookingNoticeContext {
  /** PUBLIC_BASE_URL: manage and unsubscribe links point there. */
  baseUrl: string;
  /** The app's clock: reminders already due by now are not scheduled. */
  now: Date;
  /** The plain manage token, which exists only in the widget request that made it (the row keeps a hash). */
  manageToken?: string | null;
}

interface Notice extends BookingNoticeContext {
  event: BookingEvent;
  booking: Booking;
  previousStartAt?: string;
  /** A message written at most once (a reminder whose job runs twice). */
  dedupeKey?: string;
}

/** Booking events that also go out as a text message: what a customer needs on their phone, not every receipt. */
const SMS_EVENTS: readonly BookingEvent[] = ['booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'booking_reminder'];

/**
 * Queues the customer's messages for a booking event in the caller's transaction (a rolled-back change sends
 * nothing), and for a new or moved booking its reminders: the mail (a customer without an email gets none), and
 * for SMS_EVENTS the text message. A customer who turned a channel off, or has no usable phone, gets a `skipped`
 * row with the reason, so the log shows why nothing went out.
 */
export async function notifyBooking(tx: Queryable, queue: JobQueue, n: Notice): Promise<void> {
  const customer = await notificationTarget(tx, n.booking.customer_id);
  const organization = await getOrganization(tx);
  if (n.event === 'booking_created' || n.event === 'booking_confirmed' || n.event === 'booking_rescheduled') {
    await scheduleReminders(tx, queue, n.booking, organization.policies.reminder_offsets_minutes, n.now);
  }
  const sms = SMS_EVENTS.includes(n.event);
  if (!customer || (!customer.email && !sms)) return;
  const venue = await getVenue(tx, n.booking.venue_id, { includeArchived: true });
  const { booking } = n;
  const manageUrl = n.manageToken ? `${n.baseUrl}/manage/${booking.booking_number}?token=${encodeURIComponent(n.manageToken)}` : '';
  const input = {
    organization,
    venue: { name: venue.name, timezone: venue.timezone, phone: venue.phone, address: venue.address },
    game: { name: booking.game.name },
    customer: { full_name: customer.full_name, email: customer.email },
    booking: { ...booking, final_amount: booking.final_amount },
    manageUrl,
  };
  const content: TemplateData = bookingData(input);
  if (n.event === 'booking_rescheduled') {
    const before = bookingData({ ...input, booking: { ...input.booking, start_at: n.previousStartAt ?? booking.start_at } });
    content.previous = { start_local: (before.booking as TemplateData).start_local! };
  }
  if (n.event === 'booking_cancelled') content.refund = { amount: booking.refund_amount > 0 ? formatMoney(booking.refund_amount, booking.currency) : '' };
  const common = { event: n.event, bookingId: booking.id, customerId: customer.id };
  if (customer.email) {
    await queueDeliveryOnce(tx, queue, {
      ...common,
      channel: 'email',
      to: customer.email,
      content: { ...content, _mail: mailExtras(n, customer.unsubscribe_token, venue.name, content, manageUrl) as TemplateData },
      ...(n.dedupeKey ? { dedupeKey: n.dedupeKey } : {}),
      ...(customer.notification_preferences.email ? {} : { skipReason: 'customer unsubscribed from email' }),
    });
  }
  if (sms) {
    // A national number is read in the venue's country (else the organization's); the log keeps what was typed.
    const target = smsTarget(customer.phone, venue.address.country ?? organization.address.country);
    const skipReason = !customer.notification_preferences.sms ? 'customer unsubscribed from sms' : target.ok ? undefined : target.reason;
    await queueDeliveryOnce(tx, queue, {
      ...common,
      channel: 'sms',
      to: target.ok ? target.number : (customer.phone?.trim() ?? ''),
      content,
      ...(n.dedupeKey ? { dedupeKey: `${n.dedupeKey}:sms` } : {}),
      ...(skipReason ? { skipReason } : {}),
    });
  }
}

/** Not placeholders: what the sender adds around any email template (deliveries.ts reads them; dropped once sent). */
function mailExtras(n: Notice, unsubscribeToken: string, venueName: string, content: TemplateData, manageUrl: string): MailExtras {
  const { booking } = n;
  const confirmation = n.event === 'booking_created' || n.event === 'booking_confirmed';
  return {
    unsubscribe_url: `${n.baseUrl}/api/public/unsubscribe/${unsubscribeToken}`,
    ...(confirmation
      ? {
          ics_uid: `${booking.id}@bookingtms`,
          ics_start: booking.start_at,
          ics_end: booking.end_at,
          ics_summary: booking.game.name,
          ics_location: [venueName, (content.venue as unknown as { address: string }).address].filter(Boolean).join(', '),
          ics_description: `Booking ${booking.booking_number}${manageUrl ? `\n${manageUrl}` : ''}`,
          // Staff scan it for checkin-by-code; only a booking with a manage token has one to encode.
          qr: n.manageToken ? `${booking.booking_number}:${n.manageToken}` : '',
        }
      : {}),
  };
}

/**
 * One reminder job per offset, due `offset` minutes before the start. The job carries the start it was made for:
 * when it runs it sends only if the booking is still live and still starts then, so a reschedule's new reminders
 * replace the old ones (which skip themselves) and a cancellation drops them. A time already passed is skipped.
 */
async function scheduleReminders(tx: Queryable, queue: JobQueue, booking: Booking, offsets: number[], now: Date): Promise<void> {
  if (!LIVE.has(booking.status)) return;
  const start = new Date(booking.start_at);
  for (const offset of offsets) {
    const due = new Date(start.getTime() - offset * 60_000);
    if (due.getTime() <= now.getTime()) continue;
    const payload = { organization_id: booking.organization_id, booking_id: booking.id, offset_minutes: offset, start_at: start.toISOString() };
    await queue.enqueue(tx, 'booking-reminder', payload, { startAfter: due, singletonKey: reminderKey(payload) });
  }
}

const reminderKey = (p: { booking_id: string; offset_minutes: number; start_at: string }) => `reminder:${p.booking_id}:${p.offset_minutes}:${p.start_at}`;

/**
 * Which mail a change of a booking calls for (before: null for a new booking), if any, and queues it. Routes call
 * this with the booking as it was and as it is, inside the request's transaction.
 */
export async function notifyBookingChange(tx: Queryable, queue: JobQueue, before: Booking | null, after: Booking, ctx: BookingNoticeContext): Promise<void> {
  const event = changeEvent(before, after);
  if (event) await notifyBooking(tx, queue, { ...ctx, event, booking: after, ...(before ? { previousStartAt: before.start_at } : {}) });
}

function changeEvent(before: Booking | null, after: Booking): BookingEvent | null {
  if (!before) return after.status === 'confirmed' ? 'booking_confirmed' : after.status === 'pending' ? 'booking_created' : null;
  if (after.status === 'cancelled') return before.status === 'cancelled' ? null : 'booking_cancelled';
  if (before.status === 'pending' && after.status === 'confirmed') return 'booking_confirmed';
  const moved = new Date(before.start_at).getTime() !== new Date(after.start_at).getTime();
  return moved && LIVE.has(after.status) ? 'booking_rescheduled' : null;
}

/** What the reminder job reports. */
export type ReminderOutcome = 'queued' | 'already_sent' | 'booking_gone' | 'not_live' | 'moved';

/**
 * The reminder job's work, in the booking's organization: the mail is written only for a live booking that still
 * starts at the time the reminder was made for, and once (its delivery key), however often the job runs.
 */
export async function sendReminder(
  db: Database,
  queue: JobQueue,
  job: JobPayloads['booking-reminder'],
  ctx: Omit<BookingNoticeContext, 'manageToken'>,
): Promise<ReminderOutcome> {
  return withTenant(db, { organizationId: job.organization_id, userId: null }, async (tx) => {
    const booking = await getBooking(tx, job.booking_id).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    });
    if (!booking) return 'booking_gone';
    if (!LIVE.has(booking.status)) return 'not_live';
    if (new Date(booking.start_at).getTime() !== new Date(job.start_at).getTime()) return 'moved';
    const { rows } = await tx.query(sql.DELIVERY_BY_KEY, [reminderKey(job)]);
    if (rows[0]) return 'already_sent';
    await notifyBooking(tx, queue, { ...ctx, event: 'booking_reminder', booking, dedupeKey: reminderKey(job) });
    return 'queued';
  });
}
