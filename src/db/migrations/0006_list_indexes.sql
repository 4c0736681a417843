-- Indexes shaped for the booking lists over a large business (docs/performance.md, scenario d).
--
-- A search by customer name finds the matching customers, then their bookings, and sorts those by start to cut a
-- page. With the booking id in the customer index, the bookings of a thousand customers are sorted and counted
-- from the index alone (index-only scans); without it every match was a visit to the table, ~4,500 random heap
-- reads for a common surname.
create index bookings_customer_start_idx on bookings (organization_id, customer_id, start_at) include (id);
drop index bookings_customer_idx;

-- A room's bookings (venue and game) are listed and counted in every status, cancelled ones included, but the
-- index for them covered only live bookings (it was made for the availability engine's look-ups), so counting a
-- room's bookings read the table. One full index serves both: the engine's queries filter the few cancelled rows.
create index bookings_room_start_idx on bookings (organization_id, venue_id, game_id, start_at);
drop index bookings_slot_idx;
