import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { GIFT_CARD_ALPHABET } from '../../../src/modules/giftcards/service.js';
import { recordReferral, rewardReferral } from '../../../src/modules/referrals/service.js';
import { call, useTestApp } from '../../support/app.js';
import { createCustomer } from '../../support/catalog.js';
import { addUser, signupOrg, type SignedUpOrg } from '../../support/fixtures.js';
import { asTenant, book, bookable, ledgerOf } from '../giftcards/fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const REF = new RegExp(`^REF-[${GIFT_CARD_ALPHABET}]{6}$`);

interface Summary { code: string; referred_count: number; rewarded_count: number }
const summary = async (app: FastifyInstance, token: string, customerId: string) => (await call(app, 'GET', `/api/customers/${customerId}/referral`, { token })).body as Summary;

async function complete(app: FastifyInstance, token: string, bookingId: string) {
  expect((await call(app, 'POST', `/api/bookings/${bookingId}/checkin`, { token })).status).toBe(200);
  const done = await call(app, 'PUT', `/api/bookings/${bookingId}`, { token, body: { status: 'completed' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

async function setReward(app: FastifyInstance, org: SignedUpOrg, cents: number) {
  const res = await call(app, 'PUT', '/api/organization', { token: org.token, body: { policies: { referral_reward_cents: cents } } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** An organization, a referrer with their code, and a new customer's first booking. */
async function scene(app: FastifyInstance) {
  const org = await signupOrg(app);
  const place = await bookable(app, org.token);
  const referrer = await createCustomer(app, org.token, { full_name: 'Rhea Referrer' });
  const { code } = await summary(app, org.token, referrer.id);
  const newcomer = await book(app, org.token, place, NOW);
  return { org, place, referrer, code, newcomer };
}

const cardsOf = async (app: FastifyInstance, token: string, customerName: string) =>
  (await call(app, 'GET', `/api/gift-cards?q=${encodeURIComponent(customerName)}`, { token })).body.data as { id: string; balance_cents: number; customer_id: string; note: string }[];

describe('referrals', () => {
  const t = useTestApp({ now: NOW });

  it('a customer’s code is made once and stays; staff may read it; unknown and other organizations’ customers are 404', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const other = await signupOrg(app);
    const staff = await addUser(app, org.token, 'staff');
    const customer = await createCustomer(app, org.token);
    const first = await summary(app, staff.token, customer.id);
    expect(first).toEqual({ code: expect.stringMatching(REF) as string, referred_count: 0, rewarded_count: 0 });
    const again = await Promise.all([summary(app, org.token, customer.id), summary(app, staff.token, customer.id)]);
    expect(again.map((s) => s.code)).toEqual([first.code, first.code]);
    expect((await summary(app, org.token, (await createCustomer(app, org.token)).id)).code).not.toBe(first.code);

    for (const [token, id] of [[other.token, customer.id], [org.token, '00000000-0000-4000-8000-000000000000']]) {
      const res = await call(app, 'GET', `/api/customers/${id}/referral`, { token });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'not_found' });
    }
    expect((await call(app, 'DELETE', `/api/customers/${customer.id}`, { token: org.token })).status).toBe(204);
    expect((await call(app, 'GET', `/api/customers/${customer.id}/referral`, { token: org.token })).status).toBe(404);
  });

  it('records a new customer’s referral once, and refuses self-referral, returning customers and unknown codes', async () => {
    const { app, db } = t();
    const { org, place, referrer, code, newcomer } = await scene(app);
    const record = (input: { code: string; referredCustomerId: string; bookingId: string }) => asTenant(db, org, (tx) => recordReferral(tx, input));

    const ownBooking = await book(app, org.token, place, NOW, referrer.id);
    await expect(record({ code, referredCustomerId: referrer.id, bookingId: ownBooking.id })).rejects.toMatchObject({ code: 'invalid_code', fields: { referral_code: 'a customer cannot refer themself' } });
    for (const typo of ['REF-000000', 'nonsense', '', 'REF-ABCDEFG', '\u0000']) {
      await expect(record({ code: typo, referredCustomerId: newcomer.customerId, bookingId: newcomer.id })).rejects.toMatchObject({ code: 'invalid_code' });
    }
    // Typed in lower case with a space instead of the dash: the same code.
    await record({ code: code.toLowerCase().replace('-', ' '), referredCustomerId: newcomer.customerId, bookingId: newcomer.id });
    expect(await summary(app, org.token, referrer.id)).toMatchObject({ code, referred_count: 1, rewarded_count: 0 });

    const second = await createCustomer(app, org.token, { full_name: 'Another Referrer' });
    const secondCode = (await summary(app, org.token, second.id)).code;
    await expect(record({ code: secondCode, referredCustomerId: newcomer.customerId, bookingId: newcomer.id })).rejects.toMatchObject({ code: 'invalid_code', fields: { referral_code: 'the customer was already referred' } });
    // A customer who booked before is not new.
    const regular = await book(app, org.token, place, NOW);
    const later = await book(app, org.token, place, NOW, regular.customerId);
    await expect(record({ code, referredCustomerId: regular.customerId, bookingId: later.id })).rejects.toMatchObject({ code: 'invalid_code', fields: { referral_code: 'only new customers can be referred' } });
    // Another organization's code is unknown here.
    const elsewhere = await scene(app);
    await expect(record({ code: elsewhere.code, referredCustomerId: regular.customerId, bookingId: regular.id })).rejects.toMatchObject({ code: 'invalid_code' });
    expect(await summary(app, org.token, referrer.id)).toMatchObject({ referred_count: 1 });
  });

  it('rewards the referrer once when the referred booking is completed, also when called concurrently', async () => {
    const { app, db } = t();
    const { org, place, referrer, code, newcomer } = await scene(app);
    await setReward(app, org, 1500);
    await asTenant(db, org, (tx) => recordReferral(tx, { code, referredCustomerId: newcomer.customerId, bookingId: newcomer.id }));
    // Another booking's completion rewards nothing.
    const unrelated = await book(app, org.token, place, NOW);
    await complete(app, org.token, unrelated.id);
    await asTenant(db, org, (tx) => rewardReferral(tx, unrelated.id, NOW));
    expect(await cardsOf(app, org.token, 'Rhea Referrer')).toEqual([]);

    await complete(app, org.token, newcomer.id);
    await Promise.all(Array.from({ length: 8 }, () => asTenant(db, org, (tx) => rewardReferral(tx, newcomer.id, NOW))));
    await asTenant(db, org, (tx) => rewardReferral(tx, newcomer.id, NOW));
    const cards = await cardsOf(app, org.token, 'Rhea Referrer');
    expect(cards).toEqual([expect.objectContaining({ balance_cents: 1500, customer_id: referrer.id, note: 'Referral reward' })]);
    expect((await ledgerOf(app, org.token, cards[0]!.id)).rows.map((r) => [r.kind, r.amount_cents])).toEqual([['issue', 1500]]);
    expect(await summary(app, org.token, referrer.id)).toMatchObject({ referred_count: 1, rewarded_count: 1 });
  });

  it('with the reward at 0 (the default) no card is issued and the referral stays unrewarded', async () => {
    const { app, db } = t();
    const { org, referrer, code, newcomer } = await scene(app);
    await asTenant(db, org, (tx) => recordReferral(tx, { code, referredCustomerId: newcomer.customerId, bookingId: newcomer.id }));
    await complete(app, org.token, newcomer.id);
    await asTenant(db, org, (tx) => rewardReferral(tx, newcomer.id, NOW));
    expect(await cardsOf(app, org.token, 'Rhea Referrer')).toEqual([]);
    expect((await call(app, 'GET', '/api/gift-cards', { token: org.token })).body.total).toBe(0);
    expect(await summary(app, org.token, referrer.id)).toMatchObject({ referred_count: 1, rewarded_count: 0 });
  });
});
