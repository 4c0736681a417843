import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { withTenant } from '../../../src/db/tenant.js';
import { createCustomer, createVenue } from '../../support/catalog.js';
import { onServer } from '../../support/db.js';
import { moneyWorld, pay, setPolicies, staffBooking, type MoneyWorld } from '../../support/money.js';

// The tables the reports read instead of base rows (migration 0023: revenue_entries, customer_segment_days and
// customer_segment_changes) must always equal what the base rows say. A business goes through a mix of bookings,
// payments, refunds, a resize that prices a paid booking again, cancellations, a no-show, an erasure; then each
// table is compared with its recomputation from payments, bookings and customers, and the customers report with
// the segment rule evaluated customer by customer.
const ZONE = 'America/New_York';
const get = useTestApp({ now: new Date('2026-01-05T12:00:00Z'), env: { SESSION_TTL_HOURS: String(24 * 365) } });
const local = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toISO()!;

type Row = Record<string, unknown>;
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

// What each succeeded payment row contributes, from the base rows (the revenue report's former join).
const REVENUE_FROM_BASE = `select p.id::text as payment_id, p.updated_at::text as at, b.venue_id::text as venue_id, p.method, p.kind,
    p.created_by::text as created_by, p.amount_cents::bigint::text as amount_cents,
    ((case when b.final_amount = 0 then 0 else round(p.amount_cents::numeric * b.tax_amount / b.final_amount) end)
     * case when p.kind = 'refund' then -1 else 1 end)::bigint::text as tax_cents
  from payments p join bookings b on b.organization_id = p.organization_id and b.id = p.booking_id
  where p.organization_id = $1 and p.status = 'succeeded'`;
const REVENUE_FROM_ENTRIES = `select payment_id::text, at::text, venue_id::text, method, kind, created_by::text,
    sum(amount_cents)::bigint::text as amount_cents, sum(tax_cents)::bigint::text as tax_cents
  from revenue_entries where organization_id = $1
  group by payment_id, at, venue_id, method, kind, created_by having sum(amount_cents) <> 0 or sum(tax_cents) <> 0`;
const SEGMENTS_FROM_BASE = `select customer_segment_static(total_bookings, lifetime_value_cents) as segment,
    customer_recency_day(last_booking_at, created_at)::text as day, count(*)::bigint::text as customers,
    sum(lifetime_value_cents)::bigint::text as lifetime_value_cents
  from customers where organization_id = $1 and deleted_at is null group by 1, 2`;
const SEGMENTS_FROM_ROLLUP = `select segment, recency_day::text as day, sum(customers)::bigint::text as customers,
    sum(lifetime_value_cents)::bigint::text as lifetime_value_cents
  from (select segment, recency_day, customers, lifetime_value_cents from customer_segment_days where organization_id = $1
        union all
        select segment, recency_day, customers, lifetime_value_cents from customer_segment_changes where organization_id = $1) x
  group by 1, 2 having sum(customers) <> 0 or sum(lifetime_value_cents) <> 0`;
// The customers report's segments as it computed them before the rollup: the rule for every customer.
const SEGMENTS_PER_CUSTOMER = `select customer_segment(total_bookings, lifetime_value_cents, last_booking_at, created_at, $2::timestamptz) as segment,
    count(*)::int as customers, coalesce(sum(lifetime_value_cents), 0)::bigint as revenue_cents
  from customers where organization_id = $1 and deleted_at is null group by 1`;

describe('rollups equal their recomputation from base rows', () => {
  let w: MoneyWorld;
  const app = () => get().app;
  const db = () => get().db;
  const ok = async (method: 'POST' | 'PUT' | 'DELETE', url: string, token: string, body?: unknown) => {
    const res = await call(app(), method, url, { token, ...(body !== undefined ? { body } : {}) });
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body as Record<string, string>;
  };

  const expectExact = async () => {
    const q = async (text: string) => sorted((await db().query<Row>(text, [w.organizationId])).rows);
    expect(await q(REVENUE_FROM_ENTRIES)).toEqual(await q(REVENUE_FROM_BASE));
    expect(await q(SEGMENTS_FROM_ROLLUP)).toEqual(await q(SEGMENTS_FROM_BASE));
  };

  beforeAll(async () => {
    w = await moneyWorld(app());
    await setPolicies(app(), w, { refund_percent_outside_window: 100 }, { rate_bps: 1000, inclusive: false });
    await ok('POST', '/api/coupons', w.manager, { code: 'SAVE10', kind: 'percent', value: 10 });
    const card = await ok('POST', '/api/gift-cards', w.manager, { initial_balance_cents: 10_000 });

    // 21:00 in New York on 10 January is 02:00 UTC on the 11th; 10:00 on the 11th is 15:00 UTC: two customers whose
    // recency falls on one UTC day, on either side of the instant a report checks inactivity against below.
    const b1 = await staffBooking(app(), w, local('2026-01-10', '21:00'), { party_size: 4 });
    const b2 = await staffBooking(app(), w, local('2026-01-11', '10:00'), { party_size: 2, coupon_code: 'SAVE10' });
    const b3 = await staffBooking(app(), w, local('2026-01-12', '10:00'), { party_size: 2, gift_card_code: card.code });
    const b4 = await staffBooking(app(), w, local('2026-01-13', '10:00'), { party_size: 6 });
    const b5 = await staffBooking(app(), w, local('2026-01-14', '10:00'), { party_size: 2, customer: undefined, customer_id: b4.customer_id });
    const b6 = await staffBooking(app(), w, local('2026-01-15', '10:00'), { party_size: 3 });
    await createCustomer(app(), w.admin);

    await pay(app(), w, b1.id, 13_200, 'cash');
    // Priced again for 3 players after it was paid (the API keeps its tax rate, so the payment's share stays); then,
    // as any writer of the table may, moved to another venue with 5.00 more tax: the report follows the booking.
    await ok('PUT', `/api/bookings/${b1.id}`, w.staff, { party_size: 3 });
    const other = await createVenue(app(), w.admin, { name: 'Uptown' });
    await withTenant(db(), { organizationId: w.organizationId, userId: null }, (tx) =>
      tx.query('update bookings set venue_id = $2, tax_amount = tax_amount + 500, final_amount = final_amount + 500 where id = $1', [b1.id, other.id]));
    const p2 = await pay(app(), w, b2.id, 5940);
    await ok('POST', `/api/payments/${p2.id}/refund`, w.manager, { amount_cents: 1000, reason: 'a late start' });
    await ok('DELETE', `/api/bookings/${b3.id}`, w.staff);
    await ok('POST', `/api/bookings/${b4.id}/no-show`, w.staff);
    await pay(app(), w, b5.id, 3000, 'cash');
    await ok('POST', `/api/bookings/${b5.id}/checkin`, w.staff);
    await ok('POST', `/api/bookings/${b5.id}/complete`, w.staff);
    await pay(app(), w, b6.id, 9900);
    await ok('DELETE', `/api/customers/${b6.customer_id}`, w.admin);
    get().clock.now = new Date('2026-08-01T12:00:00Z');
  });

  it('after bookings, payments, refunds, a resize, cancellations, a no-show and an erasure', async () => {
    const entries = await db().query<{ n: number }>('select count(*)::int as n from revenue_entries where organization_id = $1', [w.organizationId]);
    // A resize restated b1's payment: more entries than succeeded rows.
    expect(entries.rows[0]!.n).toBeGreaterThan(6);
    await expectExact();
  });

  it('and after the changes are folded into the days', async () => {
    const before = await db().query<{ n: number }>('select count(*)::int as n from customer_segment_changes where organization_id = $1', [w.organizationId]);
    expect(before.rows[0]!.n).toBeGreaterThan(0);
    await db().query('select app_fold_customer_segments($1)', [w.organizationId]);
    const after = await db().query<{ n: number }>('select count(*)::int as n from customer_segment_changes where organization_id = $1', [w.organizationId]);
    expect(after.rows[0]!.n).toBe(0);
    await expectExact();
  });

  it('the customers report counts segments as the rule does customer by customer, at every cut-off', async () => {
    // The report looks at the end of its period: New York's midnight after `to`, less 180 days for inactivity.
    // 2026-07-09 puts that cut-off at 04:00 UTC on 11 January, between b1's customer (02:00) and b2's (15:00).
    for (const to of ['2026-07-08', '2026-07-09', '2026-07-10', '2026-07-13', '2026-07-31']) {
      const end = DateTime.fromISO(to, { zone: ZONE }).plus({ days: 1 }).toJSDate();
      const expected = await db().query<{ segment: string; customers: number; revenue_cents: number }>(SEGMENTS_PER_CUSTOMER, [w.organizationId, end]);
      const res = await call(app(), 'GET', `/api/reports/customers?to=${to}`, { token: w.manager });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const found = new Map(expected.rows.map((r) => [r.segment, r]));
      expect(res.body.segments, to).toEqual(['vip', 'regular', 'new', 'inactive'].map((segment) => ({
        segment, customers: found.get(segment)?.customers ?? 0, revenue_cents: Number(found.get(segment)?.revenue_cents ?? 0),
      })));
    }
    // Inactive customers at each side of that cut-off: none, then b1's alone (its 02:00 UTC is before 04:00 on the
    // same UTC day, where b2's 15:00 is after), then both.
    const inactive = async (to: string) => {
      const { body } = await call(app(), 'GET', `/api/reports/customers?to=${to}`, { token: w.manager });
      return (body as { segments: { segment: string; customers: number }[] }).segments.find((s) => s.segment === 'inactive')!.customers;
    };
    expect([await inactive('2026-07-08'), await inactive('2026-07-09'), await inactive('2026-07-10')]).toEqual([0, 1, 2]);
  });

  it.runIf(onServer)('under concurrent payments, refunds and resizes on the server', async () => {
    const bookings = [];
    for (let i = 0; i < 8; i++) bookings.push(await staffBooking(app(), w, local(`2026-08-${String(10 + i).padStart(2, '0')}`, '12:00'), { party_size: 2 + (i % 3) }));
    await Promise.all(bookings.flatMap((b, i) => [
      (async () => {
        const p = await pay(app(), w, b.id, 3000, i % 2 ? 'cash' : 'card_present');
        await ok('POST', `/api/payments/${p.id}/refund`, w.manager, { amount_cents: 500, reason: 'goodwill' });
      })(),
      ok('PUT', `/api/bookings/${b.id}`, w.staff, { party_size: 5 }),
      pay(app(), w, b.id, 1000, 'cash'),
    ]));
    await expectExact();
  });
});
