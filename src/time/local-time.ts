/**
 * Calendar and time-zone helpers (pure: no I/O, no clock) for every module that turns venue-local dates and wall
 * times into instants and back: the availability engine, booking answers, the demo seeder. All zone math goes through luxon; the only
 * arithmetic done here by hand is on calendar day numbers (which have no zone) and on elapsed milliseconds
 * inside days that luxon has confirmed to have a single, constant UTC offset.
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** Calendar day number (days since 1970-01-01) of y-m-d; plain proleptic Gregorian arithmetic, no zone involved. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, so dates can be stepped as integers instead of via instants. */
export function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** "YYYY-MM-DD" to a calendar day number; callers validate the format. */
export function isoToDay(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Calendar day number to "YYYY-MM-DD". */
export function dayToIso(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Weekday of a calendar day number, 0 = Sunday like OpeningRange.weekday (day 0 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** "HH:MM" (including "24:00") to minutes after midnight; NaN for garbage so callers' loops simply don't run. */
export function parseClock(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minutes after midnight (0..1439) to "HH:MM". */
export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** RFC 3339 text of an instant shown at a fixed UTC offset (minutes) that the zone's memo or luxon resolved. */
export function rfc3339(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offsetMinutes) }).toISO({ suppressMilliseconds: true })!;
}

/**
 * RFC 3339 of a venue-local date and whole-minute wall time at the UTC offset (minutes) the zone's memo or luxon
 * resolved for it, composed from those parts exactly as rfc3339() prints the instant (a zero offset as Z).
 * Building a luxon DateTime per instant only to print it was a tenth of the server's CPU on availability.
 */
export function localIso(date: string, time: string, offsetMinutes: number): string {
  if (offsetMinutes === 0) return `${date}T${time}:00Z`;
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}:00${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** True when the zone is an IANA name (or UTC) that the runtime's Intl data knows. */
export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && IANAZone.isValidZone(zone);
}

/** Venue-local wall clock of an instant, truncated to the minute. */
export function instantToLocal(ms: number, zone: string): { date: string; time: string; offsetMinutes: number } {
  const dt = DateTime.fromMillis(ms, { zone });
  const date = dayToIso(daysFromCivil(dt.year, dt.month, dt.day));
  return { date, time: `${pad2(dt.hour)}:${pad2(dt.minute)}`, offsetMinutes: dt.offset };
}

/** Every instant showing a wall time: none in a gap, two in a fall-back overlap; `shiftedMs` is luxon's gap fallback. */
export interface WallInstants {
  instants: number[];
  offsets: number[];
  shiftedMs: number;
}

/** Resolve (day, minute) in zone with luxon alone; minute may exceed 1440 to mean later days. */
export function resolveWall(day: number, minute: number, zone: string): WallInstants {
  const { y, m, d } = civilFromDays(day + Math.floor(minute / DAY_MINUTES));
  const mod = ((minute % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const hour = Math.floor(mod / 60);
  const min = mod % 60;
  const dt = DateTime.fromObject({ year: y, month: m, day: d, hour, minute: min }, { zone });
  if (!dt.isValid) return { instants: [], offsets: [], shiftedMs: NaN };
  // luxon moves a non-existent wall time forward by the gap, so a changed wall clock means "does not exist".
  if (dt.year !== y || dt.month !== m || dt.day !== d || dt.hour !== hour || dt.minute !== min) {
    return { instants: [], offsets: [], shiftedMs: dt.toMillis() };
  }
  // fromObject picks one side of an overlap depending on luxon's guess; getPossibleOffsets yields both.
  const all = dt.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  return { instants: all.map((x) => x.toMillis()), offsets: all.map((x) => x.offset), shiftedMs: dt.toMillis() };
}

/** Instants at which a local date and "HH:MM" occur: 0 in a spring-forward gap, 2 in a fall-back overlap. */
export function localDateTimeToInstants(date: string, time: string, zone: string): number[] {
  return resolveWall(isoToDay(date), parseClock(time), zone).instants;
}

/** A local day with one constant offset, where every wall minute maps to exactly one instant. */
interface PlainDay {
  startMs: number;
  endMs: number;
  offset: number;
}

/** Entries one zone's memo may hold before it starts afresh (a few years of days, and their transition days' walls). */
const MEMO_LIMIT = 20_000;

/**
 * Memo of local midnights and wall-time resolutions in one zone. Converting every slot through luxon costs
 * ~30µs, so days that luxon shows to have no transition anywhere near them are handled by elapsed-time
 * arithmetic from their midnight. Every entry is a pure function of (zone, date) under the runtime's fixed
 * time-zone data, so one memo per zone is shared by every query (`zoneDays`): the 20 games of a venue pay
 * for their week's calendar once, not 20 times.
 */
export class ZoneDays {
  private readonly mids = new Map<number, DateTime>();
  private readonly uniq = new Map<number, boolean>();
  private readonly days = new Map<number, PlainDay | null>();
  private readonly walls = new Map<number, WallInstants>();
  private readonly locals = new Map<number, { day: number; minute: number; offset: number }>();

  constructor(readonly zone: string) {}

  /** Forgets everything once the memo has grown past its limit, so no input can make it grow without bound. */
  private trim(): void {
    if (this.mids.size + this.walls.size + this.locals.size > MEMO_LIMIT) {
      this.mids.clear();
      this.uniq.clear();
      this.days.clear();
      this.walls.clear();
      this.locals.clear();
    }
  }

  private mid(day: number): DateTime {
    let dt = this.mids.get(day);
    if (!dt) {
      this.trim();
      const { y, m, d } = civilFromDays(day);
      dt = DateTime.fromObject({ year: y, month: m, day: d }, { zone: this.zone });
      this.mids.set(day, dt);
    }
    return dt;
  }

  /** Midnight exists; luxon may have picked either side if it is ambiguous, which the offset checks catch. */
  private clean(day: number): boolean {
    const dt = this.mid(day);
    const { y, m, d } = civilFromDays(day);
    return dt.isValid && dt.hour === 0 && dt.minute === 0 && dt.day === d && dt.month === m && dt.year === y;
  }

  private unique(day: number): boolean {
    let u = this.uniq.get(day);
    if (u === undefined) {
      u = this.clean(day) && this.mid(day).getPossibleOffsets().length === 1;
      this.uniq.set(day, u);
    }
    return u;
  }

  /** The day's constant-offset span, or null when a transition touches it (then every wall goes through luxon). */
  plainDay(day: number): PlainDay | null {
    const cached = this.days.get(day);
    if (cached !== undefined) return cached;
    let result: PlainDay | null = null;
    // Both midnights occur exactly once with the same offset and 24 h apart: no transition can touch the day,
    // and none of its wall times can recur outside it (a clock set back across midnight repeats the midnight).
    if (this.unique(day) && this.unique(day + 1) && this.mid(day).offset === this.mid(day + 1).offset) {
      const startMs = this.mid(day).toMillis();
      const endMs = this.mid(day + 1).toMillis();
      if (endMs - startMs === DAY_MINUTES * MINUTE_MS) result = { startMs, endMs, offset: this.mid(day).offset };
    }
    this.days.set(day, result);
    return result;
  }

  /**
   * All instants of (day, minute); minute may exceed 1440 for times past midnight. `shiftedMs` (luxon's
   * gap fallback) is only guaranteed when `needShift`, because computing it costs a full luxon conversion.
   */
  wall(day: number, minute: number, needShift = false): WallInstants {
    const d = day + Math.floor(minute / DAY_MINUTES);
    const mod = minute - (d - day) * DAY_MINUTES;
    const plain = this.plainDay(d);
    if (plain) {
      const t = plain.startMs + mod * MINUTE_MS;
      return { instants: [t], offsets: [plain.offset], shiftedMs: t };
    }
    const key = d * DAY_MINUTES + mod;
    const memo = this.walls.get(key);
    if (memo && (!needShift || !Number.isNaN(memo.shiftedMs))) return memo;
    const found = this.resolveOnTransitionDay(d, mod, needShift);
    this.trim();
    this.walls.set(key, found);
    return found;
  }

  /** wall() on a day a transition touches: every candidate instant confirmed by luxon. */
  private resolveOnTransitionDay(d: number, mod: number, needShift: boolean): WallInstants {
    if (!this.unique(d) || !this.unique(d + 1)) return resolveWall(d, mod, this.zone);
    // One transition inside the day: an occurrence either keeps the midnight's offset or the next
    // midnight's, so there are two candidate instants, and luxon confirms which really show this wall time.
    const fromStart = this.mid(d).toMillis() + mod * MINUTE_MS;
    const fromEnd = this.mid(d + 1).toMillis() - (DAY_MINUTES - mod) * MINUTE_MS;
    const { y, m, d: dd } = civilFromDays(d);
    const hits: DateTime[] = [];
    for (const t of fromStart === fromEnd ? [fromStart] : [fromStart, fromEnd]) {
      const dt = DateTime.fromMillis(t, { zone: this.zone });
      if (dt.day === dd && dt.month === m && dt.year === y && dt.hour * 60 + dt.minute === mod) hits.push(dt);
    }
    if (hits.length === 0) return needShift ? resolveWall(d, mod, this.zone) : { instants: [], offsets: [], shiftedMs: NaN };
    hits.sort((a, b) => a.toMillis() - b.toMillis());
    return { instants: hits.map((h) => h.toMillis()), offsets: hits.map((h) => h.offset), shiftedMs: hits[0]!.toMillis() };
  }

  /**
   * Local day, minute and offset of any instant: from the plain day that holds it (the local day is the UTC day or
   * one of its neighbours), else from luxon. Listing bookings goes through here: asking luxon for each of a page's
   * instants (Intl's formatToParts underneath) was a fifth of the server's CPU on a list of twenty bookings.
   */
  instant(ms: number): { day: number; minute: number; offset: number } {
    const utcDay = Math.floor(ms / (DAY_MINUTES * MINUTE_MS));
    for (const day of [utcDay, utcDay - 1, utcDay + 1]) {
      const plain = this.plainDay(day);
      if (plain && ms >= plain.startMs && ms < plain.endMs) {
        return { day, minute: Math.floor((ms - plain.startMs) / MINUTE_MS), offset: plain.offset };
      }
    }
    return this.local(ms);
  }

  /** Local day, minute and offset of an instant; `hint` names the plain days worth checking before asking luxon. */
  local(ms: number, hint?: number): { day: number; minute: number; offset: number } {
    for (let day = hint ?? 0; hint !== undefined && day <= hint + 1; day++) {
      const plain = this.days.get(day);
      if (plain && ms >= plain.startMs && ms < plain.endMs) {
        return { day, minute: Math.floor((ms - plain.startMs) / MINUTE_MS), offset: plain.offset };
      }
    }
    const minuteMs = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
    let found = this.locals.get(minuteMs);
    if (!found) {
      const dt = DateTime.fromMillis(minuteMs, { zone: this.zone });
      found = { day: daysFromCivil(dt.year, dt.month, dt.day), minute: dt.hour * 60 + dt.minute, offset: dt.offset };
      this.trim();
      this.locals.set(minuteMs, found);
    }
    return found;
  }
}

const zones = new Map<string, ZoneDays>();

/** The shared memo of one zone (see ZoneDays). */
export function zoneDays(zone: string): ZoneDays {
  let z = zones.get(zone);
  if (!z) {
    if (zones.size > 1000) zones.clear();
    z = new ZoneDays(zone);
    zones.set(zone, z);
  }
  return z;
}
