import { count } from '../../../../shared/format';
import { percent } from '../../ui/figures';
import { useOrgFormat } from '../../ui/orgFormat';
import { statusLabel } from '../bookings/api';
import type { ReportOf } from './fetchReport';
import { FigureTable } from './FigureTable';

const SOURCES: Record<string, string> = { admin: 'Staff (admin app)', widget: 'Booking widget', api: 'API' };

/** Bookings of the period by status, game (with occupancy), venue and source. */
export function BookingsReport({ report }: { report: ReportOf<'bookings'> }) {
  const { money } = useOrgFormat();
  const t = report.totals;
  return (
    <>
      <ul className="stats compact" aria-label="Booking totals">
        <Stat label="Bookings" value={count(t.bookings)} />
        <Stat label="Players" value={count(t.players)} />
        <Stat label="Revenue" value={money(t.revenue_cents)} />
        <Stat label="Cancelled" value={count(t.cancelled)} />
        <Stat label="No-shows" value={count(t.no_shows)} />
      </ul>
      <FigureTable
        title="By status"
        rows={report.by_status}
        rowKey={(r) => r.status}
        empty="No bookings in this period."
        columns={[
          { label: 'Status', value: (r) => statusLabel(r.status) },
          { label: 'Bookings', value: (r) => count(r.bookings) },
          { label: 'Players', value: (r) => count(r.players) },
        ]}
      />
      <FigureTable
        title="By game"
        rows={report.by_game}
        rowKey={(r) => r.game_id}
        empty="No games booked in this period."
        columns={[
          { label: 'Game', value: (r) => r.name },
          { label: 'Bookings', value: (r) => count(r.bookings) },
          { label: 'Players', value: (r) => count(r.players) },
          { label: 'Revenue', value: (r) => money(r.revenue_cents) },
          { label: 'Occupancy', value: (r) => percent(r.occupancy_rate) },
        ]}
      />
      <FigureTable
        title="By venue"
        rows={report.by_venue}
        rowKey={(r) => r.venue_id}
        empty="No venues booked in this period."
        columns={[
          { label: 'Venue', value: (r) => r.name },
          { label: 'Bookings', value: (r) => count(r.bookings) },
          { label: 'Players', value: (r) => count(r.players) },
          { label: 'Revenue', value: (r) => money(r.revenue_cents) },
        ]}
      />
      <FigureTable
        title="By source"
        rows={report.by_source}
        rowKey={(r) => r.source}
        empty="No bookings in this period."
        columns={[
          { label: 'Source', value: (r) => SOURCES[r.source] ?? r.source },
          { label: 'Bookings', value: (r) => count(r.bookings) },
        ]}
      />
    </>
  );
}

export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <li className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </li>
  );
}
