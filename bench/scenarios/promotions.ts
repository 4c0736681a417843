/**
 * (f) Booking creation with promotions: the same `POST /api/bookings` as (a) (32 connections, distinct free slots of
 * 10 private games, a new customer each), plain beside the same request carrying a coupon code, a gift card code,
 * or both. The figure is each variant's rate as a share of plain creation's, measured in the same rounds.
 *
 * - `coupon (shared)`: one percent coupon without limits for every booking. Each redemption takes that coupon's row
 *   lock (SELECT ... FOR UPDATE) inside the booking's transaction and holds it to the commit, so every such booking
 *   waits for the previous one: the worst case, one code used by everybody at the same moment.
 * - `gift card (own)`: each booking pays with a card of its own, so no two bookings share a lock: the realistic case.
 * - `gift card (shared)`: every booking pays from one card with a huge balance: the worst case of a card (its row
 *   lock, and the ledger check of migration 0012, which sums the card's ledger at every commit).
 * - `coupon + own card`: the shared coupon and a card of its own.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.js';
import type { CpuUse } from '../cpu.js';
import { cpuMeter } from '../cpu.js';
import { api, createGames, freeSlots, shuffle, type Api, type SlotRef } from '../fixtures.js';
import { load, type LoadResult } from '../load.js';
import { CONCURRENCY } from './create.js';

const PARTY = 4;
const PRICE = 2900;
/** A card of its own covers any one booking (4 × 29.00, plus whatever tax the organization sets). */
const OWN_CARD_CENTS = 50_000;
/** The most one card may be issued with, and one adjustment may credit (giftcards/schemas.ts). */
const MAX_CENTS = 10_000_000;

export const PROMOTION_ROUNDS = 3;
export const PROMOTION_WARMUP = 64;

export const VARIANTS = ['plain', 'coupon_shared', 'card_own', 'card_shared', 'coupon_and_own_card'] as const;
export type Variant = (typeof VARIANTS)[number];

export const VARIANT_LABEL: Record<Variant, string> = {
  plain: 'plain',
  coupon_shared: 'coupon (one shared: worst case)',
  card_own: 'gift card (each its own)',
  card_shared: 'gift card (one shared: worst case)',
  coupon_and_own_card: 'coupon (shared) + own gift card',
};

interface Prepared {
  couponCode: string;
  couponId: string;
  sharedCard: { id: string; code: string; credited_cents: number };
  /** Per variant: its warm-up slots and its measured slots, each with the gift card code it pays with, if any. */
  work: Record<Variant, { warm: Job[]; measured: Job[] }>;
}

interface Job {
  slot: SlotRef;
  coupon?: string;
  card?: string;
}

export interface VariantRun extends LoadResult {
  variant: Variant;
  round: number;
  created: number;
  cpu: CpuUse;
  /** Up to 5 answers other than 201, verbatim, with their status. */
  unexpected: { status: number; body: string }[];
}

const newCustomer = () => {
  const tag = randomBytes(6).toString('hex');
  return { full_name: `Guest ${tag}`, email: `guest-${tag}@example.test` };
};

/** `count` calls of `task` with `width` in flight. */
async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/**
 * Games, slots, the coupon and the gift cards, made through the API as a manager would: `perVariant` measured
 * bookings per variant (split over the rounds) and a warm-up of each.
 */
export async function preparePromotions(a: Api, venueId: string, perVariant: number): Promise<Prepared> {
  const each = perVariant + PROMOTION_WARMUP;
  const games = await createGames(a, venueId, 10, { mode: 'private' });
  const needed = each * VARIANTS.length;
  const days = Math.ceil(needed / (10 * 24)) + 2;
  const slots = shuffle(await freeSlots(a, venueId, games, days), 13);
  if (slots.length < needed) throw new Error(`only ${slots.length} free slots for ${needed} bookings`);

  const couponCode = `BENCH-${randomBytes(3).toString('hex')}`;
  const coupon = await api<{ id: string }>(a.url, 'POST', '/api/coupons', { code: couponCode, kind: 'percent', value: 10 }, a.token);

  // One card for every booking of `card_shared`: issued at the most a card may hold, then credited until it covers
  // every booking twice over (so no booking is ever short of balance: each pays in full).
  const shared = await api<{ id: string; code: string }>(a.url, 'POST', '/api/gift-cards', { initial_balance_cents: MAX_CENTS, note: 'bench: shared' }, a.token);
  let credited = MAX_CENTS;
  while (credited < 2 * each * PARTY * PRICE) {
    await api(a.url, 'POST', `/api/gift-cards/${shared.id}/adjust`, { amount_cents: MAX_CENTS, reason: 'bench: top-up' }, a.token);
    credited += MAX_CENTS;
  }

  const ownCards = await pool(2 * each, 8, async () =>
    (await api<{ code: string }>(a.url, 'POST', '/api/gift-cards', { initial_balance_cents: OWN_CARD_CENTS }, a.token)).code,
  );

  const work = {} as Prepared['work'];
  VARIANTS.forEach((v, k) => {
    const jobs = slots.slice(k * each, (k + 1) * each).map((slot, i): Job => {
      switch (v) {
        case 'plain':
          return { slot };
        case 'coupon_shared':
          return { slot, coupon: couponCode };
        case 'card_own':
          return { slot, card: ownCards[i]! };
        case 'card_shared':
          return { slot, card: shared.code };
        case 'coupon_and_own_card':
          return { slot, coupon: couponCode, card: ownCards[each + i]! };
      }
    });
    work[v] = { warm: jobs.slice(0, PROMOTION_WARMUP), measured: jobs.slice(PROMOTION_WARMUP) };
  });
  return { couponCode, couponId: coupon.id, sharedCard: { id: shared.id, code: shared.code, credited_cents: credited }, work };
}

/** One variant's load: each job once, 32 connections; every answer but 201 is counted and the first ones kept. */
async function runJobs(a: Api, venueId: string, jobs: Job[], serverPid: number, database: string | undefined): Promise<Omit<VariantRun, 'variant' | 'round'>> {
  let i = 0;
  const unexpected: { status: number; body: string }[] = [];
  const meter = cpuMeter(serverPid, database);
  const r = await load({
    url: a.url,
    connections: CONCURRENCY,
    amount: jobs.length,
    next: () => {
      const j = jobs[i++ % jobs.length]!;
      return {
        method: 'POST',
        path: '/api/bookings',
        headers: { authorization: `Bearer ${a.token}` },
        body: {
          game_id: j.slot.gameId, venue_id: venueId, start_at: j.slot.startAt, party_size: PARTY, customer: newCustomer(),
          ...(j.coupon ? { coupon_code: j.coupon } : {}),
          ...(j.card ? { gift_card_code: j.card } : {}),
        },
      };
    },
    onResponse: (status, body) => {
      if (status !== 201 && unexpected.length < 5) unexpected.push({ status, body: body.slice(0, 500) });
    },
  });
  return { ...r, created: r.statuses['201'] ?? 0, cpu: meter(), unexpected };
}

/**
 * A warm-up of every variant (not counted), then PROMOTION_ROUNDS rounds, each running every variant on its share of
 * the slots, the order rotated from round to round so that no variant always runs first (on a cold cache) or last.
 */
export async function promotionRounds(a: Api, venueId: string, prep: Prepared, serverPid: number, database?: string): Promise<{ warm: VariantRun[]; runs: VariantRun[] }> {
  const warm: VariantRun[] = [];
  for (const v of VARIANTS) warm.push({ variant: v, round: -1, ...(await runJobs(a, venueId, prep.work[v].warm, serverPid, database)) });
  const runs: VariantRun[] = [];
  for (let r = 0; r < PROMOTION_ROUNDS; r++) {
    const order = VARIANTS.map((_, k) => VARIANTS[(k + r) % VARIANTS.length]!);
    for (const v of order) {
      const all = prep.work[v].measured;
      const per = Math.ceil(all.length / PROMOTION_ROUNDS);
      runs.push({ variant: v, round: r, ...(await runJobs(a, venueId, all.slice(r * per, (r + 1) * per), serverPid, database)) });
    }
  }
  return { warm, runs };
}

export interface PromotionCheck {
  /** Bookings with the coupon's code, its live redemption rows and its counter: all three equal. */
  coupon: { bookings: number; redemptions: number; counter: number };
  /** The shared card: what was credited, what its gift-card payments took, and its balance (credited - taken). */
  shared_card: { credited_cents: number; paid_cents: number; balance_cents: number; payments: number };
  /** Gift-card payments of the run against bookings that carry one, and bookings not paid in full. */
  gift_card_payments: number;
  bookings_not_paid_in_full: number;
  ok: boolean;
}

/** Reads back, as the database's owner, what the run wrote: the counters and balances must match the bookings. */
export async function checkPromotions(db: Database, prep: Prepared, created: { coupon: number; cardShared: number; cardAny: number }): Promise<PromotionCheck> {
  const one = async <T>(text: string, params: unknown[]) => (await db.query<T & Record<string, unknown>>(text, params)).rows[0]!;
  const c = await one<{ bookings: number; redemptions: number; counter: number }>(
    `select (select count(*)::int from bookings where coupon_code = $2::citext) as bookings,
            (select count(*)::int from coupon_redemptions where coupon_id = $1 and released_at is null) as redemptions,
            (select redemptions from coupons where id = $1) as counter`,
    [prep.couponId, prep.couponCode],
  );
  const s = await one<{ paid: string; balance: string; payments: number }>(
    `select coalesce((select sum(amount_cents) from payments where gift_card_id = $1), 0) as paid,
            (select balance_cents from gift_cards where id = $1) as balance,
            (select count(*)::int from payments where gift_card_id = $1) as payments`,
    [prep.sharedCard.id],
  );
  const p = await one<{ payments: number; unpaid: number }>(
    `select (select count(*)::int from payments where method = 'gift_card' and kind = 'payment' and status = 'succeeded') as payments,
            (select count(*)::int from bookings b where exists (select from payments p where p.booking_id = b.id)
               and b.amount_paid <> b.final_amount) as unpaid`,
    [],
  );
  const sharedCard = { credited_cents: prep.sharedCard.credited_cents, paid_cents: Number(s.paid), balance_cents: Number(s.balance), payments: s.payments };
  const ok =
    c.bookings === created.coupon && c.redemptions === created.coupon && c.counter === created.coupon &&
    sharedCard.payments === created.cardShared && sharedCard.balance_cents === sharedCard.credited_cents - sharedCard.paid_cents &&
    p.payments === created.cardAny && p.unpaid === 0;
  return { coupon: c, shared_card: sharedCard, gift_card_payments: p.payments, bookings_not_paid_in_full: p.unpaid, ok };
}
