import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { markEntered } from '../../db/tenant.js';
import { hashToken } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { placeBooking } from '../availability/service.js';
import { getOffer } from '../games/service.js';
import type { StripeGateway } from '../payments/service.js';
import { settleSwept } from './money.js';
import { newBookingNumber } from './number.js';
import { quoteColumns, quoteSlot } from './pricing.js';
import * as sql from './sql.js';

/**
 * Checkout holds (docs/money.md). A hold is a bookings row in status `held`, without a customer: it blocks its slot
 * through the rules that block bookings, and stops blocking when it expires, the moment any writer of the room
 * sweeps it (app_claim_slot, migration 0014), no job needed. Taking it is a booking write that deletes it under
 * the room's lock first, so no one can slip in between.
 */

export interface Hold {
  hold_id: string;
  token: string;
  expires_at: string;
}

/** Holds a slot for `holdMinutes` (409 slot_unavailable when taken, by a booking or a live hold). */
export async function createHold(
  tx: Queryable,
  input: { game_id: string; venue_id: string; start_at: string; party_size: number },
  now: Date,
  holdMinutes: number,
): Promise<Hold> {
  const offer = await getOffer(tx, input.game_id, input.venue_id);
  if (!offer.game.active) throw notFound('Game');
  const placed = placeBooking(offer.venue, offer.game, Date.parse(input.start_at), input.party_size, now, true);
  const amounts = quoteColumns(quoteSlot(offer, placed.start.getTime(), input.party_size), offer.tax, null);
  const token = randomBytes(24).toString('base64url');
  const expires = new Date(now.getTime() + holdMinutes * 60_000);
  for (;;) {
    const { rows } = await tx.query<{ slot_free: boolean; id: string | null }>(sql.INSERT_HOLD, [
      newBookingNumber(), offer.game.id, offer.venue.id, placed.start, placed.end, placed.blockedUntil, placed.bookingDate,
      offer.game.bookingMode, input.party_size, offer.game.maxPlayers, amounts.total_amount, hashToken(token), now,
      amounts.tax_amount, amounts.tax_inclusive, amounts.final_amount, offer.currency, expires,
    ]);
    const answer = rows[0]!;
    if (!answer.slot_free) throw new AppError('slot_unavailable', 'That time is no longer available');
    if (answer.id) return { hold_id: answer.id, token, expires_at: expires.toISOString() };
  }
}

/** The hold an id and token name, pointing the transaction at its organization; 404 otherwise (same work either way). */
export async function enterHold(tx: Queryable, holdId: string, token: string): Promise<string> {
  const { rows } = await tx.query<{ organization_id: string; hold_id: string }>(sql.ENTER_HOLD, [holdId, hashToken(token)]);
  if (!rows[0]) throw notFound('Hold');
  markEntered(tx, rows[0].organization_id);
  return rows[0].hold_id;
}

/** Releases a hold: the slot is free at once. */
export async function releaseHold(tx: Queryable, holdId: string): Promise<void> {
  await tx.query(sql.DELETE_HOLD, [holdId]);
}

/**
 * Before a booking write that names a hold: if the caller's hold still exists (live, or expired but not yet swept
 * by anyone, so the slot is still theirs), it must be for this slot, and it is deleted under the room's lock so
 * the write that follows takes its place. Answers whether it was found; when it was not, the write goes ahead and
 * a taken slot answers 409 hold_expired.
 */
export async function takeHold(
  tx: Queryable,
  hold: { id: string; token: string },
  slot: { gameId: string; venueId: string; start: Date },
): Promise<boolean> {
  await tx.query(sql.LOCK_ROOM, [slot.venueId, slot.gameId]);
  const { rows } = await tx.query<{ game_id: string; venue_id: string; start_at: Date }>(sql.TAKE_HOLD, [hold.id, hashToken(hold.token)]);
  const held = rows[0];
  if (!held) return false;
  if (held.game_id !== slot.gameId || held.venue_id !== slot.venueId || held.start_at.getTime() !== slot.start.getTime()) {
    throw new AppError('rule_violation', 'The hold is for another game or time', { 'body.hold_id': 'holds another slot' });
  }
  return true;
}

/**
 * Tidies an organization's expired holds and unpaid checkouts (the tidy-up job): each room in turn is claimed
 * as a writer would claim it, which sweeps what expired there, and the swept bookings' money goes back. Answers
 * how many rows it looked at.
 */
export async function sweepExpiredCheckouts(tx: Queryable, now: Date, gateway: StripeGateway | null, limit = 200): Promise<number> {
  const { rows } = await tx.query<{ id: string; venue_id: string; game_id: string; start_at: Date; blocked_until: Date }>(sql.EXPIRED_CHECKOUTS, [now, limit]);
  for (const r of rows) {
    const claimed = await tx.query<{ swept: string[] }>(sql.CLAIM_ROOM, [r.venue_id, r.game_id, r.start_at, r.blocked_until, now, null]);
    if (claimed.rows[0]!.swept.length) await settleSwept(tx, claimed.rows[0]!.swept, gateway);
  }
  return rows.length;
}

/** The organizations that have expired checkouts, for the tidy-up job (a platform read). */
export async function organizationsWithExpiredCheckouts(q: Queryable, now: Date, limit = 100): Promise<string[]> {
  const { rows } = await q.query<{ organization_id: string }>(sql.ORGS_WITH_EXPIRED_CHECKOUTS, [now, limit]);
  return rows.map((r) => r.organization_id);
}
