import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.js';
import { markEntered } from '../../db/tenant.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { Closure, OpeningRange } from './types.js';
import type { CreateVenue, PublicVenue, UpdateVenue, Venue } from './schemas.js';
import * as sql from './sql.js';

interface VenueRow {
  id: string;
  organization_id: string;
  name: string;
  timezone: string;
  address: Venue['address'];
  phone: string | null;
  operating_hours: OpeningRange[];
  closures: Closure[];
  settings: Record<string, unknown>;
  embed_key: string;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toVenue = (r: VenueRow): Venue => ({
  ...r,
  archived_at: r.archived_at?.toISOString() ?? null,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

/** 192 random bits: the key sits in public HTML, so it must be unguessable, not secret. */
export const newEmbedKey = () => randomBytes(24).toString('base64url');

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Venues of the current organization, filtered by name and paginated; archived ones only when asked for. */
export async function listVenues(tx: Queryable, filter: { q?: string | undefined; includeArchived?: boolean | undefined }, page: Pagination) {
  const params = [filter.q || null, filter.includeArchived ?? false];
  return fetchPage(tx, { page: sql.listPage, count: sql.LIST_COUNT }, params, page, toVenue);
}

/** Creates a venue of the current organization with a fresh embed key. */
export async function createVenue(tx: Queryable, input: CreateVenue): Promise<Venue> {
  const { rows } = await tx.query<VenueRow>(sql.INSERT_VENUE, [
    input.name,
    input.timezone,
    json(input.address),
    input.phone ?? null,
    json(input.operating_hours),
    json(input.closures),
    json(input.settings),
    newEmbedKey(),
  ]);
  return toVenue(rows[0]!);
}

/** One venue (API shape); throws notFound('Venue') when missing, another tenant's, or archived (unless includeArchived). */
export async function getVenue(tx: Queryable, id: string, opts: { includeArchived?: boolean } = {}): Promise<Venue> {
  const { rows } = await tx.query<VenueRow>(sql.SELECT_VENUE, [id, opts.includeArchived ?? false]);
  if (!rows[0]) throw notFound('Venue');
  return toVenue(rows[0]);
}

/** Locks a venue for a change: 404 when missing, 422 when archived (archived venues are read-only history). */
async function lockLiveVenue(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query<{ archived: boolean }>(sql.LOCK_VENUE, [id]);
  if (!rows[0]) throw notFound('Venue');
  if (rows[0].archived) throw new AppError('rule_violation', 'The venue is archived and can no longer be changed');
}

/** Changes the given fields; operating_hours, closures, address and settings are replaced as a whole. */
export async function updateVenue(tx: Queryable, id: string, input: UpdateVenue): Promise<Venue> {
  await lockLiveVenue(tx, id);
  const { rows } = await tx.query<VenueRow>(sql.UPDATE_VENUE, [
    id,
    input.name ?? null,
    input.timezone ?? null,
    json(input.address),
    input.phone !== undefined,
    input.phone ?? null,
    json(input.operating_hours),
    json(input.closures),
    json(input.settings),
  ]);
  return toVenue(rows[0]!);
}

/** Archives (never deletes: bookings keep pointing at it); idempotent. Lists hide it and its embed key stops working. */
export async function archiveVenue(tx: Queryable, id: string): Promise<Venue> {
  const { rows } = await tx.query<VenueRow>(sql.ARCHIVE_VENUE, [id]);
  if (!rows[0]) throw notFound('Venue');
  return toVenue(rows[0]);
}

/** Gives the venue a new embed key; the old one stops resolving at once. */
export async function rotateEmbedKey(tx: Queryable, id: string): Promise<Venue> {
  await lockLiveVenue(tx, id);
  const { rows } = await tx.query<VenueRow>(sql.SET_EMBED_KEY, [id, newEmbedKey()]);
  return toVenue(rows[0]!);
}

/**
 * The venue behind a live embed key, or null; needs no organization in the transaction, and points the transaction
 * at the venue's organization in the same statement (RLS applies from here on; one round trip, not two).
 */
export async function enterEmbedKey(tx: Queryable, embedKey: string): Promise<{ organizationId: string; venueId: string } | null> {
  // Real keys are 32 base64url characters; anything else cannot match, so spare the database the look-up (and a
  // NUL byte from a URL's %00, which PostgreSQL cannot even take as a parameter).
  if (!/^[A-Za-z0-9_-]{22,200}$/.test(embedKey)) return null;
  const { rows } = await tx.query<{ organization_id: string; venue_id: string }>(sql.ENTER_EMBED_KEY, [embedKey]);
  if (!rows[0]) return null;
  markEntered(tx, rows[0].organization_id);
  return { organizationId: rows[0].organization_id, venueId: rows[0].venue_id };
}

/** A live venue as the public widget may see it; throws notFound('Venue'). */
export async function publicVenue(tx: Queryable, venueId: string): Promise<PublicVenue> {
  const v = await getVenue(tx, venueId);
  const pub = v.settings.public;
  return {
    id: v.id,
    name: v.name,
    timezone: v.timezone,
    address: v.address,
    phone: v.phone,
    operating_hours: v.operating_hours,
    closures: v.closures,
    settings: pub && typeof pub === 'object' && !Array.isArray(pub) ? (pub as Record<string, unknown>) : {},
  };
}
