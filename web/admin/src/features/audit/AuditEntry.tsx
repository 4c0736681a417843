import type { Schemas } from '../../../../api/client';
import { changesOf, labelOf } from './changes';

const VERB = { insert: 'Created', update: 'Changed', delete: 'Deleted' } as const;
// Long rows (an insert of a booking has ~30 fields) show the first few, the rest on request.
const FIRST = 6;

/** One audit entry: who did what to which row, and the fields it changed. */
export function AuditEntry({ entry, who, when }: { entry: Schemas['AuditLog']; who: string; when: string }) {
  const changes = changesOf(entry.before, entry.after);
  const label = labelOf(entry.before, entry.after);
  const lines = (list: typeof changes) => (
    <ul className="changes">
      {list.map((c) => (
        <li key={c.field}>
          <span className="field-name">{c.field}</span>:{' '}
          {c.before !== undefined && c.after !== undefined ? (
            <>
              <del>{c.before}</del> → <ins>{c.after}</ins>
            </>
          ) : (
            (c.after ?? c.before)
          )}
        </li>
      ))}
    </ul>
  );
  return (
    <li className="card audit-entry">
      <p className="audit-head">
        <strong>
          {VERB[entry.action]} {entry.table_name.replace(/_/g, ' ')}
          {label ? ` “${label}”` : ''}
        </strong>{' '}
        <span className="muted">
          by {who} · <time dateTime={entry.occurred_at}>{when}</time>
        </span>
      </p>
      {changes.length === 0 ? <p className="muted">No visible field changed.</p> : lines(changes.slice(0, FIRST))}
      {changes.length > FIRST ? (
        <details>
          <summary>{changes.length - FIRST} more fields</summary>
          {lines(changes.slice(FIRST))}
        </details>
      ) : null}
      <p className="small muted">
        {entry.record_id ? `Record ${entry.record_id}` : 'No single record'}
        {entry.ip ? ` · from ${entry.ip}` : ''}
        {entry.request_id ? ` · request ${entry.request_id}` : ''}
      </p>
    </li>
  );
}
