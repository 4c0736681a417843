import type { ApiError, Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { WEEKDAYS } from '../venues/hours';

/** A price rule as the form holds it: the price as typed (major units), converted when saved. */
export interface RuleDraft {
  weekdays: number[];
  from: string;
  to: string;
  price: string;
}
export type PriceRule = Schemas['PriceRule'];

/** Weekday and time-of-day prices (venue-local): the first rule that matches a slot replaces the base price. */
export function PriceRulesEditor({ rules, onChange, error, currency }: { rules: RuleDraft[]; onChange: (rules: RuleDraft[]) => void; error: ApiError | null; currency: string }) {
  const set = (index: number, patch: Partial<RuleDraft>) => onChange(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className="price-rules">
      <legend>Price rules</legend>
      <p className="field-hint">Optional: other prices on some days or hours (e.g. weekend evenings). The first matching rule wins.</p>
      {rules.map((rule, index) => (
        <div className="rule" key={index} role="group" aria-label={`Price rule ${index + 1}`}>
          <fieldset className="weekdays">
            <legend>Rule {index + 1} days</legend>
            {WEEKDAYS.map(({ weekday, name }) => (
              <label key={weekday} className="check">
                <input
                  type="checkbox"
                  checked={rule.weekdays.includes(weekday)}
                  onChange={(e) => set(index, { weekdays: e.target.checked ? [...rule.weekdays, weekday].sort() : rule.weekdays.filter((d) => d !== weekday) })}
                />
                {name.slice(0, 3)}
              </label>
            ))}
            {error?.field(`price_rules.${index}.weekdays`) ? (
              <span className="field-error" role="alert">
                {error.field(`price_rules.${index}.weekdays`)}
              </span>
            ) : null}
          </fieldset>
          <div className="span">
            <Field label={`Rule ${index + 1} from`} type="time" required value={rule.from} onChange={(e) => set(index, { from: e.target.value })} error={error?.field(`price_rules.${index}.from`)} />
            <Field label={`Rule ${index + 1} to`} type="time" required value={rule.to} onChange={(e) => set(index, { to: e.target.value })} error={error?.field(`price_rules.${index}.to`) ?? error?.field(`price_rules.${index}`)} />
            <Field
              label={`Rule ${index + 1} price (${currency})`}
              inputMode="decimal"
              required
              value={rule.price}
              onChange={(e) => set(index, { price: e.target.value })}
              error={error?.field(`price_rules.${index}.price_cents`)}
            />
            <button type="button" className="secondary" onClick={() => onChange(rules.filter((_, i) => i !== index))} aria-label={`Remove price rule ${index + 1}`}>
              Remove
            </button>
          </div>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...rules, { weekdays: [5, 6], from: '17:00', to: '00:00', price: '' }])}>
        Add price rule
      </button>
    </fieldset>
  );
}
