import type { CommitHooks } from '../../db/tenant.js';
import type { Availability } from './schemas.js';

interface Entry {
  organizationId: string;
  generation: number;
  computedAtMs: number;
  value: Availability;
}

/**
 * Availability answers kept for a few seconds (AVAILABILITY_CACHE_MS): a widget shown to many visitors asks for
 * the same week of the same game over and over, and each answer costs a look-up of the room's bookings and the
 * engine. Within this process an answer is never stale: every write request of an organization (a booking, a
 * cancellation, a change of a venue or game) bumps its generation before the response leaves, and an answer
 * read at an older generation is neither served nor stored. Another API process's writes, and the clock (a
 * slot's notice running out), show after at most the cache's lifetime; the database still refuses any booking
 * the answer no longer allows (409 or 422), so a late answer can never cause a double booking.
 */
export class AvailabilityCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    // A week of slots is some 40 KB of objects: 1,000 answers stay within ~40 MB.
    private readonly maxEntries = 1000,
  ) {}

  /** The organization's generation: read it before reading the database, hand it to `set` with the answer. */
  generation(organizationId: string): number {
    return this.generations.get(organizationId) ?? 0;
  }

  get(key: string, nowMs: number): Availability | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = nowMs - e.computedAtMs;
    if (e.generation !== this.generation(e.organizationId) || age < 0 || age >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, organizationId: string, generation: number, nowMs: number, value: Availability): void {
    if (this.ttlMs <= 0 || generation !== this.generation(organizationId)) return;
    this.entries.delete(key);
    // Full: the oldest entry goes (a Map iterates in insertion order).
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { organizationId, generation, computedAtMs: nowMs, value });
  }

  /** Every answer of the organization computed before now is dropped. */
  invalidate(organizationId: string): void {
    this.generations.set(organizationId, this.generation(organizationId) + 1);
  }

  /** Serves `key` from the cache, or computes it (reading the generation first) and keeps it. */
  async through(key: string, organizationId: string, nowMs: number, compute: () => Promise<Availability>): Promise<Availability> {
    const hit = this.get(key, nowMs);
    if (hit) return hit;
    const generation = this.generation(organizationId);
    const value = await compute();
    this.set(key, organizationId, generation, nowMs, value);
    return value;
  }
}

const caches = new WeakMap<CommitHooks, AvailabilityCache>();

/**
 * The app's one availability cache (an app is known by its commit hooks; tests build several apps in a process),
 * made on first use and retired organization by organization by every committed write (afterCommit).
 */
export function availabilityCacheFor(hooks: CommitHooks, ttlMs: number): AvailabilityCache {
  let cache = caches.get(hooks);
  if (!cache) {
    const made = new AvailabilityCache(ttlMs);
    hooks.afterCommit((organizationId) => made.invalidate(organizationId));
    caches.set(hooks, made);
    cache = made;
  }
  return cache;
}
