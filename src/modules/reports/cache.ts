import type { CommitHooks } from '../../db/tenant.js';

interface Entry {
  organizationId: string;
  generation: number;
  computedAtMs: number;
  value: unknown;
}

/**
 * Report and dashboard answers kept for a few seconds (REPORTS_CACHE_MS): a manager's dashboard asks six
 * endpoints at once and reloads it often, and each answer scans up to 60 days of bookings. Within this process
 * an answer is never stale: every committed write of an organization (a booking, a payment, a refund, a funnel
 * event) bumps its generation before the response leaves, and an answer read at an older generation is neither
 * served nor stored. Another process's writes and the clock ("today", "upcoming") show within the lifetime.
 * Same design as availability's cache (src/modules/availability/cache.ts), for answers of any shape.
 */
export class ReportCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    // A report over a year by day is some 100 KB of JSON objects: 500 answers stay within ~50 MB.
    private readonly maxEntries = 500,
  ) {}

  /** The organization's generation: read it before reading the database, hand it to `set` with the answer. */
  generation(organizationId: string): number {
    return this.generations.get(organizationId) ?? 0;
  }

  get(key: string, nowMs: number): unknown {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const age = nowMs - e.computedAtMs;
    if (e.generation !== this.generation(e.organizationId) || age < 0 || age >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, organizationId: string, generation: number, nowMs: number, value: unknown): void {
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

  /**
   * Serves the organization's answer to `query` at `path` from the cache, or computes it (the generation read
   * first) and keeps it. The key holds the organization, so one organization's answer is never another's.
   */
  async through<T>(organizationId: string, path: string, query: Record<string, unknown>, nowMs: number, compute: () => Promise<T>): Promise<T> {
    const key = `${organizationId} ${path} ${JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)))}`;
    const hit = this.get(key, nowMs);
    if (hit !== undefined) return hit as T;
    const generation = this.generation(organizationId);
    const value = await compute();
    this.set(key, organizationId, generation, nowMs, value);
    return value;
  }
}

const caches = new WeakMap<CommitHooks, ReportCache>();

/**
 * The app's one report cache (an app is known by its commit hooks; tests build several apps in a process), made
 * on first use and retired organization by organization by every committed write (afterCommit).
 */
export function reportCacheFor(hooks: CommitHooks, ttlMs: number): ReportCache {
  let cache = caches.get(hooks);
  if (!cache) {
    const made = new ReportCache(ttlMs);
    hooks.afterCommit((organizationId) => made.invalidate(organizationId));
    caches.set(hooks, made);
    cache = made;
  }
  return cache;
}
