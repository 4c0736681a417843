import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg } from '../../support/fixtures.js';

describe('organization profile', () => {
  const t = useTestApp();

  it('reads defaults and changes only the fields given, merging branding and policies', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const before = await call(app, 'GET', '/api/organization', { token: org.token });
    expect(before.status).toBe(200);
    expect(before.body.policies).toMatchObject({ cancellation_window_hours: 24, refund_percent_inside_window: 0 });

    const put = await call(app, 'PUT', '/api/organization', {
      token: org.token,
      body: {
        name: 'Escape Works Ltd',
        timezone: 'Europe/London',
        currency: 'GBP',
        address: { line1: '1 High St', city: 'Leeds', country: 'GB' },
        branding: { primary_color: '#112233' },
        policies: { cancellation_window_hours: 48 },
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      name: 'Escape Works Ltd',
      timezone: 'Europe/London',
      currency: 'GBP',
      address: { city: 'Leeds' },
      branding: { primary_color: '#112233' },
      policies: { cancellation_window_hours: 48, refund_percent_inside_window: 0 },
    });
    const again = await call(app, 'PUT', '/api/organization', { token: org.token, body: { policies: { refund_percent_inside_window: 50 } } });
    expect(again.body.policies).toMatchObject({ cancellation_window_hours: 48, refund_percent_inside_window: 50 });
    expect(again.body.name).toBe('Escape Works Ltd');
  });

  it('rejects an unknown time zone, currency, unknown fields and out-of-range policies', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const res = await call(app, 'PUT', '/api/organization', {
      token: org.token,
      body: { timezone: 'Europe/Atlantis', currency: 'usd', policies: { refund_percent_inside_window: 150 }, owner: 'me' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(expect.arrayContaining(['body.timezone', 'body.currency', 'body.policies.refund_percent_inside_window']));
    expect((await call(app, 'GET', '/api/organization', { token: org.token })).body.timezone).toBe('America/New_York');
  });
});
