import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../ui/ChartFigure';
import { METHOD_NAMES } from '../../ui/figures';
import { useOrgFormat } from '../../ui/orgFormat';
import type { ReportOf } from './fetchReport';
import { periodLabel, type ReportParams } from './params';
import { TableScroll } from '../../ui/TableScroll';

const FIGURES = ['gross_cents', 'discount_cents', 'tax_cents', 'refund_cents', 'net_cents'] as const;
const NAMES: Record<(typeof FIGURES)[number], string> = { gross_cents: 'Gross', discount_cents: 'Discounts', tax_cents: 'Tax', refund_cents: 'Refunds', net_cents: 'Net' };

/** Money received, refunded and net per period and per payment method, from the payment rows (docs/reports.md). */
export function RevenueReport({ rows, params }: { rows: ReportOf<'revenue'>; params: ReportParams }) {
  const { money } = useOrgFormat();
  const total = (key: (typeof FIGURES)[number]) => rows.reduce((s, r) => s + r[key], 0);
  const methods = Object.keys(METHOD_NAMES).map((m) => {
    const sum = (k: 'gross_cents' | 'refund_cents' | 'net_cents') => rows.reduce((s, r) => s + (r.by_method[m as keyof typeof r.by_method]?.[k] ?? 0), 0);
    return { method: m, gross: sum('gross_cents'), refund: sum('refund_cents'), net: sum('net_cents') };
  });
  const data = rows.map((r) => ({ label: periodLabel(r.period, params.group_by), gross: r.gross_cents / 100, refunds: r.refund_cents / 100, net: r.net_cents / 100 }));
  return (
    <>
      <ul className="stats compact" aria-label="Revenue totals">
        {FIGURES.map((k) => (
          <li key={k} className="stat">
            <span className="stat-label">{NAMES[k]}</span>
            <span className="stat-value">{money(total(k))}</span>
          </li>
        ))}
      </ul>
      <ChartFigure
        title={`Revenue by ${params.group_by}`}
        summary={`${money(total('net_cents'))} net: ${money(total('gross_cents'))} received less ${money(total('refund_cents'))} refunded.`}
        rows={rows}
        rowKey={(r) => r.period}
        columns={[{ label: 'Period', value: (r) => periodLabel(r.period, params.group_by) }, ...FIGURES.map((k) => ({ label: NAMES[k], value: (r: (typeof rows)[number]) => money(r[k]) }))]}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis width={56} tick={{ fontSize: 12 }} tickFormatter={(v: number) => money(v * 100).replace(/[.,]00$/, '')} />
            <Tooltip formatter={(value) => money(Number(value) * 100)} />
            <Legend />
            <Bar dataKey="gross" name="Gross" fill="#6366f1" isAnimationActive={false} />
            <Bar dataKey="refunds" name="Refunds" fill="#dc2626" isAnimationActive={false} />
            <Line dataKey="net" name="Net" stroke="#047857" strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFigure>
      <h3>By period</h3>
      <TableScroll label="Revenue by period">
        <table className="list numbers">
          <thead>
            <tr>
              <th scope="col">Period</th>
              {FIGURES.map((k) => (
                <th scope="col" key={k}>
                  {NAMES[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period}>
                <th scope="row">{periodLabel(r.period, params.group_by)}</th>
                {FIGURES.map((k) => (
                  <td key={k}>{money(r[k])}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {FIGURES.map((k) => (
                <td key={k}>{money(total(k))}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <h3>By payment method</h3>
      <TableScroll label="Revenue by payment method">
        <table className="list numbers">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Gross</th>
              <th scope="col">Refunds</th>
              <th scope="col">Net</th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr key={m.method}>
                <th scope="row">{METHOD_NAMES[m.method]}</th>
                <td>{money(m.gross)}</td>
                <td>{money(m.refund)}</td>
                <td>{money(m.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
