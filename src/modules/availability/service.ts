import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { localIso } from '../../time/local-time.js';
import { getGame, toOffer, type OfferRow } from '../games/service.js';
import type { AvailabilityCache } from './cache.js';
import { computeSlots } from './engine.js';
import { gameRules } from './placement.js';
import type { Availability, AvailabilityRequest } from './schemas.js';
import { AVAILABILITY } from './sql.js';
import type { ExistingBooking } from './types.js';

// Where a booking may start: the bookings module checks a request here before it writes.
export { assertPartySize, placeBooking, requestedStart, type PlacedSlot } from './placement.js';
export { availabilityCacheFor } from './cache.js';
// The pure engine, for callers that lay out slots themselves (the demo seeder puts its bookings on real slots).
export { computeSlots } from './engine.js';

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
    now,
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

/** What a caller asks availability for; `embedKey` makes it the widget's question (active games, the key's venue). */
export interface AvailabilityAsk {
  gameId: string;
  query: AvailabilityRequest;
  embedKey?: string;
}

/** Opens the request's tenant transaction (request.tenant). */
export type InTenant = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/**
 * Availability as both routes answer it, through the app's cache (AVAILABILITY_CACHE_MS): `enter` runs first in the
 * tenant transaction and names the organization (and, for the widget, the venue) the request is in. The widget's
 * answers are keyed by its embed key, so a hit needs no database at all; any write of the organization (a rotated
 * key, an archived venue, a booking) retires the answers computed before it. Staff answers are keyed by their
 * organization, known once the session is checked inside the transaction.
 */
export async function cachedAvailability(
  cache: AvailabilityCache,
  ask: AvailabilityAsk,
  now: Date,
  inTenant: InTenant,
  enter: (tx: Queryable) => Promise<{ organizationId: string; venueId?: string }>,
): Promise<Availability> {
  const { gameId, query, embedKey } = ask;
  const widgetKey = embedKey === undefined ? null : JSON.stringify(['widget', embedKey, gameId, query.from, query.to, query.party_size ?? null]);
  const hit = widgetKey && cache.get(widgetKey, now.getTime());
  if (hit) return hit;
  return inTenant(async (tx) => {
    const { organizationId, venueId } = await enter(tx);
    const key = widgetKey ?? JSON.stringify(['staff', organizationId, gameId, query.venue_id ?? null, query.from, query.to, query.party_size ?? null]);
    const request = venueId ? { ...query, venue_id: venueId } : query;
    return cache.through(key, organizationId, now.getTime(), () => getAvailability(tx, gameId, request, now, { activeOnly: widgetKey !== null }));
  });
}
