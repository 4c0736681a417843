import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap, type Schemas } from '../../../../api/client';
import { api } from '../../app/api';
import { allows, useSignedIn } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { InboxSettings } from './InboxSettings';

type Note = Schemas['InAppNotification'];

/** Where a notification's record is shown in the app, if this user may open it. */
function recordLink(record: Note['record'], role: Schemas['User']['role']): string | null {
  if (!record) return null;
  if (record.table === 'bookings') return `/bookings/${record.id}`;
  if (record.table === 'webhook_endpoints' && allows(role, 'admin')) return `/webhooks/${record.id}`;
  return null;
}

/** The signed-in user's own notifications: read, mark read, clear; and which events notify them. */
export default function InboxPage() {
  const { user } = useSignedIn();
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const query = { page, limit: 20, ...(unreadOnly ? { unread: 'true' as const } : {}) };
  const notes = useQuery({ queryKey: ['notifications', query], queryFn: () => unwrap(api.GET('/api/notifications', { params: { query } })), placeholderData: keepPreviousData });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/notifications/read-all')), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/notifications/{id}', { params: { path: { id } } })), onSuccess: refresh });
  const failed = read.error ?? readAll.error ?? remove.error;
  const anyUnread = notes.data?.data.some((n) => !n.read_at);

  return (
    <section>
      <h1>Inbox</h1>
      <div className="toolbar">
        <label className="check">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.target.checked);
              setPage(1);
            }}
          />{' '}
          Unread only
        </label>
        <button type="button" className="secondary" disabled={!anyUnread || readAll.isPending} onClick={() => readAll.mutate()}>
          Mark all read
        </button>
      </div>
      {failed ? <ErrorNotice error={failed} /> : null}
      <PagedList
        query={notes}
        loading="Loading notifications"
        empty={unreadOnly ? 'Nothing unread.' : 'No notifications. New widget bookings, cancellations and failing webhooks show up here.'}
        pagerLabel="Notification pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <ul className="inbox">
              {rows.map((n) => {
                const link = recordLink(n.record, user.role);
                return (
                  <li key={n.id} className={n.read_at ? 'read' : 'unread'}>
                    <div>
                      <h2>
                        {n.read_at ? null : <span className="visually-hidden">Unread: </span>}
                        {n.title}
                      </h2>
                      <p>{n.body}</p>
                      <p className="sub">
                        {fmt.at(n.created_at)}
                        {link ? (
                        <>
                            {' · '}
                            <Link to={link}>Open</Link>
                        </>
                        ) : null}
                      </p>
                    </div>
                    <div className="row-actions">
                      {n.read_at ? null : (
                        <button type="button" className="secondary" aria-label={`Mark read: ${n.title}`} onClick={() => read.mutate(n.id)}>
                          Mark read
                        </button>
                      )}
                      <ConfirmButton label="Delete" question={<p>Delete “{n.title}”? It cannot be brought back.</p>} onConfirm={() => remove.mutateAsync(n.id)} className="secondary" />
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </PagedList>
      <InboxSettings />
    </section>
  );
}
