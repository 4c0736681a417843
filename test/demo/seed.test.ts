import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant.js';
import { seedDemo, type SeedDemoResult } from '../../src/demo/seed.js';
import { call, useTestApp } from '../support/app.js';

const BOOKINGS = 300;
const CUSTOMERS = 120;

interface Range {
  weekday: number;
  open: string;
  close: string;
}
interface Venue {
  id: string;
  timezone: string;
  operating_hours: Range[];
  closures: { date: string; open?: string; close?: string }[];
}
interface Game {
  id: string;
  booking_mode: 'private' | 'shared';
  duration_minutes: number;
  buffer_minutes: number;
  max_players: number;
  slot_interval_minutes: number;
  venue_ids: string[];
  venue_prices: unknown[];
}
interface Booking {
  id: string;
  game_id: string;
  venue_id: string;
  customer_id: string;
  start_at: string;
  end_at: string;
  booking_date: string;
  start_time: string;
  party_size: number;
  status: string;
  total_amount: number;
  discount_amount: number;
  final_amount: number;
  amount_paid: number;
  refund_amount: number;
  coupon_code: string | null;
  created_at: string;
}
interface Payment {
  id: string;
  booking_id: string;
  kind: 'payment' | 'refund';
  parent_id: string | null;
  method: string;
  amount_cents: number;
  status: string;
  gift_card_id: string | null;
}
interface Coupon {
  code: string;
  active: boolean;
  redemptions: number;
  max_redemptions: number | null;
  max_per_customer: number | null;
}
interface GiftCard {
  id: string;
  status: string;
  balance_cents: number;
  initial_balance_cents: number;
  customer_id: string | null;
  note: string | null;
}
interface LedgerRow {
  kind: string;
  amount_cents: number;
  booking_id: string | null;
  balance_after_cents: number;
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** [open, close) ranges in minutes after the local midnight of `date`, from that day's hours and the previous evening's. */
function openRanges(venue: Venue, date: string): [number, number][] {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const span = (r: { open: string; close: string }): [number, number] => {
    const o = minutes(r.open);
    const c = minutes(r.close);
    return [o, c > o ? c : c + 1440];
  };
  const special = venue.closures.filter((c) => c.date === date);
  const today = special.length ? special.flatMap((c) => (c.open && c.close ? [span({ open: c.open, close: c.close })] : [])) : venue.operating_hours.filter((r) => r.weekday === weekday).map(span);
  const eve = venue.operating_hours
    .filter((r) => r.weekday === (weekday + 6) % 7)
    .map(span)
    .filter(([, c]) => c > 1440)
    .map(([o, c]): [number, number] => [o - 1440, c - 1440]);
  return [...today, ...eve];
}

/** Every page of a list endpoint. */
async function all<T>(app: FastifyInstance, token: string, url: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await call(app, 'GET', `${url}${url.includes('?') ? '&' : '?'}limit=100&page=${page}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...(res.body.data as T[]));
    if (page >= res.body.pages) return out;
  }
}

describe('demo data (seed-demo)', () => {
  const t = useTestApp();
  let result: SeedDemoResult;
  let token: string;
  const now = new Date();

  beforeAll(async () => {
    result = await seedDemo(t().db, { bookings: BOOKINGS, customers: CUSTOMERS, seed: 'test-seed', now });
    const admin = result.logins.find((l) => l.role === 'admin')!;
    const res = await call(t().app, 'POST', '/api/auth/login', { body: { email: admin.email, password: admin.password } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    token = res.body.token;
  }, 120_000);

  it('reports what it built, and every printed login works with its role', async () => {
    expect(result).toMatchObject({ created: true, bookings: BOOKINGS, customers: CUSTOMERS, games: 6 });
    expect(Object.values(result.byStatus).reduce((a, b) => a + b, 0)).toBe(BOOKINGS);
    expect(result.logins.map((l) => l.role).sort()).toEqual(['admin', 'manager', 'staff', 'staff']);
    for (const login of result.logins) {
      const res = await call(t().app, 'POST', '/api/auth/login', { body: { email: login.email, password: login.password } });
      expect(res.status, login.email).toBe(200);
      expect(res.body.user.role).toBe(login.role);
      expect(res.body.organization.id).toBe(result.organizationId);
    }
  });

  it('has the default message templates of every event, as email and as SMS, as its own editable rows', async () => {
    const res = await call(t().app, 'GET', '/api/notification-templates?limit=100', { token });
    expect(res.status).toBe(200);
    const templates = res.body.data as { event: string; channel: string; subject: string | null; body_text: string; body_html: string | null }[];
    const events = (await call(t().app, 'GET', '/api/notification-templates/placeholders', { token })).body.events.map((e: { event: string }) => e.event);
    for (const channel of ['email', 'sms']) {
      expect(templates.filter((x) => x.channel === channel).map((x) => x.event).sort(), channel).toEqual([...events].sort());
    }
    const confirmation = templates.find((x) => x.event === 'booking_confirmed' && x.channel === 'sms')!;
    expect(confirmation).toMatchObject({ subject: null, body_html: null });
    expect(confirmation.body_text).toContain('{{ booking.start_local }}');
    expect(confirmation.body_text).toContain('{{ manage_url }}');
  });

  it('has two venues in different time zones and six linked games, private and shared, one with a venue price', async () => {
    const venues = await all<Venue>(t().app, token, '/api/venues');
    expect(venues.map((v) => v.timezone).sort()).toEqual(['America/New_York', 'Europe/London']);
    for (const v of venues) expect(v.operating_hours.length).toBeGreaterThan(0);
    const games = await all<Game>(t().app, token, '/api/games');
    expect(games).toHaveLength(6);
    expect(new Set(games.map((g) => g.booking_mode))).toEqual(new Set(['private', 'shared']));
    expect(games.filter((g) => g.venue_prices.length > 0)).toHaveLength(1);
    for (const g of games) expect(g.venue_ids.length).toBeGreaterThan(0);
  });

  it('has past and future bookings on valid slots, with statuses that fit the clock', async () => {
    const venues = new Map((await all<Venue>(t().app, token, '/api/venues')).map((v) => [v.id, v]));
    const games = new Map((await all<Game>(t().app, token, '/api/games')).map((g) => [g.id, g]));
    const bookings = await all<Booking>(t().app, token, '/api/bookings');
    expect(bookings).toHaveLength(BOOKINGS);

    const past = bookings.filter((b) => Date.parse(b.end_at) <= now.getTime());
    const future = bookings.filter((b) => Date.parse(b.start_at) > now.getTime());
    expect(past.length).toBeGreaterThan(BOOKINGS / 2);
    expect(future.length).toBeGreaterThan(0);
    for (const b of past) expect(['completed', 'no-show', 'cancelled']).toContain(b.status);
    for (const b of future) expect(['confirmed', 'pending', 'cancelled']).toContain(b.status);
    expect(new Set(past.map((b) => b.status))).toContain('completed');
    expect(new Set(future.map((b) => b.status))).toContain('confirmed');
    expect(new Set(bookings.map((b) => venues.get(b.venue_id)!.timezone)).size).toBe(2);

    for (const b of bookings) {
      const game = games.get(b.game_id)!;
      const venue = venues.get(b.venue_id)!;
      expect(game.venue_ids).toContain(b.venue_id);
      expect(Date.parse(b.end_at) - Date.parse(b.start_at)).toBe(game.duration_minutes * 60_000);
      // Inside a range of that day's opening hours, on its grid, finishing before it closes.
      const m = minutes(b.start_time);
      const fits = openRanges(venue, b.booking_date).some(
        ([o, c]) => m >= o && m + game.duration_minutes <= c && (m - o) % game.slot_interval_minutes === 0,
      );
      expect(fits, `${b.booking_date} ${b.start_time} at ${venue.timezone}`).toBe(true);
    }

    // Never two live private bookings overlapping (turnover included); shared slots within capacity.
    const live = bookings.filter((b) => b.status !== 'cancelled');
    const byRoom = groupBy(live, (b) => `${b.venue_id}/${b.game_id}`);
    for (const list of byRoom.values()) {
      const game = games.get(list[0]!.game_id)!;
      const sorted = list.sort((a, b) => Date.parse(a.start_at) - Date.parse(b.start_at));
      if (game.booking_mode === 'private') {
        for (let i = 1; i < sorted.length; i++) {
          expect(Date.parse(sorted[i]!.start_at)).toBeGreaterThanOrEqual(Date.parse(sorted[i - 1]!.end_at) + game.buffer_minutes * 60_000);
        }
      } else {
        for (const group of groupBy(sorted, (b) => b.start_at).values()) {
          expect(group.reduce((s, b) => s + b.party_size, 0)).toBeLessThanOrEqual(game.max_players);
        }
      }
    }
  });

  it('keeps customer statistics that match their bookings', async () => {
    const customers = await all<{ id: string; total_bookings: number; lifetime_value_cents: number; segment: string; email: string }>(
      t().app,
      token,
      '/api/customers',
    );
    expect(customers).toHaveLength(CUSTOMERS);
    expect(new Set(customers.map((c) => c.email)).size).toBe(CUSTOMERS);
    const booked = customers.filter((c) => c.total_bookings > 0);
    expect(booked.length).toBeGreaterThan(CUSTOMERS / 3);
    expect(booked.some((c) => c.lifetime_value_cents > 0)).toBe(true);
    expect(customers.reduce((s, c) => s + c.total_bookings, 0)).toBe(BOOKINGS - (result.byStatus.cancelled ?? 0));

    const regular = [...booked].sort((a, b) => b.total_bookings - a.total_bookings)[0]!;
    const own = await all<Booking>(t().app, token, `/api/bookings?customer_id=${regular.id}`);
    expect(own.filter((b) => b.status !== 'cancelled')).toHaveLength(regular.total_bookings);
  });

  it('leaves an honest audit trail: catalogue rows one by one, bulk tables as one summary row each', async () => {
    const venues = await call(t().app, 'GET', '/api/audit-logs?table=venues', { token });
    expect(venues.status).toBe(200);
    expect(venues.body.data).toHaveLength(2);
    expect(venues.body.data[0]).toMatchObject({ actor_role: 'system', request_id: 'seed-demo' });
    const bookings = await call(t().app, 'GET', '/api/audit-logs?table=bookings', { token });
    expect(bookings.body.total).toBe(1);
    expect(bookings.body.data[0]).toMatchObject({ action: 'insert', row_id: null, after: { bulk_load: 'seed-demo', rows: BOOKINGS } });
  });

  it('does nothing when the demo already exists', async () => {
    const again = await seedDemo(t().db, { bookings: 50, seed: 'other' });
    expect(again).toMatchObject({ created: false, organizationId: result.organizationId });
    const list = await call(t().app, 'GET', '/api/bookings?limit=1', { token });
    expect(list.body.total).toBe(BOOKINGS);
  });

  describe('money', () => {
    let bookings: Booking[];
    let payments: Payment[];
    beforeAll(async () => {
      bookings = await all<Booking>(t().app, token, '/api/bookings');
      payments = await all<Payment>(t().app, token, '/api/payments');
    });

    it('has payment rows that add up to every booking’s amount paid (net) and refunds', () => {
      expect(payments.every((p) => p.status === 'succeeded')).toBe(true);
      const net = new Map<string, { paid: number; refunded: number }>();
      for (const p of payments) {
        const n = net.get(p.booking_id) ?? { paid: 0, refunded: 0 };
        if (p.kind === 'payment') n.paid += p.amount_cents;
        else n.refunded += p.amount_cents;
        net.set(p.booking_id, n);
      }
      for (const b of bookings) {
        const n = net.get(b.id) ?? { paid: 0, refunded: 0 };
        expect(n.paid - n.refunded, b.id).toBe(b.amount_paid);
        expect(n.refunded, b.id).toBe(b.refund_amount);
        expect(b.amount_paid).toBeLessThanOrEqual(b.final_amount);
      }
      // Each refund returns a payment of its own booking and method, never more than it.
      const byId = new Map(payments.map((p) => [p.id, p]));
      for (const r of payments.filter((p) => p.kind === 'refund')) {
        const parent = byId.get(r.parent_id!)!;
        expect(parent).toMatchObject({ kind: 'payment', booking_id: r.booking_id, method: r.method, gift_card_id: r.gift_card_id });
      }
      expect(new Set(payments.map((p) => p.method))).toEqual(new Set(['cash', 'card_present', 'stripe', 'gift_card']));
      expect(result.money.payments + result.money.refunds).toBe(payments.length);
    });

    it('prices a share of the bookings with a coupon: discount off the total, the rest is the final amount', () => {
      const discounted = bookings.filter((b) => b.coupon_code !== null);
      expect(discounted.length / bookings.length).toBeGreaterThan(0.03);
      expect(discounted.length / bookings.length).toBeLessThan(0.12);
      for (const b of bookings) {
        expect(b.final_amount, b.id).toBe(b.total_amount - b.discount_amount);
        if (b.coupon_code === null) expect(b.discount_amount).toBe(0);
        else expect(b.discount_amount).toBeGreaterThan(0);
      }
    });

    it('keeps each coupon’s counter equal to its live redemptions; one is used up, WELCOME10 once per customer', async () => {
      const coupons = await all<Coupon>(t().app, token, '/api/coupons');
      expect(coupons.map((c) => c.code)).toEqual(expect.arrayContaining(['WELCOME10', 'SHOREDITCH25', 'STAFF50']));
      const live = bookings.filter((b) => b.status !== 'cancelled' && b.coupon_code !== null);
      for (const c of coupons) expect(c.redemptions, c.code).toBe(live.filter((b) => b.coupon_code === c.code).length);
      const used = coupons.find((c) => c.code === 'SHOREDITCH25')!;
      expect(used.redemptions).toBeGreaterThan(0);
      expect(used.redemptions).toBe(used.max_redemptions);
      expect(coupons.find((c) => c.code === 'STAFF50')).toMatchObject({ active: false, redemptions: 0 });
      const welcomed = live.filter((b) => b.coupon_code === 'WELCOME10').map((b) => b.customer_id);
      expect(welcomed.length).toBeGreaterThan(0);
      expect(new Set(welcomed).size).toBe(welcomed.length);

      // The redemption rows themselves: one per discounted booking, released exactly for the cancelled ones.
      const rows = await withTenant(t().db, { organizationId: result.organizationId, userId: null, actorRole: 'system' }, async (tx) =>
        (await tx.query<{ booking_id: string; released: boolean; discount_cents: number }>(
          'select booking_id, released_at is not null as released, discount_cents from coupon_redemptions',
        )).rows,
      );
      const discounted = new Map(bookings.filter((b) => b.coupon_code !== null).map((b) => [b.id, b]));
      expect(rows).toHaveLength(discounted.size);
      for (const r of rows) {
        const b = discounted.get(r.booking_id)!;
        expect(r.released).toBe(b.status === 'cancelled');
        expect(r.discount_cents).toBe(b.discount_amount);
      }
    });

    it('has gift cards whose balances are their ledgers’ sums, spent and refunded through gift-card payments', async () => {
      const cards = await all<GiftCard>(t().app, token, '/api/gift-cards');
      expect(cards.length).toBeGreaterThanOrEqual(30);
      expect(new Set(cards.map((c) => c.status))).toEqual(new Set(['active', 'disabled', 'expired']));
      const cardPayments = payments.filter((p) => p.method === 'gift_card');
      const kinds = new Set<string>();
      let partlySpent = 0;
      for (const card of cards) {
        const ledger = await all<LedgerRow>(t().app, token, `/api/gift-cards/${card.id}/transactions`);
        expect(ledger.reduce((s, r) => s + r.amount_cents, 0), card.id).toBe(card.balance_cents);
        expect(card.balance_cents).toBeGreaterThanOrEqual(0);
        // Newest first: the oldest is the issue, and every balance after is the running sum.
        const oldestFirst = [...ledger].reverse();
        expect(oldestFirst[0]).toMatchObject({ kind: 'issue', amount_cents: card.initial_balance_cents });
        let running = 0;
        for (const r of oldestFirst) {
          running += r.amount_cents;
          expect(r.balance_after_cents).toBe(running);
          expect(running).toBeGreaterThanOrEqual(0);
          kinds.add(r.kind);
        }
        // What bookings took from the card net of refunds is what its gift-card payment rows say.
        const viaLedger = ledger.filter((r) => r.kind !== 'issue').reduce((s, r) => s - r.amount_cents, 0);
        const viaPayments = cardPayments.filter((p) => p.gift_card_id === card.id).reduce((s, p) => s + (p.kind === 'payment' ? p.amount_cents : -p.amount_cents), 0);
        expect(viaLedger, card.id).toBe(viaPayments);
        if (card.balance_cents > 0 && card.balance_cents < card.initial_balance_cents) partlySpent++;
      }
      expect(kinds).toEqual(new Set(['issue', 'redeem', 'refund']));
      expect(partlySpent).toBeGreaterThan(0);
      expect(cardPayments.some((p) => p.kind === 'refund')).toBe(true);
    });

    it('has a referral rewarded with a gift card when the referred customer’s first booking was completed', async () => {
      expect(result.money.referral).not.toBeNull();
      const { referrerId, code, referred } = result.money.referral!;
      const summary = await call(t().app, 'GET', `/api/customers/${referrerId}/referral`, { token });
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ code, referred_count: referred.length, rewarded_count: 1 });
      const rewarded = referred.find((r) => r.rewarded)!;
      const first = bookings.filter((b) => b.customer_id === rewarded.customerId);
      expect(first.map((b) => [b.id, b.status])).toEqual([[rewarded.bookingId, 'completed']]);
      const cards = await all<GiftCard>(t().app, token, '/api/gift-cards');
      expect(cards.filter((c) => c.note === 'Referral reward')).toEqual([expect.objectContaining({ customer_id: referrerId, balance_cents: 1000, status: 'active' })]);
    });
  });
});
