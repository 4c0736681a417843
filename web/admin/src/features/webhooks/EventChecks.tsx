import { WEBHOOK_EVENTS, type WebhookEvent } from './events';

/** The event types as checkboxes in a fieldset (its legend names the group), with the API's error for them. */
export function EventChecks({ value, onChange, error }: { value: WebhookEvent[]; onChange: (events: WebhookEvent[]) => void; error?: string | undefined }) {
  return (
    <fieldset className="checks" aria-describedby={error ? 'webhook-events-error' : undefined}>
      <legend>Events</legend>
      {(Object.keys(WEBHOOK_EVENTS) as WebhookEvent[]).map((event) => (
        <label key={event}>
          <input type="checkbox" checked={value.includes(event)} onChange={(e) => onChange(e.target.checked ? [...value, event] : value.filter((x) => x !== event))} /> <code>{event}</code>{' '}
          <span className="field-hint">{WEBHOOK_EVENTS[event]}</span>
        </label>
      ))}
      {error ? (
        <span id="webhook-events-error" className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
