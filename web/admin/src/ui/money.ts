// Money as people type it (major units: "12.50") and as the API takes it (minor units: 1250), in a currency. The
// number of decimals comes from Intl (JPY has none, most currencies two), the same source shared/format money() uses.

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "12.50" (or "12,50") in major units -> 1250 minor units; null when it is not an amount with at most the currency's
 * decimals (never silently rounded). A leading "-" is kept when `signed` (gift card adjustments debit).
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

/**
 * For forms that leave every check to the API (games, settings): the amount, or NaN when it is not one, which JSON
 * sends as null and the API refuses with a message next to the field. Signed, so a negative price gets the API's
 * range message rather than a parse one.
 */
export function toMinorForApi(typed: string, currency: string): number {
  return toMinor(typed, currency, true) ?? Number.NaN;
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
