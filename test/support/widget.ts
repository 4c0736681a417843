import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { call } from './app.js';
import { moneyWorld, type MoneyWorld } from './money.js';

// The business the widget's browser tests book with: Escape Works (its branding color), the venue Downtown in
// New York open 10:00-22:00, the private game Pharaoh’s Tomb (60 minutes, 2-6 players, 25.00 each, no notice).

export const VENUE_ZONE = 'America/New_York';

export async function widgetWorld(app: FastifyInstance): Promise<MoneyWorld> {
  const w = await moneyWorld(
    app,
    { name: 'Pharaoh’s Tomb', description: 'Find the way out before the sand runs out.', price_cents: 2500, min_players: 2, max_players: 6 },
    { organization_name: 'Escape Works' },
  );
  const branding = await call(app, 'PUT', '/api/organization', { token: w.admin, body: { branding: { primary_color: '#0F766E', widget_title: 'Book Escape Works' } } });
  expect(branding.status, JSON.stringify(branding.body)).toBe(200);
  return w;
}

/** The venue-local date `days` from today (the widget's dates are the venue's). */
export function venueDate(days: number): string {
  return DateTime.now().setZone(VENUE_ZONE).plus({ days }).toISODate()!;
}

/** The live bookings (not cancelled) of the world's game that start at a venue-local date and time. */
export async function liveBookingsAt(app: FastifyInstance, w: MoneyWorld, date: string, time: string) {
  const res = await call(app, 'GET', `/api/bookings?game_id=${w.game.id}&from=${date}&to=${date}&limit=100`, { token: w.staff });
  expect(res.status).toBe(200);
  return (res.body.data as { start_time: string; status: string; booking_number: string }[]).filter((b) => b.start_time === time && b.status !== 'cancelled');
}
