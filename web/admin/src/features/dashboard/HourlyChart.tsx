import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count } from '../../../../shared/format';
import { ChartFigure } from '../../ui/ChartFigure';
import { plural } from '../../ui/figures';

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Bookings of the last 30 days by the local hour they start at. */
export function HourlyChart({ hours }: { hours: { hour: number; bookings: number }[] }) {
  const data = hours.map((h) => ({ ...h, label: hh(h.hour) }));
  const busiest = hours.reduce<{ hour: number; bookings: number } | null>((b, h) => (!b || h.bookings > b.bookings ? h : b), null);
  const busy = hours.filter((h) => h.bookings > 0);
  return (
    <ChartFigure
      title="Bookings by start hour (last 30 days)"
      summary={busiest && busiest.bookings > 0 ? `The busiest hour is ${hh(busiest.hour)} (${plural(busiest.bookings, 'booking')}).` : 'No bookings in the last 30 days.'}
      rows={busy}
      rowKey={(h) => String(h.hour)}
      columns={[
        { label: 'Hour', value: (h) => hh(h.hour) },
        { label: 'Bookings', value: (h) => count(h.bookings) },
      ]}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => count(Number(value))} />
          <Bar dataKey="bookings" name="Bookings" fill="#6366f1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
