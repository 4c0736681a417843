import { z } from 'zod';
import { instant, name, text, uuid, wallTime } from '../../http/fields.js';
import type { PriceRule } from '../../pricing/quote.js';

export const MAX_GAME_VENUES = 200;
const MAX_PRICE_CENTS = 100_000_000;

const priceCents = z.number().int().min(0).max(MAX_PRICE_CENTS).describe('Integer minor units of the organization’s currency');

const noRepeats = <T>(key: (item: T) => string, what: string) => (list: T[], ctx: z.RefinementCtx) => {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `repeats ${what} ${k} (index ${seen.get(k)})` });
    else seen.set(k, i);
  });
};

const venuePriceInput = z.object({ venue_id: uuid, price_cents: priceCents }).strict();

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A venue-local price window; the first rule matching a slot's weekday and start time sets its unit price. */
export const priceRuleSchema = z
  .object({
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).superRefine(noRepeats((d: number) => String(d), 'weekday')).describe('0 = Sunday'),
    from: wallTime.describe('Venue-local start of the window (inclusive)'),
    to: z.union([wallTime, z.literal('24:00')]).describe('Venue-local end of the window (exclusive)'),
    price_cents: priceCents,
  })
  .strict()
  .refine((r) => minutesOf(r.from) < minutesOf(r.to), { path: ['to'], message: 'must be later than from' })
  .meta({ id: 'PriceRule' });

// Bounds mirror the check constraints of the games table, so bad input is a field error, not a database error.
const gameFields = {
  name: name(200).min(1),
  description: text(5000),
  duration_minutes: z.number().int().min(5).max(1440),
  buffer_minutes: z.number().int().min(0).max(1440).describe('Turnover after each booking'),
  min_players: z.number().int().min(1).max(1000),
  max_players: z.number().int().min(1).max(1000),
  booking_mode: z.enum(['private', 'shared']),
  pricing: z.enum(['per_player', 'flat']),
  price_cents: priceCents,
  min_notice_minutes: z.number().int().min(0).max(525_600),
  max_advance_days: z.number().int().min(1).max(730),
  slot_interval_minutes: z.number().int().min(5).max(1440).nullable().describe('null = duration + buffer'),
  venue_ids: z
    .array(uuid)
    .max(MAX_GAME_VENUES)
    .superRefine(noRepeats((id: string) => id, 'venue'))
    .describe('Venues of this organization where the game is offered; replaces the links on update'),
  venue_prices: z
    .array(venuePriceInput)
    .max(MAX_GAME_VENUES)
    .superRefine(noRepeats((p: { venue_id: string }) => p.venue_id, 'venue'))
    .describe('Venue-specific prices for linked venues; replaces all overrides on update'),
  price_rules: z.array(priceRuleSchema).max(50).describe('Weekday/time-of-day prices, venue-local; the first match replaces price_cents'),
  active: z.boolean(),
};

export const createGameBody = z
  .object(gameFields)
  .partial()
  .required({ name: true, duration_minutes: true, max_players: true, price_cents: true })
  .strict()
  .superRefine((g, ctx) => {
    if (g.min_players !== undefined && g.min_players > g.max_players) {
      ctx.addIssue({ code: 'custom', path: ['min_players'], message: `must not exceed max_players (${g.max_players})` });
    }
  });

export const updateGameBody = z.object(gameFields).partial().strict();

export type CreateGame = z.infer<typeof createGameBody>;
export type UpdateGame = z.infer<typeof updateGameBody>;

export const listGamesQuery = z.object({
  q: text(200).optional(),
  venue_id: uuid.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  include_archived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const gameSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    name: z.string(),
    description: z.string(),
    duration_minutes: z.number().int(),
    buffer_minutes: z.number().int(),
    min_players: z.number().int(),
    max_players: z.number().int(),
    booking_mode: z.enum(['private', 'shared']),
    pricing: z.enum(['per_player', 'flat']),
    price_cents: z.number().int(),
    min_notice_minutes: z.number().int(),
    max_advance_days: z.number().int(),
    slot_interval_minutes: z.number().int().describe('Effective step between slot starts (duration + buffer unless set)'),
    venue_ids: z.array(z.uuid()).describe('Linked venues that are not archived'),
    venue_prices: z.array(z.object({ venue_id: z.uuid(), price_cents: z.number().int() })),
    price_rules: z.array(priceRuleSchema),
    active: z.boolean(),
    archived_at: instant.nullable(),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Game' });

export type Game = z.infer<typeof gameSchema>;

/** What the public widget may see of a game; price_cents is the one effective at the venue asked about. */
export const publicGameSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    duration_minutes: z.number().int(),
    min_players: z.number().int(),
    max_players: z.number().int(),
    booking_mode: z.enum(['private', 'shared']),
    pricing: z.enum(['per_player', 'flat']),
    price_cents: z.number().int(),
    price_rules: z.array(priceRuleSchema),
  })
  .meta({ id: 'PublicGame' });

export type PublicGame = z.infer<typeof publicGameSchema>;

/** A game as the booking and availability services need it, priced for one venue. */
export interface BookableGame {
  id: string;
  name: string;
  durationMinutes: number;
  bufferMinutes: number;
  minPlayers: number;
  maxPlayers: number;
  bookingMode: 'private' | 'shared';
  pricing: 'per_player' | 'flat';
  /** The venue's override if set, else the game's price. */
  priceCents: number;
  /** Venue-local price windows; the first match replaces priceCents (pricing/quote.ts). */
  priceRules: PriceRule[];
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  /** Effective: the stored interval, or duration + buffer. */
  slotIntervalMinutes: number;
  active: boolean;
}
