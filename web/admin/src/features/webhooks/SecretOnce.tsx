import { useEffect, useRef, useState } from 'react';

/** A signing secret, shown this once (the API never shows it again): copy it now. */
export function SecretOnce({ secret, onDismiss }: { secret: string; onDismiss: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => box.current?.focus(), [secret]);
  return (
    <div className="card secret" role="region" aria-label="Signing secret" tabIndex={-1} ref={box}>
      <p>
        <strong>The signing secret, shown only now.</strong> Store it where your receiver verifies signatures (Standard Webhooks); it is not shown again.
      </p>
      <p>
        <code className="secret-value">{secret}</code>
      </p>
      <div className="actions start spaced">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy secret'}
        </button>
        <button type="button" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
