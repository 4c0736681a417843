import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useRef } from 'react';
import { Calendar, luxonLocalizer, Views, type View } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { addDays, visitorZone } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useLiveInvalidate } from '../../app/live';
import { useSignedIn } from '../../app/session';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { SelectField } from '../../ui/Inputs';
import { commaLists, statusLabel, useGames, useVenues, type Booking } from '../bookings/api';
import { dateOf, nowIn, wallClock, wallDate } from './zoned';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** Cancelled bookings leave the calendar: their slot is free. */
const LIVE_STATUSES = ['pending', 'confirmed', 'checked-in', 'completed', 'no-show'] as const;

interface CalendarEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  booking: Booking;
}

/** Every live booking of a venue between two venue-local dates (all pages of the list). */
async function bookingsBetween(venueId: string, from: string, to: string): Promise<Booking[]> {
  const all: Booking[] = [];
  for (let page = 1; ; page++) {
    const answer = await unwrap(
      api.GET('/api/bookings', { params: { query: { venue_id: venueId, from, to, status: [...LIVE_STATUSES], limit: 100, page } }, querySerializer: commaLists }),
    );
    all.push(...answer.data);
    if (page >= answer.pages) return all;
  }
}

/** The venue's bookings on a day or week calendar (games as columns by day), kept current from the event stream. */
export default function CalendarPage() {
  const { organization } = useSignedIn();
  const navigate = useNavigate();
  const venues = useVenues();
  const games = useGames();
  // Venue, view and day live in the address (`/calendar?venue=…&view=week&date=2026-03-14`): a reload or a shared
  // link shows the same calendar.
  const [params, setParams] = useSearchParams();
  const picked = params.get('venue');
  const view: View = params.get('view') === Views.WEEK ? Views.WEEK : Views.DAY;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date') : null;
  const change = (key: string, value: string) =>
    setParams(
      (p) => {
        p.set(key, value);
        return p;
      },
      { replace: true },
    );
  const live = useLiveInvalidate(['booking.'], [['bookings']]);
  const frame = useRef<HTMLDivElement>(null);
  // The library's scrolling time grid cannot be reached with the keyboard (axe: scrollable-region-focusable); it is
  // re-created when the view changes, so this runs after every render.
  useEffect(() => {
    const grid = frame.current?.querySelector<HTMLElement>('.rbc-time-content');
    if (grid && !grid.hasAttribute('tabindex')) {
      grid.tabIndex = 0;
      grid.setAttribute('role', 'region');
      grid.setAttribute('aria-label', 'Bookings by time');
    }
  });

  const venue = venues.data?.data.find((v) => v.id === picked) ?? venues.data?.data[0];
  const zone = venue?.timezone ?? visitorZone();
  const day = date ?? dateOf(nowIn(zone));
  // A week either side covers the week view whatever day the week starts on.
  const [from, to] = view === Views.DAY ? [day, day] : [addDays(day, -7), addDays(day, 7)];

  const bookings = useQuery({
    queryKey: ['bookings', 'calendar', venue?.id, from, to],
    queryFn: () => bookingsBetween(venue!.id, from, to),
    enabled: Boolean(venue),
    placeholderData: (previous) => previous,
  });

  const weekStart = organization?.policies.week_start ?? 'monday';
  const localizer = useMemo(() => luxonLocalizer(DateTime, { firstDayOfWeek: WEEKDAYS.indexOf(weekStart) + 1 }), [weekStart]);
  const resources = useMemo(() => (games.data?.data ?? []).filter((g) => venue && g.venue_ids.includes(venue.id)).map((g) => ({ id: g.id, title: g.name })), [games.data, venue]);
  const events = useMemo<CalendarEvent[]>(
    () =>
      (bookings.data ?? []).map((b) => ({
        id: b.id,
        title: `${b.customer.full_name} · ${b.party_size} · ${statusLabel(b.status)}`,
        start: wallClock(b.start_at, b.timezone),
        end: wallClock(b.end_at, b.timezone),
        resourceId: b.game_id,
        booking: b,
      })),
    [bookings.data],
  );

  if (venues.isPending) return <Loading label="Loading the calendar" />;
  if (venues.isError) return <ErrorNotice error={venues.error} onRetry={() => void venues.refetch()} />;
  if (!venue) {
    return (
      <section>
        <h1>Calendar</h1>
        <Empty message="There is no venue yet: bookings are made at a venue." />
      </section>
    );
  }

  return (
    <section className="calendar-page">
      <h1>Calendar</h1>
      <div className="toolbar">
        <SelectField label="Venue" value={venue.id} onChange={(e) => change('venue', e.target.value)}>
          {venues.data.data.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
        <Link to="/bookings/new" className="button-link">
          New booking
        </Link>
        <span className={`live-state ${live}`} role="status">
          {live === 'live' ? 'Live: new bookings appear by themselves' : live === 'connecting' ? 'Connecting to live updates…' : 'Live updates interrupted; reconnecting…'}
        </span>
      </div>
      {zone !== visitorZone() ? <p className="zone-note">Times are in {venue.name}’s time zone ({zone.replace(/_/g, ' ')}), not yours.</p> : null}
      {bookings.isError ? <ErrorNotice error={bookings.error} onRetry={() => void bookings.refetch()} /> : null}
      <div className="calendar-frame" ref={frame} aria-busy={bookings.isFetching}>
        <Calendar<CalendarEvent, { id: string; title: string }>
          localizer={localizer}
          events={events}
          views={[Views.DAY, Views.WEEK]}
          view={view}
          onView={(v) => change('view', v)}
          date={wallDate(day)}
          onNavigate={(next) => change('date', dateOf(next))}
          getNow={() => nowIn(zone)}
          scrollToTime={new Date(1970, 0, 1, 9)}
          step={30}
          timeslots={2}
          {...(view === Views.DAY && resources.length > 0 ? { resources, resourceIdAccessor: 'id' as const, resourceTitleAccessor: 'title' as const } : {})}
          onSelectEvent={(event) => void navigate(`/bookings/${event.id}`)}
          // The library makes events focusable buttons but opens them only on click: Enter opens them too.
          onKeyPressEvent={(event, e) => {
            if ((e.nativeEvent as KeyboardEvent).key === 'Enter') void navigate(`/bookings/${event.id}`);
          }}
          tooltipAccessor={(event) => `${event.booking.booking_number}: ${event.title}`}
        />
      </div>
    </section>
  );
}
