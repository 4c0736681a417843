/**
 * Where demo bookings go: every slot the availability engine offers for each game at each venue over the demo's
 * window, weighted by demand (weekends, evenings, season, how far ahead), then exactly N booking places chosen
 * among them. A private slot holds at most one booking; a shared slot at most `capacity / largest party` ones,
 * so any mix of party sizes fits. Pure: no I/O, no clock (the caller passes `nowMs`).
 */
import { computeSlots } from '../modules/availability/service.js';
import { civilFromDays, dayToIso, isoToDay, parseClock, weekdayOfDay } from '../time/local-time.js';
import type { GameRules, VenueRules } from '../modules/availability/types.js';
import type { Random } from './random.js';

const DAY_MS = 86_400_000;

/** One game offered at one venue, as the grid needs it. */
export interface GridPair {
  venue: VenueRules;
  game: GameRules;
  /** Bookings one slot can take: 1 for private games. */
  placesPerSlot: number;
  popularity: number;
}

/** The chosen places, in chronological order. */
export interface Grid {
  count: number;
  pair: Uint8Array;
  startMs: Float64Array;
  /** Venue-local calendar day number of the start (days since 1970-01-01). */
  day: Int32Array;
  /** Venue-local start time in minutes after midnight. */
  minute: Int16Array;
  /** First and last local day number of the window. */
  fromDay: number;
  toDay: number;
}

export const FUTURE_DAYS = 60;
const MIN_PAST_DAYS = 120;
/** Average share of past places taken: the history grows longer rather than the rooms fuller. */
const PAST_OCCUPANCY = 0.6;
/** Share of all bookings that lie ahead, when the next FUTURE_DAYS can hold them. */
const FUTURE_SHARE = 0.12;
const FUTURE_MAX_OCCUPANCY = 0.3;

const WEEKDAY_DEMAND = [1.2, 0.7, 0.7, 0.8, 0.9, 1.25, 1.5]; // Sunday first
const MONTH_DEMAND = [0.85, 0.85, 0.95, 1, 1, 1.05, 1.15, 1.15, 1, 1, 1.05, 1.25];

function hourDemand(minute: number): number {
  if (minute < 360) return 0.7; // after midnight
  if (minute < 720) return 0.75;
  if (minute < 1020) return 0.95;
  if (minute < 1260) return 1.3;
  return 0.9;
}

interface Places {
  slotPair: number[];
  slotStart: number[];
  slotDay: number[];
  slotMinute: number[];
  /** Slot index of each place (a shared slot has several places). */
  placeSlot: number[];
  weight: number[];
}

/** Appends the slots of every pair between two local days (inclusive) with their demand weights. */
function addSlots(into: Places, pairs: readonly GridPair[], fromDay: number, toDay: number, rng: Random) {
  const nowMs = (fromDay - 2) * DAY_MS; // an engine "now" before the window: no slot is hidden as too soon
  pairs.forEach((p, pairIndex) => {
    const slots = computeSlots({
      venue: p.venue,
      game: { ...p.game, minNoticeMinutes: 0, maxAdvanceDays: toDay - fromDay + 5 },
      fromDate: dayToIso(fromDay),
      toDate: dayToIso(toDay),
      partySize: 1,
      nowMs,
      bookings: [],
    });
    for (const s of slots) {
      const day = isoToDay(s.bookingDate);
      const minute = parseClock(s.startTime);
      const slot = into.slotPair.length;
      into.slotPair.push(pairIndex);
      into.slotStart.push(s.startMs);
      into.slotDay.push(day);
      into.slotMinute.push(minute);
      // A shared session usually sells to about two groups, so its places are less sought than a private room.
      const perPlace = p.placesPerSlot > 1 ? 2 / p.placesPerSlot : 1;
      const demand =
        WEEKDAY_DEMAND[weekdayOfDay(day)]! * MONTH_DEMAND[civilFromDays(day).m - 1]! * hourDemand(minute) * p.popularity * perPlace;
      for (let k = 0; k < p.placesPerSlot; k++) {
        into.placeSlot.push(slot);
        into.weight.push(demand * rng.between(0.6, 1.4));
      }
    }
  });
}

/**
 * Probabilities min(1, w * s) summing to `target` over the given places (water-filling: the busiest places
 * saturate at 1 and the rest share what is left).
 */
function probabilities(weight: number[], places: number[], target: number): Float64Array {
  const p = new Float64Array(places.length);
  if (target <= 0 || places.length === 0) return p;
  let total = 0;
  for (const i of places) total += weight[i]!;
  let scale = target / total;
  for (let iter = 0; iter < 50; iter++) {
    let sum = 0;
    for (const i of places) sum += Math.min(1, weight[i]! * scale);
    if (sum >= target * 0.999999 || sum >= places.length) break;
    scale *= target / sum;
  }
  places.forEach((i, k) => (p[k] = Math.min(1, weight[i]! * scale)));
  return p;
}

/** Chooses exactly `target` of the places (fewer only if there are fewer), each about with its probability. */
function choose(places: number[], p: Float64Array, target: number, rng: Random): number[] {
  const chosen = new Uint8Array(places.length);
  let count = 0;
  for (let k = 0; k < places.length; k++) {
    if (rng.next() < p[k]!) {
      chosen[k] = 1;
      count++;
    }
  }
  const want = Math.min(target, places.length);
  // Bernoulli draws land within a few standard deviations of the target; settle the difference at random.
  while (count > want) {
    const k = Math.floor(rng.next() * places.length);
    if (chosen[k]) {
      chosen[k] = 0;
      count--;
    }
  }
  while (count < want) {
    const k = Math.floor(rng.next() * places.length);
    if (!chosen[k] && (p[k]! > 0 || rng.chance(0.05))) {
      chosen[k] = 1;
      count++;
    }
  }
  const out: number[] = [];
  for (let k = 0; k < places.length; k++) if (chosen[k]) out.push(places[k]!);
  return out;
}

/**
 * Picks `total` booking places: about FUTURE_SHARE of them in the next FUTURE_DAYS (thinning out further ahead),
 * the rest in a history long enough to hold them at PAST_OCCUPANCY (at least MIN_PAST_DAYS). `pairsFor` gives
 * the games at their venues for a window of local days (holiday closures depend on the years it covers); the
 * order of the pairs must not depend on the window.
 */
export function planGrid(
  pairsFor: (fromDay: number, toDay: number) => readonly GridPair[],
  total: number,
  nowMs: number,
  rng: Random,
): Grid {
  const today = Math.floor(nowMs / DAY_MS);
  const places: Places = { slotPair: [], slotStart: [], slotDay: [], slotMinute: [], placeSlot: [], weight: [] };
  // The future first: its places per day also tell how long a history `total` needs.
  addSlots(places, pairsFor(today - 1, today + FUTURE_DAYS), today - 1, today + FUTURE_DAYS, rng);
  const futurePlaces: number[] = [];
  for (let i = 0; i < places.placeSlot.length; i++) {
    const start = places.slotStart[places.placeSlot[i]!]!;
    if (start >= nowMs) {
      const ahead = (start - nowMs) / DAY_MS;
      places.weight[i]! *= 0.85 * Math.exp(-ahead / 12) + 0.06;
      futurePlaces.push(i);
    }
  }
  const placesPerDay = futurePlaces.length / FUTURE_DAYS;
  const future = Math.min(Math.round(total * FUTURE_SHARE), Math.floor(futurePlaces.length * FUTURE_MAX_OCCUPANCY));
  const past = total - future;
  const pastDays = Math.max(MIN_PAST_DAYS, Math.ceil(past / Math.max(1, placesPerDay * PAST_OCCUPANCY)));
  const fromDay = today - pastDays;
  const firstPast = places.placeSlot.length;
  addSlots(places, pairsFor(fromDay, today + FUTURE_DAYS), fromDay, today - 2, rng);
  const pastPlaces: number[] = [];
  for (let i = 0; i < places.placeSlot.length; i++) {
    if (i >= firstPast || places.slotStart[places.placeSlot[i]!]! < nowMs) pastPlaces.push(i);
  }

  const picked = [
    ...choose(futurePlaces, probabilities(places.weight, futurePlaces, future), future, rng),
    ...choose(pastPlaces, probabilities(places.weight, pastPlaces, past), past, rng),
  ];
  const slotOf = (i: number) => places.placeSlot[i]!;
  picked.sort((a, b) => places.slotStart[slotOf(a)]! - places.slotStart[slotOf(b)]! || slotOf(a) - slotOf(b) || a - b);

  const n = picked.length;
  const grid: Grid = {
    count: n,
    pair: new Uint8Array(n),
    startMs: new Float64Array(n),
    day: new Int32Array(n),
    minute: new Int16Array(n),
    fromDay,
    toDay: today + FUTURE_DAYS,
  };
  picked.forEach((placeIndex, k) => {
    const s = slotOf(placeIndex);
    grid.pair[k] = places.slotPair[s]!;
    grid.startMs[k] = places.slotStart[s]!;
    grid.day[k] = places.slotDay[s]!;
    grid.minute[k] = places.slotMinute[s]!;
  });
  return grid;
}
