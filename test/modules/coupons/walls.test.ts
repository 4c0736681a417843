import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg } from '../../support/fixtures.js';
import { bookingWorld, countsOf, createCoupon, createCustomer, inOrg, NOW } from './helpers.js';

// The walls of migration 0013, met by SQL that skips the service's checks (as a bug or a future caller might): the
// database itself refuses what would break a limit, rewrite history or point into another organization.
describe('coupon invariants held by the database', () => {
  const t = useTestApp({ now: NOW });

  const insert = `insert into coupon_redemptions (organization_id, coupon_id, booking_id, customer_id, discount_cents)
                  values (app_current_org(), $1, $2, $3, 100)`;

  it('an insert past max_redemptions or max_per_customer is refused; the counter follows the rows', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { book } = await bookingWorld(app, org.token);
    const [alice, bob] = [await createCustomer(app, org.token), await createCustomer(app, org.token)];
    const total = await createCoupon(app, org.token, { code: 'WALLTOTAL', max_redemptions: 1 });
    const each = await createCoupon(app, org.token, { code: 'WALLEACH', max_per_customer: 1 });
    const [b1, b2, b3, b4] = [await book(alice.id), await book(bob.id), await book(alice.id), await book(alice.id)];
    const raw = (couponId: string, bookingId: string, customerId: string) => inOrg(db, org.organizationId, (tx) => tx.query(insert, [couponId, bookingId, customerId]));
    await raw(total.id, b1.id, alice.id);
    await expect(raw(total.id, b2.id, bob.id)).rejects.toMatchObject({ code: '23514' });
    await raw(each.id, b3.id, alice.id);
    await expect(raw(each.id, b4.id, alice.id)).rejects.toMatchObject({ code: '23514' });
    // One coupon per booking.
    const free = await createCoupon(app, org.token, { code: 'WALLFREE' });
    await expect(raw(free.id, b1.id, alice.id)).rejects.toMatchObject({ code: '23505' });
    expect(await countsOf(db, total.id)).toEqual({ counter: 1, live: 1, released: 0 });
    expect(await countsOf(db, each.id)).toEqual({ counter: 1, live: 1, released: 0 });
  });

  it('a redemption is history: no delete, no change but its release, no un-release', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { book } = await bookingWorld(app, org.token);
    const customer = await createCustomer(app, org.token);
    const c = await createCoupon(app, org.token, { code: 'HISTORY' });
    const b = await book(customer.id);
    const run = (text: string) => inOrg(db, org.organizationId, (tx) => tx.query(text, [b.id]));
    await inOrg(db, org.organizationId, (tx) => tx.query(insert, [c.id, b.id, customer.id]));
    await expect(run('delete from coupon_redemptions where booking_id = $1')).rejects.toMatchObject({ code: '42501' });
    await expect(run('update coupon_redemptions set discount_cents = 0 where booking_id = $1')).rejects.toMatchObject({ code: '42501' });
    await run('update coupon_redemptions set released_at = now() where booking_id = $1');
    await expect(run('update coupon_redemptions set released_at = null where booking_id = $1')).rejects.toMatchObject({ code: '23514' });
    expect(await countsOf(db, c.id)).toEqual({ counter: 0, live: 0, released: 1 });
    // A coupon with history cannot be deleted by SQL either (the API archives it instead).
    await expect(inOrg(db, org.organizationId, (tx) => tx.query('delete from coupons where id = $1', [c.id]))).rejects.toMatchObject({ code: '23503' });
  });

  it("nothing points into another organization: scope ids, bookings and customers must be the coupon's own", async () => {
    const { app, db } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    const theirs = await bookingWorld(app, b.token);
    const theirCustomer = await createCustomer(app, b.token);
    const theirBooking = await theirs.book(theirCustomer.id);
    const c = await createCoupon(app, a.token, { code: 'ALPHAWALL' });
    await expect(inOrg(db, a.organizationId, (tx) => tx.query('update coupons set game_ids = array[$2::uuid] where id = $1', [c.id, theirs.game.id]))).rejects.toMatchObject({ code: '23503' });
    await expect(inOrg(db, a.organizationId, (tx) => tx.query('update coupons set venue_ids = array[$2::uuid] where id = $1', [c.id, theirs.venue.id]))).rejects.toMatchObject({ code: '23503' });
    await expect(inOrg(db, a.organizationId, (tx) => tx.query(insert, [c.id, theirBooking.id, theirCustomer.id]))).rejects.toMatchObject({ code: '23503' });
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: a.token })).body).toMatchObject({ game_ids: [], venue_ids: [], redemptions: 0 });
  });
});
