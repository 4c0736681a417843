import { describe, expect, it } from 'vitest';
import { dispatchInbox } from '../../../src/modules/inbox/service.js';
import { call, useTestApp } from '../../support/app.js';
import { addUser, uniqueEmail } from '../../support/fixtures.js';
import { eventsSettled, moneyWorld, type MoneyWorld } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const get = useTestApp({ now: NOW });

describe('in-app notifications for staff', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const widgetBooking = (start_at: string, world = w) =>
    call(app(), 'POST', `/api/public/venues/${world.venue.embed_key}/bookings`, {
      body: { game_id: world.game.id, start_at, party_size: 2, customer: { full_name: 'Wanda Widget', email: uniqueEmail('w') } },
    });
  const inbox = async (token: string, q = '') => (await call(app(), 'GET', `/api/notifications${q}`, { token })).body as { total: number; data: { id: string; title: string; read_at: string | null; event: string }[] };

  it('tells every staff user of a widget booking and a cancellation, each only their own', async () => {
    w = await moneyWorld(app());
    await eventsSettled(get().db);
    await dispatchInbox(get().db);
    const other = await moneyWorld(app());
    const second = await addUser(app(), w.admin, 'staff');
    const booked = await widgetBooking('2026-06-10T14:00:00-04:00');
    expect(booked.status).toBe(201);
    await call(app(), 'POST', `/api/public/bookings/${booked.body.booking_number}/cancel`, { body: { token: booked.body.manage_token } });
    await eventsSettled(get().db);
    await dispatchInbox(get().db);
    for (const token of [w.staff, second.token, w.manager, w.admin]) {
      const mine = await inbox(token);
      expect(mine.data.map((n) => n.title)).toEqual([`${booked.body.booking_number} was cancelled`, `New widget booking ${booked.body.booking_number}`]);
    }
    expect((await inbox(other.admin)).total).toBe(0);
    // Another user's notification is not there for me: 404, and it stays unread for them.
    const theirs = (await inbox(second.token)).data[0]!;
    expect((await call(app(), 'POST', `/api/notifications/${theirs.id}/read`, { token: w.staff })).status).toBe(404);
    expect((await call(app(), 'DELETE', `/api/notifications/${theirs.id}`, { token: w.staff })).status).toBe(404);
    expect((await inbox(second.token, '?unread=true')).total).toBe(2);
  });

  it('marks read, reads all, deletes, and honours each user’s settings', async () => {
    const mine = (await inbox(w.staff)).data;
    const read = await call(app(), 'POST', `/api/notifications/${mine[0]!.id}/read`, { token: w.staff });
    expect(read.status).toBe(200);
    expect(read.body.read_at).toBe(NOW.toISOString());
    expect((await inbox(w.staff, '?unread=true')).total).toBe(1);
    expect((await call(app(), 'POST', '/api/notifications/read-all', { token: w.staff })).status).toBe(204);
    expect((await inbox(w.staff, '?unread=true')).total).toBe(0);
    expect((await call(app(), 'DELETE', `/api/notifications/${mine[1]!.id}`, { token: w.staff })).status).toBe(204);
    expect((await inbox(w.staff)).total).toBe(1);

    const off = await call(app(), 'PUT', '/api/notifications/settings', { token: w.staff, body: { 'booking.created': { in_app: false } } });
    expect(off.status).toBe(200);
    expect((await call(app(), 'GET', '/api/notifications/settings', { token: w.staff })).body).toEqual({ 'booking.created': { in_app: false } });
    expect((await call(app(), 'PUT', '/api/notifications/settings', { token: w.staff, body: { 'booking.nope': { in_app: false } } })).status).toBe(400);
    await widgetBooking('2026-06-10T16:00:00-04:00');
    await eventsSettled(get().db);
    await dispatchInbox(get().db);
    expect((await inbox(w.staff, '?unread=true')).total).toBe(0);
    expect((await inbox(w.manager, '?unread=true')).total).toBe(3);
  });
});
