import { prepared, type Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { getGame } from '../games/service.js';
import { offerQuery, type OfferRow, toOffer } from '../bookings/offer.js';
import { gameRules } from '../bookings/slot.js';
import { computeSlots } from './engine.js';
import { localIso } from '../../time/local-time.js';
import type { Availability, AvailabilityRequest } from './schemas.js';
import type { ExistingBooking } from './types.js';

/**
 * Live bookings of the game at the venue that could touch the requested days, as [start, end, blocked until,
 * party] in epoch seconds (date_part's float: several times cheaper to build than extract's numeric). $3-$5 come
 * from `bookingWindow`: those blocking the room after $3 and starting before $4. A booking blocks its room for at
 * most two days (constraint bookings_span_check), so it also starts after $5 ($3 minus two days): with both bounds
 * on start_at the look-up reads one range of bookings_room_start_idx, from the index alone, instead of the room's
 * whole history. The bounds are parameters, not expressions of the venue's time zone, because under row-level
 * security PostgreSQL puts a condition into an index scan only when all of it is leakproof.
 */
const LIVE_BOOKINGS = `(select coalesce(json_agg(json_build_array(date_part('epoch', b.start_at), date_part('epoch', b.end_at),
                                                  date_part('epoch', b.blocked_until), b.party_size)), '[]')
    from bookings b
   where b.venue_id = v.id and b.game_id = g.id and b.status <> 'cancelled'
     and b.start_at > $5::timestamptz and b.start_at < $4::timestamptz and b.blocked_until > $3::timestamptz) as bookings`;

const AVAILABILITY = prepared('availability', offerQuery(LIVE_BOOKINGS));

const DAY_MS = 86_400_000;

/**
 * Instants that bracket every booking that can touch a slot of the venue-local dates `from`..`to`, in any time zone
 * (UTC offsets lie within -12 h..+14 h): the engine looks at bookings blocking the room from two local days before
 * `from` (or a day before now, as no slot starts in the past) to three local days after `to`, and no slot starts
 * beyond the longest booking horizon (730 days). A wider window than needed only hands the engine bookings it
 * skips.
 */
export function bookingWindow(from: string, to: string, nowMs: number): { after: Date; before: Date; startsAfter: Date } {
  const after = Math.max(Date.parse(from) - 3 * DAY_MS, nowMs - DAY_MS);
  const before = Math.min(Date.parse(to) + 4 * DAY_MS, nowMs + 735 * DAY_MS);
  return { after: new Date(after), before: new Date(Math.max(before, after)), startsAfter: new Date(after - 2 * DAY_MS) };
}

/**
 * Slots of a game at a venue between two venue-local dates: the pure engine fed with the venue's hours, the
 * game's rules and the live bookings that could touch those days, all read in one statement.
 */
export async function getAvailability(
  tx: Queryable,
  gameId: string,
  req: AvailabilityRequest,
  now: Date,
  opts: { activeOnly?: boolean } = {},
): Promise<Availability> {
  let venueId = req.venue_id;
  if (!venueId) {
    const game = await getGame(tx, gameId);
    if (game.venue_ids.length !== 1) {
      const message = game.venue_ids.length ? 'This game runs at several venues; choose one' : 'This game is not offered at any venue yet';
      throw new AppError('validation_failed', message, { 'querystring.venue_id': 'required' });
    }
    venueId = game.venue_ids[0]!;
  }
  const window = bookingWindow(req.from, req.to, now.getTime());
  const { rows } = await tx.query<OfferRow & { bookings: [number, number, number, number][] }>(AVAILABILITY, [
    gameId,
    venueId,
    window.after,
    window.before,
    window.startsAfter,
  ]);
  const { venue, game } = toOffer(rows[0]);
  if (opts.activeOnly && !game.active) throw notFound('Game');
  const partySize = req.party_size ?? game.minPlayers;
  if (partySize > game.maxPlayers) {
    throw new AppError('validation_failed', `party_size must be at most ${game.maxPlayers}`, { 'querystring.party_size': `at most ${game.maxPlayers}` });
  }
  const bookings: ExistingBooking[] = rows[0]!.bookings.map(([s, e, b, p]) => ({
    startMs: Math.round(s * 1000),
    endMs: Math.round(e * 1000),
    blockedUntilMs: Math.round(b * 1000),
    partySize: p,
  }));
  const slots = game.active
    ? computeSlots({ venue, game: gameRules(game), fromDate: req.from, toDate: req.to, partySize, nowMs: now.getTime(), bookings })
    : [];
  return {
    game_id: gameId,
    venue_id: venueId,
    timezone: venue.timezone,
    party_size: partySize,
    slots: slots.map((s) => ({
      start_at: localIso(s.bookingDate, s.startTime, s.startOffsetMinutes),
      end_at: localIso(s.endDate, s.endTime, s.endOffsetMinutes),
      booking_date: s.bookingDate,
      start_time: s.startTime,
      end_time: s.endTime,
      available: s.available,
      remaining_capacity: s.remainingCapacity,
      price_cents: s.priceCents,
    })),
  };
}
export { computeSlots } from './engine.js';
