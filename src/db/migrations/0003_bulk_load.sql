-- Bulk loading (the demo seeder, `npm run seed:demo`), and a capacity check that stays fast on a long history.
--
-- 1. A transaction on the owner connection may skip the two per-row triggers that only do bookkeeping, the row
--    audit and the customer-statistics refresh, by setting app.bulk_load to a comma-separated list of 'audit'
--    and 'customer_stats'. Constraints (exclusion, capacity, status machine, foreign keys, checks) are untouched:
--    every bulk-loaded row is still accepted or refused by the database. The flag is honoured only without
--    SET ROLE, i.e. on the owner connection of the CLI: requests always run as bookingtms_app (tenant.ts), so a
--    request cannot skip its audit even if it set the flag. The loader writes one summary audit row per table it
--    loaded and has the statistics trigger recompute each customer once at the end (src/modules/demo/seed.ts).

create function app_bulk_load(p_skip text) returns boolean
language sql stable as $$
  select current_setting('role') = 'none'
     and p_skip = any(string_to_array(coalesce(current_setting('app.bulk_load', true), ''), ','))
$$;

-- Same triggers as 0002, with a WHEN clause: a skipped trigger costs nothing, not even a plpgsql call.
drop trigger bookings_customer_stats on bookings;
create trigger bookings_customer_stats after insert or update or delete on bookings
  for each row when (not app_bulk_load('customer_stats')) execute function bookings_refresh_customer_stats();

drop trigger bookings_audit on bookings;
create trigger bookings_audit after insert or update or delete on bookings
  for each row when (not app_bulk_load('audit')) execute function app_audit_row();

drop trigger customers_audit on customers;
create trigger customers_audit after insert or update or delete on customers
  for each row when (not app_bulk_load('audit'))
  execute function app_audit_row('organization_id', 'total_bookings,lifetime_value_cents,first_booking_at,last_booking_at');

-- 2. bookings_check_capacity sums the live bookings of one game at one venue whose range overlaps the new one.
--    The only index it could use (bookings_slot_idx) narrows by game and venue but not by time, so each shared
--    booking read the whole history of its room: quadratic in the number of bookings. This GiST index answers
--    the overlap directly (the exclusion constraint's own index covers private bookings only).
create index bookings_live_range_idx on bookings using gist (
  organization_id, venue_id, game_id, tstzrange(start_at, blocked_until, '[)')
) where status <> 'cancelled';
