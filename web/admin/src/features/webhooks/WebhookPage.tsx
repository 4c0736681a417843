import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { Deliveries } from './Deliveries';
import { SecretOnce } from './SecretOnce';
import { WebhookForm } from './WebhookForm';

/** One endpoint: enable or disable, its settings, a new secret, removal, and its deliveries with replay. */
export default function WebhookPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  const webhook = useQuery({ queryKey: ['webhooks', id], queryFn: () => unwrap(api.GET('/api/webhooks/{id}', { params: { path: { id } } })) });
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks'] });
  const setActive = useMutation({
    mutationFn: (active: boolean) => unwrap(api.PUT('/api/webhooks/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: async (w) => {
      await refresh();
      setDone(w.active ? 'Endpoint enabled: new events are delivered to it.' : 'Endpoint disabled: nothing is sent to it.');
    },
  });

  if (webhook.isPending) return <Loading label="Loading webhook" />;
  if (webhook.isError) return <ErrorNotice error={webhook.error} onRetry={() => void webhook.refetch()} />;
  const w = webhook.data;

  return (
    <section>
      <p className="crumbs">
        <Link to="/webhooks">Webhooks</Link>
      </p>
      <h1 className="wrap">{w.description || w.url}</h1>
      <Done message={done} />
      {secret ? <SecretOnce secret={secret} onDismiss={() => setSecret(null)} /> : null}
      <p>
        <span className={`badge ${w.active ? 'active' : 'disabled'}`}>{w.active ? 'Enabled' : 'Disabled'}</span>{' '}
        {w.disabled_reason ? <span className="error-text">{w.disabled_reason}</span> : null}
      </p>
      <div className="actions start spaced">
        {w.active ? (
          <ConfirmButton
            label="Disable endpoint"
            confirmLabel="Disable"
            question={<p>Stop sending events to {w.url}? Events that happen while it is disabled are not delivered later.</p>}
            onConfirm={() => setActive.mutateAsync(false)}
          />
        ) : (
          <button type="button" disabled={setActive.isPending} onClick={() => setActive.mutate(true)}>
            Enable endpoint
          </button>
        )}
        <ConfirmButton
          label="Rotate secret"
          confirmLabel="Rotate"
          question={<p>Make a new signing secret? The old one stops signing at once: update your receiver with the new secret right away.</p>}
          onConfirm={async () => {
            const rotated = await unwrap(api.POST('/api/webhooks/{id}/rotate-secret', { params: { path: { id } } }));
            setSecret(rotated.secret);
            setDone(null);
          }}
        />
        <ConfirmButton
          label="Delete endpoint"
          confirmLabel="Delete"
          question={<p>Delete this endpoint and its delivery log? This cannot be undone.</p>}
          onConfirm={async () => {
            await unwrap(api.DELETE('/api/webhooks/{id}', { params: { path: { id } } }));
            // Leave first: refreshing while this page still watches the endpoint would ask for it (a 404).
            await navigate('/webhooks');
            client.removeQueries({ queryKey: ['webhooks', id] });
            await refresh();
          }}
        />
      </div>
      {setActive.isError ? <ErrorNotice error={setActive.error} /> : null}
      <WebhookForm key={w.updated_at} webhook={w} onSaved={() => setDone('Endpoint saved.')} />
      <Deliveries webhookId={w.id} />
    </section>
  );
}
