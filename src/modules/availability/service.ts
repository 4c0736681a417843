import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { getGame } from '../games/service.js';
import { offerQuery, type OfferRow, toOffer } from '../bookings/offer.js';
import { gameRules } from '../bookings/slot.js';
import { computeSlots } from './engine.js';
import { localIso } from './local-time.js';
import type { Availability, AvailabilityRequest } from './schemas.js';
import type { ExistingBooking } from './types.js';

/**
 * Live bookings of the game at the venue that could touch the requested days, as [start, end, blocked until,
 * party] in epoch ms: those starting up to two days before `from` (past-midnight ranges, long games) through three
 * days after `to` (venue-local days, resolved by PostgreSQL's time zone rules), narrowed to what can touch a slot at
 * all (no slot starts before now nor after the booking horizon). Dates are $3 and $4, now is $5.
 */
const LIVE_BOOKINGS = `(select coalesce(json_agg(json_build_array(extract(epoch from b.start_at) * 1000, extract(epoch from b.end_at) * 1000,
                                                  extract(epoch from b.blocked_until) * 1000, b.party_size)), '[]')
    from bookings b
   where b.venue_id = v.id and b.game_id = g.id and b.status <> 'cancelled'
     and b.start_at < least(($4::date + 3)::timestamp at time zone v.timezone, $5::timestamptz + (g.max_advance_days + 4) * interval '1 day')
     and b.blocked_until > greatest(($3::date - 2)::timestamp at time zone v.timezone, $5::timestamptz - interval '1 day')) as bookings`;

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
  // No slot starts before now, so dates before three days ago add nothing to the window; raising them to that
  // keeps year-0 input (valid for the schema, out of PostgreSQL's date range) out of the query. Both sides are
  // 'YYYY-MM-DD', which compare like the dates they name.
  const floor = new Date(now.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
  const { rows } = await tx.query<OfferRow & { bookings: [number, number, number, number][] }>(offerQuery(LIVE_BOOKINGS), [
    gameId,
    venueId,
    req.from < floor ? floor : req.from,
    req.to < floor ? floor : req.to,
    now,
  ]);
  const { venue, game } = toOffer(rows[0]);
  if (opts.activeOnly && !game.active) throw notFound('Game');
  const partySize = req.party_size ?? game.minPlayers;
  if (partySize > game.maxPlayers) {
    throw new AppError('validation_failed', `party_size must be at most ${game.maxPlayers}`, { 'querystring.party_size': `at most ${game.maxPlayers}` });
  }
  const bookings: ExistingBooking[] = rows[0]!.bookings.map(([s, e, b, p]) => ({ startMs: s, endMs: e, blockedUntilMs: b, partySize: p }));
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
