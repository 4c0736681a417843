import type { Closure, OpeningRange } from '../venues/types.js';
import type { PriceRule } from '../../pricing/quote.js';
import type { BookableGame } from './schemas.js';

/**
 * A game as offered at one venue: what booking it or showing its slots needs, read in one statement (the venue's
 * rules, the game with the venue's price, the organization's currency).
 */
export interface Offer {
  venue: { id: string; name: string; timezone: string; operatingHours: OpeningRange[]; closures: Closure[] };
  game: BookableGame;
  currency: string;
  /** The organization's tax (basis points; inclusive = prices already contain it). */
  tax: { rateBps: number; inclusive: boolean };
}

/** A row of sql.BOOKABLE_GAME, as the driver or json returns it. */
export interface BookableRow {
  id: string;
  name: string;
  duration_minutes: number;
  buffer_minutes: number;
  min_players: number;
  max_players: number;
  booking_mode: 'private' | 'shared';
  pricing: 'per_player' | 'flat';
  price_cents: number;
  min_notice_minutes: number;
  max_advance_days: number;
  slot_interval_minutes: number;
  active: boolean;
  price_rules: PriceRule[];
}

/** A row of an offer statement (sql.offerStatement), before toOffer. */
export interface OfferRow {
  id: string;
  name: string;
  timezone: string;
  operating_hours: OpeningRange[];
  closures: Closure[];
  currency: string;
  tax_rate_bps: number;
  tax_inclusive: boolean;
  game: BookableRow | null;
}
