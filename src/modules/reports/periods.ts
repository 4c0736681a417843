/**
 * Calendar periods of the insight side (pure: no I/O, no clock): "today" in a zone, the last 30 days, the weeks
 * of the trend, the day/week/month buckets of a report. Dates are calendar days ('YYYY-MM-DD'), stepped as day
 * numbers, never as 24-hour instants, so a DST week is a week of seven dates like any other; instants are asked
 * of luxon only for the local midnights that bound a period of timestamptz rows (payments, customers).
 */
import { DateTime } from 'luxon';
import { dayToIso, instantToLocal, isoToDay, weekdayOfDay } from '../../time/local-time.js';
import { WEEKDAYS } from '../organizations/schemas.js';

export type GroupBy = 'day' | 'week' | 'month';

/** Weekday number (0 = Sunday) of a week_start name; Monday for anything unknown (the documented default). */
export function weekStartNumber(name: string | null | undefined): number {
  const i = WEEKDAYS.indexOf((name ?? 'monday') as (typeof WEEKDAYS)[number]);
  return i < 0 ? 1 : i;
}

export const addDays = (iso: string, n: number): string => dayToIso(isoToDay(iso) + n);

/** The local calendar date of an instant in a zone. */
export const localDate = (ms: number, zone: string): string => instantToLocal(ms, zone).date;

/** The first date of the week holding `iso`, weeks starting on weekday `weekStart` (0 = Sunday). */
export function weekOf(iso: string, weekStart: number): string {
  const day = isoToDay(iso);
  return dayToIso(day - ((weekdayOfDay(day) - weekStart + 7) % 7));
}

/** The bucket (its first date) a date falls in. */
export function bucketOf(iso: string, groupBy: GroupBy, weekStart: number): string {
  if (groupBy === 'day') return iso;
  if (groupBy === 'week') return weekOf(iso, weekStart);
  return `${iso.slice(0, 7)}-01`;
}

/** Every bucket touching [from, to], in order: the report lists empty periods too, with zeros. */
export function bucketsBetween(from: string, to: string, groupBy: GroupBy, weekStart: number): string[] {
  const out: string[] = [];
  let b = bucketOf(from, groupBy, weekStart);
  while (b <= to) {
    out.push(b);
    if (groupBy === 'day') b = addDays(b, 1);
    else if (groupBy === 'week') b = addDays(b, 7);
    else {
      const y = Number(b.slice(0, 4));
      const m = Number(b.slice(5, 7));
      b = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${b.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

/**
 * The first instant of a local date in a zone (its midnight, or the first instant after a gap when midnight does
 * not exist there): a period of dates [from, to] covers the instants [startOf(from), startOf(to + 1)).
 */
export function startOfDay(iso: string, zone: string): Date {
  return DateTime.fromISO(iso, { zone }).startOf('day').toJSDate();
}

/** The instants of the local dates [from, to], end exclusive. */
export function instantsOf(from: string, to: string, zone: string): { start: Date; end: Date } {
  return { start: startOfDay(from, zone), end: startOfDay(addDays(to, 1), zone) };
}

/** Whole days from `from` to `to`, both counted. */
export const daysIn = (from: string, to: string): number => isoToDay(to) - isoToDay(from) + 1;

/** The 30-day window ending today and the 30 days before it (API.md: today and the 29 days before). */
export function thirtyDays(today: string): { from: string; to: string; prevFrom: string; prevTo: string } {
  return { from: addDays(today, -29), to: today, prevFrom: addDays(today, -59), prevTo: addDays(today, -30) };
}

/** Change from `previous` to `value` in percent, one decimal; null when there was nothing before to compare with. */
export function changePercent(value: number, previous: number): number | null {
  if (previous === 0) return value === 0 ? 0 : null;
  return Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10;
}
