import { prepared } from '../../db/client.js';
import { offerStatement } from '../games/service.js';

/**
 * Live bookings of the game at the venue that could touch the requested days, as [start, end, blocked until,
 * party] in epoch seconds (date_part's float: several times cheaper to build than extract's numeric). $3-$5 come
 * from `bookingWindow`: those blocking the room after $3 and starting before $4. A booking blocks its room for at
 * most two days (constraint bookings_span_check), so it also starts after $5 ($3 minus two days): with both bounds
 * on start_at the look-up reads one range of bookings_room_start_idx, from the index alone, instead of the room's
 * whole history. The bounds are parameters, not expressions of the venue's time zone, because under row-level
 * security PostgreSQL puts a condition into an index scan only when all of it is leakproof.
 *
 * A hold, or a pending booking waiting for its online payment, counts until it expires at $6 (the app's clock):
 * after that it is free here, and the next writer of the room sweeps it (app_claim_slot, migration 0014).
 *
 * This is the one read of the bookings table outside the bookings module: occupancy (when a room is held, by how
 * many) is what availability is computed from, and reading it with the offer keeps a computed answer one round trip.
 */
const LIVE_BOOKINGS = `(select coalesce(json_agg(json_build_array(date_part('epoch', b.start_at), date_part('epoch', b.end_at),
                                                  date_part('epoch', b.blocked_until), b.party_size)), '[]')
    from bookings b
   where b.venue_id = v.id and b.game_id = g.id and b.status <> 'cancelled'
     and b.start_at > $5::timestamptz and b.start_at < $4::timestamptz and b.blocked_until > $3::timestamptz
     and (b.expires_at is null or b.expires_at > $6::timestamptz)) as bookings`;

/** The offer of game $1 at venue $2 with its live bookings in the window $3-$5 (see LIVE_BOOKINGS). */
export const AVAILABILITY = prepared('availability', offerStatement(LIVE_BOOKINGS));
