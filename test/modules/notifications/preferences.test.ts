import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { createCustomer } from '../../support/catalog.js';
import { useSmtp } from '../../support/smtp.js';
import { bookingWorld, deliveriesOf, mailEnv, sleep, unsubscribeLink } from './support.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const path = (link: string) => link.replace('https://book.example', '');

describe('customer notification preferences and the unsubscribe link', () => {
  const smtp = useSmtp();
  const t = useTestApp({ now: NOW, env: () => mailEnv(smtp().url) });

  it('the link in a mail turns the customer’s messages off: the next booking’s mail is logged skipped, not sent', async () => {
    const { app } = t();
    const w = await bookingWorld(app);
    const book = async (start_at: string) => {
      const res = await call(app, 'POST', '/api/bookings', { token: w.org.token, body: { game_id: w.game.id, venue_id: w.venue.id, start_at, party_size: 2, customer_id: w.customer.id } });
      expect(res.status).toBe(201);
      return res.body as { id: string };
    };
    await book('2026-06-10T15:00:00Z');
    const [mail] = await smtp().mailsTo(w.email, 'booking_confirmed');
    const link = unsubscribeLink(mail!);
    expect(mail!.html).toContain(`<a href="${link}">`);
    expect(path(link)).toMatch(/^\/api\/public\/unsubscribe\/[0-9a-f]{64}$/);

    const off = await call(app, 'GET', path(link));
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toEqual({ unsubscribed: ['email', 'sms'] });
    expect((await call(app, 'GET', `/api/customers/${w.customer.id}`, { token: w.org.token })).body.notification_preferences).toEqual({ email: false, sms: false });
    // Clicking twice is harmless.
    expect((await call(app, 'GET', path(link))).status).toBe(200);

    const second = await book('2026-06-11T15:00:00Z');
    const [skipped] = await deliveriesOf(app, w.org.token, second.id);
    expect(skipped).toMatchObject({ event: 'booking_confirmed', status: 'skipped', last_error: 'customer unsubscribed from email' });
    await sleep(800);
    expect(await smtp().mailsTo(w.email, undefined, 2, 0)).toHaveLength(1);

    // Staff turn email back on (the customer asked at the desk): mails resume.
    const on = await call(app, 'PUT', `/api/customers/${w.customer.id}`, { token: w.org.token, body: { notification_preferences: { email: true, sms: false } } });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.notification_preferences).toEqual({ email: true, sms: false });
    await book('2026-06-12T15:00:00Z');
    expect(await smtp().mailsTo(w.email, 'booking_confirmed', 2)).toHaveLength(2);
  });

  it('one channel only with ?channel=; unknown tokens are 404; each customer has a token of their own; erasure ends it', async () => {
    const { app } = t();
    const w = await bookingWorld(app);
    const res = await call(app, 'POST', '/api/bookings', { token: w.org.token, body: { game_id: w.game.id, venue_id: w.venue.id, start_at: '2026-06-10T15:00:00Z', party_size: 2, customer_id: w.customer.id } });
    expect(res.status).toBe(201);
    const link = unsubscribeLink((await smtp().mailsTo(w.email, 'booking_confirmed'))[0]!);
    const sms = await call(app, 'GET', `${path(link)}?channel=sms`);
    expect(sms.body).toEqual({ unsubscribed: ['sms'] });
    expect((await call(app, 'GET', `/api/customers/${w.customer.id}`, { token: w.org.token })).body.notification_preferences).toEqual({ email: true, sms: false });

    const other = await createCustomer(app, w.org.token, { email: `other${Date.now()}@example.com` });
    const { rows } = await t().db.query<{ unsubscribe_token: string }>('select unsubscribe_token from customers where id = any($1::uuid[]) order by id', [[w.customer.id, other.id]]);
    expect(new Set(rows.map((r) => r.unsubscribe_token)).size).toBe(2);

    // The real token with its last character changed (to another one: a token may end in 0).
    const real = path(link).split('/').pop()!;
    for (const bad of ['0'.repeat(64), 'x', `${real.slice(0, 63)}${real.endsWith('0') ? '1' : '0'}`]) {
      const r = await call(app, 'GET', `/api/public/unsubscribe/${bad}`);
      expect(r.status, bad).toBe(404);
      expect(r.body.code).toBe('not_found');
    }
    expect((await call(app, 'GET', `${path(link)}?channel=fax`)).status).toBe(400);
    expect((await call(app, 'DELETE', `/api/customers/${w.customer.id}`, { token: w.org.token })).status).toBe(204);
    expect((await call(app, 'GET', path(link))).status).toBe(404);
  });
});
