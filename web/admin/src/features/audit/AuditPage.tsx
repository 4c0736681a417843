import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { instantIn } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { SelectField } from '../../ui/Inputs';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { AuditEntry } from './AuditEntry';

// The tables whose changes people ask about; the filter also takes no table (everything).
const TABLES = ['bookings', 'customers', 'payments', 'venues', 'games', 'users', 'organizations', 'coupons', 'gift_cards', 'notification_templates', 'webhooks'];

/** A calendar date's midnight in the organization's zone (DST included), as the instant the API filters by. */
function startOf(date: string, zone: string, plusDays = 0): string {
  return DateTime.fromISO(date, { zone }).plus({ days: plusDays }).toISO() ?? date;
}

/** Every change to the organization's data: who, what, before and after (admins only). */
export default function AuditPage() {
  const { organization } = useSignedIn();
  const zone = organization?.timezone ?? 'UTC';
  const [filters, setFilters] = useState({ table: '', action: '', actor: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const setFilter = (patch: Partial<typeof filters>) => {
    setFilters((prev) => ({ ...prev, ...patch }));
    setPage(1);
  };
  const users = useQuery({
    queryKey: ['users', { all: true }],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 100 } } })),
  });
  const query = {
    page,
    limit: 20,
    ...(filters.table ? { table: filters.table } : {}),
    ...(filters.action ? { action: filters.action as 'insert' | 'update' | 'delete' } : {}),
    ...(filters.actor ? { actor_id: filters.actor } : {}),
    ...(filters.from ? { from: startOf(filters.from, zone) } : {}),
    // The "to" date is inclusive for the reader: up to the next day's midnight.
    ...(filters.to ? { to: startOf(filters.to, zone, 1) } : {}),
  };
  const log = useQuery({
    queryKey: ['audit-logs', query],
    queryFn: () => unwrap(api.GET('/api/audit-logs', { params: { query } })),
    placeholderData: (previous) => previous,
  });
  const names = new Map((users.data?.data ?? []).map((u) => [u.id, u.full_name]));
  const who = (actorId: string | null, role: string | null) =>
    actorId ? (names.get(actorId) ?? `a ${role ?? 'user'}`) : role === 'public' ? 'a customer (widget)' : (role ?? 'the system');

  return (
    <section>
      <h1>Audit log</h1>
      <form className="toolbar" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Table" value={filters.table} onChange={(e) => setFilter({ table: e.target.value })}>
          <option value="">All tables</option>
          {TABLES.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" value={filters.action} onChange={(e) => setFilter({ action: e.target.value })}>
          <option value="">All actions</option>
          <option value="insert">Created</option>
          <option value="update">Changed</option>
          <option value="delete">Deleted</option>
        </SelectField>
        <SelectField label="User" value={filters.actor} onChange={(e) => setFilter({ actor: e.target.value })}>
          <option value="">Everyone</option>
          {(users.data?.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.full_name}
            </option>
          ))}
        </SelectField>
        <Field label="From" type="date" value={filters.from} onChange={(e) => setFilter({ from: e.target.value })} />
        <Field label="To" type="date" value={filters.to} onChange={(e) => setFilter({ to: e.target.value })} />
      </form>
      <p className="field-hint">Dates are in the organization’s time zone, {zone}.</p>
      {log.isPending ? <Loading label="Loading the audit log" /> : null}
      {log.isError ? <ErrorNotice error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data && log.data.data.length === 0 ? <Empty message="No changes match these filters." /> : null}
      {log.data && log.data.data.length > 0 ? (
        <>
          <ol className="audit-list" aria-busy={log.isFetching}>
            {log.data.data.map((entry) => (
              <AuditEntry key={entry.id} entry={entry} who={who(entry.actor_id, entry.actor_role)} when={instantIn(entry.occurred_at, zone)} />
            ))}
          </ol>
          <Pager info={log.data} onPage={setPage} label="Audit log pages" />
        </>
      ) : null}
    </section>
  );
}
