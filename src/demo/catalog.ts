/**
 * What the demo business is: one organization, its staff, two venues in different time zones and six games.
 * Plain data (plus the closures of the years the demo spans), validated by the same zod schemas the API uses.
 */
import type { User } from '../modules/users/schemas.js';
import { civilFromDays, daysFromCivil, dayToIso, weekdayOfDay } from '../time/local-time.js';
import type { Closure, OpeningRange } from '../modules/availability/types.js';

export const DEMO_ORGANIZATION = {
  name: 'Escape Works',
  timezone: 'America/New_York',
  currency: 'USD',
  email: 'hello@escapeworks.example',
} as const;

/** The password of every demo login unless --password is given; published in the README, so demo only. */
export const DEFAULT_DEMO_PASSWORD = 'escape-works-demo';

export interface DemoUser {
  email: string;
  fullName: string;
  role: Exclude<User['role'], 'super_admin'>;
}

/** The first entry is the admin; its email identifies an existing demo (emails are unique across organizations). */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@escapeworks.example', fullName: 'Olivia Bennett', role: 'admin' },
  { email: 'manager@escapeworks.example', fullName: 'Marcus Reid', role: 'manager' },
  { email: 'priya@escapeworks.example', fullName: 'Priya Shah', role: 'staff' },
  { email: 'tom@escapeworks.example', fullName: 'Tom Hughes', role: 'staff' },
];

export type VenueKey = 'nyc' | 'ldn';

export interface DemoVenue {
  key: VenueKey;
  name: string;
  timezone: string;
  country: 'US' | 'GB';
  address: { line1: string; city: string; region?: string; postal_code: string; country: string };
  phone: string;
  operatingHours: OpeningRange[];
  /** Share of the demo's customers who live near this venue. */
  customerShare: number;
}

const week = (spec: [number[], string, string][]): OpeningRange[] =>
  spec.flatMap(([days, open, close]) => days.map((weekday) => ({ weekday, open, close })));

export const DEMO_VENUES: readonly DemoVenue[] = [
  {
    key: 'nyc',
    name: 'Escape Works Midtown',
    timezone: 'America/New_York',
    country: 'US',
    address: { line1: '350 W 39th St', city: 'New York', region: 'NY', postal_code: '10018', country: 'US' },
    phone: '+1 212 555 0142',
    // Weekday evenings, long weekends; Friday and Saturday run to midnight.
    operatingHours: week([
      [[1, 2, 3, 4], '14:00', '22:00'],
      [[5], '14:00', '24:00'],
      [[6], '10:00', '24:00'],
      [[0], '10:00', '21:00'],
    ]),
    customerShare: 0.6,
  },
  {
    key: 'ldn',
    name: 'Escape Works Shoreditch',
    timezone: 'Europe/London',
    country: 'GB',
    address: { line1: '21 Great Eastern Street', city: 'London', postal_code: 'EC2A 3EJ', country: 'GB' },
    phone: '+44 20 7946 0321',
    // Late sessions on Friday and Saturday run past midnight (close earlier than open).
    operatingHours: week([
      [[1, 2, 3, 4], '12:00', '22:00'],
      [[5], '12:00', '01:00'],
      [[6], '10:00', '01:00'],
      [[0], '10:00', '20:00'],
    ]),
    customerShare: 0.4,
  },
];

/** Holidays of the given years: closed on the big ones, short hours on New Year's Day. */
export function demoClosures(venue: VenueKey, years: number[]): Closure[] {
  const out: Closure[] = [];
  for (const y of years) {
    out.push({ date: `${y}-01-01`, open: '14:00', close: '20:00' });
    if (venue === 'nyc') {
      const nov1 = daysFromCivil(y, 11, 1);
      const firstThursday = nov1 + ((4 - weekdayOfDay(nov1) + 7) % 7);
      out.push({ date: dayToIso(firstThursday + 21) }); // Thanksgiving
      out.push({ date: `${y}-12-25` });
    } else {
      out.push({ date: `${y}-12-25` }, { date: `${y}-12-26` });
    }
  }
  return out;
}

/** Calendar years touched by the day numbers [fromDay, toDay]. */
export function yearsBetween(fromDay: number, toDay: number): number[] {
  const years: number[] = [];
  for (let y = civilFromDays(fromDay).y; y <= civilFromDays(toDay).y; y++) years.push(y);
  return years;
}

export interface DemoGame {
  name: string;
  description: string;
  durationMinutes: number;
  bufferMinutes: number;
  minPlayers: number;
  maxPlayers: number;
  bookingMode: 'private' | 'shared';
  pricing: 'per_player' | 'flat';
  priceCents: number;
  slotIntervalMinutes?: number;
  venues: VenueKey[];
  /** Venue-specific prices (game_venues.price_cents). */
  venuePrices?: Partial<Record<VenueKey, number>>;
  /** Party sizes the demo books: private groups fill the room, shared sessions sell to small groups. */
  party: [number, number];
  /** Relative demand. */
  popularity: number;
}

export const DEMO_GAMES: readonly DemoGame[] = [
  {
    name: "The Pharaoh's Curse",
    description: 'Sealed inside a tomb with one hour of air: decode the hieroglyphs before the curse takes hold.',
    durationMinutes: 60,
    bufferMinutes: 15,
    minPlayers: 2,
    maxPlayers: 6,
    bookingMode: 'private',
    pricing: 'per_player',
    priceCents: 3500,
    venues: ['nyc', 'ldn'],
    venuePrices: { ldn: 3900 },
    party: [2, 6],
    popularity: 1.1,
  },
  {
    name: 'Alcatraz Breakout',
    description: 'Your cell door just clicked open. Find the tunnel, dodge the guards and reach the boat by dawn.',
    durationMinutes: 60,
    bufferMinutes: 15,
    minPlayers: 2,
    maxPlayers: 8,
    bookingMode: 'private',
    pricing: 'per_player',
    priceCents: 3200,
    venues: ['nyc'],
    party: [2, 8],
    popularity: 1,
  },
  {
    name: 'The Haunted Manor',
    description: 'A horror room for brave groups of three or more. Not recommended under 16.',
    durationMinutes: 90,
    bufferMinutes: 30,
    minPlayers: 3,
    maxPlayers: 8,
    bookingMode: 'private',
    pricing: 'per_player',
    priceCents: 4200,
    venues: ['nyc', 'ldn'],
    party: [3, 8],
    popularity: 0.9,
  },
  {
    name: "Sherlock's Study",
    description: 'A compact Victorian mystery for two to four detectives, priced per room.',
    durationMinutes: 45,
    bufferMinutes: 15,
    minPlayers: 2,
    maxPlayers: 4,
    bookingMode: 'private',
    pricing: 'flat',
    priceCents: 11000,
    venues: ['ldn'],
    party: [2, 4],
    popularity: 0.8,
  },
  {
    name: 'Zombie Lab: Outbreak',
    description: 'Join other players in the lab and find the antidote together. Book a single seat or bring friends.',
    durationMinutes: 60,
    bufferMinutes: 15,
    minPlayers: 1,
    maxPlayers: 16,
    bookingMode: 'shared',
    pricing: 'per_player',
    priceCents: 2900,
    slotIntervalMinutes: 90,
    venues: ['nyc', 'ldn'],
    party: [1, 4],
    popularity: 0.8,
  },
  {
    name: 'Heist at the Gala',
    description: 'A two-hour shared heist with live actors: teams compete to crack the vault during the gala.',
    durationMinutes: 120,
    bufferMinutes: 30,
    minPlayers: 2,
    maxPlayers: 24,
    bookingMode: 'shared',
    pricing: 'per_player',
    priceCents: 5500,
    slotIntervalMinutes: 180,
    venues: ['nyc'],
    party: [2, 6],
    popularity: 0.7,
  },
];

export const BOOKING_NOTES = [
  'Birthday party, please have the candles ready',
  'Team building for our office',
  'First time playing an escape room',
  'One player uses a wheelchair',
  'Bachelorette party',
  'Will arrive 10 minutes early',
  'Anniversary surprise, please keep it quiet',
  'Two players are under 16',
  'Corporate invoice needed',
  'Celebrating a graduation',
] as const;

export const CUSTOMER_NOTES = [
  'Prefers evening slots',
  'Asked about corporate packages',
  'Regular since opening week',
  'Left a glowing review',
  'Claustrophobic: avoid the tomb room',
  'Runs a local meetup group',
] as const;
