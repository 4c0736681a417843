/** Money typed by a person (major units, "49.50") to the API's minor units (4950) and back, per currency. */

function digits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "49.5" -> 4950 (USD); "" or not a number -> NaN, which the API refuses with a message next to the field. */
export function toMinor(text: string, currency: string): number {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) return Number.NaN;
  return Math.round(value * 10 ** digits(currency));
}

/** 4950 -> "49.50" (USD), for an input's value. */
export function fromMinor(minor: number, currency: string): string {
  return (minor / 10 ** digits(currency)).toFixed(digits(currency));
}
