import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { bookingWindow } from '../../../src/modules/availability/service.js';

const ALL_ZONES = Intl.supportedValuesOf('timeZone');
const DAY_MS = 86_400_000;

describe('bookingWindow (the availability look-up, computed without the venue zone)', () => {
  it('brackets, in every zone, the bookings that can touch a slot: blocking from two local days before `from` (or a day before now) until three local days after `to`, within the horizon', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: -400, max: 800 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 1, max: 730 }),
        (zone, nowMs, fromOffsetDays, spanDays, maxAdvanceDays) => {
          const from = DateTime.fromMillis(nowMs, { zone }).plus({ days: fromOffsetDays }).toISODate()!;
          const to = DateTime.fromISO(from, { zone }).plus({ days: spanDays }).toISODate()!;
          const { after, before, startsAfter } = bookingWindow(from, to, nowMs);
          // What the engine needs, computed with the zone.
          const needFrom = Math.max(DateTime.fromISO(from, { zone }).minus({ days: 2 }).toMillis(), nowMs - DAY_MS);
          const needTo = Math.min(DateTime.fromISO(to, { zone }).plus({ days: 3 }).toMillis(), nowMs + (maxAdvanceDays + 4) * DAY_MS);
          if (needFrom >= needTo) return; // nothing can be bookable in that window
          expect(after.getTime()).toBeLessThanOrEqual(needFrom);
          expect(before.getTime()).toBeGreaterThanOrEqual(needTo);
          // A booking blocks at most two days, so one blocking after `after` starts after `startsAfter`.
          expect(startsAfter.getTime()).toBe(after.getTime() - 2 * DAY_MS);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
