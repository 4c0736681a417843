/**
 * The demo's catalogue (organization, staff, venues, games) written through the modules' own service functions
 * and zod schemas, row by row as the API would: it is small, so it gets the full validation and per-row audit,
 * and the organization comes back with the settings (currency, cancellation policy) the bulk part must honour.
 */
import type { Queryable } from '../db/client.js';
import type { Closure } from '../modules/availability/types.js';
import { createGame } from '../modules/games/service.js';
import { createGameBody } from '../modules/games/schemas.js';
import { createDefaultTemplates } from '../modules/notifications/service.js';
import { createOrganization, getOrganization, updateOrganization } from '../modules/organizations/service.js';
import type { Organization } from '../modules/organizations/schemas.js';
import { insertUser } from '../modules/users/service.js';
import { createVenue } from '../modules/venues/service.js';
import { createVenueBody } from '../modules/venues/schemas.js';
import { DEMO_GAMES, DEMO_ORGANIZATION, DEMO_USERS, DEMO_VENUES } from './catalog.js';

export interface LoadedCatalog {
  /** As stored, defaults filled in: its policies decide the demo's refunds. */
  organization: Organization;
  /** In the order of DEMO_USERS. */
  userIds: string[];
  /** In the order of DEMO_VENUES. */
  venueIds: string[];
  /** By game name. */
  gameIds: Map<string, string>;
}

/**
 * Creates the organization the transaction's context names (`organizationId`), its staff sharing one password
 * hash, its venues with their `closures` (in DEMO_VENUES order), and its games linked to their venues.
 */
export async function loadCatalog(tx: Queryable, organizationId: string, passwordHash: string, closures: readonly Closure[][]): Promise<LoadedCatalog> {
  await createOrganization(tx, { id: organizationId, ...DEMO_ORGANIZATION });
  await createDefaultTemplates(tx);
  await updateOrganization(tx, {
    phone: DEMO_VENUES[0]!.phone,
    address: DEMO_VENUES[0]!.address,
    branding: { primary_color: '#0F766E', widget_title: 'Book your escape' },
    // A referred customer's completed first booking earns the referrer a $10 gift card.
    policies: { referral_reward_cents: 1000 },
  });
  const userIds: string[] = [];
  for (const u of DEMO_USERS) {
    userIds.push((await insertUser(tx, { email: u.email, full_name: u.fullName, role: u.role, passwordHash })).id);
  }
  const venueIds: string[] = [];
  for (const [i, v] of DEMO_VENUES.entries()) {
    const body = createVenueBody.parse({
      name: v.name,
      timezone: v.timezone,
      address: v.address,
      phone: v.phone,
      operating_hours: v.operatingHours,
      closures: closures[i],
      settings: { public: { parking: v.key === 'nyc' ? 'Garage on 40th St' : 'No parking; Old Street station is 5 minutes away' } },
    });
    venueIds.push((await createVenue(tx, body)).id);
  }
  const gameIds = new Map<string, string>();
  for (const g of DEMO_GAMES) {
    const venueOf = (key: string) => venueIds[DEMO_VENUES.findIndex((v) => v.key === key)]!;
    const body = createGameBody.parse({
      name: g.name,
      description: g.description,
      duration_minutes: g.durationMinutes,
      buffer_minutes: g.bufferMinutes,
      min_players: g.minPlayers,
      max_players: g.maxPlayers,
      booking_mode: g.bookingMode,
      pricing: g.pricing,
      price_cents: g.priceCents,
      slot_interval_minutes: g.slotIntervalMinutes ?? null,
      min_notice_minutes: 120,
      max_advance_days: 90,
      venue_ids: g.venues.map(venueOf),
      venue_prices: Object.entries(g.venuePrices ?? {}).map(([key, price]) => ({ venue_id: venueOf(key), price_cents: price })),
    });
    gameIds.set(g.name, (await createGame(tx, body)).id);
  }
  // Read back as cancelling a booking reads it: the policy in force, defaults filled in.
  return { organization: await getOrganization(tx), userIds, venueIds, gameIds };
}
