/**
 * Pure availability engine: opening hours + closures + existing bookings -> bookable slots. No I/O and no
 * clock (the query carries `nowMs`), so the same input always yields the same slots in any process zone.
 */
import { priceFor } from '../../pricing/party.js';
import { unitPriceAt } from '../../pricing/quote.js';
import type { AvailabilityQuery, ExistingBooking, Slot } from './types.js';
import { type ZoneDays, dayToIso, formatClock, isoToDay, parseClock, weekdayOfDay, zoneDays } from '../../time/local-time.js';

export {
  instantToLocal,
  isValidTimeZone,
  localDateTimeToInstants,
} from '../../time/local-time.js';
export { priceFor } from '../../pricing/party.js';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** A range opened on some date, in wall minutes after that date's midnight; closeRel may exceed 1440. */
interface WallRange {
  open: number;
  closeRel: number;
}

interface Candidate {
  startMs: number;
  day: number;
  minute: number;
  offset: number;
}

/** Turn "HH:MM" bounds into wall minutes; a close at or before the open runs past midnight, "24:00" ends the day. */
function toWallRange(open: string, close: string): WallRange {
  const o = parseClock(open);
  const c = parseClock(close);
  return { open: o, closeRel: c > o || c >= DAY_MINUTES ? c : c + DAY_MINUTES };
}

/** Ranges opened on each date: a bare closure wins over special hours, which replace the weekday's hours. */
function rangesByDate(q: AvailabilityQuery): (day: number) => WallRange[] {
  const weekly: WallRange[][] = [[], [], [], [], [], [], []];
  for (const r of q.venue.operatingHours) weekly[r.weekday]?.push(toWallRange(r.open, r.close));
  const special = new Map<number, WallRange[] | 'closed'>();
  for (const c of q.venue.closures) {
    const day = isoToDay(c.date);
    const prev = special.get(day);
    if (c.open == null || c.close == null) special.set(day, 'closed');
    else if (prev !== 'closed') special.set(day, [...(prev ?? []), toWallRange(c.open, c.close)]);
  }
  return (day) => {
    const s = special.get(day);
    if (s === 'closed') return [];
    return s ?? weekly[weekdayOfDay(day)] ?? [];
  };
}

/**
 * Seats (shared) or bookings (private) overlapping each slot's [start, start + occupyMs). Slots all occupy
 * the same length, so the slots a booking overlaps form one contiguous index run: two lookups per booking
 * plus a difference array, with no sorting or copying of the bookings. Binary search would mispredict its
 * branches on every one of 10k+ bookings; a bucket table over the slot span needs ~1 comparison instead.
 */
function bookedLoad(starts: Float64Array, occupyMs: number, bookings: ExistingBooking[], shared: boolean): Float64Array {
  const n = starts.length;
  const load = new Float64Array(n + 1);
  const first = starts[0]!;
  const lastOccupied = starts[n - 1]! + occupyMs;
  // Integer width keeps first + k * width exact, so a bucket's edge never lies past the probed instant.
  const width = Math.max(1, Math.floor((starts[n - 1]! - first) / (4 * n)));
  const table = new Int32Array(4 * n + 2);
  for (let k = 0, j = 0; k < table.length; k++) {
    while (j < n && starts[j]! < first + k * width) j++;
    table[k] = j;
  }
  const top = table.length - 1;
  for (const b of bookings) {
    const from = b.startMs - occupyMs;
    const until = b.blockedUntilMs;
    if (until <= first || b.startMs >= lastOccupied) continue;
    // lo: first slot with start + occupy > booking start; hi: first slot starting at/after the block's end.
    let lo = from < first ? 0 : table[Math.min(top, Math.floor((from - first) / width))]!;
    while (lo < n && starts[lo]! <= from) lo++;
    let hi = table[Math.min(top, Math.floor((until - first) / width))]!;
    while (hi < n && starts[hi]! < until) hi++;
    if (lo >= hi) continue;
    const weight = shared ? b.partySize : 1;
    load[lo]! += weight;
    load[hi]! -= weight;
  }
  return load;
}

/** Candidate slot starts (unsorted, possibly duplicated) whose local start date lies in [firstDay, lastDay]. */
function candidates(q: AvailabilityQuery, days: ZoneDays, firstDay: number, lastDay: number): Candidate[] {
  const { game } = q;
  const interval = Math.max(1, Math.trunc(game.slotIntervalMinutes) || 1);
  const durMs = game.durationMinutes * MINUTE_MS;
  const minStart = q.nowMs + game.minNoticeMinutes * MINUTE_MS;
  const rangesOf = rangesByDate(q);
  const out: Candidate[] = [];
  // Start a day early: a range opened the previous evening may still produce slots after midnight.
  for (let day = firstDay - 1; day <= lastDay; day++) {
    for (const r of rangesOf(day)) {
      if (!Number.isFinite(r.open) || !Number.isFinite(r.closeRel)) continue;
      if (day < firstDay && r.closeRel <= DAY_MINUTES) continue;
      // The range opens at the first instant the clock reads >= open (its first occurrence, or the end of
      // a gap), so every existing grid time at/after open already starts late enough; only the close needs
      // an instant: a gap close is luxon's shifted-forward instant, an overlap close its later occurrence.
      const closeAt = days.wall(day, r.closeRel, true);
      const latestStart = (closeAt.instants[closeAt.instants.length - 1] ?? closeAt.shiftedMs) - durMs;
      for (let m = r.open; m < r.closeRel; m += interval) {
        const cday = day + Math.floor(m / DAY_MINUTES);
        if (cday < firstDay) continue;
        if (cday > lastDay) break;
        const minute = m - (cday - day) * DAY_MINUTES;
        const plain = days.plainDay(cday);
        if (plain) {
          const t = plain.startMs + minute * MINUTE_MS;
          if (t >= minStart && t <= latestStart) out.push({ startMs: t, day: cday, minute, offset: plain.offset });
          continue;
        }
        const w = days.wall(cday, minute);
        for (let i = 0; i < w.instants.length; i++) {
          const t = w.instants[i]!;
          if (t >= minStart && t <= latestStart) out.push({ startMs: t, day: cday, minute, offset: w.offsets[i]! });
        }
      }
    }
  }
  return out;
}

/** Bookable slots between fromDate and toDate (venue-local, inclusive), sorted by start and free of duplicates. */
export function computeSlots(q: AvailabilityQuery): Slot[] {
  const { game } = q;
  const days = zoneDays(q.venue.timezone);
  const nowDay = days.local(q.nowMs).day;
  // An overlap can move the wall clock back across midnight, so a future slot may carry yesterday's date.
  const firstDay = Math.max(isoToDay(q.fromDate), nowDay - 1);
  const lastDay = Math.min(isoToDay(q.toDate), nowDay + game.maxAdvanceDays);
  if (!(firstDay <= lastDay)) return [];

  const raw = candidates(q, days, firstDay, lastDay).sort((a, b) => a.startMs - b.startMs);
  const cands: Candidate[] = [];
  for (const c of raw) if (cands.length === 0 || cands[cands.length - 1]!.startMs !== c.startMs) cands.push(c);
  const n = cands.length;
  if (n === 0) return [];

  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) starts[i] = cands[i]!.startMs;
  const durMs = game.durationMinutes * MINUTE_MS;
  const shared = game.bookingMode === 'shared';
  const load = bookedLoad(starts, durMs + game.bufferMinutes * MINUTE_MS, q.bookings, shared);

  // A slot's price before discounts and tax: its unit price (price rules, venue-local) for the party.
  const rules = game.priceRules ?? [];
  const priceAt = (day: number, minute: number) =>
    rules.length === 0 ? basePrice : priceFor({ pricing: game.pricing, priceCents: unitPriceAt(rules, weekdayOfDay(day), minute, game.priceCents) }, q.partySize);
  const basePrice = priceFor(game, q.partySize);
  const isoCache = new Map<number, string>();
  const iso = (day: number): string => {
    let s = isoCache.get(day);
    if (s === undefined) isoCache.set(day, (s = dayToIso(day)));
    return s;
  };
  const slots: Slot[] = new Array<Slot>(n);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += load[i]!;
    const c = cands[i]!;
    const endMs = c.startMs + durMs;
    const end = days.local(endMs, c.day);
    let available: boolean;
    let remainingCapacity: number;
    if (shared) {
      remainingCapacity = Math.max(0, game.capacity - running);
      available = remainingCapacity >= q.partySize;
    } else {
      const taken = running > 0;
      remainingCapacity = taken ? 0 : game.capacity;
      available = !taken && q.partySize <= game.capacity;
    }
    slots[i] = {
      startMs: c.startMs,
      endMs,
      bookingDate: iso(c.day),
      startTime: formatClock(c.minute),
      endTime: formatClock(end.minute),
      endDate: iso(end.day),
      startOffsetMinutes: c.offset,
      endOffsetMinutes: end.offset,
      available,
      remainingCapacity,
      priceCents: priceAt(c.day, c.minute),
    };
  }
  return slots;
}
