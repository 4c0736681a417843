import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

/**
 * What an integrator writes with a client generated from /api/openapi.json (types by openapi-typescript, calls by
 * openapi-fetch): sign up, create a venue and a game, find free slots, book one by instant and one by venue-local
 * date and time, and read the widget's view. test/http/openapi-client.test.ts generates `./api.ts` next to a copy
 * of this file, type-checks it strictly and runs it against a server: the document's types are the server's truth.
 */

type Schemas = components['schemas'];
/** True when T is a union of literals (an enum), not just `string`: the document types these values exactly. */
type IsEnum<T> = string extends T ? false : true;
export const typedExactly: [IsEnum<Schemas['Error']['code']>, IsEnum<Schemas['Booking']['status']>, IsEnum<Schemas['PublicBooking']['status']>] = [true, true, true];

export interface Booked {
  bookingNumber: string;
  byLocalTime: { booking_date: string; start_time: string };
  status: Schemas['Booking']['status'];
  conflict: Schemas['Error']['code'] | undefined;
  widgetTitle: string | undefined;
}

export async function signUpAndBook(baseUrl: string, opts: { email: string; fetch?: (input: Request) => Promise<Response> }): Promise<Booked> {
  const api = createClient<paths>({ baseUrl, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  const must = <T>(what: string, r: { data?: T; error?: unknown; response: Response }): T => {
    if (r.data === undefined) throw new Error(`${what}: ${r.response.status} ${JSON.stringify(r.error)}`);
    return r.data;
  };

  const signup = must(
    'signup',
    await api.POST('/api/auth/signup', {
      body: { email: opts.email, password: 'a long password', full_name: 'Olivia Owner', organization_name: 'Escape Works', timezone: 'America/New_York', currency: 'USD' },
    }),
  );
  if (!('token' in signup)) throw new Error(`signup: ${signup.status}`);
  const headers = { authorization: `Bearer ${signup.token}` };

  const hours = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' }));
  const venue = must('venue', await api.POST('/api/venues', { headers, body: { name: 'Midtown', timezone: 'America/New_York', operating_hours: hours } }));
  const game = must(
    'game',
    await api.POST('/api/games', { headers, body: { name: 'The Vault', duration_minutes: 60, max_players: 6, price_cents: 3000, venue_ids: [venue.id] } }),
  );
  await api.PUT('/api/organization', { headers, body: { branding: { widget_title: 'Book Escape Works' } } });

  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const availability = must(
    'availability',
    await api.GET('/api/games/{id}/availability', { headers, params: { path: { id: game.id }, query: { venue_id: venue.id, from: day(2), to: day(4), party_size: 2 } } }),
  );
  const [first, second] = availability.slots.filter((s) => s.available);
  if (!first || !second) throw new Error('no free slots');

  const body = { game_id: game.id, venue_id: venue.id, start_at: first.start_at, party_size: 2, customer: { full_name: 'Sam Player', email: 'sam@example.com' } };
  const booking = must('booking', await api.POST('/api/bookings', { headers, params: { header: { 'idempotency-key': 'first-booking' } }, body }));
  // The same slot again, without the key: the database refuses the overlap, and the error's code is typed.
  const again = await api.POST('/api/bookings', { headers, body });
  const local = must(
    'booking by local time',
    await api.POST('/api/bookings', {
      headers,
      body: { game_id: game.id, venue_id: venue.id, booking_date: second.booking_date, start_time: second.start_time, party_size: 2, customer_id: booking.customer_id },
    }),
  );

  // What the widget shows, with no session: typed branding and policies.
  const widget = must('widget', await api.GET('/api/public/venues/{embed_key}', { params: { path: { embed_key: venue.embed_key } } }));
  return {
    bookingNumber: booking.booking_number,
    byLocalTime: { booking_date: local.booking_date, start_time: local.start_time },
    status: booking.status,
    conflict: again.error?.code,
    widgetTitle: widget.organization.branding.widget_title,
  };
}
