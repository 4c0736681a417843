import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { uniqueEmail } from '../../support/fixtures.js';
import { bookingOf, moneyWorld, setPolicies, staffBooking, type MoneyWorld } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const get = useTestApp({ now: NOW });

describe('coupons, gift cards and referrals on the booking path', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const coupon = async (body: Record<string, unknown>, world = w) => {
    const res = await call(app(), 'POST', '/api/coupons', { token: world.manager, body: { kind: 'percent', value: 15, ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; code: string };
  };
  const giftCard = async (initial_balance_cents: number, world = w) => {
    const res = await call(app(), 'POST', '/api/gift-cards', { token: world.manager, body: { initial_balance_cents } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; code: string };
  };
  const widget = (path: string, body: Record<string, unknown>, world = w) =>
    call(app(), 'POST', `/api/public/venues/${world.venue.embed_key}/${path}`, { body: { game_id: world.game.id, party_size: 4, ...body } });
  const card = async (id: string) => (await call(app(), 'GET', `/api/gift-cards/${id}`, { token: w.manager })).body as { balance_cents: number };
  const couponOf = async (id: string) => (await call(app(), 'GET', `/api/coupons/${id}`, { token: w.manager })).body as { redemptions: number };

  it('books exactly what the quote said, and a cancellation gives the card part and the redemption back', async () => {
    w = await moneyWorld(app());
    await setPolicies(app(), w, { refund_percent_outside_window: 100 }, { rate_bps: 1000, inclusive: false });
    const c = await coupon({ code: 'SPRING15' });
    const g = await giftCard(5000);
    const start_at = '2026-06-10T14:00:00-04:00';
    const codes = { coupon_code: 'spring15', gift_card_code: g.code.toLowerCase() };
    const quote = await widget('quote', { start_at, ...codes, customer: { email: 'q@example.test' } });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    // 4 × 30.00 = 120.00; -15% = 102.00; +10% tax = 10.20 → 112.20; card 50.00 → 62.20 due.
    expect(quote.body).toMatchObject({ subtotal_cents: 12_000, discount_cents: 1800, tax_cents: 1020, total_cents: 11_220, gift_card_cents: 5000, amount_due_cents: 6220 });
    const booked = await widget('bookings', { start_at, ...codes, customer: { full_name: 'Quinn Quote', email: uniqueEmail('quote') } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ total_amount: 12_000, discount_amount: 1800, tax_amount: 1020, final_amount: 11_220, amount_paid: 5000, payment_status: 'partial' });
    expect((await card(g.id)).balance_cents).toBe(0);
    expect((await couponOf(c.id)).redemptions).toBe(1);

    const cancelled = await call(app(), 'POST', `/api/public/bookings/${booked.body.booking_number}/cancel`, { body: { token: booked.body.manage_token } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', amount_paid: 0, refund_amount: 5000, payment_status: 'refunded' });
    expect((await card(g.id)).balance_cents).toBe(5000);
    expect((await couponOf(c.id)).redemptions).toBe(0);
    const ledger = (await call(app(), 'GET', `/api/gift-cards/${g.id}/transactions`, { token: w.manager })).body.data as { kind: string; amount_cents: number }[];
    expect(ledger.map((t) => [t.kind, t.amount_cents])).toEqual([['refund', 5000], ['redeem', -5000], ['issue', 5000]]);
  });

  it('refuses codes that are unknown, expired, of another organization or used up, writing nothing', async () => {
    const other = await moneyWorld(app());
    const theirs = await coupon({ code: 'THEIRS' }, other);
    const theirCard = await giftCard(1000, other);
    await coupon({ code: 'OLD', valid_to: '2026-05-01T00:00:00Z', valid_from: '2026-04-01T00:00:00Z' });
    await coupon({ code: 'ONCE', max_redemptions: 1 });
    const start_at = '2026-06-10T16:00:00-04:00';
    for (const codes of [{ coupon_code: theirs.code }, { gift_card_code: theirCard.code }, { coupon_code: 'OLD' }, { coupon_code: 'NOPE' }]) {
      const res = await widget('bookings', { start_at, ...codes, customer: { full_name: 'Ned No', email: uniqueEmail('no') } });
      expect(res.status, JSON.stringify(codes)).toBe(422);
      expect(res.body.code).toBe('invalid_code');
    }
    expect((await call(app(), 'GET', '/api/bookings', { token: w.staff })).body.total).toBe(1);
    expect((await widget('bookings', { start_at, coupon_code: 'ONCE', customer: { full_name: 'First', email: uniqueEmail('a') } })).status).toBe(201);
    const second = await widget('bookings', { start_at: '2026-06-10T18:00:00-04:00', coupon_code: 'ONCE', customer: { full_name: 'Second', email: uniqueEmail('b') } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('limit_reached');
  });

  it('refuses a gift card of another currency', async () => {
    const g = await giftCard(2000);
    const res = await call(app(), 'PUT', '/api/organization', { token: w.admin, body: { currency: 'EUR' } });
    expect(res.status).toBe(200);
    const quote = await widget('quote', { start_at: '2026-06-11T14:00:00-04:00', gift_card_code: g.code });
    expect(quote.status).toBe(422);
    expect(quote.body.code).toBe('invalid_code');
    await call(app(), 'PUT', '/api/organization', { token: w.admin, body: { currency: 'USD' } });
  });

  it('rewards a referrer once, when the referred customer’s first booking is completed', async () => {
    await setPolicies(app(), w, { referral_reward_cents: 1500 });
    const referrer = await staffBooking(app(), w, '2026-06-12T14:00:00-04:00');
    const ref = await call(app(), 'GET', `/api/customers/${referrer.customer_id}/referral`, { token: w.staff });
    expect(ref.status).toBe(200);
    const self = await widget('bookings', { start_at: '2026-06-12T16:00:00-04:00', referral_code: ref.body.code, customer: { full_name: 'Pat Payer', email: (await call(app(), 'GET', `/api/customers/${referrer.customer_id}`, { token: w.staff })).body.email } });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('invalid_code');
    const friend = await staffBooking(app(), w, '2026-06-12T18:00:00-04:00', { referral_code: ref.body.code });
    get().clock.now = new Date('2026-06-12T22:30:00Z');
    for (const step of ['checkin', 'complete']) {
      const res = await call(app(), 'POST', `/api/bookings/${friend.id}/${step}`, { token: w.staff });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    get().clock.now = NOW;
    const after = await call(app(), 'GET', `/api/customers/${referrer.customer_id}/referral`, { token: w.staff });
    expect(after.body).toMatchObject({ code: ref.body.code, referred_count: 1, rewarded_count: 1 });
    const cards = (await call(app(), 'GET', '/api/gift-cards', { token: w.manager })).body.data as { customer_id: string | null; initial_balance_cents: number }[];
    expect(cards.filter((c) => c.customer_id === referrer.customer_id).map((c) => c.initial_balance_cents)).toEqual([1500]);
    expect((await bookingOf(app(), w, friend.id)).status).toBe('completed');
  });
});
