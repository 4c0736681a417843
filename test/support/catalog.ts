import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { call } from './app.js';
import { uniqueEmail } from './fixtures.js';

// Builders of an organization's catalog (venues, games, customers), through the public API. Each takes the
// admin's (or another role's) token and overrides of its defaults; the defaults are the ones most tests want.

type Body = Record<string, unknown>;

/** Open 10:00-22:00 every day of the week. */
export const EVERY_DAY_10_TO_22 = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' }));

/** POSTs and expects 201, returning the created resource. */
export async function postCreated(app: FastifyInstance, token: string, url: string, body: Body) {
  const res = await call(app, 'POST', url, { token, body });
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body as { id: string } & Record<string, unknown>;
}

/** A venue 'Downtown' in New York open 10:00-22:00 daily. */
export async function createVenue(app: FastifyInstance, token: string, overrides: Body = {}) {
  const venue = await postCreated(app, token, '/api/venues', { name: 'Downtown', timezone: 'America/New_York', operating_hours: EVERY_DAY_10_TO_22, ...overrides });
  return venue as typeof venue & { embed_key: string };
}

/** A game with only the required fields (60 minutes, up to 6 players, 25.00 each); the API's defaults do the rest. */
export function createGame(app: FastifyInstance, token: string, overrides: Body = {}) {
  return postCreated(app, token, '/api/games', { name: 'Pharaoh’s Tomb', duration_minutes: 60, max_players: 6, price_cents: 2500, ...overrides });
}

/** A customer 'Casey Customer' with a unique email. */
export function createCustomer(app: FastifyInstance, token: string, overrides: Body = {}) {
  return postCreated(app, token, '/api/customers', { full_name: 'Casey Customer', email: uniqueEmail('customer'), ...overrides });
}
