import type { Schemas } from '../../../../api/client';

export type Hours = Schemas['Venue']['operating_hours'][number];
export type Closure = Schemas['Venue']['closures'][number];

/** Weekdays as the API numbers them (0 = Sunday), named in the visitor's language. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  // 2023-01-01 was a Sunday.
  name: new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + weekday))),
}));

/**
 * A time input cannot hold "24:00"; "00:00" says the same as a closing time (earlier than opening = past midnight,
 * docs/api.md), so the form shows and sends that.
 */
export function forTimeInput(time: string): string {
  return time === '24:00' ? '00:00' : time;
}

/** "Mon 10:00–22:00, Tue closed …" in a line, for the venue list. */
export function hoursSummary(hours: readonly Hours[]): string {
  if (hours.length === 0) return 'No opening hours yet';
  return WEEKDAYS.map(({ weekday, name }) => {
    const spans = hours.filter((h) => h.weekday === weekday).map((h) => `${h.open}–${h.close}`);
    return `${name.slice(0, 3)} ${spans.length ? spans.join(', ') : 'closed'}`;
  }).join(' · ');
}

/** The browser's list of IANA zones (the API validates the name again), with the given one kept if unknown here. */
export function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) || !current ? zones : [current, ...zones];
}
