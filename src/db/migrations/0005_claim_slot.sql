-- The room lock and the slot check of a booking write, in one round trip.
--
-- A booking (or a reschedule) takes the advisory lock of its game at its venue, then counts what already holds the
-- slot, so that a request that lost the race answers 409 at once (the exclusion constraint and the capacity trigger
-- stay the wall). Sent as two statements, that was two round trips on every booking. As one plain SQL statement it
-- would be wrong: a statement's snapshot is taken before the lock is granted, so it could miss the booking the
-- previous holder of the lock just committed. In a VOLATILE PL/pgSQL function every statement takes a fresh
-- snapshot, so the count below runs after the lock is held and sees every booking committed before it.
--
-- SECURITY INVOKER (the default): the count runs under the caller's row-level security, like the statements it
-- replaces. The lock key is the one lockRoom and the capacity trigger of shared games use.
create function app_claim_slot(p_venue_id uuid, p_game_id uuid, p_start timestamptz, p_blocked_until timestamptz,
                               out private_bookings int, out seats int)
language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(app_current_org()::text || '/' || p_venue_id::text || '/' || p_game_id::text, 0));
  select count(*) filter (where b.booking_mode = 'private')::int, coalesce(sum(b.party_size), 0)::int
    into private_bookings, seats
    from bookings b
   where b.venue_id = p_venue_id and b.game_id = p_game_id and b.status <> 'cancelled'
     and tstzrange(b.start_at, b.blocked_until, '[)') && tstzrange(p_start, p_blocked_until, '[)');
end $$;

grant execute on function app_claim_slot to bookingtms_app;
