import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap, type Schemas } from '../../../../api/client';
import { api } from '../../app/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done } from '../../ui/Notice';
import { CopyButton } from './CopyButton';

/** The snippet an operator pastes into their website, the direct booking link, and rotating the key behind both. */
export function EmbedCode({ venue, canManage }: { venue: Schemas['Venue']; canManage: boolean }) {
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const origin = window.location.origin;
  const snippet = `<script src="${origin}/widget.js" data-embed-key="${venue.embed_key}"></script>`;
  const link = `${origin}/book/${venue.embed_key}`;
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/venues/{id}/rotate-embed-key', { params: { path: { id: venue.id } } })),
    onSuccess: (saved) => {
      client.setQueryData(['venues', venue.id], saved);
      void client.invalidateQueries({ queryKey: ['venues'] });
      setDone('The venue has a new embed key. Update the code on your website.');
    },
  });
  return (
    <section className="card" aria-labelledby="embed-title">
      <h2 id="embed-title">Booking widget</h2>
      <p>Paste this where the booking widget should appear on your website:</p>
      <pre className="code" aria-label="Embed code">
        <code>{snippet}</code>
      </pre>
      <div className="actions start">
        <CopyButton text={snippet} label="Copy embed code" />
      </div>
      <p>
        Or link to the booking page:{' '}
        <a href={link} target="_blank" rel="noreferrer">
          {link}
        </a>
      </p>
      <div className="actions start">
        <CopyButton text={link} label="Copy booking link" />
        {canManage ? (
          <ConfirmButton
            label="Rotate embed key"
            question="The widget on your website and the booking link stop working until you paste the new code. Continue?"
            onConfirm={() => rotate.mutateAsync()}
          />
        ) : null}
      </div>
      <Done message={done} />
    </section>
  );
}
