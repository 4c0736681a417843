import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { allows, useSignedIn } from '../../app/session';
import { SelectField } from '../../ui/Inputs';
import { Done, Empty } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { KINDS, METHODS, STATUSES, type Kind, type Method, type Status } from './labels';
import { RefundForm } from './RefundForm';

type Payment = Schemas['Payment'];
interface Filters {
  method: Method | '';
  status: Status | '';
  kind: Kind | '';
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { method: '', status: '', kind: '', from: '', to: '' };

/** Every payment and refund of the organization, filtered; managers refund from here. */
export default function PaymentsPage() {
  const { user } = useSignedIn();
  const fmt = useOrgFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayRefund = allows(user.role, 'manager');

  const query = {
    page,
    limit: 25,
    ...(filters.method ? { method: filters.method } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const payments = useQuery({
    queryKey: ['payments', query],
    queryFn: () => unwrap(api.GET('/api/payments', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  const clear = () => {
    setFilters(NO_FILTERS);
    setPage(1);
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <section>
      <h1>Payments</h1>
      <form className="toolbar" aria-label="Filter payments" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Method" value={filters.method} onChange={(e) => set('method', e.target.value as Method | '')}>
          <option value="">Any method</option>
          {Object.entries(METHODS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Kind" value={filters.kind} onChange={(e) => set('kind', e.target.value as Kind | '')}>
          <option value="">Payments and refunds</option>
          {Object.entries(KINDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}s
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" value={filters.status} onChange={(e) => set('status', e.target.value as Status | '')}>
          <option value="">Any status</option>
          {Object.entries(STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        <Field label="To" type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        {filtered ? (
          <button type="button" className="secondary" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </form>

      <Done message={done} />
      {refunding ? (
        <RefundForm
          payment={refunding}
          onDone={(refund) => {
            setRefunding(null);
            setDone(refund ? `Refunded ${fmt.money(refund.amount_cents)}.` : null);
          }}
        />
      ) : null}

      <PagedList
        query={payments}
        loading="Loading payments"
        empty={
          <Empty message={filtered ? 'No payments match these filters.' : 'No payments yet. Payments recorded on a booking, online payments and refunds appear here.'}>
            {filtered ? (
              <button type="button" className="secondary" onClick={clear}>
                Clear filters
              </button>
            ) : null}
          </Empty>
        }
        pagerLabel="Payment pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list payments">
                <caption className="visually-hidden">Payments and refunds, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Booking</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Method</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Status</th>
                    {mayRefund ? <th scope="col">Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => {
                    const left = p.amount_cents - p.refunded_cents;
                    const refundable = p.kind === 'payment' && p.status === 'succeeded' && left > 0;
                    return (
                      <tr key={p.id}>
                        <td>{fmt.at(p.created_at)}</td>
                        <td>
                          <Link to={`/bookings/${p.booking_id}`}>View booking</Link>
                        </td>
                        <td>{KINDS[p.kind]}</td>
                        <td>{METHODS[p.method]}</td>
                        <td className="amount">
                          {p.kind === 'refund' ? '−' : ''}
                          {fmt.money(p.amount_cents)}
                          {p.kind === 'payment' && p.refunded_cents > 0 ? <span className="sub">{fmt.money(p.refunded_cents)} refunded</span> : null}
                        </td>
                        <td>
                          <span className={`badge ${p.status}`}>{STATUSES[p.status]}</span>
                          {p.reason ? <span className="sub">{p.reason}</span> : null}
                        </td>
                        {mayRefund ? (
                          <td>
                            {refundable ? (
                              <button type="button" className="secondary" aria-label={`Refund ${fmt.money(p.amount_cents)} of ${fmt.at(p.created_at)}`} onClick={() => setRefunding(p)}>
                                Refund
                              </button>
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </PagedList>
    </section>
  );
}
