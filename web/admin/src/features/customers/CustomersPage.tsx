import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { count } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { SelectField } from '../../ui/Inputs';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { useOrgFormat } from '../../ui/orgFormat';
import { NewCustomer } from './NewCustomer';
import { SEGMENT_NAMES, SEGMENTS, type Segment } from './segments';
import { TableScroll } from '../../ui/TableScroll';

const PAGE_SIZE = 20;

/** Customers: search by name, email or phone, filter by segment, page through, add one. */
export default function CustomersPage() {
  const { organization } = useSignedIn();
  const { money } = useOrgFormat();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const segment = (search.get('segment') ?? '') as Segment | '';
  const page = Number(search.get('page') ?? '1') || 1;
  const [typed, setTyped] = useState(q);
  const [adding, setAdding] = useState(false);

  const update = (changes: Record<string, string>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  const query = { page, limit: PAGE_SIZE, ...(q ? { q } : {}), ...(segment ? { segment } : {}) };
  const customers = useQuery({
    queryKey: ['customers', query],
    queryFn: () => unwrap(api.GET('/api/customers', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: typed.trim(), page: '' });
  };
  const zone = organization?.timezone ?? 'UTC';
  const dateOf = (iso: string | null) => (iso ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: zone }).format(new Date(iso)) : '–');

  return (
    <section className="customers">
      <div className="page-head">
        <h1>Customers</h1>
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          New customer
        </button>
      </div>
      {adding ? <NewCustomer onClose={() => setAdding(false)} /> : null}
      <form className="toolbar" role="search" onSubmit={submit}>
        <Field label="Search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} hint="Name, email or phone" />
        <button type="submit" className="secondary">
          Search
        </button>
        <SelectField label="Segment" value={segment} onChange={(e) => update({ segment: e.target.value, page: '' })}>
          <option value="">All segments</option>
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {SEGMENT_NAMES[s]}
            </option>
          ))}
        </SelectField>
      </form>
      {customers.isError ? (
        <ErrorNotice error={customers.error} onRetry={() => void customers.refetch()} />
      ) : !customers.data ? (
        <Loading label="Loading customers" />
      ) : customers.data.data.length === 0 ? (
        <Empty message={q || segment ? 'No customer matches this search.' : 'No customers yet. They appear with their first booking, or add one.'}>
          {q || segment ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setTyped('');
                update({ q: '', segment: '', page: '' });
              }}
            >
              Show all customers
            </button>
          ) : null}
        </Empty>
      ) : (
        <div className={customers.isPlaceholderData ? 'stale' : undefined}>
          <TableScroll label="Customers table">
            <table className="list stack">
              <caption className="visually-hidden">Customers, page {customers.data.page}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Segment</th>
                  <th scope="col">Bookings</th>
                  <th scope="col">Lifetime value</th>
                  <th scope="col">Last booking</th>
                </tr>
              </thead>
              <tbody>
                {customers.data.data.map((c) => (
                  <tr key={c.id}>
                    <td data-label="Name">
                      <Link to={`/customers/${c.id}`}>{c.full_name}</Link>
                    </td>
                    <td data-label="Email">{c.email ?? '–'}</td>
                    <td data-label="Phone">{c.phone ?? '–'}</td>
                    <td data-label="Segment">
                      <span className={`badge segment-${c.segment}`}>{SEGMENT_NAMES[c.segment]}</span>
                    </td>
                    <td data-label="Bookings">{count(c.total_bookings)}</td>
                    <td data-label="Lifetime value">{money(c.lifetime_value_cents)}</td>
                    <td data-label="Last booking">{dateOf(c.last_booking_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager info={customers.data} onPage={(p) => update({ page: String(p) })} label="Customer pages" />
        </div>
      )}
    </section>
  );
}
