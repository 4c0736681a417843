import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { asApiError, unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { localDate, money } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useLiveInvalidate } from '../../app/live';
import { SelectField } from '../../ui/Inputs';
import { Done, Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { commaLists, paymentLabel, STATUSES, statusLabel, useGames, useVenues, type BookingStatus } from './api';
import { StatusFilter } from './StatusFilter';

interface Filters {
  q: string;
  status: BookingStatus[];
  venue_id: string;
  game_id: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { q: '', status: [], venue_id: '', game_id: '', from: '', to: '' };

/** Only the filters that are set: the API rejects empty strings for ids and dates. */
function query(f: Filters, page: number) {
  return {
    page,
    limit: 20,
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.venue_id ? { venue_id: f.venue_id } : {}),
    ...(f.game_id ? { game_id: f.game_id } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** Every booking, searched and filtered, with a batch status change for the selected rows. */
export default function BookingsPage() {
  const client = useQueryClient();
  const venues = useVenues();
  const games = useGames();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [batchStatus, setBatchStatus] = useState<BookingStatus>('confirmed');
  const [done, setDone] = useState<string | null>(null);
  useLiveInvalidate(['booking.', 'payment.'], [['bookings']]);

  const list = useQuery({
    queryKey: ['bookings', 'list', filters, page],
    queryFn: () => unwrap(api.GET('/api/bookings', { params: { query: query(filters, page) }, querySerializer: commaLists })),
    placeholderData: keepPreviousData,
  });

  const batch = useMutation({
    mutationFn: () => unwrap(api.POST('/api/bookings/batch-status', { body: { ids: [...selected], status: batchStatus } })),
    onSuccess: (result) => {
      const failed = result.failed.length ? ` ${result.failed.length} could not: ${result.failed.map((f) => f.message).join('; ')}` : '';
      setDone(`${result.updated.length} booking${result.updated.length === 1 ? '' : 's'} set to ${statusLabel(batchStatus)}.${failed}`);
      setSelected(new Set());
      void client.invalidateQueries({ queryKey: ['bookings'] });
    },
  });

  const rows = list.data?.data ?? [];
  const listError = list.error ? asApiError(list.error) : null;
  const allSelected = rows.length > 0 && rows.every((b) => selected.has(b.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section>
      <h1>Bookings</h1>
      <form
        className="toolbar filters"
        role="search"
        aria-label="Find bookings"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setPage(1);
          setSelected(new Set());
        }}
      >
        <Field label="Search" type="search" hint="Name, email or booking number" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} error={listError?.field('q')} />
        <StatusFilter value={draft.status} onChange={(status) => setDraft({ ...draft, status })} />
        <SelectField label="Venue" value={draft.venue_id} onChange={(e) => setDraft({ ...draft, venue_id: e.target.value })}>
          <option value="">All venues</option>
          {venues.data?.data.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Game" value={draft.game_id} onChange={(e) => setDraft({ ...draft, game_id: e.target.value })}>
          <option value="">All games</option>
          {games.data?.data.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} error={listError?.field('from')} />
        <Field label="To" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} error={listError?.field('to')} />
        <div className="actions">
          <button type="submit">Apply filters</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
              setPage(1);
            }}
          >
            Clear
          </button>
          <Link to="/bookings/new" className="button-link">
            New booking
          </Link>
        </div>
      </form>

      <Done message={done} />
      {selected.size > 0 ? (
        <div className="toolbar batch" role="group" aria-label="Selected bookings">
          <span>{selected.size} selected</span>
          <SelectField label="New status" value={batchStatus} onChange={(e) => setBatchStatus(e.target.value as BookingStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </SelectField>
          <button type="button" onClick={() => batch.mutate()} disabled={batch.isPending} aria-busy={batch.isPending}>
            {batch.isPending ? 'Changing…' : 'Change status'}
          </button>
          {batch.isError ? <ErrorNotice error={batch.error} /> : null}
        </div>
      ) : null}

      {list.isPending ? (
        <Loading label="Loading bookings" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty message={filters === NO_FILTERS ? 'No bookings yet.' : 'No booking matches these filters.'}>
          <Link to="/bookings/new">Make a booking</Link>
        </Empty>
      ) : (
        <>
          <div className="table-scroll">
            <table className="list bookings" aria-busy={list.isFetching}>
              <thead>
                <tr>
                  <th scope="col">
                    <input type="checkbox" aria-label="Select all on this page" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((b) => b.id)))} />
                  </th>
                  <th scope="col">Booking</th>
                  <th scope="col">When</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Game</th>
                  <th scope="col">Status</th>
                  <th scope="col">Payment</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${b.booking_number}`} checked={selected.has(b.id)} onChange={() => toggle(b.id)} />
                    </td>
                    <td>
                      <Link to={`/bookings/${b.id}`}>{b.booking_number}</Link>
                    </td>
                    <td>
                      {localDate(b.booking_date, 'short')} {b.start_time}
                    </td>
                    <td>{b.customer.full_name}</td>
                    <td>
                      {b.game.name} · {b.party_size}
                    </td>
                    <td>
                      <span className={`status ${b.status}`}>{statusLabel(b.status)}</span>
                    </td>
                    <td>
                      {paymentLabel(b.payment_status)} · {money(b.final_amount, b.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager info={list.data} onPage={setPage} label="Booking pages" />
        </>
      )}
    </section>
  );
}
