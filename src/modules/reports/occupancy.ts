/**
 * Occupancy: booked slot time over offered slot time (docs/reports.md). The offered time is the availability
 * engine's own grid for the venue's hours and closures (not an estimate from opening hours): the union of the
 * grid's slot spans [start, end) over the period's venue-local dates, so overlapping slots (an interval shorter
 * than the game) count the room's time once. For a shared game both sides count seats: offered × max_players,
 * booked × party size. Pure apart from the rows it is given.
 */
import { computeSlots } from '../availability/service.js';
import type { GameRules } from '../availability/types.js';
import { daysIn } from './periods.js';
import type { RoomRow } from './sql.js';

const DAY_MS = 86_400_000;

/** Seconds the room offers (seat-seconds for a shared game) over venue-local dates [from, to]. */
export function offeredSeconds(room: RoomRow, from: string, to: string): number {
  const game: GameRules = {
    durationMinutes: room.duration_minutes,
    bufferMinutes: room.buffer_minutes,
    slotIntervalMinutes: room.slot_interval_minutes,
    // The grid as offered, whatever the booking window: notice and horizon limit when one may book, not what is offered.
    minNoticeMinutes: 0,
    maxAdvanceDays: daysIn(from, to) + 3,
    bookingMode: room.booking_mode,
    capacity: room.max_players,
    priceCents: 0,
    pricing: 'flat',
  };
  const slots = computeSlots({
    venue: { timezone: room.timezone, operatingHours: room.operating_hours, closures: room.closures },
    game,
    fromDate: from,
    toDate: to,
    partySize: 1,
    // A clock before the period, so no slot of it is "in the past" for the engine.
    nowMs: Date.parse(`${from}T00:00:00Z`) - 2 * DAY_MS,
    bookings: [],
  });
  let totalMs = 0;
  let openStart = -Infinity;
  let openEnd = -Infinity;
  for (const s of slots) {
    if (s.startMs > openEnd) {
      totalMs += openEnd - openStart > 0 ? openEnd - openStart : 0;
      openStart = s.startMs;
      openEnd = s.endMs;
    } else if (s.endMs > openEnd) openEnd = s.endMs;
  }
  totalMs += openEnd - openStart > 0 ? openEnd - openStart : 0;
  const seats = room.booking_mode === 'shared' ? room.max_players : 1;
  return (totalMs / 1000) * seats;
}

/** booked / offered as a fraction with four decimals; null when nothing was offered (no rate to speak of). */
export function rate(booked: number, offered: number): number | null {
  if (offered <= 0) return null;
  return Math.round((booked / offered) * 10_000) / 10_000;
}
