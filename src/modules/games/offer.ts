import { notFound } from '../../http/errors.js';
import type { BookableGame } from './schemas.js';
import type { BookableRow, Offer, OfferRow } from './types.js';

/** The engine-facing view of a bookable game row. */
export const toBookableGame = (r: BookableRow): BookableGame => ({
  id: r.id,
  name: r.name,
  durationMinutes: r.duration_minutes,
  bufferMinutes: r.buffer_minutes,
  minPlayers: r.min_players,
  maxPlayers: r.max_players,
  bookingMode: r.booking_mode,
  pricing: r.pricing,
  priceCents: r.price_cents,
  priceRules: r.price_rules,
  minNoticeMinutes: r.min_notice_minutes,
  maxAdvanceDays: r.max_advance_days,
  slotIntervalMinutes: r.slot_interval_minutes,
  active: r.active,
});

/** Turns an offer row into an Offer: notFound('Venue') without a row (missing, archived, another tenant's), notFound('Game') without the game. */
export function toOffer(row: OfferRow | undefined): Offer {
  if (!row) throw notFound('Venue');
  if (!row.game) throw notFound('Game');
  return {
    venue: { id: row.id, name: row.name, timezone: row.timezone, operatingHours: row.operating_hours, closures: row.closures },
    game: toBookableGame(row.game),
    currency: row.currency.trim(),
    tax: { rateBps: row.tax_rate_bps, inclusive: row.tax_inclusive },
  };
}
