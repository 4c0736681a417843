import { randomInt } from 'node:crypto';

/**
 * The characters of a gift card code: digits and upper-case letters without 0/O, 1/I/L and U, so a code read out
 * over the phone or copied from paper cannot be mistyped into another one. The table's check constraint (migration
 * 0012) spells the same set.
 */
export const GIFT_CARD_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GIFT_CARD_CODE_LENGTH = 16;

const STORED = new RegExp(`^[${GIFT_CARD_ALPHABET}]{${GIFT_CARD_CODE_LENGTH}}$`);

/** `length` characters of the alphabet, each drawn with crypto randomness (randomInt is unbiased). */
export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += GIFT_CARD_ALPHABET[randomInt(GIFT_CARD_ALPHABET.length)];
  return s;
}

/** A new code: 30^16 ≈ 2^78 values, so guessing one is hopeless even without the look-up's rate limit. */
export const newGiftCardCode = () => randomCode(GIFT_CARD_CODE_LENGTH);

/**
 * A code as typed ("abcd-efgh jkmn-pqrs") in its stored form, or null when it cannot be a code at all (so the
 * database is not asked, and no NUL byte or 100 kB string ever reaches it).
 */
export function normalizeGiftCardCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return STORED.test(code) ? code : null;
}

/** What anyone but a manager sees of a code: its last four characters, `XXXX-XXXX-XXXX-AB12`. */
export function maskGiftCardCode(code: string): string {
  return `XXXX-XXXX-XXXX-${code.slice(-4)}`;
}
