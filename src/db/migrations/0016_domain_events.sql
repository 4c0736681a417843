-- Domain events: what happened to an organization's bookings, payments and customers, as rows written by
-- triggers in the transaction of the change (no code path can forget one, and a rolled-back change leaves none).
-- The live stream (GET /api/events) and outgoing webhooks read them. No NOTIFY: a NOTIFY inside the booking
-- transaction takes a database-wide lock at commit and serialises every booking write; readers poll instead
-- (docs/integrations.md).

create table domain_events (
  organization_id uuid not null references organizations (id),
  id bigint generated always as identity,
  -- The writing transaction: readers take only events of transactions older than every one still running, so an
  -- event committed late under a lower id is never skipped (see app_domain_events_after).
  xid xid8 not null default pg_current_xact_id(),
  type text not null check (type in ('booking.created', 'booking.updated', 'booking.cancelled', 'booking.checked_in',
                                     'payment.succeeded', 'payment.refunded', 'customer.created', 'waiver.signed')),
  data jsonb not null,
  occurred_at timestamptz not null default now(),
  primary key (organization_id, id)
);
create index domain_events_stream_idx on domain_events (xid, id);
alter table domain_events enable row level security;
alter table domain_events force row level security;
create policy domain_events_tenant on domain_events using (organization_id = app_current_org()) with check (organization_id = app_current_org());
grant select, insert on domain_events to bookingtms_app;

-- What an event says of a booking: its own fields, never the customer's contact details nor any token.
create function app_booking_event_data(b bookings) returns jsonb
language sql stable as $$
  select jsonb_build_object(
    'id', b.id, 'booking_number', b.booking_number, 'status', b.status, 'payment_status', b.payment_status,
    'customer_id', b.customer_id, 'game_id', b.game_id, 'venue_id', b.venue_id, 'start_at', b.start_at, 'end_at', b.end_at,
    'booking_date', b.booking_date, 'party_size', b.party_size, 'final_amount', b.final_amount, 'amount_paid', b.amount_paid,
    'currency', b.currency, 'source', b.source, 'updated_at', b.updated_at)
$$;

create function bookings_emit_event() returns trigger
language plpgsql as $$
declare
  kind text;
begin
  if new.status = 'held' then
    return null; -- a checkout hold is not a booking yet
  elsif tg_op = 'INSERT' or old.status = 'held' then
    kind := 'booking.created';
  elsif new.status is distinct from old.status and new.status = 'cancelled' then
    kind := 'booking.cancelled';
  elsif new.status is distinct from old.status and new.status = 'checked-in' then
    kind := 'booking.checked_in';
  elsif (to_jsonb(new) - array['updated_at', 'payment_status', 'amount_paid', 'refund_amount'])
        is distinct from (to_jsonb(old) - array['updated_at', 'payment_status', 'amount_paid', 'refund_amount']) then
    kind := 'booking.updated';
  else
    return null; -- money sums only: the payment's own event says it
  end if;
  insert into domain_events (organization_id, type, data) values (new.organization_id, kind, app_booking_event_data(new));
  return null;
end $$;
create trigger bookings_events after insert or update on bookings
  for each row when (not app_bulk_load('events')) execute function bookings_emit_event();

create function payments_emit_event() returns trigger
language plpgsql as $$
begin
  if new.status <> 'succeeded' or (tg_op = 'UPDATE' and old.status = 'succeeded') then
    return null;
  end if;
  insert into domain_events (organization_id, type, data)
  values (new.organization_id, case when new.kind = 'refund' then 'payment.refunded' else 'payment.succeeded' end,
          jsonb_build_object('id', new.id, 'booking_id', new.booking_id, 'kind', new.kind, 'parent_id', new.parent_id,
                             'method', new.method, 'amount_cents', new.amount_cents, 'currency', new.currency,
                             'status', new.status, 'created_at', new.created_at));
  return null;
end $$;
create trigger payments_events after insert or update of status on payments
  for each row when (not app_bulk_load('events')) execute function payments_emit_event();

create function customers_emit_event() returns trigger
language plpgsql as $$
begin
  insert into domain_events (organization_id, type, data)
  values (new.organization_id, 'customer.created', jsonb_build_object('id', new.id, 'created_at', new.created_at));
  return null;
end $$;
create trigger customers_events after insert on customers
  for each row when (not app_bulk_load('events')) execute function customers_emit_event();

-- The settled horizon: every event of a transaction below it is final (committed or rolled back), so a reader's
-- cursor may pass it. It is the oldest transaction still running in this snapshot, leaving out the ones known to
-- run in another database of the same server: they cannot write this table, and counting them (as
-- pg_snapshot_xmin alone does) lets one long transaction anywhere on the server (a bulk load in another database)
-- stall every process's live updates and webhooks. A running transaction is left out only on positive proof
-- (pg_stat_activity shows its xid on a backend of another database; a backend never changes database and an xid
-- is never reused, so a stale view cannot mislead); without that proof (a role that may not see other sessions,
-- a prepared transaction) it counts, as before. SECURITY DEFINER so the owner's view of pg_stat_activity is used.
create function app_event_horizon() returns xid8
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  select coalesce((select min(x.xid) from pg_snapshot_xip(s.snap) as x(xid)
                     where not exists (select 1 from pg_stat_activity a
                                        where a.backend_xid is not null
                                          and a.datid <> (select d.oid from pg_database d where d.datname = current_database())
                                          and a.backend_xid::text::bigint = x.xid::text::numeric % 4294967296)),
                  pg_snapshot_xmax(s.snap))
    from (select pg_current_snapshot() as snap) s
$$;
revoke all on function app_event_horizon from public;
grant execute on function app_event_horizon to bookingtms_app;

-- Every organization's events after a cursor, for one process's stream hub: only events below the settled horizon,
-- in (xid, id) order, so that every event a later call could see sorts after the cursor. SECURITY DEFINER: the hub
-- serves every organization and filters per subscriber.
create function app_domain_events_after(p_xid xid8, p_id bigint, p_limit integer)
returns table (organization_id uuid, id bigint, xid xid8, type text, data jsonb, occurred_at timestamptz)
language sql stable security definer set search_path = public, pg_temp as $$
  select e.organization_id, e.id, e.xid, e.type, e.data, e.occurred_at from domain_events e
   where (e.xid, e.id) > (p_xid, p_id) and e.xid < app_event_horizon()
   order by e.xid, e.id limit p_limit
$$;
revoke all on function app_domain_events_after from public;
grant execute on function app_domain_events_after to bookingtms_app;

-- Where the stream starts for a new hub: the newest settled event.
create function app_domain_events_head() returns table (xid xid8, id bigint)
language sql stable security definer set search_path = public, pg_temp as $$
  select coalesce(max(e.xid), '0'::xid8), coalesce(max(e.id), 0) from domain_events e
   where e.xid < app_event_horizon()
$$;
revoke all on function app_domain_events_head from public;
grant execute on function app_domain_events_head to bookingtms_app;

-- Outgoing webhooks ---------------------------------------------------------------------------------------

create table webhook_endpoints (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  url text not null check (length(url) between 8 and 2000 and url ~ '^https?://'),
  events text[] not null check (cardinality(events) between 1 and 20),
  active boolean not null default true,
  description text not null default '' check (length(description) <= 500),
  -- Signing secret (Standard Webhooks `whsec_` + base64); kept to sign, shown once, never audited.
  secret text not null check (secret like 'whsec_%'),
  -- Consecutive failed deliveries; at the limit the endpoint is disabled (and admins are told).
  failure_streak integer not null default 0 check (failure_streak >= 0),
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id)
);

create table webhook_deliveries (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  endpoint_id uuid not null,
  -- The domain event delivered (its `<xid>-<id>` is the webhook-id header: receivers deduplicate by it).
  event_id text not null check (length(event_id) between 3 and 60),
  type text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  response_status integer,
  last_error text check (length(last_error) <= 1000),
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  -- One delivery per event and endpoint, whatever retries the dispatcher makes.
  unique (organization_id, endpoint_id, event_id),
  foreign key (organization_id, endpoint_id) references webhook_endpoints (organization_id, id) on delete cascade
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';

-- Where the webhook dispatcher has read the event stream up to (one row: the platform's cursor).
create table webhook_dispatch_cursor (
  singleton boolean primary key default true check (singleton),
  xid xid8 not null,
  event_id bigint not null
);

do $$
declare
  t text;
begin
  foreach t in array array['webhook_endpoints', 'webhook_deliveries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
    execute format('grant select, insert, update, delete on %I to bookingtms_app', t);
    execute format('create trigger %I before update on %I for each row execute function app_touch_updated_at()', t || '_touch', t);
  end loop;
end $$;
create trigger webhook_endpoints_audit after insert or update or delete on webhook_endpoints
  for each row execute function app_audit_row('organization_id', 'failure_streak');

-- The audit trail strips secrets: now also a hold's token hash and a webhook's signing secret (as 0002, plus those).
create or replace function app_audit_row() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  org_column text := coalesce(tg_argv[0], 'organization_id');
  derived text[] := coalesce(string_to_array(tg_argv[1], ','), '{}') || array['updated_at'];
  before_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  after_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  secret_keys text[] := array['password_hash', 'token_hash', 'manage_token_hash', 'hold_token_hash', 'secret'];
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
