-- Each booking rule spelled once in the database.

-- The room lock: one key for one game at one venue of one organization, taken by every writer that must not race
-- another writer of that room (a booking's slot claim, a reschedule, the capacity check of shared games). It was
-- spelled out in three places (migrations 0002 and 0005, and the app's lockRoom); they all call this now.
create function app_lock_room(p_organization_id uuid, p_venue_id uuid, p_game_id uuid) returns void
language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(p_organization_id::text || '/' || p_venue_id::text || '/' || p_game_id::text, 0));
end $$;
grant execute on function app_lock_room to bookingtms_app;

create or replace function app_claim_slot(p_venue_id uuid, p_game_id uuid, p_start timestamptz, p_blocked_until timestamptz,
                                          out private_bookings int, out seats int)
language plpgsql volatile as $$
begin
  perform app_lock_room(app_current_org(), p_venue_id, p_game_id);
  select count(*) filter (where b.booking_mode = 'private')::int, coalesce(sum(b.party_size), 0)::int
    into private_bookings, seats
    from bookings b
   where b.venue_id = p_venue_id and b.game_id = p_game_id and b.status <> 'cancelled'
     and tstzrange(b.start_at, b.blocked_until, '[)') && tstzrange(p_start, p_blocked_until, '[)');
end $$;

create or replace function bookings_check_capacity() returns trigger
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
  perform app_lock_room(new.organization_id, new.venue_id, new.game_id);
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

-- The status machine of API.md, as one function the trigger applies (the wall) and the app's table is tested against
-- (test/db/booking-rules.test.ts). Staying put is always allowed.
create function app_booking_transition_allowed(p_from text, p_to text) returns boolean
language sql immutable as $$
  select p_from = p_to
      or (p_from = 'pending' and p_to in ('confirmed', 'cancelled'))
      or (p_from = 'confirmed' and p_to in ('checked-in', 'cancelled', 'no-show'))
      or (p_from = 'checked-in' and p_to = 'completed')
$$;
grant execute on function app_booking_transition_allowed to bookingtms_app;

create or replace function bookings_check_status() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.status not in ('pending', 'confirmed') then
      raise exception 'a booking starts as pending or confirmed, not %', new.status using errcode = 'BKTRN';
    end if;
  elsif not app_booking_transition_allowed(old.status, new.status) then
    raise exception 'cannot move a booking from % to %', old.status, new.status using errcode = 'BKTRN';
  end if;
  return new;
end $$;

-- A customer's manage link: the booking number and the token's hash are compared by the same statement, so a real
-- number with a wrong token costs what an unknown number costs (the app used to load the booking to compare the
-- token: twice the time for real numbers, which told an attacker which numbers exist). On a match the transaction
-- is pointed at the booking's organization (RLS from here on). The hash is compared, never the token: its bytes
-- are not the caller's to choose, so comparing them is no timing oracle.
create function app_manage_booking(p_booking_number text, p_token_hash text)
returns table (organization_id uuid, booking_id uuid)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  hit record;
begin
  select b.organization_id, b.id into hit from bookings b
   where b.booking_number = p_booking_number and b.manage_token_hash = p_token_hash;
  if found then
    perform set_config('app.organization_id', hit.organization_id::text, true);
    organization_id := hit.organization_id;
    booking_id := hit.id;
    return next;
  end if;
end $$;
revoke all on function app_manage_booking from public;
grant execute on function app_manage_booking to bookingtms_app;

-- Replaced by app_manage_booking.
drop function app_public_booking;
