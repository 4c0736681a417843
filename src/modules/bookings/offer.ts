import { prepared, type Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { Closure, OpeningRange } from '../availability/types.js';
import { type BookableGame, type BookableRow, toBookableGame } from '../games/service.js';
import { BOOKABLE_GAME } from '../games/sql.js';

/** What a booking of a game at a venue is made of: the venue's rules, the game as offered there, the currency. */
export interface Offer {
  venue: { id: string; name: string; timezone: string; operatingHours: OpeningRange[]; closures: Closure[] };
  game: BookableGame;
  currency: string;
}

export interface OfferRow {
  id: string;
  name: string;
  timezone: string;
  operating_hours: OpeningRange[];
  closures: Closure[];
  currency: string;
  game: BookableRow | null;
}

/**
 * The offer as one statement (the venue, its organization and BOOKABLE_GAME as a lateral row): every request that
 * books or shows slots needs all three, and each separate statement would cost a round trip. `extraColumns` may
 * add columns that use `v` (venue), `g` (game) and parameters from $3 on.
 */
export function offerQuery(extraColumns = ''): string {
  return `select v.id, v.name, v.timezone, v.operating_hours, v.closures, o.currency, row_to_json(g) as game${extraColumns ? `, ${extraColumns}` : ''}
    from venues v
    join organizations o on o.id = v.organization_id
    left join lateral (${BOOKABLE_GAME}) g on true
   where v.id = $2 and v.archived_at is null`;
}

/** Turns an offerQuery row into an Offer: notFound('Venue') without a row (missing, archived, another tenant's), notFound('Game') without the game. */
export function toOffer(row: OfferRow | undefined): Offer {
  if (!row) throw notFound('Venue');
  if (!row.game) throw notFound('Game');
  return {
    venue: { id: row.id, name: row.name, timezone: row.timezone, operatingHours: row.operating_hours, closures: row.closures },
    game: toBookableGame(row.game),
    currency: row.currency.trim(),
  };
}

const OFFER = prepared('offer', offerQuery());

/** The offer of a game at a live venue (venue checked first, as the API promises: an unknown venue is a 404 Venue). */
export async function getOffer(tx: Queryable, gameId: string, venueId: string): Promise<Offer> {
  const { rows } = await tx.query<OfferRow>(OFFER, [gameId, venueId]);
  return toOffer(rows[0]);
}
