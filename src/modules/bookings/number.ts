import { randomInt } from 'node:crypto';

// No 0/O or 1/I: booking numbers are read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short, human-readable booking number such as BK-7F3K9QX (32^7 ≈ 34 billion values). */
export function newBookingNumber(): string {
  let s = 'BK-';
  for (let i = 0; i < 7; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
