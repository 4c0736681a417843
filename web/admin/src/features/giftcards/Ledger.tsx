import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { useOrgFormat } from '../../ui/orgFormat';
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
      {ledger.isPending ? (
        <Loading label="Loading the ledger" />
      ) : ledger.isError ? (
        <ErrorNotice error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : ledger.data.data.length === 0 ? (
        <Empty message="No ledger lines." />
      ) : (
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
                {ledger.data.data.map((t) => (
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
          <Pager info={ledger.data} onPage={setPage} label="Ledger pages" />
        </>
      )}
    </section>
  );
}
