import type { FastifyInstance } from 'fastify';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { call } from './app.js';
import { createGame, createVenue } from './catalog.js';
import { addUser, signupOrg, uniqueEmail } from './fixtures.js';

// The business the admin app's browser tests run: as the widget's (test/support/widget.ts: Escape Works, the venue
// Downtown in New York open 10:00-22:00, the private game Pharaoh’s Tomb, 60 minutes, 2-6 players, 25.00 each),
// with the emails of its admin, manager and staff member so that a browser can sign in as each.

export interface OpsWorld {
  admin: { token: string; email: string };
  manager: { token: string; email: string };
  staff: { token: string; email: string };
  venue: { id: string; embed_key: string };
  game: { id: string };
}

export async function opsWorld(app: FastifyInstance): Promise<OpsWorld> {
  const owner = await signupOrg(app, { organization_name: 'Escape Works' });
  const venue = await createVenue(app, owner.token);
  const game = await createGame(app, owner.token, { venue_ids: [venue.id], min_players: 2, max_players: 6, price_cents: 2500, min_notice_minutes: 0 });
  const manager = await addUser(app, owner.token, 'manager');
  const staff = await addUser(app, owner.token, 'staff');
  return { admin: { token: owner.token, email: owner.email }, manager, staff, venue, game };
}

/** A booking through the public API (as the widget makes them), with its manage token. */
export async function widgetBooking(app: FastifyInstance, w: OpsWorld, start_at: string, full_name = 'Robin Guest', party_size = 3) {
  const res = await call(app, 'POST', `/api/public/venues/${w.venue.embed_key}/bookings`, {
    body: { game_id: w.game.id, start_at, party_size, customer: { full_name, email: uniqueEmail('guest') } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { booking_number: string; manage_token: string };
}

/** The venue-local slot of a date and time, from the availability endpoint (its start instant). */
export async function slotAt(app: FastifyInstance, w: OpsWorld, date: string, time: string): Promise<string> {
  const res = await call(app, 'GET', `/api/games/${w.game.id}/availability?venue_id=${w.venue.id}&from=${date}&to=${date}&party_size=2`, { token: w.staff.token });
  expect(res.status).toBe(200);
  const slot = (res.body.slots as { start_time: string; start_at: string }[]).find((s) => s.start_time === time);
  if (!slot) throw new Error(`no ${time} slot on ${date}`);
  return slot.start_at;
}

/** The booking's id by its number, as staff. */
export async function bookingIdOf(app: FastifyInstance, w: OpsWorld, number: string): Promise<string> {
  const res = await call(app, 'GET', `/api/bookings?q=${number}`, { token: w.staff.token });
  expect(res.body.data).toHaveLength(1);
  return res.body.data[0].id as string;
}

/** The widget's frame once it has loaded its page. */
export async function widgetFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe[title="Book online"]');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the widget frame has no document');
  await frame.waitForURL(/\/book\//);
  return frame;
}

/** The page fits the width: nothing scrolls sideways but what is meant to (tables, the calendar's frame). */
export async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}
