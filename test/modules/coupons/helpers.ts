import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database, Queryable } from '../../../src/db/client.js';
import { withTenant } from '../../../src/db/tenant.js';
import { call } from '../../support/app.js';
import { createCustomer, createGame, createVenue, EVERY_DAY_10_TO_22 } from '../../support/catalog.js';

export { createCustomer, createGame, createVenue };

/** A frozen clock: Monday 2026-06-01 08:00 in New York. */
export const NOW = new Date('2026-06-01T12:00:00Z');

type Body = Record<string, unknown>;

/** POST /api/coupons expecting 201: a 10 % coupon unless overridden. */
export async function createCoupon(app: FastifyInstance, token: string, overrides: Body = {}) {
  const res = await call(app, 'POST', '/api/coupons', { token, body: { code: `SAVE${Math.random().toString(36).slice(2, 10)}`, kind: 'percent', value: 10, ...overrides } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string; redemptions: number } & Body;
}

/** Runs `fn` in a tenant transaction of `organizationId`, as a request would (the app role, under RLS). */
export function inOrg<T>(db: Database, organizationId: string, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return withTenant(db, { organizationId, userId: null, actorRole: 'manager' }, fn);
}

/**
 * A shared game (up to 1000 players, so any number of bookings fit one slot) at a venue open 10:00-22:00, and a
 * `book(customerId)` that makes a confirmed booking through POST /api/bookings on 2026-06-10 at 12:00 New York.
 */
export async function bookingWorld(app: FastifyInstance, token: string) {
  const venue = await createVenue(app, token, { operating_hours: EVERY_DAY_10_TO_22 });
  const game = await createGame(app, token, { booking_mode: 'shared', max_players: 1000, venue_ids: [venue.id] });
  const book = async (customerId: string, partySize = 1) => {
    const res = await call(app, 'POST', '/api/bookings', {
      token,
      body: { game_id: game.id, venue_id: venue.id, start_at: '2026-06-10T12:00:00-04:00', party_size: partySize, customer_id: customerId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; customer_id: string };
  };
  return { venue, game, book };
}

/** Counter and live rows of a coupon, read as the database owner (past RLS): nothing can hide a row. */
export async function countsOf(db: Database, couponId: string) {
  const { rows } = await db.query<{ counter: number; live: number; released: number }>(
    `select c.redemptions as counter,
            (select count(*)::int from coupon_redemptions r where r.coupon_id = c.id and r.released_at is null) as live,
            (select count(*)::int from coupon_redemptions r where r.coupon_id = c.id and r.released_at is not null) as released
     from coupons c where c.id = $1`,
    [couponId],
  );
  return rows[0];
}
