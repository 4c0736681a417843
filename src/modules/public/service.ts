import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import type { Booking } from '../bookings/schemas.js';
import { bookingByManageToken, cancelBooking, getBooking, loadBookingRow } from '../bookings/service.js';
import type { StripeGateway } from '../payments/service.js';
import { getOrganization } from '../organizations/service.js';
import { notifyBookingChange } from '../notifications/service.js';
import type { JobQueue } from '../../queue/queue.js';
import { listPublicGames } from '../games/service.js';
import { enterEmbedKey, publicVenue } from '../venues/service.js';

/** Finds the venue behind an embed key and scopes the transaction to its organization; 404 for unknown keys. */
export async function enterVenue(tx: Queryable, embedKey: string): Promise<{ organizationId: string; venueId: string }> {
  const found = await enterEmbedKey(tx, embedKey);
  if (!found) throw notFound('Venue');
  return found;
}

/** The widget's first call: the venue, the organization's name, branding and policies, and its active games. */
export async function venueForWidget(tx: Queryable, venueId: string) {
  const [venue, organization, games] = [await publicVenue(tx, venueId), await getOrganization(tx), await listPublicGames(tx, venueId)];
  return {
    venue,
    organization: { name: organization.name, branding: organization.branding, currency: organization.currency, policies: organization.policies },
    games,
  };
}

/** The customer's view of a booking. */
export function toPublicBooking(b: Booking) {
  return {
    booking_number: b.booking_number,
    status: b.status,
    start_at: b.start_at,
    end_at: b.end_at,
    booking_date: b.booking_date,
    start_time: b.start_time,
    end_time: b.end_time,
    timezone: b.timezone,
    party_size: b.party_size,
    total_amount: b.total_amount,
    discount_amount: b.discount_amount,
    tax_amount: b.tax_amount,
    final_amount: b.final_amount,
    amount_paid: b.amount_paid,
    refund_amount: b.refund_amount,
    payment_status: b.payment_status,
    payment_due_by: b.payment_due_by,
    currency: b.currency,
    game: { id: b.game.id, name: b.game.name },
    venue: { id: b.venue.id, name: b.venue.name },
  };
}

/** The customer's own booking. */
export async function viewBooking(tx: Queryable, bookingNumber: string, token: string) {
  const id = await bookingByManageToken(tx, bookingNumber, token);
  return toPublicBooking(await getBooking(tx, id));
}

/** The customer cancels under the organization's policy (too late: 422 rule_violation). */
export async function cancelByCustomer(tx: Queryable, queue: JobQueue, bookingNumber: string, token: string, now: Date, gateway: StripeGateway | null, baseUrl: string) {
  const id = await bookingByManageToken(tx, bookingNumber, token);
  const row = await loadBookingRow(tx, id, true);
  // Even a policy that allows late cancellations means "before the start": a session that has begun (or is
  // over) is the staff's to settle, not something the customer can undo for a refund.
  if (row.status !== 'cancelled' && row.start_at.getTime() <= now.getTime()) {
    throw new AppError('rule_violation', 'The booking has already started and can no longer be cancelled online');
  }
  const before = await getBooking(tx, id);
  const after = await cancelBooking(tx, id, now, { enforceWindow: true }, { gateway, actorId: null });
  // The customer holds the token, so the mail's links may carry it again.
  await notifyBookingChange(tx, queue, before, after, { baseUrl, now, manageToken: token });
  return toPublicBooking(after);
}

/**
 * How a widget booking is paid under the organization's policy: online (Stripe configured and payment_mode
 * `required`, or `deposit` with deposit_percent), else at the venue (null).
 */
export async function checkoutFor(tx: Queryable, gateway: StripeGateway | null, holdMinutes: number, idempotencyKey: string | null) {
  const { policies } = await getOrganization(tx);
  if (!gateway || policies.payment_mode === 'none') return null;
  return { percent: policies.payment_mode === 'required' ? 100 : policies.deposit_percent, holdMinutes, idempotencyKey };
}
