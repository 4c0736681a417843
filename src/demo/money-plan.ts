/**
 * The demo's promotions and gift cards, planned from the seed and the clock (pure, deterministic; its own random
 * stream, so the bookings' draws, and with them the rest of the demo, are what they were without it):
 *
 * - coupons: a seasonal campaign each quarter of the history (six weeks from the 1st of March, June, September and
 *   December), WELCOME10 for a customer's first booking (once per customer), SHOREDITCH25 for the London venue's
 *   first bookings (up to 25: used up), an inactive staff code. A coupon prices a booking as the API's quote does
 *   (computeQuote, the quote stored with it) and is redeemed only while it works (window, scope, party, limits).
 * - gift cards: a few dozen bought over the last half year, spent on bookings made since, paid from the card first and
 *   the rest by the booking's own method; a cancellation refunds each payment its share (splitRefund, as
 *   refundBookingShare does), the card's share back onto the card. One card disabled, one expired.
 */
import { quoteColumns, type StoredQuote } from '../modules/bookings/service.js';
import { GIFT_CARD_ALPHABET } from '../modules/giftcards/service.js';
import { splitRefund } from '../modules/payments/service.js';
import { computeQuote } from '../pricing/quote.js';
import type { CouponChooser, PlannedBooking, PlannedCoupon } from './booking-plan.js';
import type { Grid } from './grid.js';
import { DEMO_OFFERS } from './offers.js';
import { seededUuid, type Random } from './random.js';

const DAY_MS = 86_400_000;
const NO_TAX = { rateBps: 0, inclusive: false };

export interface DemoCoupon {
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  validFromMs: number | null;
  validToMs: number | null;
  maxRedemptions: number | null;
  maxPerCustomer: number | null;
  minPartySize: number;
  /** Index into DEMO_VENUES, when the coupon is for one venue only. */
  venueIndex: number | null;
  active: boolean;
  role: 'season' | 'welcome' | 'opening' | 'staff';
}

const CAMPAIGNS = [
  { month: 2, name: 'SPRING', percent: 15 },
  { month: 5, name: 'SUMMER', percent: 10 },
  { month: 8, name: 'AUTUMN', percent: 15 },
  { month: 11, name: 'WINTER', percent: 20 },
] as const;
const CAMPAIGN_DAYS = 42;
/** Chance that a booking made during a campaign uses its code; a first booking WELCOME10. */
const CAMPAIGN_USE = 0.12;
const WELCOME_USE = 0.08;
const WELCOME_YEARS = 2;
/** The opening offer's uses: 1% of the bookings, 5 to 25 (a small demo should not be mostly opening offers). */
const openingRedemptions = (bookings: number) => Math.min(25, Math.max(5, Math.round(bookings / 100)));
const OPENING_USE = 0.5;
/** Index of London in DEMO_VENUES (the opening coupon is Shoreditch's). */
const LONDON = 1;

/**
 * The coupons over a history from `fromMs` to `nowMs`: every campaign overlapping it (and the next one, scheduled),
 * WELCOME10 for the last two years of it, the opening offer from its start (used up by the London venue's first bookings).
 */
export function planCoupons(fromMs: number, nowMs: number, bookings: number): DemoCoupon[] {
  const coupons: DemoCoupon[] = [];
  const lastYear = new Date(nowMs).getUTCFullYear() + 1;
  for (let year = new Date(fromMs).getUTCFullYear() - 1; year <= lastYear; year++) {
    for (const c of CAMPAIGNS) {
      // From local midnight in New York (the organization's zone) at 05:00 UTC.
      const start = Date.UTC(year, c.month, 1, 5);
      const end = start + CAMPAIGN_DAYS * DAY_MS;
      if (end <= fromMs || start > nowMs + 60 * DAY_MS) continue;
      coupons.push({
        code: `${c.name}${year}`, kind: 'percent', value: c.percent, validFromMs: start, validToMs: end,
        maxRedemptions: null, maxPerCustomer: null, minPartySize: 1, venueIndex: null, active: true, role: 'season',
      });
    }
  }
  coupons.push({
    code: 'WELCOME10', kind: 'fixed', value: 1000, validFromMs: Math.max(fromMs, nowMs - WELCOME_YEARS * 365 * DAY_MS), validToMs: null,
    maxRedemptions: null, maxPerCustomer: 1, minPartySize: 2, venueIndex: null, active: true, role: 'welcome',
  });
  coupons.push({
    code: 'SHOREDITCH25', kind: 'percent', value: 25, validFromMs: fromMs, validToMs: null,
    maxRedemptions: openingRedemptions(bookings), maxPerCustomer: null, minPartySize: 1, venueIndex: LONDON, active: true, role: 'opening',
  });
  coupons.push({
    code: 'STAFF50', kind: 'percent', value: 50, validFromMs: null, validToMs: null,
    maxRedemptions: null, maxPerCustomer: 1, minPartySize: 1, venueIndex: null, active: false, role: 'staff',
  });
  return coupons;
}

/**
 * Decides, booking by booking (in the planner's order), which coupon a booking redeemed: the opening offer while it
 * lasts, else WELCOME10 on a customer's first booking, else the running campaign's code, each only where it works
 * (active, inside its window when the booking was made, in scope, party large enough, under its limits).
 */
export function couponChooser(coupons: readonly DemoCoupon[], customers: number, currency: string, rng: Random): CouponChooser {
  const seen = new Uint8Array(customers);
  const live = coupons.map(() => 0);
  const works = (c: DemoCoupon, at: number) => c.active && (c.validFromMs === null || at >= c.validFromMs) && (c.validToMs === null || at < c.validToMs);
  const welcome = coupons.findIndex((c) => c.role === 'welcome');
  const opening = coupons.findIndex((c) => c.role === 'opening');
  return (b) => {
    const first = seen[b.customer] === 0;
    seen[b.customer] = 1;
    const draw = rng.next();
    let index = -1;
    const o = coupons[opening];
    if (o && works(o, b.createdAtMs) && b.pair.venueIndex === o.venueIndex && live[opening]! < o.maxRedemptions! && draw < OPENING_USE) index = opening;
    else if (first && welcome >= 0 && works(coupons[welcome]!, b.createdAtMs) && b.partySize >= coupons[welcome]!.minPartySize && draw < WELCOME_USE) index = welcome;
    else if (draw < CAMPAIGN_USE) index = coupons.findIndex((c) => c.role === 'season' && works(c, b.createdAtMs));
    if (index < 0) return null;
    const c = coupons[index]!;
    if (b.status !== 'cancelled') live[index]! += 1;
    const terms = { code: c.code, kind: c.kind, value: c.value };
    const q = computeQuote({
      pricing: b.pair.pricing, basePriceCents: b.pair.priceCents, priceRules: [], weekday: 0, startMinute: 0, partySize: b.partySize,
      gameName: DEMO_OFFERS[b.pairIndex]!.game.name, currency, tax: NO_TAX, coupon: terms,
    });
    const coupon: PlannedCoupon = { index, ...terms, discount: q.discount_cents };
    // Stored as the API stores it: rescheduling prices the booking again under these terms.
    return { coupon, quote: quoteColumns(q, NO_TAX, terms).stored satisfies StoredQuote };
  };
}

// Gift cards ---------------------------------------------------------------------------------------------------

export const GIFT_CARDS = 36;
const CARD_VALUES = [5000, 7500, 10000, 10000, 15000, 20000, 25000];
const CARD_WINDOW_DAYS = 180;
/** Bookings starting in this window around now may pay by gift card (about CANDIDATES of them). */
const PAY_FROM_DAYS = 90;
const CANDIDATES = 30;

export interface PlannedGiftCard {
  id: string;
  code: string;
  initial: number;
  issuedAtMs: number;
  expiresAtMs: number | null;
  disabledAtMs: number | null;
  /** A customer index: the card's recipient (the first to spend it, when someone did). */
  recipient: number;
  /** Whether the card is linked to the recipient's customer record (else only their name and email are on it). */
  linked: boolean;
}

/** The cards, and which bookings may have been paid from one: those starting within PAY_FROM_DAYS of now, by `chance`. */
export function planGiftCards(grid: Grid, customers: number, nowMs: number, rng: Random): { cards: PlannedGiftCard[]; mayPay: (b: PlannedBooking) => boolean } {
  const taken = new Set<string>();
  const cards: PlannedGiftCard[] = [];
  for (let i = 0; i < GIFT_CARDS && customers > 0; i++) {
    let code = '';
    while (code === '' || taken.has(code)) code = Array.from({ length: 16 }, () => GIFT_CARD_ALPHABET[Math.floor(rng.next() * GIFT_CARD_ALPHABET.length)]).join('');
    taken.add(code);
    let issuedAtMs = Math.round(nowMs - rng.between(2, CARD_WINDOW_DAYS) * DAY_MS);
    let expiresAtMs = rng.chance(0.3) ? issuedAtMs + 2 * 365 * DAY_MS : null;
    let disabledAtMs: number | null = null;
    if (i === 0) {
      // Bought early with a short validity, and expired a fortnight ago.
      issuedAtMs = Math.min(issuedAtMs, nowMs - 120 * DAY_MS);
      expiresAtMs = nowMs - 14 * DAY_MS;
    } else if (i === 1) {
      // Reported lost a week ago and disabled by a manager.
      issuedAtMs = Math.min(issuedAtMs, nowMs - 60 * DAY_MS);
      disabledAtMs = nowMs - 7 * DAY_MS;
    }
    cards.push({ id: seededUuid(rng), code, initial: rng.pick(CARD_VALUES), issuedAtMs, expiresAtMs, disabledAtMs, recipient: rng.int(0, customers - 1), linked: rng.chance(0.5) });
  }
  let inWindow = 0;
  for (let k = 0; k < grid.count; k++) if (Math.abs(grid.startMs[k]! - nowMs) <= PAY_FROM_DAYS * DAY_MS) inWindow++;
  const chance = Math.min(0.3, CANDIDATES / Math.max(1, inWindow));
  const mayPay = (b: PlannedBooking) => {
    if (cards.length === 0 || Math.abs(b.startMs - nowMs) > PAY_FROM_DAYS * DAY_MS) return false;
    if (b.finalAmount === 0 || b.paidAmount !== b.finalAmount) return false;
    // Cancelled bookings a little more often, so that some cards get money back.
    return rng.chance(b.refundAmount > 0 ? Math.min(0.8, chance * 3) : chance);
  };
  return { cards, mayPay };
}

/** A payment or refund row of a booking, as payments/bulk.ts takes it. */
export interface MoneyRow {
  id: string;
  booking_id: string;
  kind: 'payment' | 'refund';
  parent_id: string | null;
  method: PlannedBooking['paymentMethod'] | 'gift_card';
  amount_cents: number;
  provider_ref: string | null;
  gift_card_id: string | null;
  created_at: Date;
}

export interface LedgerEntry {
  gift_card_id: string;
  kind: 'issue' | 'redeem' | 'refund';
  amount_cents: number;
  booking_id: string | null;
  balance_after_cents: number;
  reason: null;
  created_at: Date;
}

export interface CardState {
  card: PlannedGiftCard;
  balance: number;
  updatedAtMs: number;
}

/**
 * A booking's payment rows: what its row says it received (at the desk when the group arrived, online when it was
 * booked), paid first from `gift` (a card's part, taken when it was booked) when given, and the refund its
 * cancellation made, split over the payments as refundBookingShare splits it. Ids come from the booking's.
 */
export function paymentRows(b: PlannedBooking, derive: (label: string) => string, gift: { cardId: string; amount: number } | null = null): MoneyRow[] {
  if (b.paidAmount === 0) return [];
  const number = b.bookingNumber.slice(3);
  const payments: MoneyRow[] = [];
  if (gift) {
    payments.push({
      id: derive('gift-card'), booking_id: b.id, kind: 'payment', parent_id: null, method: 'gift_card', amount_cents: gift.amount,
      provider_ref: gift.cardId, gift_card_id: gift.cardId, created_at: new Date(b.createdAtMs),
    });
  }
  const rest = b.paidAmount - (gift?.amount ?? 0);
  if (rest > 0) {
    const paidAt = b.paymentMethod === 'stripe' || b.checkedInAtMs === null ? b.createdAtMs : b.checkedInAtMs;
    payments.push({
      id: derive('payment'), booking_id: b.id, kind: 'payment', parent_id: null, method: b.paymentMethod, amount_cents: rest,
      provider_ref: b.paymentMethod === 'stripe' ? `pi_demo_${number}` : null, gift_card_id: null, created_at: new Date(paidAt),
    });
  }
  if (b.refundAmount === 0) return payments;
  // Oldest first, as the refund's split orders them (payments.sql REFUNDABLE).
  payments.sort((x, y) => x.created_at.getTime() - y.created_at.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const shares = splitRefund(payments.map((p) => p.amount_cents), b.refundAmount);
  const refunds = payments.flatMap((p, i): MoneyRow[] =>
    shares[i]! === 0
      ? []
      : [{
          id: derive(p.method === 'gift_card' ? 'gift-card-refund' : 'refund'), booking_id: b.id, kind: 'refund', parent_id: p.id, method: p.method,
          amount_cents: shares[i]!, provider_ref: p.method === 'stripe' ? `re_demo_${number}` : p.provider_ref, gift_card_id: p.gift_card_id,
          created_at: new Date(b.cancelledAtMs ?? p.created_at.getTime()),
        }],
  );
  return [...payments, ...refunds];
}

/**
 * Spends the cards on the candidate bookings in the order they were made: each pays from a card that was bought
 * before, is neither expired nor disabled then and holds something, as much as the card holds up to the booking's
 * price; refunds land back on the card when the booking is cancelled (in time order with the other movements).
 * Answers each booking's part, by booking id, and the cards' ledgers in time order.
 */
export function spendGiftCards(
  cards: readonly PlannedGiftCard[],
  candidates: readonly PlannedBooking[],
  derive: (b: PlannedBooking, label: string) => string,
  rng: Random,
): { parts: Map<string, { cardId: string; amount: number }>; ledger: LedgerEntry[]; states: CardState[] } {
  const states = cards.map((card) => ({ card, balance: card.initial, updatedAtMs: card.disabledAtMs ?? card.issuedAtMs, used: false }));
  const events: { atMs: number; state: (typeof states)[number]; kind: 'issue' | 'redeem' | 'refund'; amount: number; bookingId: string | null }[] = states.map((s) => ({
    atMs: s.card.issuedAtMs, state: s, kind: 'issue', amount: s.card.initial, bookingId: null,
  }));
  const parts = new Map<string, { cardId: string; amount: number }>();
  const pending: { atMs: number; state: (typeof states)[number]; amount: number; bookingId: string }[] = [];
  const settle = (untilMs: number) => {
    pending.sort((a, b) => a.atMs - b.atMs);
    while (pending[0] && pending[0].atMs <= untilMs) {
      const r = pending.shift()!;
      r.state.balance += r.amount;
      events.push({ atMs: r.atMs, state: r.state, kind: 'refund', amount: r.amount, bookingId: r.bookingId });
    }
  };
  const ordered = [...candidates].sort((a, b) => a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : 1));
  for (const b of ordered) {
    settle(b.createdAtMs);
    const usable = states.filter(
      (s) => s.balance > 0 && s.card.issuedAtMs + 3_600_000 <= b.createdAtMs && (s.card.expiresAtMs === null || b.createdAtMs < s.card.expiresAtMs) &&
        (s.card.disabledAtMs === null || b.createdAtMs < s.card.disabledAtMs),
    );
    if (usable.length === 0) continue;
    const s = rng.pick(usable);
    const amount = Math.min(s.balance, b.paidAmount);
    s.balance -= amount;
    if (!s.used) s.card.recipient = b.customer;
    s.used = true;
    parts.set(b.id, { cardId: s.card.id, amount });
    events.push({ atMs: b.createdAtMs, state: s, kind: 'redeem', amount: -amount, bookingId: b.id });
    const back = paymentRows(b, (label) => derive(b, label), { cardId: s.card.id, amount }).find((r) => r.kind === 'refund' && r.method === 'gift_card');
    if (back) pending.push({ atMs: back.created_at.getTime(), state: s, amount: back.amount_cents, bookingId: b.id });
  }
  settle(Infinity);
  const ledger: LedgerEntry[] = [];
  const running = new Map<string, number>();
  const kindOrder = { issue: 0, redeem: 1, refund: 2 };
  for (const e of events.sort((a, b) => a.atMs - b.atMs || kindOrder[a.kind] - kindOrder[b.kind])) {
    const after = (running.get(e.state.card.id) ?? 0) + e.amount;
    running.set(e.state.card.id, after);
    e.state.updatedAtMs = Math.max(e.state.updatedAtMs, e.atMs);
    ledger.push({ gift_card_id: e.state.card.id, kind: e.kind, amount_cents: e.amount, booking_id: e.bookingId, balance_after_cents: after, reason: null, created_at: new Date(e.atMs) });
  }
  return { parts, ledger, states };
}
