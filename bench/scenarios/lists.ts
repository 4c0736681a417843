/**
 * (d) Lists and search over a large demo business (1,000,000 bookings by default, made by the demo seeder) at a
 * fixed arrival rate (an open model: bench/load.ts openLoad), latency measured from each request's scheduled send; and the dashboard-style aggregates
 * (30-day stats, 8-week trend, hourly distribution) timed directly in SQL on the same data.
 */
import type { Database } from '../../src/db/client.js';
import { openLoad } from '../load.js';

export interface ListTarget {
  url: string;
  token: string;
  organizationId: string;
}

/** Values to search for, taken from the data so that searches find something. */
export async function listInputs(db: Database, organizationId: string) {
  const venue = await db.query<{ id: string; timezone: string }>('select id, timezone from venues where organization_id = $1 order by created_at limit 1', [organizationId]);
  const game = await db.query<{ game_id: string }>('select game_id from game_venues where organization_id = $1 and venue_id = $2 limit 1', [organizationId, venue.rows[0]!.id]);
  const numbers = await db.query<{ booking_number: string }>('select booking_number from bookings where organization_id = $1 order by start_at desc limit 200', [organizationId]);
  const names = await db.query<{ w: string }>(`select split_part(full_name, ' ', 2) as w from customers where organization_id = $1 and full_name like '% %' limit 200`, [organizationId]);
  return { venueId: venue.rows[0]!.id, gameId: game.rows[0]!.game_id, numbers: numbers.rows.map((r) => r.booking_number), names: names.rows.map((r) => r.w) };
}

/** Six request shapes an operator's app sends, in rotation, at `rate` requests per second. */
export async function listLoad(t: ListTarget, inputs: Awaited<ReturnType<typeof listInputs>>, rate: number, seconds: number) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const shapes: [string, (i: number) => string][] = [
    ['recent list', () => `/api/bookings?limit=20`],
    ['week by status', () => `/api/bookings?from=${day(0)}&to=${day(6)}&status=confirmed&limit=50`],
    ['room page 3', () => `/api/bookings?venue_id=${inputs.venueId}&game_id=${inputs.gameId}&page=3&limit=20`],
    ['booking number', (i) => `/api/bookings?q=${encodeURIComponent(inputs.numbers[i % inputs.numbers.length]!)}`],
    ['bookings by customer name', (i) => `/api/bookings?q=${encodeURIComponent(inputs.names[i % inputs.names.length]!)}&limit=20`],
    ['customers by name', (i) => `/api/customers?q=${encodeURIComponent(inputs.names[i % inputs.names.length]!)}&limit=20`],
  ];
  let i = 0;
  return openLoad({
    url: t.url,
    seconds,
    rate,
    next: () => {
      const n = i++;
      const [tag, path] = shapes[n % shapes.length]!;
      return { method: 'GET', tag, path: path(Math.floor(n / shapes.length)), headers: { authorization: `Bearer ${t.token}`, 'x-organization-id': t.organizationId } };
    },
  });
}

const AGGREGATES: Record<string, string> = {
  stats_30_days: `select count(*) filter (where status <> 'cancelled') as bookings,
                         coalesce(sum(final_amount - refund_amount) filter (where status in ('confirmed', 'checked-in', 'completed')), 0) as revenue,
                         count(*) filter (where status = 'cancelled') as cancellations,
                         count(*) filter (where status = 'no-show') as no_shows,
                         avg(party_size) filter (where status <> 'cancelled') as avg_party
                  from bookings where organization_id = $1 and start_at >= now() - interval '30 days' and start_at < now()`,
  trend_8_weeks: `select date_trunc('week', start_at) as week, count(*) as bookings, sum(final_amount) as revenue
                  from bookings where organization_id = $1 and status <> 'cancelled' and start_at >= now() - interval '8 weeks' and start_at < now()
                  group by 1 order by 1`,
  hourly_distribution: `select extract(hour from b.start_at at time zone v.timezone) as hour, count(*) as bookings
                        from bookings b join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
                        where b.organization_id = $1 and b.status <> 'cancelled' and b.start_at >= now() - interval '90 days'
                        group by 1 order by 1`,
};

/** Median of five runs of each aggregate, in milliseconds. */
export async function aggregates(db: Database, organizationId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, sql] of Object.entries(AGGREGATES)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await db.query(sql, [organizationId]);
      times.push(performance.now() - t);
    }
    out[name] = times.sort((a, b) => a - b)[2]!;
  }
  return out;
}
