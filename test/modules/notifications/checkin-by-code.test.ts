import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { useSmtp } from '../../support/smtp.js';
import { bookingWorld, mailEnv, qrOf } from './support.js';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('POST /api/bookings/checkin-by-code', () => {
  const smtp = useSmtp();
  const t = useTestApp({ now: NOW, env: () => mailEnv(smtp().url) });

  it('checks in from the QR code the confirmation carried, or a typed number; 409 twice over, 404 for wrong or foreign codes', async () => {
    const { app } = t();
    const w = await bookingWorld(app);
    const made = await call(app, 'POST', `/api/public/venues/${w.venue.embed_key}/bookings`, {
      body: { game_id: w.game.id, start_at: '2026-06-12T17:00:00Z', party_size: 2, customer: { full_name: 'Quinn Scan', email: w.email } },
    });
    expect(made.status).toBe(201);
    const [mail] = await smtp().mailsTo(w.email, 'booking_confirmed');
    const code = qrOf(mail!)!;
    expect(code).toBe(`${made.body.booking_number}:${made.body.manage_token}`);

    // Another organization's staff cannot check it in, whatever they scan.
    const other = await bookingWorld(app);
    expect((await call(app, 'POST', '/api/bookings/checkin-by-code', { token: other.org.token, body: { code } })).status).toBe(404);
    expect((await call(app, 'POST', '/api/bookings/checkin-by-code', { token: other.org.token, body: { code: made.body.booking_number } })).status).toBe(404);
    // A wrong token is 404 like an unknown number (the scan proves nothing then).
    for (const wrong of [`${made.body.booking_number}:not-the-token`, `${made.body.booking_number}:`, 'BK-ZZZZZZ', 'nonsense', `x:${made.body.manage_token}`]) {
      const res = await call(app, 'POST', '/api/bookings/checkin-by-code', { token: w.org.token, body: { code: wrong } });
      expect(res.status, wrong).toBe(404);
      expect(res.body.code).toBe('not_found');
    }

    const res = await call(app, 'POST', '/api/bookings/checkin-by-code', { token: w.org.token, body: { code } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ booking_number: made.body.booking_number, status: 'checked-in' });
    expect(res.body.checked_in_at).toEqual(expect.any(String));
    // Completed, it can no longer be checked in.
    expect((await call(app, 'POST', `/api/bookings/${res.body.id}/complete`, { token: w.org.token })).status).toBe(200);
    const again = await call(app, 'POST', '/api/bookings/checkin-by-code', { token: w.org.token, body: { code } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('a typed booking number (any case) checks a staff booking in; a cancelled one is 409; an empty code is 400', async () => {
    const { app } = t();
    const w = await bookingWorld(app);
    const book = async (start_at: string) => {
      const res = await call(app, 'POST', '/api/bookings', { token: w.org.token, body: { game_id: w.game.id, venue_id: w.venue.id, start_at, party_size: 2, customer_id: w.customer.id } });
      expect(res.status).toBe(201);
      return res.body as { id: string; booking_number: string };
    };
    const a = await book('2026-06-12T15:00:00Z');
    const typed = await call(app, 'POST', '/api/bookings/checkin-by-code', { token: w.org.token, body: { code: ` ${a.booking_number.toLowerCase()} ` } });
    expect(typed.status, JSON.stringify(typed.body)).toBe(200);
    expect(typed.body.status).toBe('checked-in');
    const b = await book('2026-06-12T18:00:00Z');
    expect((await call(app, 'DELETE', `/api/bookings/${b.id}`, { token: w.org.token })).status).toBe(200);
    expect((await call(app, 'POST', '/api/bookings/checkin-by-code', { token: w.org.token, body: { code: b.booking_number } })).status).toBe(409);
    expect((await call(app, 'POST', '/api/bookings/checkin-by-code', { token: w.org.token, body: { code: '' } })).status).toBe(400);
    expect((await call(app, 'POST', '/api/bookings/checkin-by-code', { body: { code: a.booking_number } })).status).toBe(401);
  });
});
