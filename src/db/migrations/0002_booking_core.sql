-- Booking core: venues, games, customers, bookings, idempotency keys. The invariants that matter most are held
-- here, not in application code: no overlapping private bookings (exclusion constraint), no overfull shared
-- slots (a locked capacity check in a trigger), the status machine (a trigger), no reference across tenants
-- (composite foreign keys with organization_id), and customer statistics kept current (a trigger).

create extension if not exists pg_trgm;

-- Audit: ignore updates that only touch derived columns (customer statistics maintained by trigger), so the
-- audit trail shows what people did, not bookkeeping. The second trigger argument lists those columns.
create or replace function app_audit_row() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  org_column text := coalesce(tg_argv[0], 'organization_id');
  derived text[] := coalesce(string_to_array(tg_argv[1], ','), '{}') || array['updated_at'];
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  secret_keys text[] := array['password_hash', 'token_hash', 'manage_token_hash'];
begin
  if tg_op = 'UPDATE' and (before_row - derived) = (after_row - derived) then
    return null;
  end if;
  insert into audit_logs (organization_id, user_id, actor_role, action, table_name, row_id, before, after,
                          client_ip, user_agent, request_id)
  values (
    (coalesce(after_row, before_row) ->> org_column)::uuid,
    nullif(current_setting('app.user_id', true), '')::uuid,
    nullif(current_setting('app.actor_role', true), ''),
    lower(tg_op),
    tg_table_name,
    coalesce(after_row, before_row) ->> 'id',
    before_row - secret_keys,
    after_row - secret_keys,
    nullif(current_setting('app.client_ip', true), ''),
    nullif(current_setting('app.user_agent', true), ''),
    nullif(current_setting('app.request_id', true), '')
  );
  return null;
end $$;

-- Venues ------------------------------------------------------------------------------------------------

create table venues (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 200),
  timezone text not null,
  address jsonb not null default '{}',
  phone text,
  operating_hours jsonb not null default '[]' check (jsonb_typeof(operating_hours) = 'array'),
  closures jsonb not null default '[]' check (jsonb_typeof(closures) = 'array'),
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  -- Public (it sits in the widget's HTML), unguessable (>= 128 bits), globally unique, rotatable.
  embed_key text not null unique check (length(embed_key) >= 22),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id)
);

-- Games -------------------------------------------------------------------------------------------------

create table games (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  duration_minutes integer not null check (duration_minutes between 5 and 1440),
  buffer_minutes integer not null default 0 check (buffer_minutes between 0 and 1440),
  min_players integer not null default 1 check (min_players >= 1),
  max_players integer not null check (max_players between 1 and 1000),
  booking_mode text not null default 'private' check (booking_mode in ('private', 'shared')),
  pricing text not null default 'per_player' check (pricing in ('per_player', 'flat')),
  price_cents integer not null check (price_cents between 0 and 100000000),
  min_notice_minutes integer not null default 60 check (min_notice_minutes between 0 and 525600),
  max_advance_days integer not null default 90 check (max_advance_days between 1 and 730),
  slot_interval_minutes integer check (slot_interval_minutes between 5 and 1440),
  settings jsonb not null default '{}' check (jsonb_typeof(settings) = 'object'),
  active boolean not null default true,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check (min_players <= max_players)
);

create table game_venues (
  organization_id uuid not null,
  game_id uuid not null,
  venue_id uuid not null,
  -- Venue-specific price; null means the game's price.
  price_cents integer check (price_cents between 0 and 100000000),
  primary key (organization_id, game_id, venue_id),
  foreign key (organization_id, game_id) references games (organization_id, id) on delete cascade,
  foreign key (organization_id, venue_id) references venues (organization_id, id) on delete cascade
);
create index game_venues_venue_idx on game_venues (organization_id, venue_id);

-- Customers ---------------------------------------------------------------------------------------------

create table customers (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  full_name text not null check (length(full_name) between 1 and 200),
  email citext,
  phone text,
  notes text not null default '',
  tags text[] not null default '{}',
  marketing_opt_in boolean not null default false,
  -- Statistics maintained by the bookings trigger below; segment and RFM are derived from them on read.
  total_bookings integer not null default 0,
  lifetime_value_cents bigint not null default 0,
  first_booking_at timestamptz,
  last_booking_at timestamptz,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  unique (organization_id, email)
);
create index customers_name_trgm_idx on customers using gin (full_name gin_trgm_ops);
create index customers_email_trgm_idx on customers using gin ((email::text) gin_trgm_ops);

-- RFM scores 1-5 (5 best), documented in the README. Pure functions of the stored statistics and the clock.
create function rfm_recency(last_booking_at timestamptz, at timestamptz) returns integer
language sql immutable as $$
  select case
    when last_booking_at is null then 1
    when last_booking_at >= at - interval '30 days' then 5
    when last_booking_at >= at - interval '90 days' then 4
    when last_booking_at >= at - interval '180 days' then 3
    when last_booking_at >= at - interval '365 days' then 2
    else 1 end
$$;

create function rfm_frequency(total_bookings integer) returns integer
language sql immutable as $$
  select case when total_bookings >= 10 then 5 when total_bookings >= 5 then 4 when total_bookings >= 3 then 3
              when total_bookings >= 2 then 2 else 1 end
$$;

create function rfm_monetary(lifetime_value_cents bigint) returns integer
language sql immutable as $$
  select case when lifetime_value_cents >= 100000 then 5 when lifetime_value_cents >= 50000 then 4
              when lifetime_value_cents >= 20000 then 3 when lifetime_value_cents >= 5000 then 2 else 1 end
$$;

-- inactive: nothing booked for 180 days (or never, and created over 180 days ago);
-- vip: frequent and valuable (F + M >= 8); new: at most one booking; regular: the rest.
create function customer_segment(total_bookings integer, lifetime_value_cents bigint, last_booking_at timestamptz,
                                 created_at timestamptz, at timestamptz) returns text
language sql immutable as $$
  select case
    when coalesce(last_booking_at, created_at) < at - interval '180 days' then 'inactive'
    when rfm_frequency(total_bookings) + rfm_monetary(lifetime_value_cents) >= 8 then 'vip'
    when total_bookings <= 1 then 'new'
    else 'regular' end
$$;

-- Bookings ----------------------------------------------------------------------------------------------

create table bookings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  booking_number text not null unique check (booking_number ~ '^BK-[0-9A-Z]{6,10}$'),
  customer_id uuid not null,
  game_id uuid not null,
  venue_id uuid not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  -- end_at + the game's buffer at booking time: the room is not free again before this.
  blocked_until timestamptz not null,
  -- The venue-local date of start_at, kept for date filters on large tables.
  booking_date date not null,
  booking_mode text not null check (booking_mode in ('private', 'shared')),
  party_size integer not null check (party_size between 1 and 1000),
  status text not null default 'confirmed'
    check (status in ('pending', 'confirmed', 'checked-in', 'completed', 'cancelled', 'no-show')),
  payment_status text not null default 'pending' check (payment_status in ('pending', 'paid', 'partial', 'refunded')),
  total_amount integer not null check (total_amount >= 0),
  discount_amount integer not null default 0 check (discount_amount >= 0),
  final_amount integer not null check (final_amount >= 0),
  refund_amount integer not null default 0 check (refund_amount >= 0 and refund_amount <= final_amount),
  currency char(3) not null,
  notes text not null default '',
  source text not null check (source in ('admin', 'widget', 'api')),
  created_by uuid,
  manage_token_hash text,
  cancelled_at timestamptz,
  checked_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  check (end_at > start_at and blocked_until >= end_at),
  check (final_amount = total_amount - discount_amount),
  foreign key (organization_id, customer_id) references customers (organization_id, id),
  foreign key (organization_id, game_id) references games (organization_id, id),
  foreign key (organization_id, venue_id) references venues (organization_id, id),
  foreign key (organization_id, created_by) references users (organization_id, id),
  -- The wall against double booking: two live private bookings of one room never overlap, turnover included.
  constraint bookings_no_overlap exclude using gist (
    organization_id with =, venue_id with =, game_id with =,
    tstzrange(start_at, blocked_until, '[)') with &&
  ) where (booking_mode = 'private' and status <> 'cancelled')
);
create index bookings_org_start_idx on bookings (organization_id, start_at);
create index bookings_slot_idx on bookings (organization_id, venue_id, game_id, start_at) where status <> 'cancelled';
create index bookings_customer_idx on bookings (organization_id, customer_id, start_at);
create index bookings_date_idx on bookings (organization_id, booking_date);

-- The status machine of API.md. Custom SQLSTATE BKTRN maps to 409 invalid_transition.
create function bookings_check_status() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status not in ('pending', 'confirmed') then
      raise exception 'a booking starts as pending or confirmed, not %', new.status using errcode = 'BKTRN';
    end if;
  elsif new.status is distinct from old.status and not (
       (old.status = 'pending' and new.status in ('confirmed', 'cancelled'))
    or (old.status = 'confirmed' and new.status in ('checked-in', 'cancelled', 'no-show'))
    or (old.status = 'checked-in' and new.status = 'completed')) then
    raise exception 'cannot move a booking from % to %', old.status, new.status using errcode = 'BKTRN';
  end if;
  return new;
end $$;
create trigger bookings_status before insert or update of status on bookings
  for each row execute function bookings_check_status();

-- Shared games: a slot never holds more than max_players. The advisory lock serialises writers of one game at
-- one venue, so the sum below sees every committed competitor (READ COMMITTED takes a fresh snapshot per
-- statement). Custom SQLSTATE BKCAP maps to 409 slot_unavailable.
create function bookings_check_capacity() returns trigger
language plpgsql as $$
declare
  capacity integer;
  taken integer;
begin
  if new.booking_mode <> 'shared' or new.status = 'cancelled' then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.status <> 'cancelled' and new.start_at = old.start_at and new.blocked_until = old.blocked_until
     and new.party_size <= old.party_size and new.game_id = old.game_id and new.venue_id = old.venue_id then
    return new; -- shrinking or keeping a booking can never overfill
  end if;
  perform pg_advisory_xact_lock(hashtextextended(new.organization_id::text || '/' || new.venue_id::text || '/' || new.game_id::text, 0));
  select max_players into capacity from games where organization_id = new.organization_id and id = new.game_id;
  select coalesce(sum(party_size), 0) into taken from bookings
   where organization_id = new.organization_id and venue_id = new.venue_id and game_id = new.game_id
     and status <> 'cancelled' and id <> new.id
     and tstzrange(start_at, blocked_until, '[)') && tstzrange(new.start_at, new.blocked_until, '[)');
  if taken + new.party_size > capacity then
    raise exception 'slot full: % of % seats taken, % requested', taken, capacity, new.party_size using errcode = 'BKCAP';
  end if;
  return new;
end $$;
create trigger bookings_capacity before insert or update on bookings
  for each row execute function bookings_check_capacity();

-- Keeps a customer's statistics current whenever one of their bookings changes, in the same transaction.
-- Value: confirmed-or-later bookings minus refunds; a cancelled booking that was never paid is worth nothing.
create function bookings_refresh_customer_stats() returns trigger
language plpgsql as $$
declare
  target record;
begin
  for target in
    select distinct org, cid from (values (new.organization_id, new.customer_id), (old.organization_id, old.customer_id)) v(org, cid)
    where cid is not null
  loop
    update customers c set
      total_bookings = s.n, lifetime_value_cents = s.value, first_booking_at = s.first_at, last_booking_at = s.last_at
    from (
      select count(*) filter (where status <> 'cancelled')::int as n,
             coalesce(sum(final_amount - refund_amount) filter (where status <> 'pending' and not (status = 'cancelled' and payment_status = 'pending')), 0)::bigint as value,
             min(start_at) filter (where status <> 'cancelled') as first_at,
             max(start_at) filter (where status <> 'cancelled') as last_at
      from bookings where organization_id = target.org and customer_id = target.cid
    ) s
    where c.organization_id = target.org and c.id = target.cid;
  end loop;
  return null;
end $$;
create trigger bookings_customer_stats after insert or update or delete on bookings
  for each row execute function bookings_refresh_customer_stats();

-- Idempotency keys ----------------------------------------------------------------------------------------

create table idempotency_keys (
  organization_id uuid not null references organizations (id),
  key text not null check (length(key) between 1 and 200),
  -- method, path and a hash of the body: the same key with another request is a conflict.
  request_hash text not null,
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (organization_id, key)
);
create index idempotency_keys_expiry_idx on idempotency_keys (expires_at);

-- RLS, grants, housekeeping triggers and audit for every tenant table of this migration --------------------

do $$
declare
  t text;
begin
  foreach t in array array['venues', 'games', 'game_venues', 'customers', 'bookings', 'idempotency_keys'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
    execute format('grant select, insert, update, delete on %I to bookingtms_app', t);
  end loop;
  foreach t in array array['venues', 'games', 'customers', 'bookings'] loop
    execute format('create trigger %I before update on %I for each row execute function app_touch_updated_at()', t || '_touch', t);
  end loop;
  foreach t in array array['venues', 'games', 'game_venues', 'bookings'] loop
    execute format('create trigger %I after insert or update or delete on %I for each row execute function app_audit_row()', t || '_audit', t);
  end loop;
end $$;
create trigger customers_audit after insert or update or delete on customers
  for each row execute function app_audit_row('organization_id', 'total_bookings,lifetime_value_cents,first_booking_at,last_booking_at');

-- Public widget look-ups: the embed key or booking number is all the caller has, so these find the organization
-- (and nothing else) before the tenant transaction starts.
create function app_public_venue(p_embed_key text)
returns table (organization_id uuid, venue_id uuid)
language sql stable security definer set search_path = public, pg_temp as $$
  select organization_id, id from venues where embed_key = p_embed_key and archived_at is null
$$;

create function app_public_booking(p_booking_number text)
returns table (organization_id uuid, booking_id uuid)
language sql stable security definer set search_path = public, pg_temp as $$
  select organization_id, id from bookings where booking_number = p_booking_number
$$;

revoke all on function app_public_venue, app_public_booking from public;
grant execute on function app_public_venue, app_public_booking to bookingtms_app;
