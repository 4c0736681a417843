import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller (phones): a named region in the tab order, so a keyboard can scroll it too
 * (axe's scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
