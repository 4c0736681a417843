import { prepared, type Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { CreateGame, Game, PublicGame, UpdateGame } from './schemas.js';
import { toOffer } from './offer.js';
import * as sql from './sql.js';
import type { Offer, OfferRow } from './types.js';

export type { BookableGame, Game, PublicGame } from './schemas.js';
export type { Offer, OfferRow } from './types.js';

type GameRow = Omit<Game, 'archived_at' | 'created_at' | 'updated_at'> & { archived_at: Date | null; created_at: Date; updated_at: Date };

const toGame = (r: GameRow): Game => ({
  ...r,
  archived_at: r.archived_at?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

// Same values as the column defaults of the games table; spelled out because one INSERT serves every input.
const DEFAULTS = {
  description: '',
  buffer_minutes: 0,
  min_players: 1,
  booking_mode: 'private',
  pricing: 'per_player',
  min_notice_minutes: 60,
  max_advance_days: 90,
  active: true,
} as const;

const invalid = (message: string, fields: Record<string, string>) => new AppError('validation_failed', message, fields);

/** The organization's games, filtered and paginated; archived ones only when asked for. */
export async function listGames(
  tx: Queryable,
  filter: { q?: string | undefined; venueId?: string | undefined; active?: boolean | undefined; includeArchived?: boolean | undefined },
  page: Pagination,
) {
  const params = [filter.q || null, filter.venueId ?? null, filter.active ?? null, filter.includeArchived ?? false];
  return fetchPage(
    tx,
    {
      page: (limit, offset) => `${sql.SELECT_GAME} where ${sql.LIST_WHERE} order by lower(g.name), g.id limit ${limit} offset ${offset}`,
      count: `games g where ${sql.LIST_WHERE}`,
    },
    params,
    page,
    toGame,
  );
}

/** One game in API shape, archived ones included (old bookings still show their game); throws notFound('Game'). */
export async function getGame(tx: Queryable, id: string): Promise<Game> {
  const { rows } = await tx.query<GameRow>(`${sql.SELECT_GAME} where g.id = $1`, [id]);
  if (!rows[0]) throw notFound('Game');
  return toGame(rows[0]);
}

/**
 * Replaces the venue links (overrides of venues still linked survive) and, when given, all venue prices.
 * Unknown, archived and other tenants' venues get one and the same answer, so ids of other tenants leak nothing.
 */
async function setVenues(tx: Queryable, gameId: string, venueIds?: string[], venuePrices?: { venue_id: string; price_cents: number }[]) {
  if (venueIds) {
    const live = new Set((await tx.query<{ id: string }>(sql.LIVE_VENUES, [venueIds])).rows.map((r) => r.id));
    const bad = venueIds.findIndex((id) => !live.has(id));
    if (bad >= 0) {
      throw invalid('A venue does not exist or is archived', { 'body.venue_ids': `venue ${venueIds[bad]} does not exist or is archived` });
    }
    await tx.query(sql.UNLINK_OTHER_VENUES, [gameId, venueIds]);
    await tx.query(sql.LINK_VENUES, [gameId, venueIds]);
  }
  if (venuePrices) {
    const linked = new Set((await tx.query<{ venue_id: string }>(sql.LINKED_LIVE_VENUES, [gameId])).rows.map((r) => r.venue_id));
    const bad = venuePrices.findIndex((p) => !linked.has(p.venue_id));
    if (bad >= 0) {
      throw invalid('A venue price names a venue the game is not offered at', { [`body.venue_prices.${bad}.venue_id`]: 'must be one of the game’s venue_ids' });
    }
    await tx.query(sql.SET_VENUE_PRICES, [gameId, JSON.stringify(Object.fromEntries(venuePrices.map((p) => [p.venue_id, p.price_cents])))]);
  }
}

/** Creates a game of the current organization and links it to its venues. */
export async function createGame(tx: Queryable, input: CreateGame): Promise<Game> {
  const g = { ...DEFAULTS, ...input };
  if (g.min_players > g.max_players) throw invalid('min_players exceeds max_players', { 'body.min_players': `must not exceed max_players (${g.max_players})` });
  const { rows } = await tx.query<{ id: string }>(sql.INSERT_GAME, [
    g.name,
    g.description,
    g.duration_minutes,
    g.buffer_minutes,
    g.min_players,
    g.max_players,
    g.booking_mode,
    g.pricing,
    g.price_cents,
    g.min_notice_minutes,
    g.max_advance_days,
    g.slot_interval_minutes ?? null,
    g.active,
    JSON.stringify(g.price_rules ?? []),
  ]);
  const id = rows[0]!.id;
  await setVenues(tx, id, g.venue_ids ?? [], g.venue_prices);
  return getGame(tx, id);
}

/** Changes the given fields; venue_ids replaces the links, venue_prices replaces the overrides. 422 when archived. */
export async function updateGame(tx: Queryable, id: string, input: UpdateGame): Promise<Game> {
  const { rows } = await tx.query<{ min_players: number; max_players: number; archived: boolean }>(sql.LOCK_GAME, [id]);
  const current = rows[0];
  if (!current) throw notFound('Game');
  if (current.archived) throw new AppError('rule_violation', 'The game is archived and can no longer be changed');
  const min = input.min_players ?? current.min_players;
  const max = input.max_players ?? current.max_players;
  if (min > max) {
    throw invalid('min_players exceeds max_players', input.min_players !== undefined ? { 'body.min_players': `must not exceed max_players (${max})` } : { 'body.max_players': `must be at least min_players (${min})` });
  }
  await tx.query(sql.UPDATE_GAME, [
    id,
    input.name ?? null,
    input.description ?? null,
    input.duration_minutes ?? null,
    input.buffer_minutes ?? null,
    input.min_players ?? null,
    input.max_players ?? null,
    input.booking_mode ?? null,
    input.pricing ?? null,
    input.price_cents ?? null,
    input.min_notice_minutes ?? null,
    input.max_advance_days ?? null,
    input.slot_interval_minutes !== undefined,
    input.slot_interval_minutes ?? null,
    input.active ?? null,
    input.price_rules ? JSON.stringify(input.price_rules) : null,
  ]);
  await setVenues(tx, id, input.venue_ids, input.venue_prices);
  return getGame(tx, id);
}

/** Archives (inactive, hidden from lists) and keeps the row, so existing bookings stay valid; idempotent. */
export async function archiveGame(tx: Queryable, id: string): Promise<Game> {
  const { rows } = await tx.query<{ id: string }>(sql.ARCHIVE_GAME, [id]);
  if (!rows[0]) throw notFound('Game');
  return getGame(tx, id);
}

const OFFER = prepared('offer', sql.offerStatement());

/** The offer of a game at a live venue (venue checked first, as the API promises: an unknown venue is a 404 Venue). */
export async function getOffer(tx: Queryable, gameId: string, venueId: string): Promise<Offer> {
  const { rows } = await tx.query<OfferRow>(OFFER, [gameId, venueId]);
  return toOffer(rows[0]);
}

// The offer as a statement part, for a module that reads it together with its own data in one round trip
// (availability), and the function that reads its rows.
export { offerStatement } from './sql.js';
export { toOffer } from './offer.js';

/** Active, non-archived games offered at the venue, in the public shape with the venue's effective price. */
export async function listPublicGames(tx: Queryable, venueId: string): Promise<PublicGame[]> {
  const { rows } = await tx.query<PublicGame>(sql.PUBLIC_GAMES, [venueId]);
  return rows;
}
