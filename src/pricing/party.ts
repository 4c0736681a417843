/**
 * Prices in integer minor units (pure: no I/O). The one place that says what a party pays for a game and how a
 * percentage of an amount is rounded, shared by the availability engine (a slot's price), the bookings rules
 * (a booking's amounts and refunds) and the demo seeder.
 */

/** How a game is priced: `per_player` scales with the party, `flat` does not. */
export interface PartyPricing {
  pricing: 'per_player' | 'flat';
  priceCents: number;
}

/** Price for a party: per_player scales with the party, flat does not. */
export function priceFor(game: PartyPricing, partySize: number): number {
  return game.pricing === 'per_player' ? game.priceCents * partySize : game.priceCents;
}

/** `percent` % of `amount` minor units, rounded half away from zero to a whole minor unit. */
export function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}
