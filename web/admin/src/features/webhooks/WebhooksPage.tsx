import { PagedList } from '../../ui/PagedList';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { SecretOnce } from './SecretOnce';
import { WebhookForm } from './WebhookForm';

/** Outgoing webhook endpoints (admins): what each receives and whether it works; add one (its secret shown once). */
export default function WebhooksPage() {
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const webhooks = useQuery({ queryKey: ['webhooks', { page }], queryFn: () => unwrap(api.GET('/api/webhooks', { params: { query: { page, limit: 25 } } })) });

  return (
    <section>
      <div className="page-head">
        <h1>Webhooks</h1>
        {adding ? null : (
          <button type="button" onClick={() => setAdding(true)}>
            Add endpoint
          </button>
        )}
      </div>
      <p className="lead">Your other tools get a signed POST (Standard Webhooks) when bookings, payments and customers change.</p>
      {created ? (
        <>
          <SecretOnce secret={created.secret} onDismiss={() => setCreated(null)} />
          <p>
            <Link to={`/webhooks/${created.id}`}>Open the new endpoint</Link>
          </p>
        </>
      ) : null}
      {adding ? (
        <WebhookForm
          webhook={null}
          onCancel={() => setAdding(false)}
          onSaved={(w) => {
            setAdding(false);
            if (w.secret) setCreated({ id: w.id, secret: w.secret });
          }}
        />
      ) : null}
      <PagedList
        query={webhooks}
        loading="Loading webhooks"
        empty="No endpoints yet. Add the URL of a tool that should hear about new bookings."
        pagerLabel="Webhook pages"
        onPage={setPage}
      >
        {(rows) => (
          <>
            <div className="table-scroll">
              <table className="list">
                <caption className="visually-hidden">Webhook endpoints</caption>
                <thead>
                  <tr>
                    <th scope="col">Endpoint</th>
                    <th scope="col">Events</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((w) => (
                    <tr key={w.id}>
                      <td className="wrap">
                        <Link to={`/webhooks/${w.id}`}>{w.url}</Link>
                        {w.description ? <span className="sub">{w.description}</span> : null}
                      </td>
                      <td>{w.events.join(', ')}</td>
                      <td>
                        <span className={`badge ${w.active ? 'active' : 'disabled'}`}>{w.active ? 'Enabled' : 'Disabled'}</span>
                        {w.disabled_reason ? <span className="sub error-text">{w.disabled_reason}</span> : null}
                        {w.active && w.failure_streak ? <span className="sub error-text">{w.failure_streak} failed in a row</span> : null}
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
