import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** The visible label, which is also the input's accessible name (docs/api.md fixes several: `Email`, `Date` ...). */
  label: string;
  /** The API's message for this field (ApiError.field), shown under it and announced with it. */
  error?: string | undefined;
  /** A hint under the label (format, what the field is for). */
  hint?: ReactNode;
}

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid), for forms in both apps. */
export function Field({ label, error, hint, className, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
