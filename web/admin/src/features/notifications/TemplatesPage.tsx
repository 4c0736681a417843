import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { SelectField } from '../../ui/Inputs';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { useOrgFormat } from '../../ui/orgFormat';
import { CHANNELS, TEMPLATE_EVENTS, type Channel, type TemplateEvent } from './labels';
import { MessagesNav } from './MessagesNav';

/** The organization's message templates per event, channel and locale (admins); each opens to edit and preview. */
export default function TemplatesPage() {
  const fmt = useOrgFormat();
  const [event, setEvent] = useState<TemplateEvent | ''>('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const query = { limit: 100, ...(event ? { event } : {}), ...(channel ? { channel } : {}) };
  const templates = useQuery({ queryKey: ['notification-templates', query], queryFn: () => unwrap(api.GET('/api/notification-templates', { params: { query } })) });

  return (
    <section>
      <div className="page-head">
        <h1>Messages</h1>
        <Link className="button" to="/notifications/templates/new">
          New template
        </Link>
      </div>
      <MessagesNav />
      <p className="lead">What customers receive by email and SMS, in Liquid: placeholders such as {'{{ customer.full_name }}'} are filled in when a message is sent.</p>
      <form className="toolbar" aria-label="Filter templates" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Event" value={event} onChange={(e) => setEvent(e.target.value as TemplateEvent | '')}>
          <option value="">Every event</option>
          {Object.entries(TEMPLATE_EVENTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
          <option value="">Email and SMS</option>
          {Object.entries(CHANNELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </form>
      {templates.isPending ? (
        <Loading label="Loading templates" />
      ) : templates.isError ? (
        <ErrorNotice error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.data.length === 0 ? (
        <Empty message="No templates here: messages for these events use the built-in text.">
          <Link to="/notifications/templates/new">Write one</Link>
        </Empty>
      ) : (
        <div className="table-scroll">
          <table className="list">
            <caption className="visually-hidden">Message templates</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Channel</th>
                <th scope="col">Language</th>
                <th scope="col">Subject</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {templates.data.data.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/notifications/templates/${t.id}`} aria-label={`${TEMPLATE_EVENTS[t.event]}, ${CHANNELS[t.channel]}, ${t.locale}`}>
                      {TEMPLATE_EVENTS[t.event]}
                    </Link>
                    {t.active ? null : <span className="sub">off: not sent</span>}
                  </td>
                  <td>{CHANNELS[t.channel]}</td>
                  <td>{t.locale}</td>
                  <td>{t.subject ?? '—'}</td>
                  <td>{fmt.at(t.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
