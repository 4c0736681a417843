import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { SelectField } from '../../ui/Inputs';
import { Done, ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { PagedList } from '../../ui/PagedList';
import { DELIVERY_STATUSES } from './events';

type Status = keyof typeof DELIVERY_STATUSES;

/** An endpoint's deliveries, newest first, with the receiver's answer; any can be replayed (same webhook-id). */
export function Deliveries({ webhookId }: { webhookId: string }) {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status | ''>('');
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const query = { page, limit: 20, ...(status ? { status } : {}) };
  const deliveries = useQuery({
    queryKey: ['webhooks', webhookId, 'deliveries', query],
    queryFn: () => unwrap(api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id: webhookId }, query } })),
    placeholderData: keepPreviousData,
  });
  const replay = useMutation({
    mutationFn: (delivery_id: string) => unwrap(api.POST('/api/webhooks/{id}/deliveries/{delivery_id}/replay', { params: { path: { id: webhookId, delivery_id } } })),
    onSuccess: async (d) => {
      await client.invalidateQueries({ queryKey: ['webhooks', webhookId, 'deliveries'] });
      setDone(`${d.type} will be sent again.`);
    },
  });

  return (
    <section className="block" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries</h2>
      <form className="toolbar" aria-label="Filter deliveries" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Delivery status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status | '');
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
      </form>
      <Done message={done} />
      {replay.isError ? <ErrorNotice error={replay.error} /> : null}
      <PagedList
        query={deliveries}
        loading="Loading deliveries"
        empty="Nothing delivered yet: events this endpoint subscribes to appear here."
        pagerLabel="Delivery pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.id}>
                      <td>{fmt.at(d.delivered_at ?? d.created_at)}</td>
                      <td>
                        <code>{d.type}</code>
                        <span className="sub">{d.event_id}</span>
                      </td>
                      <td>
                        <span className={`badge ${d.status}`}>{DELIVERY_STATUSES[d.status]}</span>
                        {d.response_status ? <span className="sub">HTTP {d.response_status}</span> : null}
                        {d.last_error ? <span className="sub error-text">{d.last_error}</span> : null}
                        {d.status === 'pending' && d.next_attempt_at ? <span className="sub">next try {fmt.at(d.next_attempt_at)}</span> : null}
                      </td>
                      <td>{d.attempts}</td>
                      <td>
                        <button type="button" className="secondary" aria-label={`Replay ${d.type} ${d.event_id}`} disabled={replay.isPending} onClick={() => replay.mutate(d.id)}>
                          Replay
                        </button>
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
