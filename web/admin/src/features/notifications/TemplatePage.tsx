import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { CHANNELS, TEMPLATE_EVENTS } from './labels';
import { Preview } from './Preview';
import { TemplateForm } from './TemplateForm';

type Template = Awaited<ReturnType<typeof loadTemplate>>;

function loadTemplate(id: string) {
  return unwrap(api.GET('/api/notification-templates/{id}', { params: { path: { id } } }));
}

/** One template: edit (the API validates Liquid and names the line), preview with sample data, reset to built-in. */
export default function TemplatePage() {
  const { id = '' } = useParams();
  const isNew = id === 'new';
  const template = useQuery({ queryKey: ['notification-templates', id], queryFn: () => loadTemplate(id), enabled: !isNew });

  if (isNew) return <Editor template={null} />;
  if (template.isPending) return <Loading label="Loading template" />;
  if (template.isError) return <ErrorNotice error={template.error} onRetry={() => void template.refetch()} />;
  return <Editor key={template.data.id} template={template.data} />;
}

function Editor({ template }: { template: Template | null }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);

  const preview = useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/notification-templates/{id}/preview', { params: { path: { id } } })) });
  const reset = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/notification-templates/{id}', { params: { path: { id } } })),
    // Leave first: refreshing while this page still watches the deleted template would ask for it (a 404).
    onSuccess: async (_, id) => {
      await navigate('/notifications');
      client.removeQueries({ queryKey: ['notification-templates', id] });
      await client.invalidateQueries({ queryKey: ['notification-templates'] });
    },
  });

  return (
    <section>
      <p className="crumbs">
        <Link to="/notifications">Messages</Link>
      </p>
      <h1>{template ? `${TEMPLATE_EVENTS[template.event]} (${CHANNELS[template.channel]}, ${template.locale})` : 'New template'}</h1>
      <Done message={done} />
      <div className="editor">
        <TemplateForm
          template={template}
          onSaved={async (saved) => {
            await client.invalidateQueries({ queryKey: ['notification-templates'] });
            if (!template) await navigate(`/notifications/templates/${saved.id}`, { replace: true });
            else setDone('Template saved. Messages from now on use it.');
            preview.reset();
          }}
        />
        {template ? (
          <section className="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">Preview</h2>
            <p className="field-hint">The saved template, filled in with sample data.</p>
            <div className="actions start spaced">
              <button type="button" className="secondary" disabled={preview.isPending} aria-busy={preview.isPending} onClick={() => preview.mutate(template.id)}>
                {preview.isPending ? 'Rendering…' : 'Preview'}
              </button>
              <ConfirmButton
                label="Reset to built-in text"
                confirmLabel="Reset"
                question={<p>Delete this template? Messages for this event then use the built-in text again. Your wording is lost.</p>}
                onConfirm={() => reset.mutateAsync(template.id)}
              />
            </div>
            {preview.isError ? <ErrorNotice error={preview.error} /> : null}
            {preview.data ? <Preview rendered={preview.data} /> : null}
          </section>
        ) : null}
      </div>
    </section>
  );
}
