/** The business a benchmark runs against, made through the HTTP API as an operator would make it. */
import { randomBytes } from 'node:crypto';

export interface Api {
  url: string;
  token: string;
  organizationId: string;
}

/** A JSON call to the running server; throws on an unexpected status. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- benchmark fixtures read loosely typed JSON
export async function api<T = any>(base: string, method: string, path: string, body?: unknown, token?: string, expect = [200, 201]): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Signs up a fresh organization and returns its admin's token. */
export async function signup(url: string): Promise<Api> {
  const r = await api(url, 'POST', '/api/auth/signup', {
    email: `bench-${randomBytes(4).toString('hex')}@example.test`,
    password: 'benchmark password',
    full_name: 'Bench Admin',
    organization_name: 'Bench Escapes',
    timezone: 'America/New_York',
    currency: 'USD',
  });
  return { url, token: r.token, organizationId: r.organization.id };
}

/** A venue open around the clock every day, so slots are plentiful and the figures measure the system, not the calendar. */
export async function createVenue(a: Api, name = 'Bench venue'): Promise<string> {
  const hours = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
  const v = await api(a.url, 'POST', '/api/venues', { name, timezone: 'America/New_York', operating_hours: hours }, a.token);
  return v.id as string;
}

export interface GameSpec {
  mode: 'private' | 'shared';
  maxPlayers?: number;
  bufferMinutes?: number;
}

/** Hour-long games bookable from now (no minimum notice) up to a year ahead. */
export async function createGames(a: Api, venueId: string, count: number, spec: GameSpec): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const g = await api(a.url, 'POST', '/api/games', {
      name: `Bench ${spec.mode} ${i + 1}`,
      duration_minutes: 60,
      buffer_minutes: spec.bufferMinutes ?? 0,
      slot_interval_minutes: 60,
      min_players: 1,
      max_players: spec.maxPlayers ?? 6,
      booking_mode: spec.mode,
      pricing: 'per_player',
      price_cents: 2900,
      min_notice_minutes: 0,
      max_advance_days: 365,
      venue_ids: [venueId],
    }, a.token);
    ids.push(g.id as string);
  }
  return ids;
}

export interface SlotRef {
  gameId: string;
  startAt: string;
}

/** The free slots the availability API offers for each game over `days` days from tomorrow (venue-local). */
export async function freeSlots(a: Api, venueId: string, gameIds: string[], days: number): Promise<SlotRef[]> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + (1 + days) * 86_400_000).toISOString().slice(0, 10);
  const out: SlotRef[] = [];
  for (const gameId of gameIds) {
    const r = await api(a.url, 'GET', `/api/games/${gameId}/availability?venue_id=${venueId}&from=${from}&to=${to}`, undefined, a.token);
    for (const s of r.slots as { start_at: string; available: boolean }[]) if (s.available) out.push({ gameId, startAt: s.start_at });
  }
  return out;
}

/** Shuffles in place (Fisher-Yates) with a fixed-seed generator, so runs offer the same sequence. */
export function shuffle<T>(items: T[], seed = 42): T[] {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
