import { DateTime } from 'luxon';
import { vtimezone, wallTimeRepeats } from '../../time/vtimezone.js';
import type { CalendarBooking } from '../bookings/service.js';

/** How often calendar apps are asked to refresh (REFRESH-INTERVAL / X-PUBLISHED-TTL; most apps poll on their own schedule). */
const REFRESH_SECONDS = 15 * 60;

export interface FeedInput {
  venue: { name: string; timezone: string };
  bookings: CalendarBooking[];
  /** The window the bookings were chosen from (the VTIMEZONE covers it). */
  from: Date;
  to: Date;
}

/** RFC 5545 TEXT escaping (3.3.11): a name with a line break or a comma stays one property value. */
const escapeText = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

const players = (n: number) => `${n} ${n === 1 ? 'player' : 'players'}`;

/**
 * The venue's bookings as an iCalendar feed: one VEVENT per booking, UID `<booking id>@bookingtms` (the same as the
 * confirmation mail's .ics, stable across changes), start and end as the venue's wall times with its VTIMEZONE, so
 * a subscribed calendar shows the venue's hours whatever its own zone. A time inside the hour that repeats when
 * clocks go back is written in UTC instead: a local time there names the first of its two instants (RFC 5545
 * 3.3.5), which would put a booking of the second one an hour early. DTSTAMP and LAST-MODIFIED are the booking's
 * last change, so an unchanged booking reads the same on every fetch. No customer data: not the name, email,
 * phone, notes or any amount; only the game, the party size, the booking number and the status.
 */
export async function bookingsFeed(input: FeedInput): Promise<string> {
  // Loaded by the first feed asked for: most API processes never serve one (docs/performance.md, memory).
  const { default: ical, ICalEventStatus } = await import('ical-generator');
  const zone = input.venue.timezone;
  const calendar = ical({
    // ical-generator writes the calendar's name as given (events' texts it escapes itself).
    name: escapeText(`${input.venue.name} bookings`),
    prodId: { company: 'BookingTMS', product: 'calendar-feed', language: 'EN' },
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone: ical-generator would then write DTSTAMP and UTC fallbacks as floating local times.
    timezone: { name: null, generator: (tz) => vtimezone(tz, input.from.getTime(), input.to.getTime() + 2 * 86_400_000) },
  });
  for (const b of input.bookings) {
    const start = b.start_at.getTime();
    const end = b.end_at.getTime();
    const local = !wallTimeRepeats(start, zone) && !wallTimeRepeats(end, zone);
    const pending = b.status === 'pending';
    calendar.createEvent({
      id: `${b.id}@bookingtms`,
      start: DateTime.fromMillis(start, { zone }),
      end: DateTime.fromMillis(end, { zone }),
      timezone: local ? zone : null,
      summary: `${b.game_name} · ${players(b.party_size)} · ${b.booking_number}${pending ? ' (pending)' : ''}`,
      description: `Booking ${b.booking_number}: ${b.game_name}, ${players(b.party_size)}, ${b.status}`,
      location: input.venue.name,
      status: pending ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      stamp: b.updated_at,
      lastModified: b.updated_at,
      created: b.created_at,
    });
  }
  // The zone apps show the calendar in: a calendar property, so before the first component (ical-generator would
  // write its custom properties after the events).
  return calendar.toString().replace(/^(PRODID:[^\r\n]*\r\n)/m, `$1X-WR-TIMEZONE:${zone}\r\n`);
}
