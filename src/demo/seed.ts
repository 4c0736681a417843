/**
 * seed-demo's entry point: plans the whole demo business from a seed and a clock, then builds it in one tenant
 * transaction on the owner connection, under an advisory lock so that concurrent seeders build it once. The
 * catalogue goes through the modules' service functions row by row (load-catalog.ts), the customers and bookings
 * through their bulk functions in large batches (load-history.ts). Every row passes the database's constraints.
 */
import type { Database, Queryable } from '../db/client.js';
import { withTenant } from '../db/tenant.js';
import { hashPassword } from '../modules/users/service.js';
import { dayToIso } from '../time/local-time.js';
import { bookingPlanner } from './booking-plan.js';
import { DEFAULT_DEMO_PASSWORD, DEMO_GAMES, DEMO_ORGANIZATION, DEMO_USERS, DEMO_VENUES, type DemoUser } from './catalog.js';
import { planCustomers } from './customer-plan.js';
import { planGrid } from './grid.js';
import { loadCatalog } from './load-catalog.js';
import { BULK_LOAD_SKIPS, loadHistory, type LoadedHistory, type Progress } from './load-history.js';
import { loadCoupons, loadReferral, type DemoReferral } from './load-money.js';
import { couponChooser, planCoupons, planGiftCards } from './money-plan.js';
import { DEMO_OFFERS, gridPairs, planPairs, venueRules } from './offers.js';
import { Random, seededUuid } from './random.js';

export const DEFAULT_BOOKINGS = 3000;
export const MAX_BOOKINGS = 2_000_000;
const DAY_MS = 86_400_000;
// Serialises concurrent seeders (several API processes started with --demo): the second finds the demo made.
const SEED_LOCK_KEY = 7_431_003;

export interface SeedDemoOptions {
  bookings?: number;
  /** Default: 30% of the bookings, at least 200. */
  customers?: number;
  seed?: string;
  /** Password of every demo login. */
  password?: string;
  /** The clock: bookings before it are past, after it future. */
  now?: Date;
  onProgress?: Progress;
}

export interface DemoLogin extends DemoUser {
  password: string;
}

export interface SeedDemoResult {
  /** False when the demo organization already existed; nothing was changed then. */
  created: boolean;
  organizationId: string;
  logins: DemoLogin[];
  venues: { name: string; timezone: string }[];
  games: number;
  customers: number;
  bookings: number;
  byStatus: Record<string, number>;
  /** The money beside the bookings: promotions, payment rows, gift cards, the referral. */
  money: {
    coupons: number;
    /** Live ones, and released ones (their bookings were cancelled). */
    redemptions: number;
    releasedRedemptions: number;
    payments: number;
    refunds: number;
    /** Bought ones (the referral's reward card not counted). */
    giftCards: number;
    giftCardPayments: number;
    giftCardRefunds: number;
    referral: DemoReferral | null;
  };
  /** The window of the bookings, as local dates. */
  from: string;
  to: string;
  seconds: number;
}

/** The demo organization's id when this database already has it (found by the demo admin's email). */
export async function findDemoOrganization(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ organization_id: string | null }>('select organization_id from app_login_lookup($1)', [DEMO_USERS[0]!.email]);
  return rows[0]?.organization_id ?? null;
}

function checkCount(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer between ${min} and ${max}`);
  return value;
}

/** Builds the demo unless it exists. Idempotent: a second run reports the existing demo and changes nothing. */
export async function seedDemo(db: Database, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = Date.now();
  const total = checkCount('bookings', opts.bookings ?? DEFAULT_BOOKINGS, 0, MAX_BOOKINGS);
  const customerCount = checkCount('customers', opts.customers ?? Math.max(200, Math.round(total * 0.3)), 1, MAX_BOOKINGS);
  const seed = opts.seed ?? 'escape-works';
  const password = opts.password ?? DEFAULT_DEMO_PASSWORD;
  if (password.length < 10) throw new Error('--password must be at least 10 characters');
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  const logins = DEMO_USERS.map((u) => ({ ...u, password }));

  const existing = await findDemoOrganization(db);
  if (existing) return notCreated(existing, logins, started);

  // Plan everything before the transaction opens (on PGlite it is the only connection); the draws' order is the
  // seed's contract, so a seed always yields the same demo.
  const rng = new Random(seed);
  const pairs = planPairs();
  const grid = planGrid((fromDay, toDay) => gridPairs(pairs, fromDay, toDay), total, nowMs, rng);
  const { customers, home } = planCustomers(
    customerCount,
    DEMO_VENUES.map((v) => v.country),
    DEMO_VENUES.map((v) => v.customerShare),
    { fromMs: grid.fromDay * DAY_MS, nowMs },
    rng,
  );
  const adminIndex = DEMO_USERS.findIndex((u) => u.role === 'admin');
  // Promotions and gift cards draw from streams of their own: the rest of the demo is the same with or without them.
  const coupons = planCoupons(grid.fromDay * DAY_MS, nowMs, grid.count);
  const chooseCoupon = couponChooser(coupons, customers.length, DEMO_ORGANIZATION.currency, new Random(`${seed}/coupons`));
  const giftRng = new Random(`${seed}/gift-cards`);
  const giftCards = planGiftCards(grid, customers.length, nowMs, giftRng);
  const planBooking = bookingPlanner(grid, pairs, home, DEMO_VENUES.length, { count: DEMO_USERS.length, adminIndex }, nowMs, rng, chooseCoupon);
  const organizationId = seededUuid(rng);
  // One hash for the shared password: argon2 is slow on purpose, and the logins share the password anyway.
  const passwordHash = await hashPassword(password);
  const closures = venueRules(grid.fromDay, grid.toDay).map((v) => v.closures);

  // Audited as the system acting for seed-demo; the bulk part skips the per-row bookkeeping triggers (0003).
  const actor = { organizationId, userId: null, actorRole: 'system', requestId: 'seed-demo', userAgent: 'bookingtms seed-demo' };
  const outcome = await withTenant(
    db,
    actor,
    async (tx): Promise<{ raced: string } | { history: LoadedHistory; referral: DemoReferral | null }> => {
      await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const raced = await findDemoOrganization(tx);
      if (raced) return { raced };
      const catalog = await loadCatalog(tx, organizationId, passwordHash, closures);
      const couponIds = await loadCoupons(tx, coupons, catalog.venueIds);
      const history = await loadHistory(tx, {
        seed,
        customers,
        bookings: grid.count,
        plan: planBooking,
        policy: catalog.organization.policies,
        currency: catalog.organization.currency,
        offers: DEMO_OFFERS.map(({ game, venueIndex }) => ({
          game: catalog.gameIds.get(game.name)!,
          venue: catalog.venueIds[venueIndex]!,
          timezone: DEMO_VENUES[venueIndex]!.timezone,
          bookingMode: game.bookingMode,
        })),
        userIds: catalog.userIds,
        couponIds,
        giftCards: { ...giftCards, rng: giftRng },
        onProgress: opts.onProgress,
      });
      const referral = await loadReferral(tx, nowMs);
      return { history, referral };
    },
    { bulkLoad: BULK_LOAD_SKIPS },
  );
  if ('raced' in outcome) return notCreated(outcome.raced, logins, started);
  // Fresh statistics for the planner: a benchmark right after seeding should see realistic plans.
  await db.exec('analyze customers; analyze bookings; analyze payments');
  return {
    created: true,
    organizationId,
    logins,
    venues: DEMO_VENUES.map((v) => ({ name: v.name, timezone: v.timezone })),
    games: DEMO_GAMES.length,
    customers: customers.length,
    bookings: grid.count,
    byStatus: outcome.history.byStatus,
    money: {
      coupons: coupons.length,
      redemptions: outcome.history.redemptions - outcome.history.releasedRedemptions,
      releasedRedemptions: outcome.history.releasedRedemptions,
      payments: outcome.history.payments,
      refunds: outcome.history.refunds,
      giftCards: outcome.history.giftCards,
      giftCardPayments: outcome.history.giftCardPayments,
      giftCardRefunds: outcome.history.giftCardRefunds,
      referral: outcome.referral,
    },
    from: dayToIso(grid.fromDay),
    to: dayToIso(grid.toDay),
    seconds: (Date.now() - started) / 1000,
  };
}

function notCreated(organizationId: string, logins: DemoLogin[], started: number): SeedDemoResult {
  return {
    created: false,
    organizationId,
    logins: logins.map((l) => ({ ...l, password: '' })),
    venues: [],
    games: 0,
    customers: 0,
    bookings: 0,
    byStatus: {},
    money: { coupons: 0, redemptions: 0, releasedRedemptions: 0, payments: 0, refunds: 0, giftCards: 0, giftCardPayments: 0, giftCardRefunds: 0, referral: null },
    from: '',
    to: '',
    seconds: (Date.now() - started) / 1000,
  };
}
