import { asApiError, type ApiError } from '../../../api/client';

/**
 * A failed save as the form shows it: `error.field(name)` goes next to each field; this says the rest (a refusal
 * that names no field, or fields the form does not show) above the submit button.
 */
export function FormError({ error, shown = [] }: { error: unknown; shown?: readonly string[] }) {
  if (!error) return null;
  const e = asApiError(error);
  // A shown name covers its nested paths too: `operating_hours` covers `body.operating_hours.3.close`.
  const unshown = Object.entries(e.fields).filter(([path]) => !shown.some((name) => `.${path}.`.includes(`.${name}.`)));
  if (Object.keys(e.fields).length > 0 && unshown.length === 0) {
    return (
      <p className="form-error" role="alert">
        Please correct the fields marked above.
      </p>
    );
  }
  return (
    <div className="form-error" role="alert">
      <p>{e.message}</p>
      {unshown.length > 0 ? (
        <ul>
          {unshown.map(([path, message]) => (
            <li key={path}>
              {path.replace(/^body\./, '')}: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The ApiError of a mutation, or null: `fieldError(save.error)?.field('name')`. */
export function fieldError(error: unknown): ApiError | null {
  return error ? asApiError(error) : null;
}

/** The API's message for a field or anything inside it (`reminder_offsets_minutes` finds `...reminder_offsets_minutes.2`). */
export function fieldWithin(error: ApiError | null, name: string): string | undefined {
  if (!error) return undefined;
  return Object.entries(error.fields).find(([path]) => `.${path}.`.includes(`.${name}.`))?.[1];
}

/** A number typed into a form: empty stays "not a number", which the API refuses next to the field (not a silent 0). */
export function typedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
