import fc from 'fast-check';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetChanges, vtimezone, wallTimeRepeats } from '../../src/time/vtimezone.js';

const DAY = 86_400_000;
const ZONES = Intl.supportedValuesOf('timeZone');
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/**
 * The instant ical.js reads from `DTSTART;TZID=zone:<local>` with our VTIMEZONE of the zone in the calendar, made
 * for the 60 days around the instant (a feed's window holds every change near its bookings the same way).
 */
function readBack(zone: string, local: string, ms: number): number {
  const fromMs = ms - 30 * DAY;
  const toMs = ms + 30 * DAY;
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    vtimezone(zone, fromMs, toMs),
    'BEGIN:VEVENT',
    'UID:x',
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${zone}:${local}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  return (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime();
}

describe('VTIMEZONE from the runtime’s zone data', () => {
  it('a local time written with it reads back as the same instant in ical.js, in any zone, across DST changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO - DAY }), (zone, at) => {
        const ms = Math.floor(at / 60_000) * 60_000;
        // A repeated wall time names its first instant (RFC 5545): the feed writes those in UTC instead.
        fc.pre(!wallTimeRepeats(ms, zone));
        const local = DateTime.fromMillis(ms, { zone }).toFormat("yyyyMMdd'T'HHmmss");
        expect(readBack(zone, local, ms)).toBe(ms);
      }),
      { numRuns: 400 },
    );
  }, 180_000);

  it('and within hours of each offset change, where a wrong onset would show', () => {
    const changing = ZONES.map((zone) => ({ zone, changes: offsetChanges(zone, FROM, FROM + 366 * DAY) })).filter((z) => z.changes.length > 0);
    expect(changing.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...changing), fc.nat(), fc.integer({ min: -180, max: 180 }), ({ zone, changes }, i, minutes) => {
        const ms = changes[i % changes.length]!.atMs + minutes * 60_000;
        fc.pre(!wallTimeRepeats(ms, zone));
        const local = DateTime.fromMillis(ms, { zone }).toFormat("yyyyMMdd'T'HHmmss");
        expect(readBack(zone, local, ms)).toBe(ms);
      }),
      { numRuns: 300 },
    );
    // Pure CPU: on a loaded shared machine it takes many times its idle few seconds.
  }, 180_000);

  it('finds each offset change to the second, with the offsets on either side', () => {
    const changes = offsetChanges('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(changes).toEqual([
      { atMs: Date.UTC(2026, 2, 8, 7), fromMinutes: -300, toMinutes: -240 },
      { atMs: Date.UTC(2026, 10, 1, 6), fromMinutes: -240, toMinutes: -300 },
    ]);
    expect(offsetChanges('Asia/Tokyo', FROM, TO)).toEqual([]);
    // Lord Howe moves by half an hour.
    expect(offsetChanges('Australia/Lord_Howe', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((c) => c.toMinutes - c.fromMinutes)).toEqual([-30, 30]);
  });

  it('writes onsets in the local time before them, as DAYLIGHT or STANDARD', () => {
    const text = vtimezone('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000');
    expect(wallTimeRepeats(Date.UTC(2026, 9, 25, 0, 30), 'Europe/London')).toBe(true);
    expect(wallTimeRepeats(Date.UTC(2026, 9, 25, 1, 30), 'Europe/London')).toBe(true);
    expect(wallTimeRepeats(Date.UTC(2026, 9, 25, 2, 30), 'Europe/London')).toBe(false);
  });
});
