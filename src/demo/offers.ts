/**
 * The demo's offers: each game at each venue where it runs, in the three shapes the seeder needs (the grid's
 * slot rules, the booking planner's prices and party sizes, and later the ids the rows point to). One list in one
 * order, so index i means the same game at the same venue in all three.
 */
import { DEMO_GAMES, DEMO_VENUES, demoClosures, yearsBetween, type DemoGame } from './catalog.js';
import type { PlanPair } from './booking-plan.js';
import type { GridPair } from './grid.js';

export interface DemoOffer {
  game: DemoGame;
  venueIndex: number;
}

/** Every game at every venue it is linked to. */
export const DEMO_OFFERS: readonly DemoOffer[] = DEMO_GAMES.flatMap((game) =>
  DEMO_VENUES.flatMap((v, venueIndex) => (game.venues.includes(v.key) ? [{ game, venueIndex }] : [])),
);

/** The venues' rules over a window of local days: holiday closures depend on the years it covers. */
export function venueRules(fromDay: number, toDay: number) {
  const years = yearsBetween(fromDay - 1, toDay + 1);
  return DEMO_VENUES.map((v) => ({ timezone: v.timezone, operatingHours: v.operatingHours, closures: demoClosures(v.key, years) }));
}

/** The offers as the booking planner sees them; the price is the venue's own where the game has one. */
export const planPairs = (): PlanPair[] =>
  DEMO_OFFERS.map(({ game: g, venueIndex }) => ({
    venueIndex,
    durationMinutes: g.durationMinutes,
    bufferMinutes: g.bufferMinutes,
    bookingMode: g.bookingMode,
    pricing: g.pricing,
    priceCents: g.venuePrices?.[DEMO_VENUES[venueIndex]!.key] ?? g.priceCents,
    party: g.party,
  }));

/** The offers as the availability engine sees them over a window of local days (see planGrid). */
export function gridPairs(plan: readonly PlanPair[], fromDay: number, toDay: number): GridPair[] {
  const venues = venueRules(fromDay, toDay);
  return DEMO_OFFERS.map(({ game: g, venueIndex }, i) => ({
    venue: venues[venueIndex]!,
    game: {
      durationMinutes: g.durationMinutes,
      bufferMinutes: g.bufferMinutes,
      slotIntervalMinutes: g.slotIntervalMinutes ?? g.durationMinutes + g.bufferMinutes,
      minNoticeMinutes: 0,
      maxAdvanceDays: 90,
      bookingMode: g.bookingMode,
      capacity: g.maxPlayers,
      priceCents: plan[i]!.priceCents,
      pricing: g.pricing,
    },
    placesPerSlot: g.bookingMode === 'private' ? 1 : Math.floor(g.maxPlayers / g.party[1]),
    popularity: g.popularity,
  }));
}
