import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { onServer } from '../../support/db.js';
import { uniqueEmail } from '../../support/fixtures.js';
import { moneyWorld, type MoneyWorld } from '../../support/money.js';

// Concurrent requests through HTTP against the PostgreSQL server (PGlite runs one transaction at a time, so a race
// there proves nothing). Every booking here is at its own slot unless the test is about one slot.
const NOW = new Date('2026-06-01T12:00:00Z');
const get = useTestApp({ now: NOW, poolSize: 20 });

/** The n-th distinct free slot from 2026-06-10 on: 12 a day (10:00-21:00, New York), n < 252. */
const slot = (n: number) => {
  const day = 10 + Math.floor(n / 12);
  return `2026-06-${String(day).padStart(2, '0')}T${String(10 + (n % 12)).padStart(2, '0')}:00:00-04:00`;
};

describe.skipIf(!onServer)('money under concurrency (PostgreSQL server)', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const book = (n: number, extra: Record<string, unknown>, world = w) =>
    call(app(), 'POST', '/api/bookings', {
      token: world.staff,
      body: { game_id: world.game.id, venue_id: world.venue.id, start_at: slot(n), party_size: 4, customer: { full_name: 'Racer', email: uniqueEmail('race') }, ...extra },
    });
  /** How many answers had each outcome: '201', or the status and error code. */
  const statuses = (answers: { status: number; body: { code?: string } }[]) => {
    const count: Record<string, number> = {};
    for (const a of answers) {
      const outcome = a.status === 201 ? '201' : `${a.status} ${a.body.code}`;
      count[outcome] = (count[outcome] ?? 0) + 1;
    }
    return count;
  };

  it('100 concurrent bookings paying from one gift card never overdraw it; its ledger sums to its balance', async () => {
    w = await moneyWorld(app());
    const card = (await call(app(), 'POST', '/api/gift-cards', { token: w.manager, body: { initial_balance_cents: 100_000 } })).body as { id: string; code: string };
    const answers = await Promise.all(Array.from({ length: 100 }, (_, n) => book(n, { gift_card_code: card.code })));
    const ok = answers.filter((a) => a.status === 201);
    // 8 bookings take 120.00 each, the 9th the 40.00 left; every later one finds 0 and is refused whole.
    expect(statuses(answers)).toEqual({ '201': 9, '422 insufficient_balance': 91 });
    const paid = ok.reduce((s, a) => s + (a.body as { amount_paid: number }).amount_paid, 0);
    expect(paid).toBe(100_000);
    const after = (await call(app(), 'GET', `/api/gift-cards/${card.id}`, { token: w.manager })).body as { balance_cents: number };
    expect(after.balance_cents).toBe(0);
    const ledger = (await call(app(), 'GET', `/api/gift-cards/${card.id}/transactions?limit=100`, { token: w.manager })).body.data as { amount_cents: number }[];
    expect(ledger.reduce((s, t) => s + t.amount_cents, 0)).toBe(after.balance_cents);
    expect(ledger).toHaveLength(10);
    expect((await call(app(), 'GET', '/api/bookings?limit=1', { token: w.staff })).body.total).toBe(9);
  });

  it('50 concurrent bookings with a 10-use coupon: exactly 10 redeem, 40 get limit_reached', async () => {
    const coupon = (await call(app(), 'POST', '/api/coupons', { token: w.manager, body: { code: 'TEN', kind: 'fixed', value: 500, max_redemptions: 10 } })).body as { id: string };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => book(100 + n, { coupon_code: 'TEN' })));
    expect(statuses(answers)).toEqual({ '201': 10, '409 limit_reached': 40 });
    const after = (await call(app(), 'GET', `/api/coupons/${coupon.id}`, { token: w.manager })).body as { redemptions: number };
    expect(after.redemptions).toBe(10);
  });

  it('20 concurrent bookings of one customer with a twice-per-customer coupon: exactly 2 redeem', async () => {
    await call(app(), 'POST', '/api/coupons', { token: w.manager, body: { code: 'TWICE', kind: 'percent', value: 10, max_per_customer: 2 } });
    const email = uniqueEmail('regular');
    const customer = (await call(app(), 'POST', '/api/customers', { token: w.staff, body: { full_name: 'Regular Rae', email } })).body as { id: string };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => book(150 + n, { coupon_code: 'TWICE', customer: undefined, customer_id: customer.id })));
    expect(statuses(answers)).toEqual({ '201': 2, '409 limit_reached': 18 });
  });

  it('40 concurrent holds and bookings at one private slot: exactly one wins; an expired hold frees it with no job run', async () => {
    const start_at = slot(200);
    const widget = w.venue.embed_key;
    const attempts = Array.from({ length: 40 }, (_, n) =>
      n % 2 === 0
        ? call(app(), 'POST', `/api/public/venues/${widget}/holds`, { body: { game_id: w.game.id, start_at, party_size: 2 } })
        : call(app(), 'POST', `/api/public/venues/${widget}/bookings`, { body: { game_id: w.game.id, start_at, party_size: 2, customer: { full_name: 'Rush', email: uniqueEmail('rush') } } }),
    );
    const answers = await Promise.all(attempts);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 409 && a.body.code === 'slot_unavailable')).toBe(true);
    const winner = answers.find((a) => a.status === 201)!;
    if ('hold_id' in winner.body) {
      get().clock.now = new Date(NOW.getTime() + 11 * 60_000);
      const next = await call(app(), 'POST', `/api/public/venues/${widget}/bookings`, { body: { game_id: w.game.id, start_at, party_size: 2, customer: { full_name: 'Next', email: uniqueEmail('next') } } });
      expect(next.status, JSON.stringify(next.body)).toBe(201);
      get().clock.now = NOW;
    }
  });
});
