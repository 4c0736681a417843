/** A venue's opening hours and closures as stored (venues.operating_hours, venues.closures) and read by the availability engine. */

/** One opening range on a weekday. `close` may be "24:00", or earlier than `open` for hours past midnight. */
export interface OpeningRange {
  weekday: number; // 0 = Sunday ... 6 = Saturday
  open: string; // "HH:MM"
  close: string; // "HH:MM" or "24:00"
}

/** A date-specific exception: no open/close = closed all day; open/close = special hours replacing that day's ranges. */
export interface Closure {
  date: string; // "YYYY-MM-DD", venue-local
  open?: string;
  close?: string;
}
