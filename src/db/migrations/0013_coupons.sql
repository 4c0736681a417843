-- Coupons and their redemptions (docs/coupons.md). The walls held here: a code is unique per organization in any
-- case among live coupons; kinds, values and windows stay in range; a coupon's counter equals its live redemption
-- rows (kept by a trigger, never by hand) and never exceeds max_redemptions (a check constraint); one customer never
-- holds more than max_per_customer live redemptions (checked under the coupon's row lock); a booking redeems at most
-- one coupon; nothing points into another organization (composite foreign keys; a trigger for the id arrays).

create table coupons (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  -- Letters, digits, '-' and '_': what people can read out and type. citext: 'spring10' finds 'SPRING10'.
  code citext not null check (code::text ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,39}$'),
  kind text not null check (kind in ('percent', 'fixed')),
  -- percent: whole percent 1-100; fixed: minor units of the organization's currency.
  value integer not null,
  -- The window is [valid_from, valid_to): from inclusive, to exclusive; null = open on that side.
  valid_from timestamptz,
  valid_to timestamptz,
  max_redemptions integer check (max_redemptions between 1 and 1000000000),
  max_per_customer integer check (max_per_customer between 1 and 1000000),
  min_party_size integer not null default 1 check (min_party_size between 1 and 1000),
  -- Empty = every game (venue) of the organization.
  game_ids uuid[] not null default '{}' check (cardinality(game_ids) <= 100),
  venue_ids uuid[] not null default '{}' check (cardinality(venue_ids) <= 100),
  active boolean not null default true,
  -- Live (unreleased) redemptions; maintained by coupon_redemptions_count below.
  redemptions integer not null default 0 check (redemptions >= 0),
  -- A deleted coupon that was ever redeemed is archived instead (its redemptions stay history); its code is free again.
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  check ((kind = 'percent' and value between 1 and 100) or (kind = 'fixed' and value between 1 and 10000000)),
  check (valid_from is null or valid_to is null or valid_from < valid_to),
  -- The database wall against over-redemption, whatever the application does.
  constraint coupons_redemptions_within_limit check (max_redemptions is null or redemptions <= max_redemptions),
  check (archived_at is null or not active)
);
create unique index coupons_organization_id_code_key on coupons (organization_id, code) where archived_at is null;

-- game_ids and venue_ids are arrays, which foreign keys cannot cover: this trigger holds what they would, every id
-- names a game (venue) of the coupon's own organization. 23503 is PostgreSQL's own code for a foreign key violation.
create function coupons_check_scope() returns trigger
language plpgsql as $$
begin
  if exists (select 1 from unnest(new.game_ids) x(id)
             where not exists (select 1 from games g where g.organization_id = new.organization_id and g.id = x.id)) then
    raise exception 'a coupon names a game that does not exist' using errcode = '23503';
  end if;
  if exists (select 1 from unnest(new.venue_ids) x(id)
             where not exists (select 1 from venues v where v.organization_id = new.organization_id and v.id = x.id)) then
    raise exception 'a coupon names a venue that does not exist' using errcode = '23503';
  end if;
  return new;
end $$;
create trigger coupons_scope before insert or update of game_ids, venue_ids on coupons
  for each row execute function coupons_check_scope();

create table coupon_redemptions (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  coupon_id uuid not null,
  booking_id uuid not null,
  customer_id uuid not null,
  discount_cents integer not null check (discount_cents between 0 and 100000000),
  created_at timestamptz not null default now(),
  -- Set when the booking is cancelled: the redemption no longer counts against either limit. The row stays.
  released_at timestamptz,
  primary key (organization_id, id),
  -- One coupon per booking, ever (a cancelled booking cannot come back, so a released row is final).
  unique (organization_id, booking_id),
  foreign key (organization_id, coupon_id) references coupons (organization_id, id),
  foreign key (organization_id, booking_id) references bookings (organization_id, id),
  foreign key (organization_id, customer_id) references customers (organization_id, id)
);
-- Serves the per-customer count (and the "ever redeemed?" test of a delete).
create index coupon_redemptions_customer_idx on coupon_redemptions (organization_id, coupon_id, customer_id) where released_at is null;
create index coupon_redemptions_coupon_idx on coupon_redemptions (organization_id, coupon_id);

-- Keeps coupons.redemptions equal to the coupon's live rows, in the same transaction as the row change. Its UPDATE
-- takes the coupon's row lock, so redeemers of one coupon are serialised here even if they skipped the service's
-- lock; the per-customer count then runs in a statement of its own, whose fresh READ COMMITTED snapshot sees every
-- committed competitor (as bookings_check_capacity does). 23514: a limit is a check, like the counter's constraint.
create function coupon_redemptions_count() returns trigger
language plpgsql as $$
declare
  per_customer integer;
  held integer;
begin
  if tg_op = 'INSERT' and new.released_at is null then
    update coupons set redemptions = redemptions + 1
     where organization_id = new.organization_id and id = new.coupon_id
    returning max_per_customer into per_customer;
    if per_customer is not null then
      select count(*) into held from coupon_redemptions
       where organization_id = new.organization_id and coupon_id = new.coupon_id and customer_id = new.customer_id
         and released_at is null;
      if held >= per_customer then
        raise exception 'the customer has used this coupon % times already (limit %)', held, per_customer using errcode = '23514';
      end if;
    end if;
  elsif tg_op = 'UPDATE' and old.released_at is null and new.released_at is not null then
    update coupons set redemptions = redemptions - 1 where organization_id = old.organization_id and id = old.coupon_id;
  elsif tg_op = 'UPDATE' and old.released_at is not null and new.released_at is null then
    raise exception 'a released redemption stays released' using errcode = '23514';
  elsif tg_op = 'DELETE' and old.released_at is null then
    update coupons set redemptions = redemptions - 1 where organization_id = old.organization_id and id = old.coupon_id;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;
create trigger coupon_redemptions_count before insert or update of released_at or delete on coupon_redemptions
  for each row execute function coupon_redemptions_count();

-- RLS, grants, housekeeping and audit -------------------------------------------------------------------------

do $$
declare
  t text;
begin
  foreach t in array array['coupons', 'coupon_redemptions'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
  end loop;
end $$;

grant select, insert, update, delete on coupons to bookingtms_app;
-- A redemption is history: the app may add one and release it, nothing else (no delete, no other column).
grant select, insert on coupon_redemptions to bookingtms_app;
grant update (released_at) on coupon_redemptions to bookingtms_app;

-- updated_at says when a manager last changed the coupon, not when it was last redeemed.
create trigger coupons_touch before update on coupons
  for each row when (old.redemptions = new.redemptions) execute function app_touch_updated_at();
-- The counter is derived (the redemption rows carry their own audit entries).
create trigger coupons_audit after insert or update or delete on coupons
  for each row execute function app_audit_row('organization_id', 'redemptions');
create trigger coupon_redemptions_audit after insert or update or delete on coupon_redemptions
  for each row execute function app_audit_row();
