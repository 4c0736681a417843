import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A number a text message can go to (E.164), or why there is none. */
export type SmsTarget = { ok: true; number: string } | { ok: false; reason: string };

/**
 * A customer's phone as typed ("(212) 555-0142", "+44 20 7946 0321", "0049 30 1234567") in E.164, if it looks like
 * a phone number: possible for its country by length (libphonenumber's metadata). A number without a country code
 * is read in `country` (the venue's address country), and refused when the venue has none: guessing a country
 * would text a stranger. Whether the number exists is Twilio's to say (a 400 fails the delivery for good).
 */
export function smsTarget(phone: string | null | undefined, country?: string | null): SmsTarget {
  const typed = phone?.trim();
  if (!typed) return { ok: false, reason: 'customer has no phone number' };
  // International dialling prefix 00 (most of the world) as +, so it needs no country.
  const text = typed.replace(/^00(?=[1-9])/, '+');
  const defaultCountry = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry } : undefined);
  if (!parsed) {
    return { ok: false, reason: text.startsWith('+') || defaultCountry ? 'phone number is not valid' : 'phone number has no country code (and the venue no country)' };
  }
  if (!parsed.isPossible()) return { ok: false, reason: 'phone number is not valid' };
  return { ok: true, number: parsed.number };
}
