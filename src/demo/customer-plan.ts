/**
 * The demo's customers and who of them books where: generated people spread over the venues' cities, and a
 * skewed picker (a few regulars, most people once or twice) the booking planner draws from. Pure and
 * deterministic for a seed.
 */
import { CUSTOMER_NOTES } from './catalog.js';
import { makePerson } from './names.js';
import { seededUuid, type Random } from './random.js';

export interface PlannedCustomer {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  notes: string;
  tags: string[];
  marketingOptIn: boolean;
  /** Moved to shortly before their first booking was made, for customers who book (see load-history.ts). */
  createdAtMs: number;
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
export function customerPicker(home: Uint8Array, venues: number, rng: Random): (venue: number) => number {
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
