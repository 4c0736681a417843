/** What an audit entry changed, as lines a person reads: "name: Old → New". */

export interface Change {
  field: string;
  before?: string;
  after?: string;
}

// Bookkeeping columns every row has: they change with everything and say nothing a reader needs.
const NOISE = new Set(['updated_at', 'organization_id', 'search_vector']);

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Nothing worth a line: null, "", [] or {} (a new row's unset fields). */
function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** The fields an update changed; for an insert the new row's fields, for a delete the old row's. */
export function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Change[] {
  if (before && after) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields
      .filter((k) => !NOISE.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => ({ field: k, before: show(before[k]), after: show(after[k]) }));
  }
  const row = after ?? before ?? {};
  return Object.entries(row)
    .filter(([k, v]) => !NOISE.has(k) && !isBlank(v))
    .map(([k, v]) => (after ? { field: k, after: show(v) } : { field: k, before: show(v) }));
}

/** The row's name for the list, where it has one. */
export function labelOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string | null {
  const row = after ?? before;
  if (!row) return null;
  for (const key of ['name', 'full_name', 'booking_number', 'code', 'email', 'event']) {
    if (typeof row[key] === 'string') return row[key];
  }
  return null;
}
