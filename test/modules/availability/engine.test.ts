import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import {
  computeSlots,
  instantToLocal,
  isValidTimeZone,
  localDateTimeToInstants,
  priceFor,
} from '../../../src/modules/availability/engine.js';
import type {
  AvailabilityQuery,
  Closure,
  ExistingBooking,
  GameRules,
  OpeningRange,
  Slot,
} from '../../../src/modules/availability/types.js';

const MIN = 60_000;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

function daily(open: string, close: string, weekdays = EVERY_DAY): OpeningRange[] {
  return weekdays.map((weekday) => ({ weekday, open, close }));
}

/** The one instant of an unambiguous local wall time (fails loudly otherwise, so fixtures stay honest). */
function at(date: string, time: string, zone: string): number {
  const all = localDateTimeToInstants(date, time, zone);
  expect(all).toHaveLength(1);
  return all[0]!;
}

interface Q {
  zone?: string;
  hours?: OpeningRange[];
  closures?: Closure[];
  game?: Partial<GameRules>;
  from: string;
  to?: string;
  partySize?: number;
  nowMs?: number;
  bookings?: ExistingBooking[];
}

function query(q: Q): AvailabilityQuery {
  return {
    venue: { timezone: q.zone ?? 'America/New_York', operatingHours: q.hours ?? daily('10:00', '14:00'), closures: q.closures ?? [] },
    game: {
      durationMinutes: 60,
      bufferMinutes: 0,
      slotIntervalMinutes: 60,
      minNoticeMinutes: 0,
      maxAdvanceDays: 3650,
      bookingMode: 'private',
      capacity: 6,
      priceCents: 3000,
      pricing: 'flat',
      ...q.game,
    },
    fromDate: q.from,
    toDate: q.to ?? q.from,
    partySize: q.partySize ?? 2,
    // Far in the past unless a test is about the clock.
    nowMs: q.nowMs ?? Date.UTC(2020, 0, 1),
    bookings: q.bookings ?? [],
  };
}

const times = (slots: Slot[]): string[] => slots.map((s) => `${s.bookingDate} ${s.startTime}`);
const startTimes = (slots: Slot[]): string[] => slots.map((s) => s.startTime);

describe('helpers', () => {
  it('localDateTimeToInstants: 1 instant normally, 0 in a gap, 2 (sorted) in an overlap, 24:00 = next midnight', () => {
    expect(localDateTimeToInstants('2026-06-01', '10:00', 'America/New_York')).toEqual([Date.UTC(2026, 5, 1, 14)]);
    expect(localDateTimeToInstants('2026-03-08', '02:30', 'America/New_York')).toEqual([]);
    expect(localDateTimeToInstants('2026-11-01', '01:30', 'America/New_York')).toEqual([
      Date.UTC(2026, 10, 1, 5, 30),
      Date.UTC(2026, 10, 1, 6, 30),
    ]);
    expect(localDateTimeToInstants('2026-06-01', '24:00', 'America/New_York')).toEqual([Date.UTC(2026, 5, 2, 4)]);
  });

  it('instantToLocal gives venue wall time and offset, not the process zone', () => {
    expect(instantToLocal(Date.UTC(2026, 5, 1, 4, 15), 'Asia/Kathmandu')).toEqual({ date: '2026-06-01', time: '10:00', offsetMinutes: 345 });
    expect(instantToLocal(Date.UTC(2026, 10, 1, 6, 30), 'America/New_York')).toEqual({ date: '2026-11-01', time: '01:30', offsetMinutes: -300 });
    expect(instantToLocal(Date.UTC(2026, 5, 1, 10), 'Pacific/Kiritimati')).toEqual({ date: '2026-06-02', time: '00:00', offsetMinutes: 840 });
  });

  it('isValidTimeZone', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('priceFor: per_player scales with the party, flat does not', () => {
    expect(priceFor({ priceCents: 2500, pricing: 'per_player' }, 4)).toBe(10_000);
    expect(priceFor({ priceCents: 9900, pricing: 'flat' }, 4)).toBe(9900);
  });
});

describe('DST and odd offsets', () => {
  const NY = 'America/New_York';
  const night = daily('00:00', '06:00');

  it('New York spring-forward, 60-min grid: no 02:00 slot, 03:00 exists, the 01:00 hour ends at 03:00 EDT', () => {
    const slots = computeSlots(query({ zone: NY, hours: night, from: '2026-03-08' }));
    expect(startTimes(slots)).toEqual(['00:00', '01:00', '03:00', '04:00', '05:00']);
    const one = slots[1]!;
    expect(one.endMs - one.startMs).toBe(60 * MIN);
    expect([one.endTime, one.startOffsetMinutes, one.endOffsetMinutes]).toEqual(['03:00', -300, -240]);
    expect(slots[2]!.startMs).toBe(Date.UTC(2026, 2, 8, 7));
    expect(slots.every((s) => s.bookingDate === '2026-03-08')).toBe(true);
  });

  it('New York spring-forward, 30-min grid: no 02:00 / 02:30', () => {
    const slots = computeSlots(query({ zone: NY, hours: night, from: '2026-03-08', game: { slotIntervalMinutes: 30, durationMinutes: 30 } }));
    expect(startTimes(slots)).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30']);
  });

  it('New York fall-back: two distinct 01:00 slots on the same booking date', () => {
    const slots = computeSlots(query({ zone: NY, hours: daily('00:00', '04:00'), from: '2026-11-01' }));
    expect(startTimes(slots)).toEqual(['00:00', '01:00', '01:00', '02:00', '03:00']);
    const [a, b] = [slots[1]!, slots[2]!];
    expect(b.startMs - a.startMs).toBe(60 * MIN);
    expect([a.bookingDate, b.bookingDate]).toEqual(['2026-11-01', '2026-11-01']);
    expect([a.startOffsetMinutes, b.startOffsetMinutes]).toEqual([-240, -300]);
    expect([a.endTime, a.endOffsetMinutes]).toEqual(['01:00', -300]);
    // The close wall time 04:00 EST is 5 real hours after 00:00 EDT.
    expect(slots[4]!.endMs - slots[0]!.startMs).toBe(5 * 60 * MIN);
  });

  it('a close inside the repeated hour means its later occurrence', () => {
    const slots = computeSlots(query({ zone: NY, hours: daily('00:00', '01:30'), from: '2026-11-01', game: { slotIntervalMinutes: 30, durationMinutes: 30 } }));
    // 01:00 EST + 30 min = 01:30 EST, the close; 01:30 itself is not before the close on the wall clock.
    expect(slots.map((s) => [s.startTime, s.startOffsetMinutes])).toEqual([['00:00', -240], ['00:30', -240], ['01:00', -240], ['01:00', -300]]);
  });

  it('an open inside the gap opens when the clock jumps past it; a close inside the gap is shifted forward', () => {
    const opens = computeSlots(query({ zone: NY, hours: daily('02:30', '05:00'), from: '2026-03-08', game: { slotIntervalMinutes: 30, durationMinutes: 30 } }));
    expect(startTimes(opens)).toEqual(['03:00', '03:30', '04:00', '04:30']);
    // Close 02:30 does not exist; luxon reads it as 03:30 EDT, one real hour after 01:30 EST.
    const closes = computeSlots(query({ zone: NY, hours: daily('00:00', '02:30'), from: '2026-03-08', game: { slotIntervalMinutes: 30, durationMinutes: 60 } }));
    expect(closes.map((s) => `${s.startTime}-${s.endTime}`)).toEqual(['00:00-01:00', '00:30-01:30', '01:00-03:00', '01:30-03:30']);
  });

  it('America/Havana: the fall-back at 01:00 repeats midnight itself', () => {
    const slots = computeSlots(query({ zone: 'America/Havana', hours: daily('00:00', '03:00'), from: '2026-11-01', game: { slotIntervalMinutes: 30, durationMinutes: 30 } }));
    expect(slots.map((s) => [s.startTime, s.startOffsetMinutes])).toEqual([
      ['00:00', -240], ['00:30', -240], ['00:00', -300], ['00:30', -300], ['01:00', -300], ['01:30', -300], ['02:00', -300], ['02:30', -300],
    ]);
    expect(slots.every((s) => s.bookingDate === '2026-11-01')).toBe(true);
  });

  it('Asia/Kathmandu (+05:45) and Asia/Kolkata (+05:30)', () => {
    const ktm = computeSlots(query({ zone: 'Asia/Kathmandu', from: '2026-06-01' }));
    expect(ktm[0]).toMatchObject({ startMs: Date.UTC(2026, 5, 1, 4, 15), startTime: '10:00', endTime: '11:00', startOffsetMinutes: 345 });
    expect(ktm).toHaveLength(4);
    const kol = computeSlots(query({ zone: 'Asia/Kolkata', from: '2026-06-01' }));
    expect(kol[0]).toMatchObject({ startMs: Date.UTC(2026, 5, 1, 4, 30), startOffsetMinutes: 330 });
  });

  it('Australia/Lord_Howe: the 30-minute jump 02:00 -> 02:30 on 2026-10-04', () => {
    const slots = computeSlots(query({ zone: 'Australia/Lord_Howe', hours: daily('00:00', '04:00'), from: '2026-10-04', game: { slotIntervalMinutes: 30, durationMinutes: 30 } }));
    expect(startTimes(slots)).toEqual(['00:00', '00:30', '01:00', '01:30', '02:30', '03:00', '03:30']);
    const s130 = slots[3]!;
    expect([s130.endTime, s130.startOffsetMinutes, s130.endOffsetMinutes]).toEqual(['02:30', 630, 660]);
  });

  it('Australia/Lord_Howe fall-back by 30 minutes repeats 01:30 and 01:45 only', () => {
    const slots = computeSlots(query({ zone: 'Australia/Lord_Howe', hours: daily('01:00', '03:00'), from: '2026-04-05', game: { slotIntervalMinutes: 15, durationMinutes: 15 } }));
    // Sorted by real start: the first 01:30/01:45 (+11:00) come before the repeated ones (+10:30).
    expect(startTimes(slots)).toEqual(['01:00', '01:15', '01:30', '01:45', '01:30', '01:45', '02:00', '02:15', '02:30', '02:45']);
    expect(slots.map((s) => s.startOffsetMinutes)).toEqual([660, 660, 660, 660, 630, 630, 630, 630, 630, 630]);
  });

  it('Australia/Adelaide (+09:30/+10:30): gap in October, overlap in April', () => {
    const spring = computeSlots(query({ zone: 'Australia/Adelaide', hours: night, from: '2026-10-04' }));
    expect(startTimes(spring)).toEqual(['00:00', '01:00', '03:00', '04:00', '05:00']);
    expect(spring[0]!.startOffsetMinutes).toBe(570);
    expect(spring[2]!.startOffsetMinutes).toBe(630);
    const autumn = computeSlots(query({ zone: 'Australia/Adelaide', hours: night, from: '2026-04-05' }));
    expect(startTimes(autumn)).toEqual(['00:00', '01:00', '02:00', '02:00', '03:00', '04:00', '05:00']);
    expect(autumn[2]!.startOffsetMinutes).toBe(630);
    expect(autumn[3]!.startOffsetMinutes).toBe(570);
  });

  it('Pacific/Chatham (+12:45/+13:45): 02:45 -> 03:45 on 2026-09-27', () => {
    const normal = computeSlots(query({ zone: 'Pacific/Chatham', from: '2026-06-01' }));
    expect(normal[0]).toMatchObject({ startMs: Date.UTC(2026, 4, 31, 21, 15), startOffsetMinutes: 765 });
    const slots = computeSlots(query({ zone: 'Pacific/Chatham', hours: daily('02:00', '05:00'), from: '2026-09-27', game: { slotIntervalMinutes: 15, durationMinutes: 15 } }));
    expect(startTimes(slots)).toEqual(['02:00', '02:15', '02:30', '03:45', '04:00', '04:15', '04:30', '04:45']);
    expect(slots[2]!.endTime).toBe('03:45');
  });

  it('Antarctica/Troll: a two-hour DST jump (+00 -> +02)', () => {
    const slots = computeSlots(query({ zone: 'Antarctica/Troll', hours: daily('00:00', '05:00'), from: '2026-03-29' }));
    expect(startTimes(slots)).toEqual(['00:00', '03:00', '04:00']);
    expect(slots[0]!.endTime).toBe('03:00');
    const autumn = computeSlots(query({ zone: 'Antarctica/Troll', hours: daily('00:00', '03:00'), from: '2026-10-25' }));
    expect(autumn.map((s) => [s.startTime, s.startOffsetMinutes])).toEqual([['00:00', 120], ['01:00', 120], ['02:00', 120], ['01:00', 0], ['02:00', 0]]);
  });

  it('Europe/Dublin (negative DST in tzdb) behaves like any +00/+01 zone', () => {
    expect(startTimes(computeSlots(query({ zone: 'Europe/Dublin', hours: daily('00:00', '03:00'), from: '2026-03-29' })))).toEqual(['00:00', '02:00']);
    const autumn = computeSlots(query({ zone: 'Europe/Dublin', hours: daily('00:00', '03:00'), from: '2026-10-25' }));
    expect(autumn.map((s) => [s.startTime, s.startOffsetMinutes])).toEqual([['00:00', 60], ['01:00', 60], ['01:00', 0], ['02:00', 0]]);
  });

  it('America/Santiago: midnight itself is skipped; "24:00" closes at the shifted instant', () => {
    const gapDay = computeSlots(query({ zone: 'America/Santiago', hours: daily('00:00', '03:00'), from: '2026-09-06' }));
    expect(startTimes(gapDay)).toEqual(['01:00', '02:00']);
    const eve = computeSlots(query({ zone: 'America/Santiago', hours: daily('20:00', '24:00'), from: '2026-09-05' }));
    expect(startTimes(eve)).toEqual(['20:00', '21:00', '22:00', '23:00']);
    expect(eve[3]).toMatchObject({ endTime: '01:00', startOffsetMinutes: -240, endOffsetMinutes: -180 });
    // Fall-back at midnight repeats 23:00 of the evening before.
    const back = computeSlots(query({ zone: 'America/Santiago', hours: daily('20:00', '24:00'), from: '2026-04-04' }));
    expect(startTimes(back)).toEqual(['20:00', '21:00', '22:00', '23:00', '23:00']);
    expect(back.every((s) => s.bookingDate === '2026-04-04')).toBe(true);
  });

  it('the result does not depend on the process time zone', () => {
    const q = query({ zone: 'Asia/Kathmandu', from: '2026-06-01', to: '2026-06-03' });
    const slots = computeSlots(q);
    expect(slots).toHaveLength(12);
    expect(slots.map((s) => s.startMs)).toEqual(
      ['2026-06-01', '2026-06-02', '2026-06-03'].flatMap((d) => ['10:00', '11:00', '12:00', '13:00'].map((t) => DateTime.fromISO(`${d}T${t}`, { zone: 'Asia/Kathmandu' }).toMillis())),
    );
  });
});

describe('opening hours and closures', () => {
  const Z = 'Europe/Berlin';
  // 2026-06-05 is a Friday, 2026-06-06 a Saturday.
  const friLate: OpeningRange[] = [{ weekday: 5, open: '18:00', close: '02:00' }];

  it('hours past midnight: a Friday range yields Saturday-dated slots after midnight', () => {
    const slots = computeSlots(query({ zone: Z, hours: friLate, from: '2026-06-05', to: '2026-06-06' }));
    expect(times(slots)).toEqual([
      '2026-06-05 18:00', '2026-06-05 19:00', '2026-06-05 20:00', '2026-06-05 21:00', '2026-06-05 22:00', '2026-06-05 23:00',
      '2026-06-06 00:00', '2026-06-06 01:00',
    ]);
  });

  it('a query starting on Saturday still sees the Friday range running into it, even if Saturday is closed', () => {
    const closures: Closure[] = [{ date: '2026-06-06' }];
    const slots = computeSlots(query({ zone: Z, hours: friLate, closures, from: '2026-06-06' }));
    expect(times(slots)).toEqual(['2026-06-06 00:00', '2026-06-06 01:00']);
    // ...but closing Friday removes them.
    expect(computeSlots(query({ zone: Z, hours: friLate, closures: [{ date: '2026-06-05' }], from: '2026-06-06' }))).toEqual([]);
  });

  it('"24:00" closes at the next midnight; close == open means a 24-hour range', () => {
    expect(startTimes(computeSlots(query({ zone: Z, hours: daily('20:00', '24:00'), from: '2026-06-01' })))).toEqual(['20:00', '21:00', '22:00', '23:00']);
    const allDay = computeSlots(query({ zone: Z, hours: daily('06:00', '06:00', [1]), from: '2026-06-01', to: '2026-06-02', game: { slotIntervalMinutes: 120 } }));
    expect(allDay).toHaveLength(12);
    expect(times(allDay).at(-1)).toBe('2026-06-02 04:00');
  });

  it('a full-day closure removes that date only', () => {
    const slots = computeSlots(query({ zone: Z, closures: [{ date: '2026-06-02' }], from: '2026-06-01', to: '2026-06-03' }));
    expect([...new Set(slots.map((s) => s.bookingDate))]).toEqual(['2026-06-01', '2026-06-03']);
  });

  it('special hours replace the weekday hours; several entries give several ranges; a bare closure wins', () => {
    const closures: Closure[] = [
      { date: '2026-06-02', open: '09:00', close: '10:00' },
      { date: '2026-06-02', open: '15:00', close: '17:00' },
    ];
    const slots = computeSlots(query({ zone: Z, closures, from: '2026-06-02' }));
    expect(startTimes(slots)).toEqual(['09:00', '15:00', '16:00']);
    expect(computeSlots(query({ zone: Z, closures: [...closures, { date: '2026-06-02' }], from: '2026-06-02' }))).toEqual([]);
  });

  it('several ranges a day, and overlapping ranges do not duplicate slots', () => {
    const two: OpeningRange[] = [...daily('10:00', '12:00'), ...daily('14:00', '16:00')];
    expect(startTimes(computeSlots(query({ zone: Z, hours: two, from: '2026-06-01' })))).toEqual(['10:00', '11:00', '14:00', '15:00']);
    const overlapping: OpeningRange[] = [...daily('10:00', '14:00'), ...daily('12:00', '16:00'), ...daily('10:30', '12:30')];
    const slots = computeSlots(query({ zone: Z, hours: overlapping, from: '2026-06-01' }));
    expect(startTimes(slots)).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00', '13:00', '14:00', '15:00']);
    expect(new Set(slots.map((s) => s.startMs)).size).toBe(slots.length);
  });

  it('a range shorter than the duration yields nothing; the last slot must end by closing time', () => {
    expect(computeSlots(query({ zone: Z, hours: daily('10:00', '10:45'), from: '2026-06-01' }))).toEqual([]);
    expect(startTimes(computeSlots(query({ zone: Z, hours: daily('10:00', '12:30'), from: '2026-06-01', game: { slotIntervalMinutes: 30 } })))).toEqual(['10:00', '10:30', '11:00', '11:30']);
  });

  it('fromDate after toDate yields nothing', () => {
    expect(computeSlots(query({ zone: Z, from: '2026-06-02', to: '2026-06-01' }))).toEqual([]);
  });
});

describe('the clock', () => {
  const Z = 'Europe/Berlin';

  it('min notice: starts before now + notice are excluded, exactly now + notice is fine', () => {
    const nowMs = at('2026-06-01', '09:30', Z);
    const slots = computeSlots(query({ zone: Z, from: '2026-06-01', nowMs, game: { minNoticeMinutes: 60, slotIntervalMinutes: 30 } }));
    expect(startTimes(slots)[0]).toBe('10:30');
  });

  it('max advance days counts venue-local calendar days from the local date of now', () => {
    // 2026-06-01 10:30 UTC is already 2026-06-02 00:30 in Kiritimati (+14).
    const nowMs = Date.UTC(2026, 5, 1, 10, 30);
    const slots = computeSlots(query({ zone: 'Pacific/Kiritimati', from: '2026-06-01', to: '2026-06-10', nowMs, game: { maxAdvanceDays: 2 } }));
    expect([...new Set(slots.map((s) => s.bookingDate))]).toEqual(['2026-06-02', '2026-06-03', '2026-06-04']);
    expect(computeSlots(query({ zone: Z, from: '2026-06-01', to: '2026-06-10', nowMs: at('2026-06-01', '08:00', Z), game: { maxAdvanceDays: 0 } })).map((s) => s.bookingDate)).toEqual(Array(4).fill('2026-06-01'));
  });
});

describe('bookings', () => {
  const Z = 'America/New_York';
  const D = '2026-06-01';
  const game: Partial<GameRules> = { bufferMinutes: 15 };
  const hours = daily('10:00', '16:00');
  const booking = (start: string, minutes: number, buffer: number, partySize = 2): ExistingBooking => {
    const startMs = at(D, start, Z);
    return { startMs, endMs: startMs + minutes * MIN, blockedUntilMs: startMs + (minutes + buffer) * MIN, partySize };
  };
  const state = (slots: Slot[]): string[] => slots.map((s) => `${s.startTime} ${s.available ? 'free' : 'taken'} ${s.remainingCapacity}`);

  it('private: touching is fine, the slot buffer and the booking buffer both block', () => {
    const bookings = [
      { ...booking('08:45', 60, 15) }, // blocks until exactly 10:00
      booking('12:00', 60, 15), // blocks [12:00, 13:15)
    ];
    const slots = computeSlots(query({ zone: Z, hours, game, from: D, bookings }));
    expect(state(slots)).toEqual([
      '10:00 free 6',
      '11:00 taken 0', // its own buffer runs to 12:15
      '12:00 taken 0',
      '13:00 taken 0', // the booking's buffer runs to 13:15
      '14:00 free 6',
      '15:00 free 6',
    ]);
  });

  it('private: a party larger than the room is never available', () => {
    const slots = computeSlots(query({ zone: Z, hours, from: D, partySize: 7 }));
    expect(slots.every((s) => !s.available && s.remainingCapacity === 6)).toBe(true);
  });

  it('shared: seats are summed per slot and compared with the party size', () => {
    const g: Partial<GameRules> = { bookingMode: 'shared', capacity: 8, bufferMinutes: 0 };
    const bookings = [booking('10:00', 60, 0, 3), booking('10:00', 60, 0, 2), booking('11:00', 60, 0, 8), booking('12:00', 60, 0, 6), booking('12:00', 60, 0, 5)];
    const four = computeSlots(query({ zone: Z, hours, game: g, from: D, partySize: 4, bookings }));
    expect(state(four).slice(0, 4)).toEqual(['10:00 taken 3', '11:00 taken 0', '12:00 taken 0', '13:00 free 8']);
    const three = computeSlots(query({ zone: Z, hours, game: g, from: D, partySize: 3, bookings }));
    expect(three[0]!.available).toBe(true);
  });

  it('bookings are not mutated or reordered', () => {
    const bookings = [booking('14:00', 60, 15), booking('10:00', 60, 15), booking('12:00', 60, 15)];
    const copy = structuredClone(bookings);
    computeSlots(query({ zone: Z, hours, game, from: D, bookings }));
    expect(bookings).toEqual(copy);
  });

  it('price: per_player multiplies by the party, flat does not', () => {
    expect(computeSlots(query({ zone: Z, from: D, partySize: 5, game: { pricing: 'per_player', priceCents: 2500 } }))[0]!.priceCents).toBe(12_500);
    expect(computeSlots(query({ zone: Z, from: D, partySize: 5, game: { pricing: 'flat', priceCents: 2500 } }))[0]!.priceCents).toBe(2500);
  });
});
