import { describe, expect, it } from 'vitest';
import { giftCardLookupsPerMinute } from '../../../src/modules/giftcards/routes.js';
import { call, useTestApp } from '../../support/app.js';
import { createVenue } from '../../support/catalog.js';
import { signupOrg } from '../../support/fixtures.js';
import { issueCard } from './fixtures.js';

describe('the public gift card look-up is rate limited per client address', () => {
  // 24 widget requests a minute leave 2 gift card look-ups.
  const t = useTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '24' } });

  it('answers 429 with Retry-After past its budget, known and unknown codes alike, while the widget still works', async () => {
    const { app } = t();
    expect(giftCardLookupsPerMinute(120)).toBe(10);
    expect(giftCardLookupsPerMinute(5)).toBe(1);
    const org = await signupOrg(app);
    const venue = await createVenue(app, org.token);
    const card = await issueCard(app, org.token);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    // Five in a row: a minute window may turn over once during the burst, so at most four get through.
    for (const code of [card.code, 'UNKNOWNCODE23456', card.code, 'UNKNOWNCODE23457', card.code]) {
      const res = await call(app, 'GET', `/api/public/venues/${venue.embed_key}/gift-cards/${code}`);
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 2)).toEqual([200, 404]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(limited?.body.code).toBe('rate_limited');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // The rest of the widget API has its own, larger budget.
    expect((await call(app, 'GET', `/api/public/venues/${venue.embed_key}`)).status).toBe(200);
  });
});
