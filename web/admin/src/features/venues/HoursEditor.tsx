import { Field } from '../../../../shared/Field';
import type { ApiError } from '../../../../api/client';
import { forTimeInput, WEEKDAYS, type Hours } from './hours';

/**
 * Opening hours per weekday: none (closed), one or several spans. Indexes in the API's errors
 * (`operating_hours.3.close`) are positions in `hours`, so each span finds its own message.
 */
export function HoursEditor({ hours, onChange, error }: { hours: Hours[]; onChange: (hours: Hours[]) => void; error: ApiError | null }) {
  const set = (index: number, patch: Partial<Hours>) => onChange(hours.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  return (
    <fieldset className="hours">
      <legend>Opening hours</legend>
      <p className="field-hint">A closing time earlier than the opening time means past midnight.</p>
      {WEEKDAYS.map(({ weekday, name }) => {
        const spans = hours.map((h, index) => ({ h, index })).filter(({ h }) => h.weekday === weekday);
        return (
          <div className="weekday" key={weekday} role="group" aria-label={name}>
            <span className="weekday-name">{name}</span>
            {spans.length === 0 ? <span className="closed">Closed</span> : null}
            {spans.map(({ h, index }, n) => (
              <div className="span" key={index}>
                <Field
                  label={`${name} opens${n ? ` (${n + 1})` : ''}`}
                  type="time"
                  required
                  value={forTimeInput(h.open)}
                  onChange={(e) => set(index, { open: e.target.value })}
                  error={error?.field(`operating_hours.${index}.open`)}
                />
                <Field
                  label={`${name} closes${n ? ` (${n + 1})` : ''}`}
                  type="time"
                  required
                  value={forTimeInput(h.close)}
                  onChange={(e) => set(index, { close: e.target.value })}
                  error={error?.field(`operating_hours.${index}.close`) ?? error?.field(`operating_hours.${index}`)}
                />
                <button type="button" className="secondary" onClick={() => onChange(hours.filter((_, i) => i !== index))} aria-label={`Remove ${name} hours ${h.open}–${h.close}`}>
                  Remove
                </button>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => onChange([...hours, { weekday, open: '10:00', close: '22:00' }])} aria-label={`Add hours on ${name}`}>
              Add hours
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
