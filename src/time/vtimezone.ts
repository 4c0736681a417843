/**
 * An IANA zone written as an iCalendar VTIMEZONE (RFC 5545 3.6.5) for a window of time, from the runtime's own zone
 * data through luxon: the same data every venue-local time of the application comes from, so a calendar client
 * reading a feed's `DTSTART;TZID=...` local times gets back exactly the instants the bookings have. Pure.
 */
import { DateTime, IANAZone } from 'luxon';

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** A change of a zone's UTC offset: at `atMs`, from `fromMinutes` to `toMinutes`. */
export interface OffsetChange {
  atMs: number;
  fromMinutes: number;
  toMinutes: number;
}

/**
 * Every change of the zone's offset in [fromMs, toMs), to the second. Offsets are sampled a day apart and each
 * change found is narrowed by bisection; zones change their offset at most a few times a year, never twice a day.
 */
export function offsetChanges(zone: string, fromMs: number, toMs: number): OffsetChange[] {
  const z = IANAZone.create(zone);
  const changes: OffsetChange[] = [];
  let lo = fromMs;
  let before = z.offset(lo);
  while (lo < toMs) {
    const hi = Math.min(lo + DAY_MS, toMs);
    const after = z.offset(hi);
    if (after !== before) {
      let a = lo;
      let b = hi;
      while (b - a > SECOND_MS) {
        const mid = a + Math.floor((b - a) / 2 / SECOND_MS) * SECOND_MS;
        if (z.offset(mid) === before) a = mid;
        else b = mid;
      }
      changes.push({ atMs: b, fromMinutes: before, toMinutes: after });
    }
    lo = hi;
    before = after;
  }
  return changes;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An offset in minutes as iCalendar's UTC-OFFSET: -0500, +0530, +0000. */
function utcOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** An instant as the local DATE-TIME it shows at `offsetMinutes`: 20261101T020000. */
function localAt(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * The VTIMEZONE of `zone` valid over [fromMs, toMs): an observance for the offset in force at `fromMs`, then one
 * per offset change in the window (each with its own onset, no recurrence rule: exact for the window whatever the
 * zone's rules were or will be). Each onset is the local time in the offset before it, as RFC 5545 requires.
 */
export function vtimezone(zone: string, fromMs: number, toMs: number): string {
  const z = IANAZone.create(zone);
  if (!z.isValid) throw new Error(`unknown time zone ${zone}`);
  const start = Math.floor(fromMs / SECOND_MS) * SECOND_MS;
  const first = z.offset(start);
  const observances = [{ atMs: start, fromMinutes: first, toMinutes: first }, ...offsetChanges(zone, start, toMs)].map((c) => {
    const dst = DateTime.fromMillis(c.atMs, { zone }).isInDST;
    const kind = dst ? 'DAYLIGHT' : 'STANDARD';
    const name = z.offsetName(c.atMs, { format: 'short', locale: 'en-US' }) ?? utcOffset(c.toMinutes);
    return [
      `BEGIN:${kind}`,
      `DTSTART:${localAt(c.atMs, c.fromMinutes)}`,
      `TZOFFSETFROM:${utcOffset(c.fromMinutes)}`,
      `TZOFFSETTO:${utcOffset(c.toMinutes)}`,
      `TZNAME:${name}`,
      `END:${kind}`,
    ].join('\r\n');
  });
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observances, 'END:VTIMEZONE'].join('\r\n');
}

/** Whether an instant's wall time in `zone` happens twice (the hour repeated when clocks go back). */
export function wallTimeRepeats(ms: number, zone: string): boolean {
  return DateTime.fromMillis(ms, { zone }).getPossibleOffsets().length > 1;
}
