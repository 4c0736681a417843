import type { Queryable } from '../../db/client.js';
import { CALENDAR_BOOKINGS } from './sql.js';

/** What a venue's calendar feed shows of a booking: no customer, no contact, no money. */
export interface CalendarBooking {
  id: string;
  booking_number: string;
  start_at: Date;
  end_at: Date;
  party_size: number;
  status: 'pending' | 'confirmed' | 'checked-in' | 'completed' | 'no-show';
  game_name: string;
  created_at: Date;
  updated_at: Date;
}

/** At most this many bookings in one feed (the earliest first): a feed stays something a calendar app will read. */
const CALENDAR_MAX_BOOKINGS = 20_000;

/** The venue's live bookings (not cancelled, not holds) starting in [from, to), by start. */
export async function venueCalendarBookings(tx: Queryable, venueId: string, from: Date, to: Date): Promise<CalendarBooking[]> {
  const { rows } = await tx.query<CalendarBooking>(CALENDAR_BOOKINGS, [venueId, from, to, CALENDAR_MAX_BOOKINGS]);
  return rows;
}
