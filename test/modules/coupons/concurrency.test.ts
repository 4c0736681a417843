import { describe, expect, it } from 'vitest';
import type { Queryable, TransactionStart } from '../../../src/db/client.js';
import { redeemCoupon } from '../../../src/modules/coupons/service.js';
import { call, useTestApp } from '../../support/app.js';
import { onServer } from '../../support/db.js';
import { signupOrg } from '../../support/fixtures.js';
import { bookingWorld, countsOf, createCoupon, createCustomer, inOrg, NOW } from './helpers.js';

// Real concurrency needs the PostgreSQL server: each redemption below holds its own pooled connection and tenant
// transaction while the others run (PGlite runs one transaction at a time, which proves nothing here).
describe.skipIf(!onServer)('coupon limits under concurrent redemptions', () => {
  const t = useTestApp({ now: NOW, poolSize: 30 });

  /** Runs `fire` counting the transactions open at once, and checks they really overlapped. */
  async function concurrently<T>(fire: () => Promise<T>): Promise<T> {
    const { db } = t();
    const original = db.transaction.bind(db);
    let open = 0;
    let most = 0;
    db.transaction = <R,>(fn: (tx: Queryable, started: Record<string, unknown>[]) => Promise<R>, start?: TransactionStart) =>
      original<R>(async (tx, started) => {
        most = Math.max(most, ++open);
        try {
          return await fn(tx, started);
        } finally {
          open -= 1;
        }
      }, start);
    try {
      return await fire();
    } finally {
      db.transaction = original;
      expect(most, 'transactions open at once').toBeGreaterThanOrEqual(10);
    }
  }

  /** Answers by outcome: 'ok' or the AppError code. */
  function tally(outcomes: PromiseSettledResult<void>[]) {
    const byOutcome: Record<string, number> = {};
    for (const o of outcomes) {
      const key = o.status === 'fulfilled' ? 'ok' : String((o.reason as { code?: string }).code);
      byOutcome[key] = (byOutcome[key] ?? 0) + 1;
    }
    return byOutcome;
  }

  it('50 concurrent redemptions of a 10-use coupon: exactly 10 succeed, 40 limit_reached, counter = 10 = rows', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { book } = await bookingWorld(app, org.token);
    const customers = await Promise.all(Array.from({ length: 5 }, () => createCustomer(app, org.token)));
    const bookings: { id: string; customer_id: string }[] = [];
    for (let i = 0; i < 50; i++) bookings.push(await book(customers[i % customers.length]!.id));
    const c = await createCoupon(app, org.token, { code: 'RUSH10', max_redemptions: 10 });
    const outcomes = await concurrently(() =>
      Promise.allSettled(
        bookings.map((b) =>
          inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: b.id, customerId: b.customer_id, discountCents: 250 }, NOW)),
        ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 10, limit_reached: 40 });
    expect(await countsOf(db, c.id)).toEqual({ counter: 10, live: 10, released: 0 });
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).body.redemptions).toBe(10);
  });

  it('20 concurrent redemptions by one customer of a twice-per-customer coupon: exactly 2', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { book } = await bookingWorld(app, org.token);
    const customer = await createCustomer(app, org.token);
    const bookings: { id: string; customer_id: string }[] = [];
    for (let i = 0; i < 20; i++) bookings.push(await book(customer.id));
    const c = await createCoupon(app, org.token, { code: 'TWOEACH', max_per_customer: 2 });
    const outcomes = await concurrently(() =>
      Promise.allSettled(
        bookings.map((b) => inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: b.id, customerId: customer.id, discountCents: 100 }, NOW))),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 2, limit_reached: 18 });
    expect(await countsOf(db, c.id)).toEqual({ counter: 2, live: 2, released: 0 });
  });
});
