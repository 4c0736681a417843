import { describe, expect, it } from 'vitest';
import { couponForQuote, redeemCoupon, releaseCoupon } from '../../../src/modules/coupons/service.js';
import { call, useTestApp } from '../../support/app.js';
import { signupOrg } from '../../support/fixtures.js';
import { bookingWorld, countsOf, createCoupon, createCustomer, createGame, createVenue, inOrg, NOW } from './helpers.js';

const appError = (code: string): unknown => expect.objectContaining({ code });

describe('couponForQuote: which codes apply to a quote', () => {
  const t = useTestApp({ now: NOW });

  it('answers the coupon for its code in any case, trimmed; invalid_code for unknown, inactive and malformed codes', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const c = await createCoupon(app, org.token, { code: 'Spring10', kind: 'fixed', value: 700 });
    await createCoupon(app, org.token, { code: 'PAUSED', active: false });
    const ctx = { gameId: crypto.randomUUID(), venueId: crypto.randomUUID(), partySize: 2, customerId: null };
    const quote = (code: string) => inOrg(db, org.organizationId, (tx) => couponForQuote(tx, code, ctx, NOW));
    expect(await quote('  sPRING10 ')).toEqual({ id: c.id, code: 'Spring10', kind: 'fixed', value: 700 });
    for (const code of ['NOPE10', 'PAUSED', 'paused', '', 'SPRING10%', "x' or 1=1 --", 'a\u0000b', 'Spring10'.repeat(10)]) {
      await expect(quote(code), code).rejects.toEqual(appError('invalid_code'));
    }
  });

  it('applies only inside [valid_from, valid_to): from inclusive, to exclusive', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const from = new Date('2026-06-01T00:00:00Z');
    const to = new Date('2026-06-08T00:00:00Z');
    await createCoupon(app, org.token, { code: 'WEEK1', valid_from: from.toISOString(), valid_to: to.toISOString() });
    await createCoupon(app, org.token, { code: 'OPENENDED', valid_from: from.toISOString() });
    const ctx = { gameId: crypto.randomUUID(), venueId: crypto.randomUUID(), partySize: 1, customerId: null };
    const at = (code: string, now: Date) => inOrg(db, org.organizationId, (tx) => couponForQuote(tx, code, ctx, now));
    const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
    await expect(at('WEEK1', ms(from, -1))).rejects.toEqual(appError('invalid_code'));
    await expect(at('WEEK1', from)).resolves.toMatchObject({ code: 'WEEK1' });
    await expect(at('WEEK1', ms(to, -1))).resolves.toMatchObject({ code: 'WEEK1' });
    await expect(at('WEEK1', to)).rejects.toEqual(appError('invalid_code'));
    await expect(at('OPENENDED', ms(from, -1))).rejects.toEqual(appError('invalid_code'));
    await expect(at('OPENENDED', new Date('2099-01-01T00:00:00Z'))).resolves.toMatchObject({ code: 'OPENENDED' });
  });

  it('applies only to its games and venues and from its minimum party size', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const [v1, v2] = [await createVenue(app, org.token), await createVenue(app, org.token, { name: 'Uptown' })];
    const [g1, g2] = [await createGame(app, org.token, { venue_ids: [v1.id, v2.id] }), await createGame(app, org.token, { name: 'Other', venue_ids: [v1.id, v2.id] })];
    await createCoupon(app, org.token, { code: 'G1ONLY', game_ids: [g1.id] });
    await createCoupon(app, org.token, { code: 'V2ONLY', venue_ids: [v2.id] });
    await createCoupon(app, org.token, { code: 'GROUP4', min_party_size: 4 });
    const quote = (code: string, gameId: string, venueId: string, partySize = 2) =>
      inOrg(db, org.organizationId, (tx) => couponForQuote(tx, code, { gameId, venueId, partySize, customerId: null }, NOW));
    await expect(quote('G1ONLY', g1.id, v2.id)).resolves.toMatchObject({ code: 'G1ONLY' });
    await expect(quote('G1ONLY', g2.id, v1.id)).rejects.toEqual(appError('invalid_code'));
    await expect(quote('V2ONLY', g2.id, v2.id)).resolves.toMatchObject({ code: 'V2ONLY' });
    await expect(quote('V2ONLY', g1.id, v1.id)).rejects.toEqual(appError('invalid_code'));
    await expect(quote('GROUP4', g1.id, v1.id, 4)).resolves.toMatchObject({ code: 'GROUP4' });
    await expect(quote('GROUP4', g1.id, v1.id, 3)).rejects.toEqual(appError('invalid_code'));
  });

  it("is never applicable in another organization's transaction, nor without one", async () => {
    const { app, db } = t();
    const a = await signupOrg(app);
    const b = await signupOrg(app);
    await createCoupon(app, a.token, { code: 'ALPHAONLY' });
    const ctx = { gameId: crypto.randomUUID(), venueId: crypto.randomUUID(), partySize: 2, customerId: null };
    await expect(inOrg(db, a.organizationId, (tx) => couponForQuote(tx, 'ALPHAONLY', ctx, NOW))).resolves.toMatchObject({ code: 'ALPHAONLY' });
    await expect(inOrg(db, b.organizationId, (tx) => couponForQuote(tx, 'ALPHAONLY', ctx, NOW))).rejects.toEqual(appError('invalid_code'));
    await expect(inOrg(db, '', (tx) => couponForQuote(tx, 'ALPHAONLY', ctx, NOW))).rejects.toEqual(appError('invalid_code'));
  });
});

describe('redeemCoupon and releaseCoupon: limits that hold, uses given back', () => {
  const t = useTestApp({ now: NOW });

  it('max_redemptions: the last use is taken, then limit_reached for quotes and redemptions; counter = rows', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { game, venue, book } = await bookingWorld(app, org.token);
    const customer = await createCustomer(app, org.token);
    const c = await createCoupon(app, org.token, { code: 'TWICE', max_redemptions: 2 });
    const ctx = { gameId: game.id, venueId: venue.id, partySize: 1, customerId: customer.id };
    const bookings = [await book(customer.id), await book(customer.id), await book(customer.id)];
    const redeem = (bookingId: string) => inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId, customerId: customer.id, discountCents: 250 }, NOW));
    await redeem(bookings[0]!.id);
    await redeem(bookings[1]!.id);
    await expect(inOrg(db, org.organizationId, (tx) => couponForQuote(tx, 'TWICE', ctx, NOW))).rejects.toEqual(appError('limit_reached'));
    await expect(redeem(bookings[2]!.id)).rejects.toEqual(appError('limit_reached'));
    expect(await countsOf(db, c.id)).toEqual({ counter: 2, live: 2, released: 0 });
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).body).toMatchObject({ redemptions: 2, updated_at: c.updated_at });
    // Lowering the limit below the uses already made is refused; to the uses made, accepted.
    expect((await call(app, 'PUT', `/api/coupons/${c.id}`, { token: org.token, body: { max_redemptions: 1 } })).body.fields).toHaveProperty(['body.max_redemptions']);
    expect((await call(app, 'PUT', `/api/coupons/${c.id}`, { token: org.token, body: { max_redemptions: 2, value: 20 } })).body).toMatchObject({ max_redemptions: 2, value: 20 });
  });

  it('max_per_customer counts the customer by id, or by email before the customer exists; refusals write nothing', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { game, venue, book } = await bookingWorld(app, org.token);
    const [alice, bob] = [await createCustomer(app, org.token), await createCustomer(app, org.token)];
    const c = await createCoupon(app, org.token, { code: 'ONCEEACH', max_per_customer: 1 });
    const quote = (who: { customerId: string | null; customerEmail?: string | null }) =>
      inOrg(db, org.organizationId, (tx) => couponForQuote(tx, 'ONCEEACH', { gameId: game.id, venueId: venue.id, partySize: 1, ...who }, NOW));
    const first = await book(alice.id);
    await inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: first.id, customerId: alice.id, discountCents: 0 }, NOW));
    await expect(quote({ customerId: alice.id })).rejects.toEqual(appError('limit_reached'));
    await expect(quote({ customerId: null, customerEmail: (alice.email as string).toUpperCase() })).rejects.toEqual(appError('limit_reached'));
    await expect(quote({ customerId: null, customerEmail: 'nobody.yet@example.test' })).resolves.toMatchObject({ id: c.id });
    await expect(quote({ customerId: null })).resolves.toMatchObject({ id: c.id });
    await expect(quote({ customerId: bob.id })).resolves.toMatchObject({ id: c.id });

    // Refused inside a transaction that goes on: the transaction stays usable and commits what else it did.
    const second = await book(alice.id);
    const after = await inOrg(db, org.organizationId, async (tx) => {
      const refused = await redeemCoupon(tx, { couponId: c.id, bookingId: second.id, customerId: alice.id, discountCents: 100 }, NOW).catch((e: unknown) => e);
      expect(refused).toEqual(appError('limit_reached'));
      return (await tx.query<{ n: number }>('select count(*)::int as n from coupon_redemptions')).rows[0]!.n;
    });
    expect(after).toBe(1);
    expect(await countsOf(db, c.id)).toEqual({ counter: 1, live: 1, released: 0 });
    const bobs = await book(bob.id);
    await inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: bobs.id, customerId: bob.id, discountCents: 100 }, NOW));
    expect(await countsOf(db, c.id)).toEqual({ counter: 2, live: 2, released: 0 });
  });

  it('a cancelled booking gives its redemption back, once; release of a booking without one is a no-op', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { game, venue, book } = await bookingWorld(app, org.token);
    const customer = await createCustomer(app, org.token);
    const c = await createCoupon(app, org.token, { code: 'LASTONE', max_redemptions: 1, max_per_customer: 1 });
    const [used, next, plain] = [await book(customer.id), await book(customer.id), await book(customer.id)];
    const redeem = (bookingId: string) => inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId, customerId: customer.id, discountCents: 300 }, NOW));
    await redeem(used.id);
    await expect(redeem(next.id)).rejects.toEqual(appError('limit_reached'));

    expect((await call(app, 'DELETE', `/api/bookings/${used.id}`, { token: org.token })).status).toBeLessThan(300);
    await inOrg(db, org.organizationId, (tx) => releaseCoupon(tx, used.id));
    expect(await countsOf(db, c.id)).toEqual({ counter: 0, live: 0, released: 1 });
    await inOrg(db, org.organizationId, (tx) => releaseCoupon(tx, used.id));
    await inOrg(db, org.organizationId, (tx) => releaseCoupon(tx, plain.id));
    expect(await countsOf(db, c.id)).toEqual({ counter: 0, live: 0, released: 1 });
    // Another organization cannot release this organization's redemptions.
    const other = await signupOrg(app);
    await inOrg(db, other.organizationId, (tx) => releaseCoupon(tx, next.id));

    const ctx = { gameId: game.id, venueId: venue.id, partySize: 1, customerId: customer.id };
    await expect(inOrg(db, org.organizationId, (tx) => couponForQuote(tx, 'lastone', ctx, NOW))).resolves.toMatchObject({ id: c.id });
    await redeem(next.id);
    expect(await countsOf(db, c.id)).toEqual({ counter: 1, live: 1, released: 1 });
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).body.redemptions).toBe(1);
  });

  it('redeemCoupon answers invalid_code when the coupon stopped working: deactivated, expired, deleted', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { book } = await bookingWorld(app, org.token);
    const customer = await createCustomer(app, org.token);
    const c = await createCoupon(app, org.token, { code: 'FLEETING', valid_to: '2026-06-02T00:00:00Z' });
    const b = await book(customer.id);
    const redeem = (now: Date) => inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: b.id, customerId: customer.id, discountCents: 1 }, now));
    await expect(redeem(new Date('2026-06-02T00:00:00Z'))).rejects.toEqual(appError('invalid_code'));
    await call(app, 'PUT', `/api/coupons/${c.id}`, { token: org.token, body: { active: false } });
    await expect(redeem(NOW)).rejects.toEqual(appError('invalid_code'));
    await call(app, 'PUT', `/api/coupons/${c.id}`, { token: org.token, body: { active: true } });
    const other = await signupOrg(app);
    await expect(inOrg(db, other.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: b.id, customerId: customer.id, discountCents: 1 }, NOW))).rejects.toEqual(appError('invalid_code'));
    expect(await countsOf(db, c.id)).toEqual({ counter: 0, live: 0, released: 0 });
    await redeem(NOW);
    expect(await countsOf(db, c.id)).toEqual({ counter: 1, live: 1, released: 0 });
  });

  it('deleting a redeemed coupon archives it: gone from the API, never applicable, history kept, code free', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const { game, venue, book } = await bookingWorld(app, org.token);
    const customer = await createCustomer(app, org.token);
    const c = await createCoupon(app, org.token, { code: 'RETIRED' });
    const b = await book(customer.id);
    await inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: b.id, customerId: customer.id, discountCents: 100 }, NOW));
    expect((await call(app, 'DELETE', `/api/coupons/${c.id}`, { token: org.token })).status).toBe(204);
    expect((await call(app, 'GET', `/api/coupons/${c.id}`, { token: org.token })).status).toBe(404);
    expect((await call(app, 'GET', '/api/coupons', { token: org.token })).body.total).toBe(0);
    const ctx = { gameId: game.id, venueId: venue.id, partySize: 1, customerId: customer.id };
    await expect(inOrg(db, org.organizationId, (tx) => couponForQuote(tx, 'RETIRED', ctx, NOW))).rejects.toEqual(appError('invalid_code'));
    await expect(inOrg(db, org.organizationId, (tx) => redeemCoupon(tx, { couponId: c.id, bookingId: b.id, customerId: customer.id, discountCents: 1 }, NOW))).rejects.toEqual(appError('invalid_code'));
    expect(await countsOf(db, c.id)).toEqual({ counter: 1, live: 1, released: 0 });
    const again = await createCoupon(app, org.token, { code: 'retired' });
    await expect(inOrg(db, org.organizationId, (tx) => couponForQuote(tx, 'RETIRED', ctx, NOW))).resolves.toMatchObject({ id: again.id });
    // Releasing the archived coupon's redemption still gives its count back.
    await inOrg(db, org.organizationId, (tx) => releaseCoupon(tx, b.id));
    expect(await countsOf(db, c.id)).toEqual({ counter: 0, live: 0, released: 1 });
  });
});
