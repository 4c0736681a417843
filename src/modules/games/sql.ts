/** The games module's SQL. Every statement runs in a tenant transaction, so RLS scopes it to one organization. */

/**
 * A game in API shape. The interval shown is the effective one; links to archived venues are left out so that a
 * client writing back what it read never trips over the "no archived venues" rule.
 */
export const SELECT_GAME = `
select g.id, g.organization_id, g.name, g.description, g.duration_minutes, g.buffer_minutes, g.min_players, g.max_players,
       g.booking_mode, g.pricing, g.price_cents, g.min_notice_minutes, g.max_advance_days,
       coalesce(g.slot_interval_minutes, g.duration_minutes + g.buffer_minutes) as slot_interval_minutes,
       g.price_rules, g.active, g.archived_at, g.created_at, g.updated_at,
       coalesce(l.venue_ids, '[]') as venue_ids, coalesce(l.venue_prices, '[]') as venue_prices
  from games g
  left join lateral (
    select json_agg(gv.venue_id order by gv.venue_id) as venue_ids,
           json_agg(json_build_object('venue_id', gv.venue_id, 'price_cents', gv.price_cents) order by gv.venue_id)
             filter (where gv.price_cents is not null) as venue_prices
      from game_venues gv
      join venues v on v.organization_id = gv.organization_id and v.id = gv.venue_id
     where gv.organization_id = g.organization_id and gv.game_id = g.id and v.archived_at is null
  ) l on true`;

/** List filters: $1 name search, $2 venue, $3 active, $4 include archived. */
export const LIST_WHERE = `
  ($1::text is null or strpos(lower(g.name), lower($1)) > 0)
  and ($2::uuid is null or exists (select 1 from game_venues gv where gv.organization_id = g.organization_id
                                     and gv.game_id = g.id and gv.venue_id = $2))
  and ($3::boolean is null or g.active = $3)
  and ($4::boolean or g.archived_at is null)`;

export const INSERT_GAME = `
insert into games (organization_id, name, description, duration_minutes, buffer_minutes, min_players, max_players,
                   booking_mode, pricing, price_cents, min_notice_minutes, max_advance_days, slot_interval_minutes, active,
                   price_rules)
values (app_current_org(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
returning id`;

/** Fields given change; $13/$14 distinguish "set slot_interval_minutes to null" from "leave it". */
export const UPDATE_GAME = `
update games set
  name = coalesce($2, name), description = coalesce($3, description),
  duration_minutes = coalesce($4, duration_minutes), buffer_minutes = coalesce($5, buffer_minutes),
  min_players = coalesce($6, min_players), max_players = coalesce($7, max_players),
  booking_mode = coalesce($8, booking_mode), pricing = coalesce($9, pricing), price_cents = coalesce($10, price_cents),
  min_notice_minutes = coalesce($11, min_notice_minutes), max_advance_days = coalesce($12, max_advance_days),
  slot_interval_minutes = case when $13::boolean then $14::integer else slot_interval_minutes end,
  active = coalesce($15, active), price_rules = coalesce($16, price_rules)
where id = $1`;

export const LOCK_GAME = `select min_players, max_players, archived_at is not null as archived from games where id = $1 for update`;

export const ARCHIVE_GAME = `update games set archived_at = coalesce(archived_at, now()), active = false where id = $1 returning id`;

/** Of the given ids, those naming live venues of the current organization (another tenant's are invisible). */
export const LIVE_VENUES = `select id from venues where id = any($1::uuid[]) and archived_at is null`;

export const UNLINK_OTHER_VENUES = `delete from game_venues where game_id = $1 and venue_id <> all($2::uuid[])`;

/** New links start without a price override; existing ones keep theirs. */
export const LINK_VENUES = `
insert into game_venues (organization_id, game_id, venue_id)
select app_current_org(), $1, v from unnest($2::uuid[]) v
on conflict do nothing`;

export const LINKED_LIVE_VENUES = `
select gv.venue_id from game_venues gv join venues v on v.organization_id = gv.organization_id and v.id = gv.venue_id
 where gv.game_id = $1 and v.archived_at is null`;

/** $2 maps venue id -> price; links it does not name lose their override. */
export const SET_VENUE_PRICES = `update game_venues set price_cents = ($2::jsonb ->> venue_id::text)::integer where game_id = $1`;

export const BOOKABLE_GAME = `
select g.id, g.name, g.duration_minutes, g.buffer_minutes, g.min_players, g.max_players, g.booking_mode, g.pricing,
       coalesce(gv.price_cents, g.price_cents) as price_cents, g.min_notice_minutes, g.max_advance_days,
       coalesce(g.slot_interval_minutes, g.duration_minutes + g.buffer_minutes) as slot_interval_minutes, g.active,
       g.price_rules
  from games g
  join game_venues gv on gv.organization_id = g.organization_id and gv.game_id = g.id and gv.venue_id = $2
 where g.id = $1 and g.archived_at is null`;

export const PUBLIC_GAMES = `
select g.id, g.name, g.description, g.duration_minutes, g.min_players, g.max_players, g.booking_mode, g.pricing,
       coalesce(gv.price_cents, g.price_cents) as price_cents, g.price_rules
  from games g
  join game_venues gv on gv.organization_id = g.organization_id and gv.game_id = g.id and gv.venue_id = $1
 where g.active and g.archived_at is null
 order by lower(g.name), g.id`;

/**
 * The offer of game $1 at venue $2 as one statement: the live venue, its organization's currency and BOOKABLE_GAME as
 * a lateral row. Every request that books or shows slots needs all three, and each separate statement would cost a
 * round trip. The game module owns it because the link of a game to a venue (game_venues, with the venue's price)
 * is its table; the venue's rules and the currency are read, never written. `extraColumns` may add columns that use
 * `v` (venue), `g` (game) and parameters from $3 on: a statement part another module composes (availability adds
 * the room's bookings) so that its request stays one round trip.
 */
export function offerStatement(extraColumns = ''): string {
  return `select v.id, v.name, v.timezone, v.operating_hours, v.closures, o.currency, o.tax_rate_bps, o.tax_inclusive, row_to_json(g) as game${extraColumns ? `, ${extraColumns}` : ''}
    from venues v
    join organizations o on o.id = v.organization_id
    left join lateral (${BOOKABLE_GAME}) g on true
   where v.id = $2 and v.archived_at is null`;
}
