import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { useSmtp } from '../../support/smtp.js';
import { bookingWorld, calendarOf, deliveriesOf, mailEnv, qrOf, sleep, unsubscribeLink } from './support.js';

// A frozen clock well before the bookings (real time plays no part: reminders are off in these organizations).
const NOW = new Date('2026-06-01T12:00:00Z');

describe('booking mails: confirmation, reschedule, cancellation', () => {
  const smtp = useSmtp();
  const t = useTestApp({ now: NOW, env: () => mailEnv(smtp().url) });

  it('a staff booking is confirmed by mail in the venue’s zone, with the booking as .ics and no QR code (no manage token)', async () => {
    // One instant, two zones: 23:30Z is 19:30 in New York and, the next morning, 08:30 in Tokyo (opened at 10:00,
    // so Tokyo books 01:30Z = 10:30 local).
    for (const [timezone, start_at, local] of [
      ['America/New_York', '2026-06-10T23:30:00Z', 'Wednesday, June 10, 2026 at 19:30'],
      ['Asia/Tokyo', '2026-06-11T01:30:00Z', 'Thursday, June 11, 2026 at 10:30'],
    ] as const) {
      const { app } = t();
      const w = await bookingWorld(app, { timezone });
      const res = await call(app, 'POST', '/api/bookings', { token: w.org.token, body: { game_id: w.game.id, venue_id: w.venue.id, start_at, party_size: 2, customer_id: w.customer.id } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const [mail] = await smtp().mailsTo(w.email, 'booking_confirmed');
      expect(mail!.subject).toBe(`Your booking ${res.body.booking_number} is confirmed`);
      expect(mail!.text).toContain(`When: ${local} (${timezone})`);
      const cal = calendarOf(mail!);
      expect(cal.start).toBe(new Date(res.body.start_at).toISOString());
      expect(cal.end).toBe(new Date(res.body.end_at).toISOString());
      expect(cal.summary).toBe('The Vault');
      expect(cal.location).toContain('Riverside');
      expect(qrOf(mail!)).toBeUndefined();
      unsubscribeLink(mail!);
    }
  });

  it('a widget booking’s confirmation carries the manage link and a QR code of booking number and manage token', async () => {
    const { app } = t();
    const w = await bookingWorld(app, { timezone: 'Europe/Berlin' });
    const body = { game_id: w.game.id, start_at: '2026-06-12T17:00:00Z', party_size: 3, customer: { full_name: 'Wendy Widget', email: w.email } };
    const res = await call(app, 'POST', `/api/public/venues/${w.venue.embed_key}/bookings`, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { booking_number, manage_token } = res.body;
    const [mail] = await smtp().mailsTo(w.email, 'booking_confirmed');
    expect(mail!.text).toContain('When: Friday, June 12, 2026 at 19:00 (Europe/Berlin)');
    expect(mail!.text).toContain(`https://book.example/manage/${booking_number}?token=${manage_token}`);
    expect(qrOf(mail!)).toBe(`${booking_number}:${manage_token}`);
    expect(calendarOf(mail!).start).toBe('2026-06-12T17:00:00.000Z');
    // The customer cancels from the link: a cancellation mail follows, in the venue's zone.
    const cancel = await call(app, 'POST', `/api/public/bookings/${booking_number}/cancel`, { body: { token: manage_token } });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    const [cancelled] = await smtp().mailsTo(w.email, 'booking_cancelled');
    expect(cancelled!.subject).toBe(`Your booking ${booking_number} is cancelled`);
    expect(cancelled!.text).toContain('on Friday, June 12, 2026 at 19:00 has been cancelled');
    expect(cancelled!.parsed.attachments).toHaveLength(0);
  });

  it('a reschedule mails the new and the previous time; a cancellation by staff mails once', async () => {
    const { app } = t();
    const w = await bookingWorld(app, { timezone: 'Asia/Tokyo' });
    const made = await call(app, 'POST', '/api/bookings', { token: w.org.token, body: { game_id: w.game.id, venue_id: w.venue.id, booking_date: '2026-06-15', start_time: '14:00', party_size: 2, customer_id: w.customer.id } });
    expect(made.status).toBe(201);
    const moved = await call(app, 'PUT', `/api/bookings/${made.body.id}`, { token: w.org.token, body: { booking_date: '2026-06-16', start_time: '18:30' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const [mail] = await smtp().mailsTo(w.email, 'booking_rescheduled');
    expect(mail!.text).toContain('from Monday, June 15, 2026 at 14:00 to a new time');
    expect(mail!.text).toContain('When: Tuesday, June 16, 2026 at 18:30 (Asia/Tokyo)');
    // A change that does not move it (notes) sends nothing.
    expect((await call(app, 'PUT', `/api/bookings/${made.body.id}`, { token: w.org.token, body: { notes: 'birthday' } })).status).toBe(200);
    expect((await call(app, 'DELETE', `/api/bookings/${made.body.id}`, { token: w.org.token })).status).toBe(200);
    expect((await call(app, 'DELETE', `/api/bookings/${made.body.id}`, { token: w.org.token })).status).toBe(200);
    const [cancelled] = await smtp().mailsTo(w.email, 'booking_cancelled');
    expect(cancelled!.text).toContain('Tuesday, June 16, 2026 at 18:30 has been cancelled');
    await sleep(1000);
    expect((await smtp().mailsTo(w.email, undefined, 4, 0)).map((m) => m.event).sort()).toEqual(['booking_cancelled', 'booking_confirmed', 'booking_rescheduled']);
  });

  it('batch status: a pending booking confirmed and another cancelled get their mails; the failed id gets none', async () => {
    const { app } = t();
    const w = await bookingWorld(app);
    const book = async (start_at: string, status: string) => {
      const res = await call(app, 'POST', '/api/bookings', { token: w.org.token, body: { game_id: w.game.id, venue_id: w.venue.id, start_at, party_size: 2, customer_id: w.customer.id, status } });
      expect(res.status).toBe(201);
      return res.body as { id: string };
    };
    const pending = await book('2026-06-20T15:00:00Z', 'pending');
    const other = await book('2026-06-20T18:00:00Z', 'confirmed');
    expect((await smtp().mailsTo(w.email, 'booking_created')).length).toBe(1);
    const confirm = await call(app, 'POST', '/api/bookings/batch-status', { token: w.org.token, body: { ids: [pending.id], status: 'confirmed' } });
    expect(confirm.body.updated).toEqual([pending.id]);
    const cancel = await call(app, 'POST', '/api/bookings/batch-status', { token: w.org.token, body: { ids: [other.id, '00000000-0000-4000-8000-000000000000'], status: 'cancelled' } });
    expect(cancel.body.updated).toEqual([other.id]);
    expect(await smtp().mailsTo(w.email, 'booking_confirmed', 2)).toHaveLength(2);
    expect(await smtp().mailsTo(w.email, 'booking_cancelled')).toHaveLength(1);
  });

  it('a booking refused by the database (slot taken) queues nothing: its transaction had the mail', async () => {
    const { app, db } = t();
    const w = await bookingWorld(app);
    const body = { game_id: w.game.id, venue_id: w.venue.id, start_at: '2026-06-21T15:00:00Z', party_size: 2, customer_id: w.customer.id };
    const first = await call(app, 'POST', '/api/bookings', { token: w.org.token, body });
    expect(first.status).toBe(201);
    const again = await call(app, 'POST', '/api/bookings', { token: w.org.token, body });
    expect(again.status).toBe(409);
    await smtp().mailsTo(w.email, 'booking_confirmed');
    await sleep(800);
    expect(await smtp().mailsTo(w.email, undefined, 2, 0)).toHaveLength(1);
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from notification_deliveries where customer_id = $1 and channel = 'email'`, [w.customer.id]);
    expect(rows[0]!.n).toBe(1);
    expect((await deliveriesOf(app, w.org.token, first.body.id)).map((d) => d.status)).toEqual(['sent']);
  });
});
