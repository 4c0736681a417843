import type { PriceRule } from '../../pricing/quote.js';
/**
 * Inputs and outputs of the availability engine. The engine is pure: everything it needs arrives here,
 * including the clock (`now`), so tests can freeze time and property-test any zone.
 */

import type { Closure, OpeningRange } from '../venues/types.js';

export type { Closure, OpeningRange } from '../venues/types.js';

export interface VenueRules {
  timezone: string; // IANA name, already validated
  operatingHours: OpeningRange[];
  closures: Closure[];
}

export interface GameRules {
  durationMinutes: number;
  bufferMinutes: number;
  /** Step between slot starts in local wall-clock minutes from each range's opening. */
  slotIntervalMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  bookingMode: 'private' | 'shared';
  /** Seats per slot in shared mode (max_players); ignored in private mode. */
  capacity: number;
  priceCents: number;
  pricing: 'per_player' | 'flat';
  /** Venue-local price windows; the first match replaces priceCents for a slot. */
  priceRules?: readonly PriceRule[];
}

/** An existing, non-cancelled booking of the same game at the same venue. Instants in epoch milliseconds. */
export interface ExistingBooking {
  startMs: number;
  endMs: number;
  /** End of the turnover buffer: the booking blocks [startMs, blockedUntilMs). */
  blockedUntilMs: number;
  partySize: number;
}

export interface AvailabilityQuery {
  venue: VenueRules;
  game: GameRules;
  /** Venue-local dates, inclusive. A slot belongs to the local calendar date of its start. */
  fromDate: string;
  toDate: string;
  partySize: number;
  /** Epoch milliseconds; the engine never reads the clock. */
  nowMs: number;
  /** Need not be sorted. */
  bookings: ExistingBooking[];
}

export interface Slot {
  startMs: number;
  endMs: number;
  /** Venue-local calendar date and wall times of start and end. */
  bookingDate: string; // YYYY-MM-DD
  startTime: string; // HH:MM
  endTime: string; // HH:MM
  /** Venue-local calendar date of the end (the next day for a slot that runs past midnight). */
  endDate: string; // YYYY-MM-DD
  /** UTC offset of the start in minutes, so callers can render RFC 3339 with the venue's offset. */
  startOffsetMinutes: number;
  endOffsetMinutes: number;
  available: boolean;
  remainingCapacity: number;
  /** Price for the requested party size. */
  priceCents: number;
}
