import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { SelectField, TextAreaField } from '../../ui/Inputs';
import { CHANNELS, TEMPLATE_EVENTS, type Channel, type TemplateEvent } from './labels';

interface Template {
  id: string;
  event: TemplateEvent;
  channel: Channel;
  locale: string;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  active: boolean;
}

/**
 * The template's fields. The API validates the Liquid on save (bad syntax, a placeholder the event does not have)
 * and names the line: that message shows under the part it concerns.
 */
export function TemplateForm({ template, onSaved }: { template: Template | null; onSaved: (t: Template) => Promise<void> }) {
  const [event, setEvent] = useState<TemplateEvent>(template?.event ?? 'booking_confirmed');
  const [channel, setChannel] = useState<Channel>(template?.channel ?? 'email');
  const [locale, setLocale] = useState(template?.locale ?? 'en');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [bodyText, setBodyText] = useState(template?.body_text ?? '');
  const [bodyHtml, setBodyHtml] = useState(template?.body_html ?? '');
  const [active, setActive] = useState(template?.active ?? true);
  const email = channel === 'email';

  const placeholders = useQuery({ queryKey: ['notification-templates', 'placeholders'], queryFn: () => unwrap(api.GET('/api/notification-templates/placeholders')), staleTime: Infinity });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        event,
        channel,
        locale: locale.trim(),
        subject: email ? subject : null,
        body_text: bodyText,
        body_html: email && bodyHtml.trim() ? bodyHtml : null,
        active,
      };
      return template
        ? unwrap(api.PUT('/api/notification-templates/{id}', { params: { path: { id: template.id } }, body }))
        : unwrap(api.POST('/api/notification-templates', { body }));
    },
    onSuccess: (saved) => onSaved(saved),
  });
  const err = save.error ? asApiError(save.error) : null;
  const parts = ['event', 'channel', 'locale', 'subject', 'body_text', 'body_html'];
  const unplaced = err && !parts.some((p) => err.field(p)) ? (err.code === 'already_exists' ? `${err.message} Edit that template instead.` : err.message) : null;
  const offered = placeholders.data?.events.find((e) => e.event === event)?.placeholders ?? [];

  return (
    <form
      className="card template-form"
      aria-label="Template"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      {unplaced ? (
        <p className="form-error" role="alert">
          {unplaced}
        </p>
      ) : null}
      {template ? null : (
        <div className="grid-3">
          <SelectField label="Event" value={event} onChange={(e) => setEvent(e.target.value as TemplateEvent)} error={err?.field('event')}>
            {Object.entries(TEMPLATE_EVENTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)} error={err?.field('channel')}>
            {Object.entries(CHANNELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <Field label="Language" value={locale} onChange={(e) => setLocale(e.target.value)} hint="A language tag: en, de, pt-BR" error={err?.field('locale')} />
        </div>
      )}
      {email ? <Field label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} error={err?.field('subject')} /> : null}
      <TextAreaField
        label={email ? 'Text body' : 'Message'}
        className="code-input"
        rows={10}
        value={bodyText}
        onChange={(e) => setBodyText(e.target.value)}
        hint={email ? 'The plain-text version every mail carries' : 'Keep it short: one SMS is 160 characters'}
        error={err?.field('body_text')}
      />
      {email ? (
        <TextAreaField label="HTML body" className="code-input" rows={10} value={bodyHtml} onChange={(e) => setBodyHtml(e.target.value)} hint="Optional; values are HTML-escaped" error={err?.field('body_html')} />
      ) : null}
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Send this template (off: this message is not sent)
      </label>
      {offered.length ? (
        <details className="placeholders">
          <summary>Placeholders for {TEMPLATE_EVENTS[event].toLowerCase()}</summary>
          <dl>
            {offered.map((p) => (
              <div key={p.name}>
                <dt>
                  <code>{`{{ ${p.name} }}`}</code>
                </dt>
                <dd>{p.example}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save template'}
        </button>
      </div>
    </form>
  );
}
