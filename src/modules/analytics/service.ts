/**
 * Funnel analytics: the widget's steps as one row per session and step (migration 0019), and the funnel report
 * over a period of local dates (docs/reports.md "Funnel").
 */
import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { enterEmbedKey } from '../venues/service.js';
import { FUNNEL_STEPS, type EventBody, type FunnelReport } from './schemas.js';

// The game, when named, must be the organization's (RLS narrows `games` to it): another organization's id is
// 404 like an unknown one, never a foreign-key error. A repeat of (session, step) hits the unique key and
// inserts nothing, so `returning` tells a first event from a repeat.
const RECORD = `insert into analytics_events (organization_id, venue_id, game_id, session_id, type, occurred_at)
  select $1::uuid, $2::uuid, g.id, $4::text, $5::text, $6::timestamptz
    from (select $3::uuid as wanted) w left join games g on g.id = w.wanted
   where w.wanted is null or g.id is not null
  on conflict (organization_id, session_id, type) do nothing
  returning id`;
const GAME_EXISTS = `select 1 from games where id = $1::uuid`;

/**
 * Records a widget step; true when it was new, false for a repeat of the session's step. Throws 404 for an
 * unknown embed key or game. The transaction enters the key's organization, so RLS applies to the insert.
 */
export async function recordEvent(tx: Queryable, body: EventBody, now: Date): Promise<{ organizationId: string; recorded: boolean }> {
  const venue = await enterEmbedKey(tx, body.embed_key);
  if (!venue) throw notFound('Venue');
  const { rows } = await tx.query(RECORD, [venue.organizationId, venue.venueId, body.game_id ?? null, body.session_id, body.type, now]);
  if (rows.length === 0 && body.game_id && (await tx.query(GAME_EXISTS, [body.game_id])).rows.length === 0) throw notFound('Game');
  return { organizationId: venue.organizationId, recorded: rows.length > 0 };
}

/** A period as the reports module hands it: local dates, their instants, the zone and the venue in scope. */
export interface FunnelPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
  zone: string;
  venueId: string | null;
}

const COUNTS = `select type, count(*)::int as sessions
  from analytics_events
 where occurred_at >= $1 and occurred_at < $2 and ($3::uuid is null or venue_id = $3::uuid) and ($4::uuid is null or game_id = $4::uuid)
 group by type`;

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/** GET /api/reports/funnel: sessions per step in [from, to] (local dates), conversion step by step and overall. */
export async function funnelReport(tx: Queryable, p: FunnelPeriod, gameId: string | undefined): Promise<FunnelReport> {
  const { rows } = await tx.query<{ type: string; sessions: number }>(COUNTS, [p.start, p.end, p.venueId, gameId ?? null]);
  const count = new Map(rows.map((r) => [r.type, r.sessions]));
  const sessions = FUNNEL_STEPS.map((t) => count.get(t) ?? 0);
  return {
    from: p.from,
    to: p.to,
    timezone: p.zone,
    steps: FUNNEL_STEPS.map((type, i) => ({ type, sessions: sessions[i]!, conversion_rate: i === 0 ? null : ratio(sessions[i]!, sessions[i - 1]!) })),
    overall_conversion_rate: ratio(sessions[3]!, sessions[0]!),
  };
}
