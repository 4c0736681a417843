/**
 * The bookings placed on the grid: who booked, how many players, when it was made, and a status consistent with
 * the clock (past bookings completed, no-show or cancelled; one running now checked in; future ones confirmed or
 * pending, a few cancelled). What a booking costs and what its cancellation refunds are the bookings module's
 * rules (bookingAmounts, refundFor), applied with the organization's own policy, so demo money adds up as the
 * API's does. Pure and deterministic for a seed, a clock and a policy.
 */
import { BOOKING_NUMBER_ALPHABET, bookingAmounts, refundFor, type StoredQuote } from '../modules/bookings/service.js';
import { BOOKING_NOTES } from './catalog.js';
import { customerPicker } from './customer-plan.js';
import type { Grid } from './grid.js';
import { seededUuid, type Random } from './random.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type BookingStatus = 'pending' | 'confirmed' | 'checked-in' | 'completed' | 'cancelled' | 'no-show';
export type PaymentStatus = 'pending' | 'paid' | 'partial' | 'refunded';
/** The organization's cancellation policy, as its settings hold it (organization.policies). */
export type RefundPolicy = Parameters<typeof refundFor>[1];

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
  /** What was paid (before refunds), and how: the booking's one payment row. */
  paidAmount: number;
  paymentMethod: 'cash' | 'card_present' | 'stripe';
  totalAmount: number;
  discountAmount: number;
  finalAmount: number;
  refundAmount: number;
  /** The coupon it redeemed (see money-plan.ts), and the terms it was priced under then; null without one. */
  coupon: PlannedCoupon | null;
  quote: StoredQuote | null;
  source: 'admin' | 'widget' | 'api';
  /** Index into the demo users, for bookings made by staff. */
  createdBy: number | null;
  notes: string;
  createdAtMs: number;
  cancelledAtMs: number | null;
  checkedInAtMs: number | null;
}

/** A coupon as a booking redeems it: which one, its terms, what it took off. */
export interface PlannedCoupon {
  index: number;
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  discount: number;
}

/** What a coupon chooser sees of a booking; answers the coupon it redeems with its discount, or null. */
export interface CouponContext {
  customer: number;
  pairIndex: number;
  pair: PlanPair;
  partySize: number;
  startMs: number;
  createdAtMs: number;
  status: BookingStatus;
  totalAmount: number;
}
export type CouponChooser = (b: CouponContext) => { coupon: PlannedCoupon; quote: StoredQuote } | null;

// The app's booking-number alphabet (no 0/O or 1/I): demo numbers look like real ones and satisfy BOOKING_NUMBER.
const ALPHABET = BOOKING_NUMBER_ALPHABET;

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

/**
 * Returns a function that describes the k-th booking of the grid; call it for k = 0, 1, 2... in order. The
 * policy comes with each call because it is the organization's, known only once the organization exists (the
 * planner itself is made before, so the seed's draws keep their order).
 */
export function bookingPlanner(
  grid: Grid,
  pairs: readonly PlanPair[],
  home: Uint8Array,
  venues: number,
  staff: { count: number; adminIndex: number },
  nowMs: number,
  rng: Random,
  chooseCoupon: CouponChooser = () => null,
): (k: number, policy: RefundPolicy) => PlannedBooking {
  const pickCustomer = customerPicker(home, venues, rng);
  const bookingNumber = bookingNumberMaker(rng);
  return (k, policy) => {
    const pair = pairs[grid.pair[k]!]!;
    const startMs = grid.startMs[k]!;
    const endMs = startMs + pair.durationMinutes * MINUTE_MS;
    const party = partySize(pair, rng);

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
    let paidThenCancelled = false;
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
          paymentStatus = 'paid';
          paidThenCancelled = true;
        }
        break;
      }
    }

    const source = walkIn ? 'admin' : rng.weighted({ widget: 62, admin: 28, api: 10 });
    const paymentMethod = source === 'widget' && rng.chance(0.6) ? 'stripe' : rng.weighted({ card_present: 70, cash: 30 });
    let createdBy: number | null = null;
    if (source === 'admin') {
      createdBy = rng.chance(0.1) ? staff.adminIndex : rng.int(0, staff.count - 1);
    }
    const id = seededUuid(rng);
    const customer = pickCustomer(pair.venueIndex);
    const notes = rng.chance(0.07) ? rng.pick(BOOKING_NOTES) : '';

    // The money, from the draws above: the price (less a coupon's discount), then what was paid and refunded.
    const amounts = bookingAmounts(pair, party);
    const priced = chooseCoupon({ customer, pairIndex: grid.pair[k]!, pair, partySize: party, startMs, createdAtMs: Math.round(createdAtMs), status, totalAmount: amounts.total_amount });
    if (priced) {
      amounts.discount_amount = priced.coupon.discount;
      amounts.final_amount = amounts.total_amount - priced.coupon.discount;
    }
    let refundAmount = 0;
    if (paidThenCancelled) {
      // Paid, then cancelled: refunded as cancelling through the API would under the organization's policy.
      const refund = refundFor({ amount_paid: amounts.final_amount, start_at: new Date(startMs) }, policy, new Date(Math.round(cancelledAtMs!)));
      refundAmount = refund.amount;
      if (refundAmount > 0) paymentStatus = 'refunded';
    }
    // Paid in full, or a deposit of half ("partial"); an online booking paid by card through Stripe, others at the desk.
    const paidAmount = paymentStatus === 'paid' || paymentStatus === 'refunded' ? amounts.final_amount : paymentStatus === 'partial' ? Math.floor(amounts.final_amount / 2) : 0;
    return {
      id,
      bookingNumber: bookingNumber(k),
      pair: grid.pair[k]!,
      customer,
      startMs,
      endMs,
      blockedUntilMs: endMs + pair.bufferMinutes * MINUTE_MS,
      partySize: party,
      initialStatus,
      status,
      paymentStatus,
      paidAmount,
      paymentMethod,
      totalAmount: amounts.total_amount,
      discountAmount: amounts.discount_amount,
      finalAmount: amounts.final_amount,
      refundAmount,
      coupon: priced?.coupon ?? null,
      quote: priced?.quote ?? null,
      source,
      createdBy,
      notes,
      createdAtMs: Math.round(createdAtMs),
      cancelledAtMs: cancelledAtMs === null ? null : Math.round(cancelledAtMs),
      checkedInAtMs: checkedInAtMs === null ? null : Math.round(checkedInAtMs),
    };
  };
}
