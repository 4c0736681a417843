import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export interface ChartColumn<Row> {
  label: string;
  value: (row: Row) => ReactNode;
}

interface ChartFigureProps<Row> {
  title: string;
  /** One sentence that says what the chart shows (its text alternative at a glance). */
  summary: ReactNode;
  /** The chart itself (recharts inside a ResponsiveContainer); its box has a fixed height, so nothing jumps. */
  children: ReactNode;
  /** The chart's figures as a table, for screen readers and anyone who wants the numbers. */
  rows: Row[];
  columns: ChartColumn<Row>[];
  rowKey: (row: Row) => string;
}

/**
 * A chart with its text alternative: a caption that sums it up and, under "Show the figures", the same data as a
 * table. The drawing is hidden from assistive technology (the table says the same in a form it can read).
 */
export function ChartFigure<Row>({ title, summary, children, rows, columns, rowKey }: ChartFigureProps<Row>) {
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong> <span className="chart-summary">{summary}</span>
      </figcaption>
      <div className="chart-box" aria-hidden="true">
        {children}
      </div>
      <details className="chart-table">
        <summary>Show the figures of “{title}”</summary>
        <TableScroll label={`Figures of ${title}`}>
          <table className="list">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.label}>{c.value(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
