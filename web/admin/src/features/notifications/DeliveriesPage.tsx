import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { SelectField } from '../../ui/Inputs';
import { Done, ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { CHANNELS, DELIVERY_STATUSES, eventLabel, type Channel, type DeliveryStatus } from './labels';
import { MessagesNav } from './MessagesNav';

/** The delivery log: every message with its status, attempts and last error; a failed one can be sent again. */
export default function DeliveriesPage() {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);

  const query = { page, limit: 25, ...(status ? { status } : {}), ...(channel ? { channel } : {}) };
  const deliveries = useQuery({
    queryKey: ['notification-deliveries', query],
    queryFn: () => unwrap(api.GET('/api/notification-deliveries', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notification-deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: async (d) => {
      await client.invalidateQueries({ queryKey: ['notification-deliveries'] });
      setDone(`The message to ${d.to} is queued again.`);
    },
  });

  return (
    <section>
      <h1>Messages</h1>
      <MessagesNav />
      <form className="toolbar" aria-label="Filter deliveries" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as DeliveryStatus | '');
            setPage(1);
          }}
        >
          <option value="">Any status</option>
          {Object.entries(DELIVERY_STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Channel"
          value={channel}
          onChange={(e) => {
            setChannel(e.target.value as Channel | '');
            setPage(1);
          }}
        >
          <option value="">Email and SMS</option>
          {Object.entries(CHANNELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </form>
      <Done message={done} />
      {retry.isError ? <ErrorNotice error={retry.error} /> : null}
      <PagedList
        query={deliveries}
        loading="Loading the delivery log"
        empty={status || channel ? 'No messages match these filters.' : 'No messages sent yet. Confirmations, reminders and receipts appear here as bookings come in.'}
        pagerLabel="Delivery pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list">
                <caption className="visually-hidden">Message deliveries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Message</th>
                    <th scope="col">To</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.id}>
                      <td>{fmt.at(d.sent_at ?? d.created_at)}</td>
                      <td>
                        {eventLabel(d.event)} <span className="sub">{CHANNELS[d.channel]}</span>
                        {d.booking_id ? (
                          <span className="sub">
                            <Link to={`/bookings/${d.booking_id}`}>View booking</Link>
                          </span>
                        ) : null}
                      </td>
                      <td className="wrap">{d.to}</td>
                      <td>
                        <span className={`badge ${d.status}`}>{DELIVERY_STATUSES[d.status]}</span>
                        {d.last_error ? <span className="sub error-text">{d.last_error}</span> : null}
                      </td>
                      <td>{d.attempts}</td>
                      <td>
                        {d.status === 'failed' ? (
                          <button type="button" className="secondary" aria-label={`Retry the message to ${d.to}`} disabled={retry.isPending} onClick={() => retry.mutate(d.id)}>
                            Retry
                          </button>
                        ) : null}
                      </td>
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
