/** The organizations module's SQL. RLS shows a transaction only the organization it is set to. */

/** The columns of the API shape (an organizations row). */
const COLUMNS = `id, name, slug, timezone, currency, email::text, phone, address, branding, policies,
  json_build_object('rate_bps', tax_rate_bps, 'inclusive', tax_inclusive) as tax, created_at, updated_at`;

/** Slugs are global: on a clash ($3 taken) nothing is inserted and no row returns, so the caller tries another. */
export const INSERT_ORGANIZATION = `
insert into organizations (id, name, slug, timezone, currency, email) values ($1, $2, $3, $4, $5, $6)
on conflict (slug) do nothing returning ${COLUMNS}`;

export const SELECT_CURRENT_ORGANIZATION = `select ${COLUMNS} from organizations where id = app_current_org()`;

/**
 * Fields given change; $4 and $6 distinguish "set email / phone to null" from "leave it"; branding ($9) and
 * policies ($10) are JSON text merged into what is stored; $11/$12 the tax rate and whether prices include it.
 */
export const UPDATE_CURRENT_ORGANIZATION = `
update organizations set
  name = coalesce($1, name), timezone = coalesce($2, timezone), currency = coalesce($3, currency),
  email = case when $4::boolean then $5::citext else email end,
  phone = case when $6::boolean then $7 else phone end,
  address = coalesce($8::jsonb, address),
  branding = branding || coalesce($9::jsonb, '{}'), policies = policies || coalesce($10::jsonb, '{}'),
  tax_rate_bps = coalesce($11, tax_rate_bps), tax_inclusive = coalesce($12, tax_inclusive)
where id = app_current_org() returning ${COLUMNS}`;
