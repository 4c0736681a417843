import { randomInt } from 'node:crypto';

// No 0/O or 1/I: booking numbers are read out over the phone.
export const BOOKING_NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * What a booking number looks like: the bookings table's check constraint (migration 0002) spelled for the app, so
 * that a look-up of anything else needs no database; test/db/booking-rules.test.ts holds the two to each other.
 * The numbers the app makes (newBookingNumber, the demo's) are a subset: BOOKING_NUMBER_ALPHABET only.
 */
export const BOOKING_NUMBER = /^BK-[0-9A-Z]{6,10}$/;

/** A short, human-readable booking number such as BK-7F3K9QX (32^7 ≈ 34 billion values). */
export function newBookingNumber(): string {
  let s = 'BK-';
  for (let i = 0; i < 7; i++) s += BOOKING_NUMBER_ALPHABET[randomInt(BOOKING_NUMBER_ALPHABET.length)];
  return s;
}
