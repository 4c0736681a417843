import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';

// User emails are unique across the platform, so a refused user creation says that an account exists somewhere:
// an organization's admin may learn that only a few times per window (USER_EMAIL_CLASH_MAX_PER_ORGANIZATION).
describe('user creation does not let an admin probe other organizations’ accounts without limit', () => {
  // A window long enough that no test run crosses its boundary.
  const t = useTestApp({ env: { USER_EMAIL_CLASH_MAX_PER_ORGANIZATION: '3', SIGNUP_WINDOW_SECONDS: '31536000' } });

  it('answers 409 for a taken email a few times, then 429 with Retry-After; new emails still work', async () => {
    const { app } = t();
    const victim = await signupOrg(app);
    const prober = await signupOrg(app);
    const probe = (email: string) => call(app, 'POST', '/api/users', { token: prober.token, body: { email, full_name: 'Probe', role: 'staff', password: PASSWORD } });
    for (let i = 0; i < 3; i++) {
      const res = await probe(victim.email);
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.code).toBe('already_exists');
    }
    const limited = await probe(victim.email);
    expect(limited.status, JSON.stringify(limited.body)).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Email changes count too.
    const staff = await probe(uniqueEmail('staff'));
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    const change = await call(app, 'PUT', `/api/users/${staff.body.id}`, { token: prober.token, body: { email: victim.email } });
    expect(change.status).toBe(429);
    // The victim's organization has its own budget.
    const own = await call(app, 'POST', '/api/users', { token: victim.token, body: { email: prober.email, full_name: 'X', role: 'staff', password: PASSWORD } });
    expect(own.status).toBe(409);
  });
});
