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

-- Every organization's events after a cursor, for one process's stream hub: only events of transactions older
-- than the oldest one still running (pg_snapshot_xmin), in (xid, id) order, so that every event a later call
-- could see sorts after the cursor. SECURITY DEFINER: the hub serves every organization and filters per subscriber.
create function app_domain_events_after(p_xid xid8, p_id bigint, p_limit integer)
returns table (organization_id uuid, id bigint, xid xid8, type text, data jsonb, occurred_at timestamptz)
language sql stable security definer set search_path = public, pg_temp as $$
  select e.organization_id, e.id, e.xid, e.type, e.data, e.occurred_at from domain_events e
   where (e.xid, e.id) > (p_xid, p_id) and e.xid < pg_snapshot_xmin(pg_current_snapshot())
   order by e.xid, e.id limit p_limit
$$;
revoke all on function app_domain_events_after from public;
grant execute on function app_domain_events_after to bookingtms_app;

-- Where the stream starts for a new hub: the newest settled event.
create function app_domain_events_head() returns table (xid xid8, id bigint)
language sql stable security definer set search_path = public, pg_temp as $$
  select coalesce(max(e.xid), '0'::xid8), coalesce(max(e.id), 0) from domain_events e
   where e.xid < pg_snapshot_xmin(pg_current_snapshot())
$$;
revoke all on function app_domain_events_head from public;
grant execute on function app_domain_events_head to bookingtms_app;
