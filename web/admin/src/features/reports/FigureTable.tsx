import type { ReactNode } from 'react';
import { TableScroll } from '../../ui/TableScroll';

export interface Column<Row> {
  label: string;
  value: (row: Row) => ReactNode;
}

/** A titled table of report figures; the first column names the row (a row header). Says so when there are no rows. */
export function FigureTable<Row>({ title, rows, columns, rowKey, empty }: { title: string; rows: Row[]; columns: Column<Row>[]; rowKey: (row: Row) => string; empty: string }) {
  return (
    <section className="figure-table">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <TableScroll label={title}>
          <table className="list numbers">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.label}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th scope="row" key={c.label}>
                        {c.value(row)}
                      </th>
                    ) : (
                      <td key={c.label}>{c.value(row)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
