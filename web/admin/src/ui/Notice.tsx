import type { ReactNode } from 'react';
import { asApiError } from '../../../api/client';

/** What a failed query or action said, announced (role=alert), with a retry where one makes sense. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice error" role="alert">
      <p>{asApiError(error).message}</p>
      {onRetry ? (
        <button type="button" className="secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** An empty list says so in words and offers the next step (`children`: a button or link). */
export function Empty({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p>{message}</p>
      {children}
    </div>
  );
}

/** A short confirmation that an action worked (role=status: announced without taking the focus). */
export function Done({ message }: { message: string | null }) {
  return (
    <p className="notice done" role="status">
      {message}
    </p>
  );
}
