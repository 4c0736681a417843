import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { call } from '../../support/app.js';
import { createCustomer, createGame as createAnyGame, createVenue } from '../../support/catalog.js';

export { createCustomer, createVenue, EVERY_DAY_10_TO_22 } from '../../support/catalog.js';

/** A frozen clock: Monday 2026-06-01 08:00 in New York. */
export const NOW = new Date('2026-06-01T12:00:00Z');
/** A Wednesday well ahead of NOW; the venue is open 10:00-22:00 every day (EDT, UTC-4 in June). */
export const DAY = '2026-06-10';

/** The instant of a New York wall time on DAY (or another June date), as RFC 3339 with its offset. */
export const at = (time: string, date = DAY) => `${date}T${time}:00-04:00`;

type Body = Record<string, unknown>;

/**
 * A private game: 60 minutes plus a 30-minute turnover on a 30-minute grid (so the buffer alone can block the
 * next slot), 2-6 players at 30.00 each, through the API.
 */
export function createGame(app: FastifyInstance, token: string, venueIds: string[], overrides: Body = {}) {
  return createAnyGame(app, token, {
    name: 'The Vault', duration_minutes: 60, buffer_minutes: 30, slot_interval_minutes: 30, min_players: 2, max_players: 6,
    booking_mode: 'private', pricing: 'per_player', price_cents: 3000, venue_ids: venueIds, ...overrides,
  });
}

/** A venue, a private game there and a customer of one organization. */
export async function world(app: FastifyInstance, token: string, gameOverrides: Body = {}) {
  const venue = await createVenue(app, token);
  const game = await createGame(app, token, [venue.id], gameOverrides);
  const customer = await createCustomer(app, token);
  return { venue, game, customer };
}

/** POST /api/bookings (any answer). */
export function postBooking(app: FastifyInstance, token: string, body: Body, headers?: Record<string, string>) {
  return call(app, 'POST', '/api/bookings', { token, body, ...(headers ? { headers } : {}) });
}

/** POST /api/bookings expecting 201. */
export async function book(app: FastifyInstance, token: string, body: Body) {
  const res = await postBooking(app, token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Booking;
}

/** The fields of a booking answer these tests read. */
export interface Booking {
  id: string;
  booking_number: string;
  customer_id: string;
  start_at: string;
  end_at: string;
  booking_date: string;
  start_time: string;
  end_time: string;
  party_size: number;
  status: string;
  payment_status: string;
  total_amount: number;
  final_amount: number;
  refund_amount: number;
  currency: string;
  notes: string;
  customer: { id: string; full_name: string; email: string | null; phone: string | null };
  [k: string]: unknown;
}
