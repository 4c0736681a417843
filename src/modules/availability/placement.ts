/**
 * Where a requested booking sits on the slot grid: the availability engine's rules applied to one start. The
 * bookings module asks here before it writes, so that a booking can only ever be made on a slot this module
 * would show; other bookings are the database's to check, atomically with the write.
 */
import { DateTime } from 'luxon';
import { AppError } from '../../http/errors.js';
import { localDateTimeToInstants } from '../../time/local-time.js';
import type { BookableGame } from '../games/service.js';
import { computeSlots } from './engine.js';
import type { GameRules, VenueRules } from './types.js';

/** Where a booking sits in time once its requested start is checked against the venue's rules. */
export interface PlacedSlot {
  start: Date;
  end: Date;
  blockedUntil: Date;
  bookingDate: string;
}

/** The engine's view of a game. */
export function gameRules(g: BookableGame, minNoticeMinutes = g.minNoticeMinutes): GameRules {
  return {
    durationMinutes: g.durationMinutes,
    bufferMinutes: g.bufferMinutes,
    slotIntervalMinutes: g.slotIntervalMinutes,
    minNoticeMinutes,
    maxAdvanceDays: g.maxAdvanceDays,
    bookingMode: g.bookingMode,
    capacity: g.maxPlayers,
    priceCents: g.priceCents,
    pricing: g.pricing,
    priceRules: g.priceRules,
  };
}

/** The instant a request names: `start_at`, or a venue-local date and wall time (which must exist exactly once). */
export function requestedStart(req: { start_at?: string | undefined; booking_date?: string | undefined; start_time?: string | undefined }, zone: string): number {
  if (req.start_at) return Date.parse(req.start_at);
  const instants = localDateTimeToInstants(req.booking_date!, req.start_time!, zone);
  if (instants.length === 0) {
    throw new AppError('rule_violation', `${req.booking_date} ${req.start_time} does not exist in ${zone} (the clocks skip it)`);
  }
  if (instants.length > 1) {
    throw new AppError('rule_violation', `${req.booking_date} ${req.start_time} happens twice in ${zone}; send start_at with its offset`);
  }
  return instants[0]!;
}

/** A party must fit the game's player range. */
export function assertPartySize(game: Pick<BookableGame, 'minPlayers' | 'maxPlayers'>, partySize: number): void {
  if (partySize < game.minPlayers || partySize > game.maxPlayers) {
    throw new AppError('rule_violation', `party_size must be between ${game.minPlayers} and ${game.maxPlayers} for this game`, {
      party_size: `between ${game.minPlayers} and ${game.maxPlayers}`,
    });
  }
}

/**
 * Checks that a start is one of the slots the availability engine offers for that venue-local date (inside
 * opening hours, on the grid, within notice and advance limits), ignoring other bookings: the database decides
 * about those atomically. Staff booking at the desk skip the minimum notice (`enforceNotice: false`).
 */
export function placeBooking(
  venue: VenueRules,
  game: BookableGame,
  startMs: number,
  partySize: number,
  now: Date,
  enforceNotice: boolean,
): PlacedSlot {
  assertPartySize(game, partySize);
  if (startMs < now.getTime()) throw new AppError('rule_violation', 'That start time is in the past');
  const date = DateTime.fromMillis(startMs, { zone: venue.timezone }).toISODate()!;
  const slots = computeSlots({
    venue,
    game: gameRules(game, enforceNotice ? game.minNoticeMinutes : 0),
    fromDate: date,
    toDate: date,
    partySize,
    nowMs: now.getTime(),
    bookings: [],
  });
  const slot = slots.find((s) => s.startMs === startMs);
  if (!slot) {
    throw new AppError('rule_violation', 'That start is not a bookable slot: outside opening hours, off the slot grid, too soon or too far ahead');
  }
  return {
    start: new Date(slot.startMs),
    end: new Date(slot.endMs),
    blockedUntil: new Date(slot.endMs + game.bufferMinutes * 60_000),
    bookingDate: slot.bookingDate,
  };
}
