import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { call } from './app.js';
import { createGame, createVenue } from './catalog.js';
import { addUser, signupOrg, uniqueEmail } from './fixtures.js';

// A business ready to take money, through the public API: an admin, a manager and a staff member, a venue in
// New York open 10:00-22:00 and a private game at 30.00 per player. Tests of the money side start here.

export interface MoneyWorld {
  admin: string;
  manager: string;
  staff: string;
  organizationId: string;
  venue: { id: string; embed_key: string };
  game: { id: string };
}

export async function moneyWorld(app: FastifyInstance, game: Record<string, unknown> = {}, org: Record<string, unknown> = {}): Promise<MoneyWorld> {
  const owner = await signupOrg(app, org);
  const venue = await createVenue(app, owner.token);
  const g = await createGame(app, owner.token, { name: 'The Vault', price_cents: 3000, venue_ids: [venue.id], min_notice_minutes: 0, ...game });
  const manager = await addUser(app, owner.token, 'manager');
  const staff = await addUser(app, owner.token, 'staff');
  return { admin: owner.token, manager: manager.token, staff: staff.token, organizationId: owner.organizationId, venue, game: g };
}

/** Sets organization policies (and tax) as its admin. */
export async function setPolicies(app: FastifyInstance, w: MoneyWorld, policies: Record<string, unknown>, tax?: Record<string, unknown>) {
  const res = await call(app, 'PUT', '/api/organization', { token: w.admin, body: { policies, ...(tax ? { tax } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A staff booking at `start_at` for a new customer (4 players unless told). */
export async function staffBooking(app: FastifyInstance, w: MoneyWorld, start_at: string, extra: Record<string, unknown> = {}) {
  const res = await call(app, 'POST', '/api/bookings', {
    token: w.staff,
    body: { game_id: w.game.id, venue_id: w.venue.id, start_at, party_size: 4, customer: { full_name: 'Pat Payer', email: uniqueEmail('payer') }, ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; final_amount: number; amount_paid: number; payment_status: string; customer_id: string } & Record<string, unknown>;
}

/** Records a desk payment as staff and expects 201. */
export async function pay(app: FastifyInstance, w: MoneyWorld, booking_id: string, amount_cents: number, method = 'card_present') {
  const res = await call(app, 'POST', '/api/payments', { token: w.staff, body: { booking_id, method, amount_cents } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; status: string; amount_cents: number };
}

export async function bookingOf(app: FastifyInstance, w: MoneyWorld, id: string) {
  const res = await call(app, 'GET', `/api/bookings/${id}`, { token: w.staff });
  expect(res.status).toBe(200);
  return res.body as { status: string; final_amount: number; amount_paid: number; refund_amount: number; payment_status: string; discount_amount: number; tax_amount: number; total_amount: number };
}

/**
 * Waits until every domain event written so far is readable by the stream's readers. They read only events of
 * transactions older than the oldest one still running in the database (app_event_horizon, docs/integrations.md),
 * and a test's own background work (a dispatcher pass, a job) holds that horizon back for a moment.
 */
export async function eventsSettled(db: { query<T>(sql: string): Promise<{ rows: T[] }> }, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ pending: boolean }>(
      'select exists (select 1 from domain_events where xid >= app_event_horizon()) as pending',
    );
    if (!rows[0]!.pending) return;
    if (Date.now() > deadline) throw new Error('domain events did not settle');
    await new Promise((r) => setTimeout(r, 50));
  }
}
