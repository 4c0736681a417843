import type { Schemas } from '../../../../api/client';
import { count, localDate } from '../../../../shared/format';
import { changeInWords, decimal, percent } from '../../ui/figures';
import { useOrgFormat } from '../../ui/orgFormat';

type Stats = Schemas['DashboardStats'];
type Metric = { value: number | null; previous: number | null; change_percent: number | null };

/** The 30-day figures, each beside the 30 days before and the change, in words as well as numbers. */
export function StatsCards({ stats }: { stats: Stats }) {
  const { money } = useOrgFormat();
  const cards: { label: string; metric: Metric; show: (n: number | null) => string; lowerIsBetter?: boolean }[] = [
    { label: 'Bookings', metric: stats.bookings, show: (n) => count(n ?? 0) },
    { label: 'Revenue', metric: stats.revenue_cents, show: (n) => money(n ?? 0) },
    { label: 'Players', metric: stats.players, show: (n) => count(n ?? 0) },
    { label: 'Average party size', metric: stats.average_party_size, show: (n) => decimal(n ?? 0) },
    { label: 'Cancellation rate', metric: stats.cancellation_rate, show: percent, lowerIsBetter: true },
    { label: 'New customers', metric: stats.new_customers, show: (n) => count(n ?? 0) },
    { label: 'Occupancy', metric: stats.occupancy_rate, show: percent },
  ];
  return (
    <>
      <p className="period-note">
        {localDate(stats.period.from, 'short')} – {localDate(stats.period.to, 'short')}, against {localDate(stats.previous_period.from, 'short')} –{' '}
        {localDate(stats.previous_period.to, 'short')} ({stats.timezone.replace('_', ' ')} time)
      </p>
      <ul className="stats" aria-label="Last 30 days">
        {cards.map(({ label, metric, show, lowerIsBetter }) => (
          <li key={label} className="stat">
            <span className="stat-label">{label}</span>
            <span className="stat-value">{show(metric.value)}</span>
            <span className={`stat-change ${verdict(metric.change_percent, lowerIsBetter)}`}>
              {changeInWords(metric.change_percent, metric.value)}
              {metric.change_percent !== null ? <span className="stat-previous"> (was {show(metric.previous)})</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Whether a change is good news (green) or bad (red): more cancellations are bad, more of anything else good. */
function verdict(change: number | null, lowerIsBetter = false): string {
  if (!change) return 'flat';
  return change > 0 !== lowerIsBetter ? 'good' : 'bad';
}

/** The space the cards take while they load (no jump when they arrive). */
export function StatsPlaceholder() {
  return (
    <ul className="stats placeholder" aria-hidden="true">
      {Array.from({ length: 7 }, (_, i) => (
        <li key={i} className="stat" />
      ))}
    </ul>
  );
}
