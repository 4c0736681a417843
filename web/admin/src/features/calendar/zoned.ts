import { DateTime } from 'luxon';

// react-big-calendar lays events out with JavaScript Dates, which live in the browser's zone. The calendar shows
// the venue's wall clock instead: each instant becomes a Date whose browser-local fields are the venue-local ones
// (a "wall-clock Date"), and calendar dates convert back through the browser's fields. No global zone is set.

/** The instant `iso` as a wall-clock Date of `zone`. */
export function wallClock(iso: string, zone: string): Date {
  const t = DateTime.fromISO(iso, { zone });
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute);
}

/** Now as a wall-clock Date of `zone` (the calendar's "now" line and Today). */
export function nowIn(zone: string): Date {
  return wallClock(new Date().toISOString(), zone);
}

/** A wall-clock Date's calendar date, YYYY-MM-DD. */
export function dateOf(wall: Date): string {
  return DateTime.fromJSDate(wall).toISODate()!;
}

/** A calendar date (YYYY-MM-DD) as a wall-clock Date of that day (noon: clear of any DST change). */
export function wallDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}
