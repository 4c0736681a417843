import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { bookingOf, moneyWorld, pay, setPolicies, staffBooking, type MoneyWorld } from '../../support/money.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const get = useTestApp({ now: NOW });

describe('desk payments and refunds', () => {
  let w: MoneyWorld;
  const app = () => get().app;

  it('derives amount_paid and payment_status from payment rows', async () => {
    w = await moneyWorld(app());
    const b = await staffBooking(app(), w, '2026-06-10T14:00:00-04:00');
    expect(b).toMatchObject({ total_amount: 12_000, final_amount: 12_000, amount_paid: 0, payment_status: 'pending', tax_amount: 0 });
    await pay(app(), w, b.id, 5000, 'cash');
    expect(await bookingOf(app(), w, b.id)).toMatchObject({ amount_paid: 5000, payment_status: 'partial' });
    await pay(app(), w, b.id, 7000);
    expect(await bookingOf(app(), w, b.id)).toMatchObject({ amount_paid: 12_000, payment_status: 'paid' });

    const list = await call(app(), 'GET', `/api/payments?booking_id=${b.id}`, { token: w.staff });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.data.map((p: { method: string }) => p.method).sort()).toEqual(['card_present', 'cash']);
  });

  it('refuses more than is due and bad amounts, writing nothing', async () => {
    const b = await staffBooking(app(), w, '2026-06-10T16:00:00-04:00');
    const over = await call(app(), 'POST', '/api/payments', { token: w.staff, body: { booking_id: b.id, method: 'cash', amount_cents: 12_001 } });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('rule_violation');
    for (const amount_cents of [0, -5, 1.5, 2 ** 31, '100', null]) {
      const res = await call(app(), 'POST', '/api/payments', { token: w.staff, body: { booking_id: b.id, method: 'cash', amount_cents } });
      expect(res.status, String(amount_cents)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const unknown = await call(app(), 'POST', '/api/payments', { token: w.staff, body: { booking_id: '00000000-0000-4000-8000-000000000000', method: 'cash', amount_cents: 100 } });
    expect(unknown.status).toBe(404);
    expect((await call(app(), 'GET', `/api/payments?booking_id=${b.id}`, { token: w.staff })).body.total).toBe(0);
    expect(await bookingOf(app(), w, b.id)).toMatchObject({ amount_paid: 0, payment_status: 'pending' });
  });

  it('refunds only as a manager, never more than is left, and shows refunds on the payment', async () => {
    const b = await staffBooking(app(), w, '2026-06-11T14:00:00-04:00');
    const p = await pay(app(), w, b.id, 12_000);
    const asStaff = await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.staff, body: { amount_cents: 100, reason: 'goodwill' } });
    expect(asStaff.status).toBe(403);
    const part = await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { amount_cents: 2000, reason: 'late start' } });
    expect(part.status, JSON.stringify(part.body)).toBe(201);
    expect(part.body).toMatchObject({ kind: 'refund', parent_id: p.id, amount_cents: 2000, status: 'succeeded', method: 'card_present' });
    const tooMuch = await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { amount_cents: 10_001, reason: 'x' } });
    expect(tooMuch.status).toBe(422);
    const rest = await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { reason: 'cancelled by phone' } });
    expect(rest.body.amount_cents).toBe(10_000);
    const again = await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: w.manager, body: { reason: 'twice' } });
    expect(again.status).toBe(422);
    const shown = await call(app(), 'GET', `/api/payments/${p.id}`, { token: w.staff });
    expect(shown.body).toMatchObject({ refunded_cents: 12_000 });
    expect(shown.body.refunds).toHaveLength(2);
    expect(await bookingOf(app(), w, b.id)).toMatchObject({ amount_paid: 0, refund_amount: 12_000, payment_status: 'refunded' });
  });

  it('replays the same Idempotency-Key and refuses it with another body', async () => {
    const b = await staffBooking(app(), w, '2026-06-11T16:00:00-04:00');
    const body = { booking_id: b.id, method: 'card_present', amount_cents: 3000 };
    const headers = { 'idempotency-key': 'desk-1' };
    const first = await call(app(), 'POST', '/api/payments', { token: w.staff, body, headers });
    const second = await call(app(), 'POST', '/api/payments', { token: w.staff, body, headers });
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    const other = await call(app(), 'POST', '/api/payments', { token: w.staff, body: { ...body, amount_cents: 3001 }, headers });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    expect((await bookingOf(app(), w, b.id)).amount_paid).toBe(3000);
  });

  it('takes no cash when the policy says so, and no payment on a cancelled booking', async () => {
    await setPolicies(app(), w, { accept_cash: false });
    const b = await staffBooking(app(), w, '2026-06-12T14:00:00-04:00');
    const cash = await call(app(), 'POST', '/api/payments', { token: w.staff, body: { booking_id: b.id, method: 'cash', amount_cents: 100 } });
    expect(cash.status).toBe(422);
    await setPolicies(app(), w, { accept_cash: true });
    expect((await call(app(), 'DELETE', `/api/bookings/${b.id}`, { token: w.staff })).status).toBe(200);
    const late = await call(app(), 'POST', '/api/payments', { token: w.staff, body: { booking_id: b.id, method: 'cash', amount_cents: 100 } });
    expect(late.status).toBe(422);
  });

  it('keeps payments to their organization', async () => {
    const b = await staffBooking(app(), w, '2026-06-12T16:00:00-04:00');
    const p = await pay(app(), w, b.id, 1000);
    const other = await moneyWorld(app());
    expect((await call(app(), 'GET', `/api/payments/${p.id}`, { token: other.admin })).status).toBe(404);
    expect((await call(app(), 'POST', `/api/payments/${p.id}/refund`, { token: other.manager, body: { reason: 'x' } })).status).toBe(404);
    expect((await call(app(), 'POST', '/api/payments', { token: other.staff, body: { booking_id: b.id, method: 'cash', amount_cents: 1 } })).status).toBe(404);
    expect((await call(app(), 'GET', '/api/payments', { token: other.admin })).body.total).toBe(0);
  });

  it('prices with rules and tax exactly as the quote said', async () => {
    const t = await moneyWorld(app(), { price_rules: [{ weekdays: [6], from: '18:00', to: '22:00', price_cents: 4000 }] });
    await setPolicies(app(), t, {}, { rate_bps: 825, inclusive: false });
    const body = { game_id: t.game.id, venue_id: t.venue.id, start_at: '2026-06-13T19:00:00-04:00', party_size: 3 };
    const quote = await call(app(), 'POST', '/api/bookings/quote', { token: t.staff, body });
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    // Saturday 19:00: 3 × 40.00 = 120.00, tax 8.25% = 9.90, total 129.90.
    expect(quote.body).toMatchObject({ unit_price_cents: 4000, subtotal_cents: 12_000, tax_cents: 990, total_cents: 12_990, amount_due_cents: 12_990 });
    const b = await staffBooking(app(), t, body.start_at, { party_size: 3 });
    expect(b).toMatchObject({ total_amount: 12_000, discount_amount: 0, tax_amount: 990, final_amount: 12_990 });
    // A weekday afternoon has no rule: the game's price.
    const plain = await call(app(), 'POST', '/api/bookings/quote', { token: t.staff, body: { ...body, start_at: '2026-06-10T15:00:00-04:00' } });
    expect(plain.body).toMatchObject({ unit_price_cents: 3000, subtotal_cents: 9000, tax_cents: 743, total_cents: 9743 });
    const slots = await call(app(), 'GET', `/api/games/${t.game.id}/availability?venue_id=${t.venue.id}&from=2026-06-13&to=2026-06-13&party_size=3`, { token: t.staff });
    const found = slots.body.slots as { start_time: string; price_cents: number }[];
    const at = (time: string) => found.find((s) => s.start_time === time)?.price_cents;
    expect([at('17:00'), at('18:00'), at('21:00')]).toEqual([9000, 12_000, 12_000]);
  });
});
