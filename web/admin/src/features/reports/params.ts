const locale = typeof navigator === 'undefined' ? undefined : navigator.language;

export type GroupBy = 'day' | 'week' | 'month';

/** What every report is asked for: a period of local dates (inclusive), its buckets and an optional venue. */
export interface ReportParams {
  from: string;
  to: string;
  group_by: GroupBy;
  venue_id?: string;
}

/** The report's CSV, as a same-origin URL: a plain link carries the session cookie, and the server names the file. */
export function csvHref(path: string, params: ReportParams): string {
  const q = new URLSearchParams({ from: params.from, to: params.to, group_by: params.group_by, format: 'csv' });
  if (params.venue_id) q.set('venue_id', params.venue_id);
  return `/api/reports/${path}?${q.toString()}`;
}

/** A bucket's name as the API gives it (its first date) in the visitor's words: "Dec 7", "Week of Dec 7", "December 2026". */
export function periodLabel(period: string, groupBy: GroupBy): string {
  const [y, m, d] = period.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d, 12));
  if (groupBy === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(at);
  return groupBy === 'week' ? `Week of ${day}` : day;
}

/**
 * Report routes answer JSON or CSV (both declared), so the generated type is a union with string; the app always
 * asks for JSON.
 */
export function json<T>(answer: T | string): T {
  if (typeof answer === 'string') throw new Error('The report answered CSV where JSON was asked for.');
  return answer;
}
