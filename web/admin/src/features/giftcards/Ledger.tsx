import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { LEDGER_KINDS } from './labels';

/** The card's append-only ledger, newest first: every line with the balance after it. */
export function Ledger({ id }: { id: string }) {
  const fmt = useOrgFormat();
  const [page, setPage] = useState(1);
  const ledger = useQuery({
    queryKey: ['gift-card-ledger', id, page],
    queryFn: () => unwrap(api.GET('/api/gift-cards/{id}/transactions', { params: { path: { id }, query: { page, limit: 20 } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <section className="block" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Ledger</h2>
      <PagedList query={ledger} loading="Loading the ledger" empty="No ledger lines." pagerLabel="Ledger pages" onPage={setPage}>
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Balance after</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((t) => (
                    <tr key={t.id}>
                      <td>{fmt.at(t.created_at)}</td>
                      <td>
                        {LEDGER_KINDS[t.kind]}
                        {t.reason ? <span className="sub">{t.reason}</span> : null}
                        {t.booking_id ? (
                          <span className="sub">
                            <Link to={`/bookings/${t.booking_id}`}>View booking</Link>
                          </span>
                        ) : null}
                      </td>
                      <td className="amount">
                        {t.amount_cents > 0 ? '+' : '−'}
                        {fmt.money(Math.abs(t.amount_cents))}
                      </td>
                      <td className="amount">{fmt.money(t.balance_after_cents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </PagedList>
    </section>
  );
}
