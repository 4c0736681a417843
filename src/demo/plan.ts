/**
 * The demo's customers and the bookings placed on the grid: who booked, how many players, when it was made,
 * and a status consistent with the clock (past bookings completed, no-show or cancelled; one running now
 * checked in; future ones confirmed or pending, a few cancelled). Pure and deterministic for a seed and a clock.
 */
import type { Grid } from './grid.js';
import { BOOKING_NOTES, CUSTOMER_NOTES } from './catalog.js';
import { makePerson } from './names.js';
import type { Random } from './random.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The organization's default cancellation window (policies.cancellation_window_hours). */
const CANCELLATION_WINDOW_MS = 24 * HOUR_MS;

export type BookingStatus = 'pending' | 'confirmed' | 'checked-in' | 'completed' | 'cancelled' | 'no-show';
export type PaymentStatus = 'pending' | 'paid' | 'partial' | 'refunded';

export interface PlannedCustomer {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  notes: string;
  tags: string[];
  marketingOptIn: boolean;
  /** Replaced by the first booking's creation time for customers who book (see seed.ts). */
  createdAtMs: number;
}

/** One game at one venue as bookings need it. */
export interface PlanPair {
  venueIndex: number;
  durationMinutes: number;
  bufferMinutes: number;
  bookingMode: 'private' | 'shared';
  pricing: 'per_player' | 'flat';
  /** Effective at this venue. */
  priceCents: number;
  party: [number, number];
}

export interface PlannedBooking {
  id: string;
  bookingNumber: string;
  pair: number;
  customer: number;
  startMs: number;
  endMs: number;
  blockedUntilMs: number;
  partySize: number;
  /** What the row is inserted with: the status machine only accepts these on insert. */
  initialStatus: 'pending' | 'confirmed';
  status: BookingStatus;
  paymentStatus: PaymentStatus;
  totalAmount: number;
  refundAmount: number;
  source: 'admin' | 'widget' | 'api';
  /** Index into the demo users, for bookings made by staff. */
  createdBy: number | null;
  notes: string;
  createdAtMs: number;
  cancelledAtMs: number | null;
  checkedInAtMs: number | null;
}

/** A UUID (version 4 layout) from the seeded generator, so a seed always yields the same ids. */
export function seededUuid(rng: Random): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(rng.uint32());
  const b = hex(rng.uint32());
  const c = hex(rng.uint32());
  const d = hex(rng.uint32());
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/** Customers spread over the venues by `shares`; each lives near one venue (its phone number says where). */
export function planCustomers(
  count: number,
  countries: readonly ('US' | 'GB')[],
  shares: readonly number[],
  window: { fromMs: number; nowMs: number },
  rng: Random,
): { customers: PlannedCustomer[]; home: Uint8Array } {
  const taken = new Set<string>();
  const customers: PlannedCustomer[] = [];
  const home = new Uint8Array(count);
  const totalShare = shares.reduce((a, b) => a + b, 0);
  for (let i = 0; i < count; i++) {
    let r = rng.next() * totalShare;
    let v = 0;
    while (v < shares.length - 1 && (r -= shares[v]!) >= 0) v++;
    home[i] = v;
    const person = makePerson(rng, countries[v]!, taken);
    const tags: string[] = [];
    if (rng.chance(0.06)) tags.push('corporate');
    if (rng.chance(0.08)) tags.push('birthday');
    if (rng.chance(0.03)) tags.push('influencer');
    if (rng.chance(0.04)) tags.push('newsletter-signup');
    customers.push({
      id: seededUuid(rng),
      fullName: person.fullName,
      email: person.email,
      phone: person.phone,
      notes: rng.chance(0.03) ? rng.pick(CUSTOMER_NOTES) : '',
      tags,
      marketingOptIn: rng.chance(0.45),
      createdAtMs: Math.round(rng.between(window.fromMs, window.nowMs)),
    });
  }
  return { customers, home };
}

/**
 * Skewed popularity within each venue's customers: a few regulars book often, most people once or twice.
 * Returns a picker of customer indices for a venue.
 */
function customerPicker(home: Uint8Array, venues: number, rng: Random): (venue: number) => number {
  const pools: { ids: number[]; cumulative: Float64Array }[] = [];
  for (let v = 0; v < venues; v++) {
    const ids: number[] = [];
    home.forEach((h, i) => h === v && ids.push(i));
    const offset = Math.max(2, ids.length / 30);
    const cumulative = new Float64Array(ids.length);
    let sum = 0;
    ids.forEach((_, k) => (cumulative[k] = sum += 1 / (k + offset)));
    pools.push({ ids, cumulative });
  }
  const all = pools.filter((p) => p.ids.length > 0);
  return (venue) => {
    let pool = pools[venue];
    // Most people book near home; some visit the other city.
    if (!pool?.ids.length || rng.chance(0.07)) pool = rng.pick(all);
    const c = pool.cumulative;
    const r = rng.next() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return pool.ids[lo]!;
  };
}

// No 0/O or 1/I, as in the app's booking numbers (bookings/number.ts).
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Booking numbers BK- plus 8 characters: a 40-bit Feistel permutation of the booking's position, so they look
 * random but never repeat within a demo, and never equal an app-made number (those have 7 characters).
 */
function bookingNumberMaker(rng: Random): (n: number) => string {
  const keys = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()];
  const round = (r: number, key: number) => (Math.imul(r ^ key, 0x9e3779b1) >>> 12) & 0xfffff;
  return (n) => {
    let left = Math.floor(n / 0x100000) & 0xfffff;
    let right = n & 0xfffff;
    for (const key of keys) [left, right] = [right, left ^ round(right, key)];
    let v = left * 0x100000 + right;
    let s = '';
    for (let i = 0; i < 8; i++) {
      s = ALPHABET[v % 32]! + s;
      v = Math.floor(v / 32);
    }
    return `BK-${s}`;
  };
}

function partySize(pair: PlanPair, rng: Random): number {
  const [lo, hi] = pair.party;
  if (pair.bookingMode === 'shared') return lo + Math.floor((hi - lo + 1) * rng.next() ** 1.6); // mostly small groups
  return Math.round(lo + (hi - lo) * ((rng.next() + rng.next()) / 2)); // groups cluster mid-range
}

/** Returns a function that describes the k-th booking of the grid; call it for k = 0, 1, 2... in order. */
export function bookingPlanner(
  grid: Grid,
  pairs: readonly PlanPair[],
  home: Uint8Array,
  venues: number,
  staff: { count: number; adminIndex: number },
  nowMs: number,
  rng: Random,
): (k: number) => PlannedBooking {
  const pickCustomer = customerPicker(home, venues, rng);
  const bookingNumber = bookingNumberMaker(rng);
  return (k) => {
    const pair = pairs[grid.pair[k]!]!;
    const startMs = grid.startMs[k]!;
    const endMs = startMs + pair.durationMinutes * MINUTE_MS;
    const party = partySize(pair, rng);
    const total = pair.pricing === 'per_player' ? pair.priceCents * party : pair.priceCents;

    const walkIn = rng.chance(0.05);
    const lead = walkIn ? rng.between(10, 90) * MINUTE_MS : Math.max(30 * MINUTE_MS, rng.exponential(9 * DAY_MS));
    let createdAtMs = startMs - lead;
    if (createdAtMs > nowMs) createdAtMs = nowMs - rng.between(1, 240) * MINUTE_MS;
    createdAtMs = Math.min(createdAtMs, startMs - MINUTE_MS);

    let status: BookingStatus;
    if (endMs <= nowMs) status = rng.weighted({ completed: 86, 'no-show': 3, cancelled: 11 });
    else if (startMs <= nowMs) status = 'checked-in';
    else status = rng.weighted({ confirmed: 85, pending: 8, cancelled: 7 });

    let initialStatus: 'pending' | 'confirmed' = status === 'pending' ? 'pending' : 'confirmed';
    let paymentStatus: PaymentStatus = 'pending';
    let refundAmount = 0;
    let cancelledAtMs: number | null = null;
    let checkedInAtMs: number | null = null;
    switch (status) {
      case 'completed':
      case 'checked-in':
        paymentStatus = rng.chance(0.94) ? 'paid' : 'partial';
        checkedInAtMs = startMs - rng.between(0, 15) * MINUTE_MS;
        break;
      case 'no-show':
        paymentStatus = rng.chance(0.55) ? 'paid' : 'pending';
        break;
      case 'confirmed':
        paymentStatus = rng.weighted({ paid: 70, partial: 12, pending: 18 });
        break;
      case 'pending':
        break;
      case 'cancelled': {
        if (rng.chance(0.2)) initialStatus = 'pending';
        const until = Math.min(startMs, nowMs);
        cancelledAtMs = createdAtMs + (until - createdAtMs) * rng.between(0.05, 0.98);
        if (initialStatus === 'confirmed' && rng.chance(0.7)) {
          // Refunds follow the default policy: in full outside the window, nothing inside it.
          const outside = startMs - cancelledAtMs >= CANCELLATION_WINDOW_MS;
          paymentStatus = outside ? 'refunded' : 'paid';
          refundAmount = outside ? total : 0;
        }
        break;
      }
    }

    const source = walkIn ? 'admin' : rng.weighted({ widget: 62, admin: 28, api: 10 });
    let createdBy: number | null = null;
    if (source === 'admin') {
      createdBy = rng.chance(0.1) ? staff.adminIndex : rng.int(0, staff.count - 1);
    }
    return {
      id: seededUuid(rng),
      bookingNumber: bookingNumber(k),
      pair: grid.pair[k]!,
      customer: pickCustomer(pair.venueIndex),
      startMs,
      endMs,
      blockedUntilMs: endMs + pair.bufferMinutes * MINUTE_MS,
      partySize: party,
      initialStatus,
      status,
      paymentStatus,
      totalAmount: total,
      refundAmount,
      source,
      createdBy,
      notes: rng.chance(0.07) ? rng.pick(BOOKING_NOTES) : '',
      createdAtMs: Math.round(createdAtMs),
      cancelledAtMs: cancelledAtMs === null ? null : Math.round(cancelledAtMs),
      checkedInAtMs: checkedInAtMs === null ? null : Math.round(checkedInAtMs),
    };
  };
}
