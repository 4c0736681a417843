import { DateTime, FixedOffsetZone } from 'luxon';
import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { getBookableGame, getGame } from '../games/service.js';
import { getVenueRules } from '../venues/service.js';
import { gameRules } from '../bookings/slot.js';
import { computeSlots } from './engine.js';
import type { Availability, AvailabilityRequest } from './schemas.js';
import type { ExistingBooking } from './types.js';

/** Formats epoch ms with a fixed offset in minutes as RFC 3339 (the engine already resolved the zone). */
function rfc3339(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offsetMinutes) }).toISO({ suppressMilliseconds: true })!;
}

/**
 * Slots of a game at a venue between two venue-local dates: the pure engine fed with the venue's hours, the
 * game's rules and the live bookings that could touch those days.
 */
export async function getAvailability(tx: Queryable, gameId: string, req: AvailabilityRequest, now: Date): Promise<Availability> {
  let venueId = req.venue_id;
  if (!venueId) {
    const game = await getGame(tx, gameId);
    if (game.venue_ids.length !== 1) {
      const message = game.venue_ids.length ? 'This game runs at several venues; choose one' : 'This game is not offered at any venue yet';
      throw new AppError('validation_failed', message, { 'querystring.venue_id': 'required' });
    }
    venueId = game.venue_ids[0]!;
  }
  const venue = await getVenueRules(tx, venueId);
  const game = await getBookableGame(tx, gameId, venueId);
  const partySize = req.party_size ?? game.minPlayers;
  if (partySize > game.maxPlayers) {
    throw new AppError('validation_failed', `party_size must be at most ${game.maxPlayers}`, { 'querystring.party_size': `at most ${game.maxPlayers}` });
  }
  // Bookings that start up to a day before `from` (past-midnight ranges, long games) through the day after `to`,
  // narrowed to what can touch a slot at all (no slot starts before now nor after the booking horizon): a window
  // in year 1 or 9999 is valid input, but its instants are out of the database's range.
  const DAY_MS = 86_400_000;
  const windowStart = Math.max(DateTime.fromISO(req.from, { zone: venue.timezone }).minus({ days: 2 }).toMillis(), now.getTime() - DAY_MS);
  const windowEnd = Math.min(DateTime.fromISO(req.to, { zone: venue.timezone }).plus({ days: 3 }).toMillis(), now.getTime() + (game.maxAdvanceDays + 4) * DAY_MS);
  const { rows } =
    windowStart < windowEnd
      ? await tx.query<{ s: number; e: number; b: number; p: number }>(
          `select extract(epoch from start_at) * 1000 as s, extract(epoch from end_at) * 1000 as e,
                  extract(epoch from blocked_until) * 1000 as b, party_size as p
           from bookings where venue_id = $1 and game_id = $2 and status <> 'cancelled' and start_at < $4 and blocked_until > $3`,
          [venueId, gameId, new Date(windowStart), new Date(windowEnd)],
        )
      : { rows: [] };
  const bookings: ExistingBooking[] = rows.map((r) => ({ startMs: Number(r.s), endMs: Number(r.e), blockedUntilMs: Number(r.b), partySize: r.p }));
  const slots = game.active
    ? computeSlots({ venue, game: gameRules(game), fromDate: req.from, toDate: req.to, partySize, nowMs: now.getTime(), bookings })
    : [];
  return {
    game_id: gameId,
    venue_id: venueId,
    timezone: venue.timezone,
    party_size: partySize,
    slots: slots.map((s) => ({
      start_at: rfc3339(s.startMs, s.startOffsetMinutes),
      end_at: rfc3339(s.endMs, s.endOffsetMinutes),
      booking_date: s.bookingDate,
      start_time: s.startTime,
      end_time: s.endTime,
      available: s.available,
      remaining_capacity: s.remainingCapacity,
      price_cents: s.priceCents,
    })),
  };
}
