import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { EventChecks } from './EventChecks';
import type { WebhookEvent } from './events';

type Webhook = Schemas['Webhook'];

/**
 * Adds an endpoint or changes one: URL, description, events. The API refuses URLs that are not http(s) or that
 * resolve inside the network; its reason shows under the URL.
 */
export function WebhookForm({ webhook, onSaved, onCancel }: { webhook: Webhook | null; onSaved: (w: Webhook & { secret?: string }) => void; onCancel?: () => void }) {
  const client = useQueryClient();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ['booking.created', 'booking.cancelled']);

  const save = useMutation({
    mutationFn: () => {
      const body = { url: url.trim(), description: description.trim(), events };
      return webhook ? unwrap(api.PUT('/api/webhooks/{id}', { params: { path: { id: webhook.id } }, body })) : unwrap(api.POST('/api/webhooks', { body }));
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['webhooks'] });
      onSaved(saved);
    },
  });
  const err = save.error ? asApiError(save.error) : null;
  const eventsError = err ? Object.entries(err.fields).find(([path]) => /(^|\.)events(\.|$)/.test(path))?.[1] : undefined;
  const placed = err?.field('url') || err?.field('description') || eventsError;

  return (
    <form
      className="card"
      aria-labelledby="webhook-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <h2 id="webhook-form-heading">{webhook ? 'Endpoint settings' : 'Add an endpoint'}</h2>
      {err && !placed ? (
        <p className="form-error" role="alert">
          {err.message}
        </p>
      ) : null}
      <Field label="URL" type="url" inputMode="url" autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value)} hint="https://… on the public internet: we POST signed JSON there" error={err?.field('url')} />
      <Field label="Description" value={description} onChange={(e) => setDescription(e.target.value)} hint="Optional: what receives it" error={err?.field('description')} />
      <EventChecks value={events} onChange={setEvents} error={eventsError} />
      <div className="actions">
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : webhook ? 'Save endpoint' : 'Add endpoint'}
        </button>
      </div>
    </form>
  );
}
