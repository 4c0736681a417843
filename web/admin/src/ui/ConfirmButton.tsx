import { useId, useRef, useState, type ReactNode } from 'react';
import { asApiError } from '../../../api/client';

interface ConfirmButtonProps {
  /** The button's text, which is also its accessible name (`Cancel booking`, `Delete coupon`). */
  label: string;
  /** The question the dialog asks; say what will happen and whether it can be undone. */
  question: ReactNode;
  /** The dialog's confirming button (defaults to `label`). */
  confirmLabel?: string;
  /** Runs when confirmed; a rejection is shown in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
  disabled?: boolean;
  className?: string;
}

/**
 * A destructive or irreversible action: the button opens a modal dialog (the native <dialog>, so focus is trapped
 * and Escape closes it) that asks first, shows progress while the action runs and the API's error if it fails.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, danger = true, disabled, className }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <button type="button" className={className ?? (danger ? 'danger' : 'secondary')} disabled={disabled} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby={titleId} onClose={() => setError(null)}>
        <h2 id={titleId}>{label}?</h2>
        <div>{question}</div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
            Keep it
          </button>
          <button type="button" className={danger ? 'danger' : undefined} onClick={() => void confirm()} disabled={pending} aria-busy={pending}>
            {pending ? 'Working…' : (confirmLabel ?? label)}
          </button>
        </div>
      </dialog>
    </>
  );
}
