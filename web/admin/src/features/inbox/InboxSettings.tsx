import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap, type Schemas } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { Done, ErrorNotice } from '../../ui/Notice';

type Settings = Schemas['NotificationSettings'];
type Event = keyof Settings;
type Channel = 'in_app' | 'email';

const EVENTS: Record<Event, string> = {
  'booking.created': 'New booking from the widget',
  'booking.cancelled': 'Booking cancelled',
  'webhook.disabled': 'A webhook endpoint was disabled',
};
const CHANNELS: Record<Channel, string> = { in_app: 'In the app', email: 'By email' };

/** This user's own choice of which events notify them, per channel (absent in the API's answer: on). */
export function InboxSettings() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['notifications', 'settings'], queryFn: () => unwrap(api.GET('/api/notifications/settings')) });
  const [draft, setDraft] = useState<Settings | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Settings) => unwrap(api.PUT('/api/notifications/settings', { body })),
    onSuccess: (saved) => {
      client.setQueryData(['notifications', 'settings'], saved);
      setDraft(null);
      setDone('Notification settings saved.');
    },
  });

  if (settings.isPending) return <Loading label="Loading your notification settings" />;
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  const current = draft ?? settings.data;
  const on = (event: Event, channel: Channel) => current[event]?.[channel] ?? true;
  const set = (event: Event, channel: Channel, value: boolean) => {
    setDone(null);
    setDraft({ ...current, [event]: { ...current[event], [channel]: value } });
  };

  return (
    <form
      className="card settings"
      aria-labelledby="settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(current);
      }}
    >
      <h2 id="settings-heading">Notify me</h2>
      {(Object.keys(EVENTS) as Event[]).map((event) => (
        <fieldset key={event} className="checks inline">
          <legend>{EVENTS[event]}</legend>
          {(Object.keys(CHANNELS) as Channel[]).map((channel) => (
            <label key={channel}>
              <input type="checkbox" checked={on(event, channel)} onChange={(e) => set(event, channel, e.target.checked)} /> {CHANNELS[channel]}
            </label>
          ))}
        </fieldset>
      ))}
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <Done message={done} />
      <div className="actions">
        <button type="submit" disabled={!draft || save.isPending} aria-busy={save.isPending}>
          Save settings
        </button>
      </div>
    </form>
  );
}
