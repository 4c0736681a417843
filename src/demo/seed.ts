/**
 * Builds the demo business in one transaction on the owner connection: the catalogue (organization, staff,
 * venues, games) through the modules' own service functions, then customers and bookings in large multi-row
 * batches. Every row passes the database's constraints (exclusion, capacity, status machine, foreign keys);
 * only the per-row bookkeeping triggers are skipped through app_bulk_load() (migration 0003), and their work is
 * done once at the end: the statistics trigger runs once per customer, and one summary audit row per bulk table
 * replaces the per-row audit of customers and bookings (the catalogue is audited row by row as usual).
 */
import type { Database, Queryable } from '../db/client.js';
import { dayToIso } from '../time/local-time.js';
import { createGame } from '../modules/games/service.js';
import { createGameBody } from '../modules/games/schemas.js';
import { createOrganization, updateOrganization } from '../modules/organizations/service.js';
import { hashPassword, insertUser } from '../modules/users/service.js';
import { createVenue } from '../modules/venues/service.js';
import { createVenueBody } from '../modules/venues/schemas.js';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_GAMES,
  DEMO_ORGANIZATION,
  DEMO_USERS,
  DEMO_VENUES,
  demoClosures,
  yearsBetween,
  type DemoUser,
} from './catalog.js';
import { planGrid, type GridPair } from './grid.js';
import { bookingPlanner, planCustomers, seededUuid, type PlanPair, type PlannedBooking, type PlannedCustomer } from './plan.js';
import { Random } from './random.js';

export const DEFAULT_BOOKINGS = 3000;
export const MAX_BOOKINGS = 2_000_000;
const BATCH = 5000;
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
  onProgress?: (phase: 'customers' | 'bookings', done: number, total: number) => void;
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

  // Plan everything before the transaction opens (on PGlite it is the only connection).
  const rng = new Random(seed);
  const years = (fromDay: number, toDay: number) => yearsBetween(fromDay - 1, toDay + 1);
  const venueRules = (fromDay: number, toDay: number) =>
    DEMO_VENUES.map((v) => ({ timezone: v.timezone, operatingHours: v.operatingHours, closures: demoClosures(v.key, years(fromDay, toDay)) }));
  const pairs = DEMO_GAMES.flatMap((g) => DEMO_VENUES.flatMap((v, venueIndex) => (g.venues.includes(v.key) ? [{ g, venueIndex }] : [])));
  const planPairs: PlanPair[] = pairs.map(({ g, venueIndex }) => ({
    venueIndex,
    durationMinutes: g.durationMinutes,
    bufferMinutes: g.bufferMinutes,
    bookingMode: g.bookingMode,
    pricing: g.pricing,
    priceCents: g.venuePrices?.[DEMO_VENUES[venueIndex]!.key] ?? g.priceCents,
    party: g.party,
  }));
  const gridPairs = (fromDay: number, toDay: number): GridPair[] => {
    const venues = venueRules(fromDay, toDay);
    return pairs.map(({ g, venueIndex }, i) => ({
      venue: venues[venueIndex]!,
      game: {
        durationMinutes: g.durationMinutes,
        bufferMinutes: g.bufferMinutes,
        slotIntervalMinutes: g.slotIntervalMinutes ?? g.durationMinutes + g.bufferMinutes,
        minNoticeMinutes: 0,
        maxAdvanceDays: 90,
        bookingMode: g.bookingMode,
        capacity: g.maxPlayers,
        priceCents: planPairs[i]!.priceCents,
        pricing: g.pricing,
      },
      placesPerSlot: g.bookingMode === 'private' ? 1 : Math.floor(g.maxPlayers / g.party[1]),
      popularity: g.popularity,
    }));
  };
  const grid = planGrid(gridPairs, total, nowMs, rng);
  const { customers, home } = planCustomers(
    customerCount,
    DEMO_VENUES.map((v) => v.country),
    DEMO_VENUES.map((v) => v.customerShare),
    { fromMs: grid.fromDay * DAY_MS, nowMs },
    rng,
  );
  const adminIndex = DEMO_USERS.findIndex((u) => u.role === 'admin');
  const planBooking = bookingPlanner(grid, planPairs, home, DEMO_VENUES.length, { count: DEMO_USERS.length, adminIndex }, nowMs, rng);
  const organizationId = seededUuid(rng);
  // One hash for the shared password: argon2 is slow on purpose, and the logins share the password anyway.
  const passwordHash = await hashPassword(password);
  const closures = venueRules(grid.fromDay, grid.toDay).map((v) => v.closures);

  const outcome = await db.transaction(async (tx): Promise<{ raced: string } | { byStatus: Record<string, number> }> => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const raced = await findDemoOrganization(tx);
    if (raced) return { raced };
    // Audited as the system acting for seed-demo; app.bulk_load lets the bulk part skip per-row triggers (0003).
    await tx.query(
      `select set_config('app.organization_id', $1, true), set_config('app.user_id', '', true),
              set_config('app.actor_role', 'system', true), set_config('app.request_id', 'seed-demo', true),
              set_config('app.user_agent', 'bookingtms seed-demo', true), set_config('app.bulk_load', 'audit,customer_stats', true)`,
      [organizationId],
    );
    await createOrganization(tx, { id: organizationId, ...DEMO_ORGANIZATION });
    await updateOrganization(tx, {
      phone: DEMO_VENUES[0]!.phone,
      address: DEMO_VENUES[0]!.address,
      branding: { primary_color: '#0F766E', widget_title: 'Book your escape' },
    });
    const userIds: string[] = [];
    for (const u of DEMO_USERS) {
      userIds.push((await insertUser(tx, { email: u.email, full_name: u.fullName, role: u.role, passwordHash })).id);
    }
    const venueIds: string[] = [];
    for (const [i, v] of DEMO_VENUES.entries()) {
      const body = createVenueBody.parse({
        name: v.name,
        timezone: v.timezone,
        address: v.address,
        phone: v.phone,
        operating_hours: v.operatingHours,
        closures: closures[i],
        settings: { public: { parking: v.key === 'nyc' ? 'Garage on 40th St' : 'No parking; Old Street station is 5 minutes away' } },
      });
      venueIds.push((await createVenue(tx, body)).id);
    }
    const gameIds = new Map<string, string>();
    for (const g of DEMO_GAMES) {
      const venueOf = (key: string) => venueIds[DEMO_VENUES.findIndex((v) => v.key === key)]!;
      const body = createGameBody.parse({
        name: g.name,
        description: g.description,
        duration_minutes: g.durationMinutes,
        buffer_minutes: g.bufferMinutes,
        min_players: g.minPlayers,
        max_players: g.maxPlayers,
        booking_mode: g.bookingMode,
        pricing: g.pricing,
        price_cents: g.priceCents,
        slot_interval_minutes: g.slotIntervalMinutes ?? null,
        min_notice_minutes: 120,
        max_advance_days: 90,
        venue_ids: g.venues.map(venueOf),
        venue_prices: Object.entries(g.venuePrices ?? {}).map(([key, price]) => ({ venue_id: venueOf(key), price_cents: price })),
      });
      gameIds.set(g.name, (await createGame(tx, body)).id);
    }
    const pairIds = pairs.map(({ g, venueIndex }) => ({ game: gameIds.get(g.name)!, venue: venueIds[venueIndex]! }));

    await insertCustomers(tx, organizationId, customers, opts.onProgress);
    const statusChanges = await insertBookings(tx, organizationId, grid.count, planBooking, customers.map((c) => c.id), planPairs, pairIds, userIds, opts.onProgress);
    await refreshCustomerStats(tx, organizationId);
    // A customer exists from shortly before their first booking was made.
    await tx.query(
      `update customers c set created_at = s.first_created - interval '5 minutes'
       from (select customer_id, min(created_at) as first_created from bookings where organization_id = $1 group by customer_id) s
       where c.organization_id = $1 and c.id = s.customer_id and c.created_at > s.first_created - interval '5 minutes'`,
      [organizationId],
    );
    await auditSummary(tx, organizationId, { seed, customers: customers.length, bookings: grid.count, statusChanges });
    const { rows } = await tx.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from bookings where organization_id = $1 group by status order by status',
      [organizationId],
    );
    return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  });
  if ('raced' in outcome) return notCreated(outcome.raced, logins, started);
  // Fresh statistics for the planner: a benchmark right after seeding should see realistic plans.
  await db.exec('analyze customers; analyze bookings');
  return {
    created: true,
    organizationId,
    logins,
    venues: DEMO_VENUES.map((v) => ({ name: v.name, timezone: v.timezone })),
    games: DEMO_GAMES.length,
    customers: customers.length,
    bookings: grid.count,
    byStatus: outcome.byStatus,
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
    from: '',
    to: '',
    seconds: (Date.now() - started) / 1000,
  };
}

async function insertCustomers(tx: Queryable, organizationId: string, customers: PlannedCustomer[], onProgress: SeedDemoOptions['onProgress']) {
  for (let from = 0; from < customers.length; from += BATCH) {
    const batch = customers.slice(from, from + BATCH);
    await tx.query(
      `insert into customers (id, organization_id, full_name, email, phone, notes, tags, marketing_opt_in, created_at, updated_at)
       select t.id, $1, t.full_name, t.email, t.phone, t.notes, string_to_array(t.tags, ','), t.opt_in, t.created_at, t.created_at
       from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::timestamptz[])
         as t(id, full_name, email, phone, notes, tags, opt_in, created_at)`,
      [
        organizationId,
        batch.map((c) => c.id),
        batch.map((c) => c.fullName),
        batch.map((c) => c.email),
        batch.map((c) => c.phone),
        batch.map((c) => c.notes),
        batch.map((c) => c.tags.join(',')),
        batch.map((c) => c.marketingOptIn),
        batch.map((c) => new Date(c.createdAtMs).toISOString()),
      ],
    );
    onProgress?.('customers', Math.min(customers.length, from + BATCH), customers.length);
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Inserts the bookings batch by batch, each as pending or confirmed (all the status machine accepts on insert),
 * then walks the past ones along their transitions: confirmed -> checked-in (-> completed), -> no-show,
 * -> cancelled. Returns the number of status changes made.
 */
async function insertBookings(
  tx: Queryable,
  organizationId: string,
  count: number,
  plan: (k: number) => PlannedBooking,
  customerIds: readonly string[],
  pairs: readonly PlanPair[],
  pairIds: readonly { game: string; venue: string }[],
  userIds: readonly string[],
  onProgress: SeedDemoOptions['onProgress'],
): Promise<number> {
  const zones = DEMO_VENUES.map((v) => v.timezone);
  let changes = 0;
  for (let from = 0; from < count; from += BATCH) {
    const batch: PlannedBooking[] = [];
    for (let k = from; k < Math.min(count, from + BATCH); k++) batch.push(plan(k));
    const p = (b: PlannedBooking) => pairs[b.pair]!;
    await tx.query(
      `insert into bookings (id, organization_id, booking_number, customer_id, game_id, venue_id, start_at, end_at, blocked_until,
         booking_date, booking_mode, party_size, status, payment_status, total_amount, discount_amount, final_amount, refund_amount,
         currency, notes, source, created_by, cancelled_at, checked_in_at, created_at, updated_at)
       select t.id, $1, t.number, t.customer_id, t.game_id, t.venue_id, t.start_at, t.end_at, t.blocked_until,
         (t.start_at at time zone t.zone)::date, t.mode, t.party, t.status, t.payment, t.total, 0, t.total, t.refund,
         $2, t.notes, t.source, t.created_by, t.cancelled_at, t.checked_in_at, t.created_at, t.created_at
       from unnest($3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::timestamptz[],
                   $10::timestamptz[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::int[], $17::int[],
                   $18::text[], $19::text[], $20::uuid[], $21::timestamptz[], $22::timestamptz[], $23::timestamptz[])
         as t(id, number, customer_id, game_id, venue_id, start_at, end_at, blocked_until, zone, mode, party, status, payment,
              total, refund, notes, source, created_by, cancelled_at, checked_in_at, created_at)`,
      [
        organizationId,
        DEMO_ORGANIZATION.currency,
        batch.map((b) => b.id),
        batch.map((b) => b.bookingNumber),
        batch.map((b) => customerIds[b.customer]!),
        batch.map((b) => pairIds[b.pair]!.game),
        batch.map((b) => pairIds[b.pair]!.venue),
        batch.map((b) => iso(b.startMs)),
        batch.map((b) => iso(b.endMs)),
        batch.map((b) => iso(b.blockedUntilMs)),
        batch.map((b) => zones[p(b).venueIndex]!),
        batch.map((b) => p(b).bookingMode),
        batch.map((b) => b.partySize),
        batch.map((b) => b.initialStatus),
        batch.map((b) => b.paymentStatus),
        batch.map((b) => b.totalAmount),
        batch.map((b) => b.refundAmount),
        batch.map((b) => b.notes),
        batch.map((b) => b.source),
        batch.map((b) => (b.createdBy === null ? null : userIds[b.createdBy]!)),
        batch.map((b) => iso(b.cancelledAtMs)),
        batch.map((b) => iso(b.checkedInAtMs)),
        batch.map((b) => iso(b.createdAtMs)),
      ],
    );
    const checkIn = batch.filter((b) => b.status === 'completed' || b.status === 'checked-in').map((b) => b.id);
    const moved = batch.filter((b) => b.status !== b.initialStatus && b.status !== 'checked-in');
    if (checkIn.length) {
      await tx.query(`update bookings set status = 'checked-in' where organization_id = $1 and id = any($2::uuid[])`, [organizationId, checkIn]);
    }
    if (moved.length) {
      await tx.query(
        `update bookings b set status = t.status from unnest($2::uuid[], $3::text[]) as t(id, status)
         where b.organization_id = $1 and b.id = t.id`,
        [organizationId, moved.map((b) => b.id), moved.map((b) => b.status)],
      );
    }
    changes += checkIn.length + moved.length;
    onProgress?.('bookings', Math.min(count, from + BATCH), count);
  }
  return changes;
}

/**
 * Lets the real statistics trigger (bookings_refresh_customer_stats, so its formula lives in one place) run once
 * per customer who booked: a no-op update of one booking each, with only the audit still skipped.
 */
async function refreshCustomerStats(tx: Queryable, organizationId: string) {
  await tx.query(`select set_config('app.bulk_load', 'audit', true)`);
  await tx.query(
    `update bookings b set customer_id = b.customer_id
     where b.organization_id = $1 and b.id in (
       select distinct on (customer_id) id from bookings where organization_id = $1 order by customer_id, start_at)`,
    [organizationId],
  );
}

/** One honest audit row per bulk-loaded table, in place of the per-row entries app_bulk_load() skipped. */
async function auditSummary(tx: Queryable, organizationId: string, s: { seed: string; customers: number; bookings: number; statusChanges: number }) {
  const note = 'Loaded by seed-demo in one transaction; per-row audit skipped (app_bulk_load, migration 0003)';
  await tx.query(
    `insert into audit_logs (organization_id, user_id, actor_role, action, table_name, row_id, before, after, request_id, user_agent)
     select $1, null, 'system', 'insert', t.name, null, null, t.after, 'seed-demo', 'bookingtms seed-demo'
     from (values ('customers', $2::jsonb), ('bookings', $3::jsonb)) as t(name, after)`,
    [
      organizationId,
      JSON.stringify({ bulk_load: 'seed-demo', seed: s.seed, rows: s.customers, note: `${note}; statistics refreshed by their trigger once per customer` }),
      JSON.stringify({ bulk_load: 'seed-demo', seed: s.seed, rows: s.bookings, status_changes: s.statusChanges, note }),
    ],
  );
}
