import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { count } from '../../../../shared/format';
import { ChartFigure } from '../../ui/ChartFigure';
import { useOrgFormat } from '../../ui/orgFormat';
import { SEGMENT_NAMES } from '../customers/segments';
import type { ReportOf } from './fetchReport';
import { FigureTable } from './FigureTable';
import { periodLabel, type ReportParams } from './params';

/** Customer segments with their lifetime value, and new against returning customers per period. */
export function CustomersReport({ report, params }: { report: ReportOf<'customers'>; params: ReportParams }) {
  const { money } = useOrgFormat();
  const fresh = report.periods.reduce((s, p) => s + p.new_customers, 0);
  const returning = report.periods.reduce((s, p) => s + p.returning_customers, 0);
  const data = report.periods.map((p) => ({ ...p, label: periodLabel(p.period, params.group_by) }));
  return (
    <>
      <FigureTable
        title="Segments"
        rows={report.segments}
        rowKey={(r) => r.segment}
        empty="No customers yet."
        columns={[
          { label: 'Segment', value: (r) => SEGMENT_NAMES[r.segment] },
          { label: 'Customers', value: (r) => count(r.customers) },
          { label: 'Lifetime value', value: (r) => money(r.revenue_cents) },
        ]}
      />
      <h3>New and returning customers</h3>
      <ChartFigure
        title={`Customers who booked, by ${params.group_by}`}
        summary={`${count(fresh)} new and ${count(returning)} returning ${returning === 1 ? 'customer' : 'customers'} in the period.`}
        rows={report.periods}
        rowKey={(p) => p.period}
        columns={[
          { label: 'Period', value: (p) => periodLabel(p.period, params.group_by) },
          { label: 'New', value: (p) => count(p.new_customers) },
          { label: 'Returning', value: (p) => count(p.returning_customers) },
        ]}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} width={36} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="new_customers" name="New" stackId="c" fill="#6366f1" isAnimationActive={false} />
            <Bar dataKey="returning_customers" name="Returning" stackId="c" fill="#0d9488" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}
