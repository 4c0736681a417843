import { useEffect, useRef, useState, type ReactNode } from 'react';

/** A step's heading; it takes the focus when its step appears, so keyboard and screen-reader users land on it. */
export function StepHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className="step-heading">
      {children}
    </h2>
  );
}

/** Something the visitor must read: an error (assertive) or news (polite). */
export function Notice({ kind = 'info', children }: { kind?: 'info' | 'error' | 'success'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A loading state that takes the room of what it waits for (no jump when the content arrives). */
export function Loading({ label, minHeight }: { label: string; minHeight?: string }) {
  return (
    <div className="loading" role="status" style={minHeight ? { minHeight } : undefined}>
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** A value that follows `value` once it has not changed for `ms` (typing in a code field). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Milliseconds until `deadline`, updated every second; 0 once passed. */
export function useTimeLeft(deadline: string): number {
  const end = Date.parse(deadline);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, end - now);
}
