import { instantIn, money } from '../../../../shared/format';
import { useSignedIn } from '../../app/session';

// Money as people type it (major units: "12.50") and as the API takes it (minor units: 1250), in the organization's
// currency. The number of decimals comes from Intl (JPY has none, most currencies two), the same source money() uses.

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "12.50" (or "12,50") in major units -> 1250 minor units; null when it is not an amount with at most the currency's
 * decimals. A leading "-" is kept when `signed` (gift card adjustments debit). The API checks the range.
 */
export function toMinor(typed: string, currency: string, signed = false): number | null {
  const digits = minorDigits(currency);
  const text = typed.trim().replace(',', '.');
  const m = (signed ? /^(-?)(\d+)(?:\.(\d*))?$/ : /^()(\d+)(?:\.(\d*))?$/).exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(m[2]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] === '-' ? -minor : minor;
}

/** 1250 minor units -> "12.50", for prefilling an amount input (no currency sign, no grouping). */
export function toMajor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** The hint under an amount input. */
export function amountHint(currency: string): string {
  return minorDigits(currency) ? `In ${currency}, e.g. ${(12.5).toFixed(minorDigits(currency))}` : `In ${currency}, e.g. 1200`;
}

/** The organization's currency and time zone, and money/instant formatters bound to them (every money page uses these). */
export function useOrgFormat() {
  const { organization } = useSignedIn();
  const currency = organization?.currency ?? 'USD';
  const zone = organization?.timezone ?? 'UTC';
  return { currency, zone, money: (minor: number) => money(minor, currency), at: (iso: string) => instantIn(iso, zone) };
}
