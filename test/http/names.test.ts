import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../support/app.js';
import { PASSWORD, signupOrg, uniqueEmail } from '../support/fixtures.js';

// A right-to-left override makes "Evil\u202Eexe.doc" display as "Evilcod.exe": names shown to people refuse
// bidirectional controls everywhere they are entered, not only at signup. Right-to-left text itself is welcome.
const TRICK = 'Ann\u202Eretsim';

describe('names refuse Unicode bidirectional controls on every route that takes one', () => {
  const t = useTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });

  it('users, customers, venues, games, the organization and public bookings answer 400 with the field', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const venue = await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'Midtown', timezone: 'America/New_York' } });
    expect(venue.status).toBe(201);
    const refused = async (method: 'POST' | 'PUT', url: string, body: Record<string, unknown>, field: string, token: string | undefined = org.token) => {
      const res = await call(app, method, url, { token, body });
      expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields ?? {}).join(' '), JSON.stringify(res.body)).toContain(field);
    };
    await refused('POST', '/api/users', { email: uniqueEmail(), full_name: TRICK, role: 'staff', password: PASSWORD }, 'full_name');
    await refused('POST', '/api/customers', { full_name: TRICK, email: uniqueEmail('c') }, 'full_name');
    await refused('POST', '/api/venues', { name: TRICK, timezone: 'UTC' }, 'name');
    await refused('POST', '/api/games', { name: TRICK, duration_minutes: 60, max_players: 4, price_cents: 100 }, 'name');
    await refused('PUT', '/api/organization', { name: TRICK }, 'name');
    await refused('POST', `/api/public/venues/${venue.body.embed_key}/bookings`, {
      game_id: '00000000-0000-4000-8000-000000000000', start_at: '2030-01-01T10:00:00Z', party_size: 2, customer: { full_name: TRICK, email: uniqueEmail('p') },
    }, 'customer.full_name', undefined);
    // Right-to-left names without control characters are accepted.
    const rtl = await call(app, 'POST', '/api/customers', { token: org.token, body: { full_name: 'שרה כהן', email: uniqueEmail('rtl') } });
    expect(rtl.status, JSON.stringify(rtl.body)).toBe(201);
  });
});
