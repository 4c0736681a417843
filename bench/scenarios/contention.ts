/**
 * (b) Contention: 1,000 booking attempts aimed at 50 hot slots, 32 at a time, for private games (one group a
 * slot) and shared games (seats until max_players). Counts what was created and then asks the database for
 * violations: overlapping live private bookings, or shared slots holding more than max_players. Must be 0.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../src/db/client.js';
import { createGames, freeSlots, shuffle, type Api, type SlotRef } from '../fixtures.js';
import { load } from '../load.js';

export const ATTEMPTS = 1000;
export const HOT_SLOTS = 50;
const SHARED_CAPACITY = 10;

export interface ContentionRun {
  mode: 'private' | 'shared';
  attempts: number;
  created: number;
  refused_409: number;
  other_statuses: Record<string, number>;
  seconds: number;
}

/** Fires the attempts at the hot slots (each slot hit ~20 times, in a shuffled order). */
export async function contention(a: Api, venueId: string, mode: 'private' | 'shared'): Promise<ContentionRun> {
  const games = await createGames(a, venueId, 5, { mode, maxPlayers: mode === 'shared' ? SHARED_CAPACITY : 6 });
  const hot: SlotRef[] = (await freeSlots(a, venueId, games, 2)).slice(0, HOT_SLOTS * 4).filter((_, i) => i % 4 === 0);
  const plan = shuffle(Array.from({ length: ATTEMPTS }, (_, i) => ({ slot: hot[i % hot.length]!, party: 1 + (i % 3) })), 7);
  let i = 0;
  const r = await load({
    url: a.url,
    connections: 32,
    amount: ATTEMPTS,
    next: () => {
      const p = plan[i++ % plan.length]!;
      const tag = randomBytes(5).toString('hex');
      return {
        method: 'POST',
        path: '/api/bookings',
        headers: { authorization: `Bearer ${a.token}` },
        body: { game_id: p.slot.gameId, venue_id: venueId, start_at: p.slot.startAt, party_size: p.party, customer: { full_name: `Rush ${tag}`, email: `rush-${tag}@example.test` } },
      };
    },
  });
  const { ['201']: created = 0, ['409']: refused = 0, ...other } = r.statuses;
  return { mode, attempts: r.requests, created, refused_409: refused, other_statuses: other, seconds: r.seconds };
}

/** Violations of the two booking invariants anywhere in the database, counted independently of the constraints. */
export async function countViolations(db: Queryable): Promise<{ private_overlaps: number; shared_overfull: number; seats_in_hot_shared: number }> {
  const overlaps = await db.query<{ n: number }>(
    `select count(*)::int as n from bookings a join bookings b
       on a.organization_id = b.organization_id and a.venue_id = b.venue_id and a.game_id = b.game_id and a.id < b.id
      where a.booking_mode = 'private' and b.booking_mode = 'private' and a.status <> 'cancelled' and b.status <> 'cancelled'
        and tstzrange(a.start_at, a.blocked_until) && tstzrange(b.start_at, b.blocked_until)`,
  );
  const overfull = await db.query<{ n: number; seats: number }>(
    `select count(*) filter (where s.seats > g.max_players)::int as n, coalesce(sum(s.seats), 0)::int as seats
       from (select organization_id, game_id, start_at, sum(party_size) as seats from bookings
              where booking_mode = 'shared' and status <> 'cancelled' group by 1, 2, 3) s
       join games g on g.organization_id = s.organization_id and g.id = s.game_id`,
  );
  return { private_overlaps: overlaps.rows[0]!.n, shared_overfull: overfull.rows[0]!.n, seats_in_hot_shared: overfull.rows[0]!.seats };
}
