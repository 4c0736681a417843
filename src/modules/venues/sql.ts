/** The venues module's SQL. Every statement runs in a tenant transaction, so RLS scopes it to one organization. */
import { prepared } from '../../db/client.js';

/** The columns of the API shape (a venues row). */
const COLUMNS = `id, organization_id, name, timezone, address, phone, operating_hours, closures, settings, embed_key,
  archived_at, created_at, updated_at`;

/**
 * List filters: $1 name search, $2 include archived. strpos rather than ILIKE: a search for "100%" must not turn
 * into a wildcard.
 */
export const LIST_WHERE = `($1::text is null or strpos(lower(name), lower($1)) > 0) and ($2::boolean or archived_at is null)`;

/** A page of the list, by name; `id` makes pages stable. */
export const listPage = (limit: string, offset: string) =>
  `select ${COLUMNS} from venues where ${LIST_WHERE} order by lower(name), id limit ${limit} offset ${offset}`;

export const LIST_COUNT = `venues where ${LIST_WHERE}`;

/** $3 address, $5 operating_hours, $6 closures and $7 settings are JSON text; null takes the column's empty value. */
export const INSERT_VENUE = `
insert into venues (organization_id, name, timezone, address, phone, operating_hours, closures, settings, embed_key)
values (app_current_org(), $1, $2, coalesce($3::jsonb, '{}'), $4, coalesce($5::jsonb, '[]'), coalesce($6::jsonb, '[]'),
        coalesce($7::jsonb, '{}'), $8)
returning ${COLUMNS}`;

/** $2 includes archived venues. */
export const SELECT_VENUE = `select ${COLUMNS} from venues where id = $1 and ($2::boolean or archived_at is null)`;

export const LOCK_VENUE = 'select archived_at is not null as archived from venues where id = $1 for update';

/** Fields given change; $5 distinguishes "set phone to null" ($6 null) from "leave it"; JSON fields come as text. */
export const UPDATE_VENUE = `
update venues set name = coalesce($2, name), timezone = coalesce($3, timezone), address = coalesce($4::jsonb, address),
  phone = case when $5::boolean then $6 else phone end,
  operating_hours = coalesce($7::jsonb, operating_hours), closures = coalesce($8::jsonb, closures),
  settings = coalesce($9::jsonb, settings)
where id = $1 returning ${COLUMNS}`;

/** Idempotent: an archived venue keeps its first archived_at. */
export const ARCHIVE_VENUE = `update venues set archived_at = coalesce(archived_at, now()) where id = $1 returning ${COLUMNS}`;

export const SET_EMBED_KEY = `update venues set embed_key = $2 where id = $1 returning ${COLUMNS}`;

/**
 * The venue behind a live embed key ($1), pointing the transaction at its organization in the same statement.
 * Runs before any organization is set: app_public_venue (security definer) looks the key up past RLS.
 */
export const ENTER_EMBED_KEY = prepared(
  'enter_embed_key',
  `select k.organization_id, k.venue_id, set_config('app.organization_id', k.organization_id::text, true) as entered
     from app_public_venue($1) k`,
);
