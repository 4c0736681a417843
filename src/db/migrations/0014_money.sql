-- Money: prices (game price rules, organization tax), the quote a booking stores, checkout holds, payments and
-- refunds as rows that the booking's paid amount and payment status are derived from, Stripe events applied once.
-- The rules are in docs/money.md; each wall below says which rule it holds.

-- Prices ------------------------------------------------------------------------------------------------

alter table organizations
  add column tax_rate_bps integer not null default 0 check (tax_rate_bps between 0 and 10000),
  add column tax_inclusive boolean not null default false;

-- [{ weekdays: [0-6], from: "HH:MM", to: "HH:MM", price_cents }], venue-local; validated by the API (games/schemas.ts).
alter table games add column price_rules jsonb not null default '[]' check (jsonb_typeof(price_rules) = 'array');

-- The quote a booking stores ------------------------------------------------------------------------------

alter table bookings
  add column tax_amount integer not null default 0 check (tax_amount >= 0),
  add column tax_inclusive boolean not null default false,
  -- Received, net of refunds; kept by the payments trigger below and by nothing else (column privileges).
  add column amount_paid integer not null default 0 check (amount_paid >= 0),
  add column coupon_code text check (length(coupon_code) between 1 and 64),
  -- The quote's lines and terms (unit price, coupon kind and value) as they were when the booking was priced.
  add column quote jsonb check (jsonb_typeof(quote) = 'object'),
  -- A hold, or a pending booking waiting for its online payment, stops blocking its slot at this instant.
  add column expires_at timestamptz,
  add column hold_token_hash text,
  -- An online checkout's amount (all, or the deposit): once received, the pending booking is confirmed.
  add column payment_required_cents integer check (payment_required_cents > 0);

-- final = subtotal - discount (+ tax when prices exclude it). Refunds are bounded by the payments they return now
-- (payments_check_refund), no longer by the booking's final amount: a no-show fee or a price change can leave less.
alter table bookings drop constraint bookings_check2;
alter table bookings drop constraint bookings_check;
alter table bookings
  add constraint bookings_final_check check (final_amount = total_amount - discount_amount + case when tax_inclusive then 0 else tax_amount end),
  add constraint bookings_discount_check check (discount_amount <= total_amount),
  add constraint bookings_refund_check check (refund_amount >= 0);

-- A hold is a booking row in status `held`: it blocks its slot through the very rules that block bookings (the
-- exclusion constraint for private games, the locked capacity check for shared ones), so no race can sell it.
-- It has no customer yet, an expiry and a token; taking it fills the customer in and moves it on.
alter table bookings drop constraint bookings_status_check;
alter table bookings
  add constraint bookings_status_check
    check (status in ('held', 'pending', 'confirmed', 'checked-in', 'completed', 'cancelled', 'no-show')),
  alter column customer_id drop not null,
  add constraint bookings_customer_check check ((customer_id is null) = (status = 'held')),
  add constraint bookings_hold_check check (status <> 'held' or (expires_at is not null and hold_token_hash is not null));

-- The availability look-up reads expires_at too; keep it an index-only scan (0007).
create index bookings_room_cover2_idx on bookings (organization_id, venue_id, game_id, start_at)
  include (blocked_until, end_at, party_size, status, expires_at);
drop index bookings_room_start_idx;
alter index bookings_room_cover2_idx rename to bookings_room_start_idx;
create index bookings_expiry_idx on bookings (expires_at) where expires_at is not null and status in ('held', 'pending');

create or replace function app_booking_transition_allowed(p_from text, p_to text) returns boolean
language sql immutable as $$
  select p_from = p_to
      or (p_from = 'held' and p_to in ('pending', 'confirmed'))
      or (p_from = 'pending' and p_to in ('confirmed', 'cancelled'))
      or (p_from = 'confirmed' and p_to in ('checked-in', 'cancelled', 'no-show'))
      or (p_from = 'checked-in' and p_to = 'completed')
$$;

create or replace function bookings_check_status() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status not in ('held', 'pending', 'confirmed') then
      raise exception 'a booking starts as held, pending or confirmed, not %', new.status using errcode = 'BKTRN';
    end if;
  elsif not app_booking_transition_allowed(old.status, new.status) then
    raise exception 'cannot move a booking from % to %', old.status, new.status using errcode = 'BKTRN';
  end if;
  return new;
end $$;

-- The room's claim (0005, 0009) now also clears the way: under the room's lock, holds that expired by $5 are
-- deleted and pending bookings whose payment time ran out are cancelled, so an expired hold stops blocking the
-- moment someone wants its slot, with no job having run first. The cancelled ids come back (`swept`) for the app
-- to give their money back (gift-card parts, coupon redemptions). $6 is the caller's own hold, which neither
-- counts against it nor is swept. $5 is the app's clock, so tests can move time.
drop function app_claim_slot(uuid, uuid, timestamptz, timestamptz);
create function app_claim_slot(p_venue_id uuid, p_game_id uuid, p_start timestamptz, p_blocked_until timestamptz,
                               p_now timestamptz, p_hold_id uuid,
                               out private_bookings int, out seats int, out swept uuid[])
language plpgsql volatile as $$
declare
  stale uuid[];
begin
  perform app_lock_room(app_current_org(), p_venue_id, p_game_id);
  -- What is in the way and expired, found through the small partial index of rows that can expire (most writes
  -- find nothing here and sweep nothing: one look-up of a near-empty index).
  select array_agg(b.id) into stale from bookings b
   where b.status in ('held', 'pending') and b.expires_at <= p_now
     and b.venue_id = p_venue_id and b.game_id = p_game_id and b.id is distinct from p_hold_id
     and tstzrange(b.start_at, b.blocked_until, '[)') && tstzrange(p_start, p_blocked_until, '[)');
  swept := '{}';
  if stale is not null then
    delete from bookings b where b.id = any(stale) and b.status = 'held';
    with expired as (
      update bookings b set status = 'cancelled', cancelled_at = p_now, expires_at = null
       where b.id = any(stale) and b.status = 'pending'
      returning b.id)
    select coalesce(array_agg(id), '{}') into swept from expired;
  end if;
  select count(*) filter (where b.booking_mode = 'private')::int, coalesce(sum(b.party_size), 0)::int
    into private_bookings, seats
    from bookings b
   where b.venue_id = p_venue_id and b.game_id = p_game_id and b.status <> 'cancelled'
     and b.id is distinct from p_hold_id
     and tstzrange(b.start_at, b.blocked_until, '[)') && tstzrange(p_start, p_blocked_until, '[)');
end $$;
grant execute on function app_claim_slot(uuid, uuid, timestamptz, timestamptz, timestamptz, uuid) to bookingtms_app;

-- Payments ----------------------------------------------------------------------------------------------

create table payments (
  organization_id uuid not null references organizations (id),
  id uuid not null default gen_random_uuid(),
  booking_id uuid not null,
  kind text not null check (kind in ('payment', 'refund')),
  -- A refund names the payment it returns.
  parent_id uuid,
  method text not null check (method in ('cash', 'card_present', 'stripe', 'gift_card', 'other')),
  amount_cents integer not null check (amount_cents > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  status text not null check (status in ('pending', 'succeeded', 'failed', 'cancelled')),
  -- Stripe's PaymentIntent or Refund id; for gift-card rows the card (gift_card_id).
  provider_ref text check (length(provider_ref) between 1 and 255),
  gift_card_id uuid,
  note text not null default '' check (length(note) <= 1000),
  reason text check (length(reason) <= 1000),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organization_id, id),
  foreign key (organization_id, booking_id) references bookings (organization_id, id),
  foreign key (organization_id, parent_id) references payments (organization_id, id),
  foreign key (organization_id, created_by) references users (organization_id, id),
  foreign key (organization_id, gift_card_id) references gift_cards (organization_id, id),
  check ((kind = 'refund') = (parent_id is not null)),
  check ((method = 'gift_card') = (gift_card_id is not null)),
  check (method <> 'stripe' or provider_ref is not null)
);
create unique index payments_provider_ref_key on payments (organization_id, method, provider_ref) where provider_ref is not null and method = 'stripe';
create index payments_booking_idx on payments (organization_id, booking_id);
create index payments_parent_idx on payments (organization_id, parent_id) where parent_id is not null;
create index payments_created_idx on payments (organization_id, created_at);

-- Rows are facts: only a status moves, and only forward (a failed card attempt may still succeed later).
create function payments_check_update() returns trigger
language plpgsql as $$
begin
  if (to_jsonb(new) - array['status', 'updated_at']) <> (to_jsonb(old) - array['status', 'updated_at']) then
    raise exception 'a payment row is never changed, only its status' using errcode = 'BKPAY';
  end if;
  if new.status <> old.status and not (
       (old.status = 'pending' and new.status in ('succeeded', 'failed', 'cancelled'))
    or (old.status = 'failed' and new.status in ('succeeded', 'cancelled'))
    -- Money that arrives after its wait was called off (a customer paying a cancelled checkout) is still money
    -- received: the row says so, and the app refunds it.
    or (old.status = 'cancelled' and new.status = 'succeeded')) then
    raise exception 'a payment cannot move from % to %', old.status, new.status using errcode = 'BKPAY';
  end if;
  return new;
end $$;
create trigger payments_update before update on payments for each row execute function payments_check_update();

-- Never more refunded than the payment left: the parent row is locked, so concurrent refunds of one payment
-- serialise here and the sum sees every committed competitor. Pending refunds count (the money is on its way).
create function payments_check_refund() returns trigger
language plpgsql as $$
declare
  parent record;
  refunded bigint;
begin
  if new.kind <> 'refund' or new.status not in ('pending', 'succeeded') then
    return new;
  end if;
  select * into parent from payments where organization_id = new.organization_id and id = new.parent_id for update;
  if parent.kind <> 'payment' or parent.status <> 'succeeded' or parent.booking_id <> new.booking_id
     or parent.method <> new.method or parent.currency <> new.currency then
    raise exception 'a refund returns a succeeded payment of the same booking, method and currency' using errcode = 'BKPAY';
  end if;
  select coalesce(sum(amount_cents), 0) into refunded from payments
   where organization_id = new.organization_id and parent_id = new.parent_id and status in ('pending', 'succeeded')
     and id <> new.id;
  if refunded + new.amount_cents > parent.amount_cents then
    raise exception 'refund of % exceeds the % left of the payment', new.amount_cents, parent.amount_cents - refunded
      using errcode = 'BKRFD';
  end if;
  return new;
end $$;
create trigger payments_refund before insert or update of status on payments
  for each row execute function payments_check_refund();

-- amount_paid and refund_amount are sums of the booking's payment rows, written only here: the app role may not
-- update those columns itself (grants below), so no code path can edit a total.
create function payments_refresh_booking() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  update bookings b set
    amount_paid = s.paid - s.refunded,
    refund_amount = s.refunded,
    -- A pending booking waiting for its online payment is confirmed by the payment that completes it, whichever
    -- path recorded it (the webhook, a retried request), in the same transaction.
    status = case when b.status = 'pending' and s.paid - s.refunded >= b.payment_required_cents then 'confirmed' else b.status end,
    expires_at = case when b.status = 'pending' and s.paid - s.refunded >= b.payment_required_cents then null else b.expires_at end,
    payment_required_cents = case when s.paid - s.refunded >= b.payment_required_cents then null else b.payment_required_cents end
  from (select coalesce(sum(amount_cents) filter (where kind = 'payment' and status = 'succeeded'), 0) as paid,
               coalesce(sum(amount_cents) filter (where kind = 'refund' and status = 'succeeded'), 0) as refunded
          from payments where organization_id = new.organization_id and booking_id = new.booking_id) s
  where b.organization_id = new.organization_id and b.id = new.booking_id
    and (b.amount_paid, b.refund_amount) is distinct from (s.paid - s.refunded, s.refunded);
  return null;
end $$;
revoke all on function payments_refresh_booking from public;
create trigger payments_booking_sums after insert or update of status on payments
  for each row when (not app_bulk_load('payment_sums')) execute function payments_refresh_booking();

-- payment_status is a function of the booking's own figures, recomputed on every write of the row.
create function app_payment_status(p_final integer, p_paid integer, p_refunded integer, p_status text) returns text
language sql immutable as $$
  select case
    when p_refunded > 0 and (p_paid = 0 or p_status = 'cancelled') then 'refunded'
    when p_paid >= p_final then 'paid'
    when p_paid > 0 then 'partial'
    else 'pending' end
$$;
grant execute on function app_payment_status to bookingtms_app;

create function bookings_derive_payment_status() returns trigger
language plpgsql as $$
begin
  new.payment_status := app_payment_status(new.final_amount, new.amount_paid, new.refund_amount, new.status);
  return new;
end $$;
create trigger bookings_payment_status before insert or update on bookings
  for each row execute function bookings_derive_payment_status();

-- Stripe events: each event id is applied once per organization (the row is written in the transaction that
-- applies it; a replay finds it and changes nothing).
create table stripe_events (
  organization_id uuid not null references organizations (id),
  event_id text not null check (length(event_id) between 1 and 255),
  type text not null check (length(type) between 1 and 100),
  received_at timestamptz not null default now(),
  primary key (organization_id, event_id)
);

do $$
declare
  t text;
begin
  foreach t in array array['payments', 'stripe_events'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (organization_id = app_current_org()) with check (organization_id = app_current_org())', t || '_tenant', t);
  end loop;
end $$;
grant select, insert, update on payments to bookingtms_app;
grant select, insert on stripe_events to bookingtms_app;
create trigger payments_touch before update on payments for each row execute function app_touch_updated_at();
create trigger payments_audit after insert or update on payments
  for each row when (not app_bulk_load('audit')) execute function app_audit_row();

-- A booking's money sums are bookkeeping the payment rows already record (each audited): their update alone is
-- not audited again. A status the payments confirm still is.
drop trigger bookings_audit on bookings;
create trigger bookings_audit after insert or update or delete on bookings
  for each row when (not app_bulk_load('audit')) execute function app_audit_row('organization_id', 'amount_paid,refund_amount,payment_status');

-- The app role writes every bookings column but the derived money ones.
revoke update on bookings from bookingtms_app;
grant update (customer_id, game_id, venue_id, start_at, end_at, blocked_until, booking_date, booking_mode, party_size,
              status, total_amount, discount_amount, final_amount, tax_amount, tax_inclusive, currency, notes, source,
              created_by, manage_token_hash, cancelled_at, checked_in_at, updated_at, contact_name, contact_phone,
              coupon_code, quote, expires_at, hold_token_hash, payment_required_cents)
  on bookings to bookingtms_app;

-- A hold is addressed by its id and token alone (DELETE /api/public/holds/:id): the pair is compared in one
-- definer look-up that, on a match, points the transaction at the hold's organization (as app_manage_booking).
create function app_enter_hold(p_hold_id uuid, p_token_hash text)
returns table (organization_id uuid, hold_id uuid)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  hit record;
begin
  select b.organization_id, b.id into hit from bookings b
   where b.id = p_hold_id and b.status = 'held' and b.hold_token_hash = p_token_hash;
  if found then
    perform set_config('app.organization_id', hit.organization_id::text, true);
    organization_id := hit.organization_id;
    hold_id := hit.id;
    return next;
  end if;
end $$;
revoke all on function app_enter_hold from public;
grant execute on function app_enter_hold to bookingtms_app;

-- The organizations that have checkouts past their time, for the tidy-up job (correctness never waits for it: a
-- writer of the room sweeps what is in its way). SECURITY DEFINER: the job serves every organization.
create function app_orgs_with_expired_checkouts(p_now timestamptz, p_limit integer)
returns table (organization_id uuid)
language sql stable security definer set search_path = public, pg_temp as $$
  select distinct b.organization_id from bookings b
   where b.status in ('held', 'pending') and b.expires_at <= p_now
   limit p_limit
$$;
revoke all on function app_orgs_with_expired_checkouts from public;
grant execute on function app_orgs_with_expired_checkouts to bookingtms_app;
