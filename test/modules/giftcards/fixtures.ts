import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database, Queryable } from '../../../src/db/client.js';
import { withTenant } from '../../../src/db/tenant.js';
import { call } from '../../support/app.js';
import { createCustomer, createGame, createVenue, postCreated } from '../../support/catalog.js';
import type { SignedUpOrg } from '../../support/fixtures.js';

// Fixtures shared by the gift card and referral tests, all through the API; service functions that no route
// calls yet (redemption, refunds, rewards) run in a real tenant transaction, as a request would run them.

/** Issues a card through POST /api/gift-cards. */
export async function issueCard(app: FastifyInstance, token: string, body: Record<string, unknown> = {}) {
  return (await postCreated(app, token, '/api/gift-cards', { initial_balance_cents: 5000, ...body })) as { id: string; code: string; balance_cents: number } & Record<string, unknown>;
}

/** Runs `fn` in a tenant transaction of the organization, as its admin. */
export function asTenant<T>(db: Database, org: SignedUpOrg, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return withTenant(db, { organizationId: org.organizationId, userId: org.userId, actorRole: 'admin' }, fn);
}

/** A venue and game to book, open around the clock in UTC. */
export async function bookable(app: FastifyInstance, token: string) {
  const allDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
  const venue = await createVenue(app, token, { timezone: 'UTC', operating_hours: allDay });
  const game = await createGame(app, token, { venue_ids: [venue.id], slot_interval_minutes: 60, min_notice_minutes: 0 });
  return { venueId: venue.id, gameId: game.id };
}

let hour = 0;
/** A confirmed booking through the API, each in an hour of its own starting two days after `now`. */
export async function book(app: FastifyInstance, token: string, place: { venueId: string; gameId: string }, now: Date, customerId?: string) {
  const customer = customerId ?? (await createCustomer(app, token)).id;
  const start_at = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + (48 + hour++) * 3_600_000).toISOString();
  const res = await call(app, 'POST', '/api/bookings', { token, body: { game_id: place.gameId, venue_id: place.venueId, customer_id: customer, party_size: 2, start_at } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, customerId: customer };
}

/** The card's ledger through the API, and the sum of its amounts. */
export async function ledgerOf(app: FastifyInstance, token: string, cardId: string) {
  const res = await call(app, 'GET', `/api/gift-cards/${cardId}/transactions?limit=100`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const rows = res.body.data as { kind: string; amount_cents: number; balance_after_cents: number; booking_id: string | null }[];
  return { rows, total: res.body.total as number, sum: rows.reduce((s, r) => s + r.amount_cents, 0) };
}
