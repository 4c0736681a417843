import type { Closure, OpeningRange } from '../venues/types.js';
import type { BookableGame } from './schemas.js';

/**
 * A game as offered at one venue: what booking it or showing its slots needs, read in one statement (the venue's
 * rules, the game with the venue's price, the organization's currency).
 */
export interface Offer {
  venue: { id: string; name: string; timezone: string; operatingHours: OpeningRange[]; closures: Closure[] };
  game: BookableGame;
  currency: string;
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
}

/** A row of an offer statement (sql.offerStatement), before toOffer. */
export interface OfferRow {
  id: string;
  name: string;
  timezone: string;
  operating_hours: OpeningRange[];
  closures: Closure[];
  currency: string;
  game: BookableRow | null;
}
