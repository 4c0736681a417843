import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { moneyWorld, pay, setPolicies, staffBooking, type MoneyWorld } from '../../support/money.js';

// Refunds by policy, table-driven: policy × timing × how the booking was paid. Each row is hand-computed: the
// refund is the policy's share of what was paid, split across the payments in proportion to what each paid.
const NOW = new Date('2026-06-01T12:00:00Z'); // 08:00 in New York
const get = useTestApp({ now: NOW });

type Mix = 'unpaid' | 'cash' | 'gift card' | 'gift card + card';
interface Case {
  mix: Mix;
  when: 'inside' | 'outside';
  policy: { inside: number; outside: number };
  /** Expected refund rows per method. */
  refunds: Partial<Record<'cash' | 'gift_card' | 'card_present', number>>;
}

// A 4-player booking at 30.00 each: 120.00. Gift card 30.00 + card 90.00 in the mixed case.
const CASES: Case[] = [
  { mix: 'unpaid', when: 'outside', policy: { inside: 0, outside: 100 }, refunds: {} },
  { mix: 'cash', when: 'outside', policy: { inside: 0, outside: 100 }, refunds: { cash: 12_000 } },
  { mix: 'cash', when: 'inside', policy: { inside: 0, outside: 100 }, refunds: {} },
  { mix: 'cash', when: 'inside', policy: { inside: 50, outside: 100 }, refunds: { cash: 6000 } },
  { mix: 'gift card', when: 'outside', policy: { inside: 0, outside: 80 }, refunds: { gift_card: 9600 } },
  { mix: 'gift card + card', when: 'outside', policy: { inside: 0, outside: 100 }, refunds: { gift_card: 3000, card_present: 9000 } },
  { mix: 'gift card + card', when: 'inside', policy: { inside: 50, outside: 100 }, refunds: { gift_card: 1500, card_present: 4500 } },
  // 33 % of 120.00 = 39.60: 9.90 back on the card, 29.70 to the card payment.
  { mix: 'gift card + card', when: 'inside', policy: { inside: 33, outside: 100 }, refunds: { gift_card: 990, card_present: 2970 } },
];

describe('refunds by policy when a booking is cancelled', () => {
  let w: MoneyWorld;
  const app = () => get().app;

  it.each(CASES.map((c, i) => [i, c] as const))('case %i: %o', async (i, c) => {
    w ??= await moneyWorld(app());
    await setPolicies(app(), w, { cancellation_window_hours: 24, refund_percent_inside_window: c.policy.inside, refund_percent_outside_window: c.policy.outside });
    // Inside the window: today 12:00 + i hours (New York); outside: four days later.
    const day = c.when === 'inside' ? '2026-06-01' : '2026-06-05';
    const start_at = `${day}T${String(10 + i).padStart(2, '0')}:00:00-04:00`;
    let giftCard: { id: string; code: string } | null = null;
    if (c.mix.startsWith('gift card')) {
      giftCard = (await call(app(), 'POST', '/api/gift-cards', { token: w.manager, body: { initial_balance_cents: c.mix === 'gift card' ? 12_000 : 3000 } })).body;
    }
    const b = await staffBooking(app(), w, start_at, giftCard ? { gift_card_code: giftCard.code } : {});
    if (c.mix === 'cash') await pay(app(), w, b.id, 12_000, 'cash');
    if (c.mix === 'gift card + card') await pay(app(), w, b.id, 9000, 'card_present');

    const res = await call(app(), 'DELETE', `/api/bookings/${b.id}`, { token: w.staff });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = (await call(app(), 'GET', `/api/payments?booking_id=${b.id}&kind=refund`, { token: w.staff })).body.data as { method: string; amount_cents: number; status: string }[];
    const byMethod = Object.fromEntries(rows.map((r) => [r.method, r.amount_cents]));
    expect(byMethod).toEqual(c.refunds);
    expect(rows.every((r) => r.status === 'succeeded')).toBe(true);
    const refunded = Object.values(c.refunds).reduce((s, v) => s + v, 0);
    const paid = c.mix === 'unpaid' ? 0 : 12_000;
    expect(res.body).toMatchObject({ status: 'cancelled', refund_amount: refunded, amount_paid: paid - refunded });
    if (giftCard && c.refunds.gift_card) {
      const card = (await call(app(), 'GET', `/api/gift-cards/${giftCard.id}`, { token: w.manager })).body;
      expect(card.balance_cents).toBe(c.refunds.gift_card);
    }
  });

  it('keeps the no-show fee and returns the rest', async () => {
    const cases: [number, number][] = [[100, 0], [20, 9600], [0, 12_000]];
    for (const [fee, back] of cases) {
      await setPolicies(app(), w, { no_show_fee_percent: fee });
      get().clock.now = NOW;
      const b = await staffBooking(app(), w, `2026-06-08T${10 + fee / 10}:00:00-04:00`);
      await pay(app(), w, b.id, 12_000);
      get().clock.now = new Date('2026-06-09T12:00:00Z');
      const res = await call(app(), 'POST', `/api/bookings/${b.id}/no-show`, { token: w.staff });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body, `fee ${fee}%`).toMatchObject({ status: 'no-show', refund_amount: back, amount_paid: 12_000 - back });
    }
    get().clock.now = NOW;
  });
});
