-- The availability look-up reads a room's live bookings near the requested days (docs/performance.md, scenario c).
--
-- A booking blocks its room for at most its game's duration plus buffer, each at most 1,440 minutes; the database
-- now states that bound, so the look-up can bound start_at from both sides ("started at most two days before the
-- window") and read one range of the room's index instead of every booking the room ever had.
alter table bookings add constraint bookings_span_check check (blocked_until <= start_at + interval '2 days');

-- The room's index carries what the engine reads (end, blocked until, party size) and the status it filters on,
-- so the look-up is an index-only scan. The same key still serves the room's booking lists and counts.
create index bookings_room_cover_idx on bookings (organization_id, venue_id, game_id, start_at)
  include (blocked_until, end_at, party_size, status);
drop index bookings_room_start_idx;
alter index bookings_room_cover_idx rename to bookings_room_start_idx;
