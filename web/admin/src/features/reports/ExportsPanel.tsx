import { localDate } from '../../../../shared/format';
import { DownloadLink } from './DownloadLink';

const DATASETS = [
  { id: 'bookings', name: 'Bookings', dates: 'booked for' },
  { id: 'customers', name: 'Customers', dates: 'created' },
  { id: 'payments', name: 'Payments', dates: 'made' },
  { id: 'gift_cards', name: 'Gift cards', dates: 'issued' },
] as const;

/** Whole datasets as files (streamed by the server, whatever their size), for the period chosen above. */
export function ExportsPanel({ from, to }: { from: string; to: string }) {
  const href = (dataset: string, format: 'csv' | 'json') => `/api/exports/${dataset}?${new URLSearchParams({ format, from, to }).toString()}`;
  return (
    <section aria-labelledby="exports-title" className="card exports">
      <h2 id="exports-title">Exports</h2>
      {from > to ? (
        <p className="muted">Choose a period that ends after it starts to export its rows.</p>
      ) : (
        <>
          <p className="muted">
            Every row {localDate(from, 'short')} – {localDate(to, 'short')}, as a spreadsheet (CSV) or JSON.
          </p>
          <ul>
            {DATASETS.map((d) => (
              <li key={d.id}>
                <span>
                  {d.name} <span className="muted">({d.dates} in the period)</span>
                </span>
                <span className="downloads">
                  <DownloadLink href={href(d.id, 'csv')} label={`${d.name} as CSV`}>
                    CSV
                  </DownloadLink>
                  <DownloadLink href={href(d.id, 'json')} label={`${d.name} as JSON`}>
                    JSON
                  </DownloadLink>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
