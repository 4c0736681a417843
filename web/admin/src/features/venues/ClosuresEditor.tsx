import { Field } from '../../../../shared/Field';
import type { ApiError } from '../../../../api/client';
import type { Closure } from './hours';

/** Days the venue is closed (no hours) or open differently (special hours): holidays, private events. */
export function ClosuresEditor({ closures, onChange, error }: { closures: Closure[]; onChange: (closures: Closure[]) => void; error: ApiError | null }) {
  const set = (index: number, patch: Partial<Closure>) =>
    onChange(
      closures.map((c, i) => {
        if (i !== index) return c;
        const next: Closure = { ...c, ...patch };
        // An emptied time means "closed all day": the API wants the key absent, not "".
        if (!next.open) delete next.open;
        if (!next.close) delete next.close;
        return next;
      }),
    );
  return (
    <fieldset className="closures">
      <legend>Closures and special hours</legend>
      <p className="field-hint">Leave the times empty to close the whole day.</p>
      {closures.length === 0 ? <p>No closures.</p> : null}
      {closures.map((c, index) => (
        <div className="span" key={index} role="group" aria-label={`Closure ${index + 1}`}>
          <Field label={`Closure ${index + 1} date`} type="date" required value={c.date} onChange={(e) => set(index, { date: e.target.value })} error={error?.field(`closures.${index}.date`) ?? error?.field(`closures.${index}`)} />
          <Field label={`Closure ${index + 1} opens`} type="time" value={c.open ?? ''} onChange={(e) => set(index, { open: e.target.value })} error={error?.field(`closures.${index}.open`)} />
          <Field label={`Closure ${index + 1} closes`} type="time" value={c.close ? c.close.replace('24:00', '00:00') : ''} onChange={(e) => set(index, { close: e.target.value })} error={error?.field(`closures.${index}.close`)} />
          <button type="button" className="secondary" onClick={() => onChange(closures.filter((_, i) => i !== index))} aria-label={`Remove closure ${index + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...closures, { date: '' }])}>
        Add closure
      </button>
    </fieldset>
  );
}
