import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count, localDate } from '../../../../shared/format';
import { ChartFigure } from '../../ui/ChartFigure';
import { plural } from '../../ui/figures';
import { useOrgFormat } from '../../ui/orgFormat';

export interface WeekPoint {
  week_start: string;
  bookings: number;
  revenue_cents: number;
}

/** Eight weeks of bookings (bars) and revenue (a line, its own axis). */
export function WeekTrendChart({ weeks }: { weeks: WeekPoint[] }) {
  const { money } = useOrgFormat();
  const data = weeks.map((w) => ({ ...w, label: localDate(w.week_start, 'short'), revenue: w.revenue_cents / 100 }));
  const total = weeks.reduce((s, w) => s + w.bookings, 0);
  const best = weeks.reduce<WeekPoint | null>((b, w) => (!b || w.bookings > b.bookings ? w : b), null);
  return (
    <ChartFigure
      title="Last 8 weeks"
      summary={best && total > 0 ? `${plural(total, 'booking')} in all; the busiest week began ${localDate(best.week_start, 'short')} (${plural(best.bookings, 'booking')}).` : 'No bookings in these weeks.'}
      rows={weeks}
      rowKey={(w) => w.week_start}
      columns={[
        { label: 'Week of', value: (w) => localDate(w.week_start, 'short') },
        { label: 'Bookings', value: (w) => count(w.bookings) },
        { label: 'Revenue', value: (w) => money(w.revenue_cents) },
      ]}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="bookings" allowDecimals={false} width={36} tick={{ fontSize: 12 }} />
          <YAxis yAxisId="revenue" orientation="right" width={56} tick={{ fontSize: 12 }} tickFormatter={(v: number) => money(v * 100).replace(/[.,]00$/, '')} />
          <Tooltip formatter={(value, name) => (name === 'Revenue' ? money(Number(value) * 100) : count(Number(value)))} />
          <Legend />
          <Bar yAxisId="bookings" dataKey="bookings" name="Bookings" fill="#6366f1" isAnimationActive={false} />
          <Line yAxisId="revenue" dataKey="revenue" name="Revenue" stroke="#b45309" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
