const locale = typeof navigator === 'undefined' ? undefined : navigator.language;

/** A rate the API answers as a fraction (0.0833) as the visitor writes a percentage: "8.3%"; "–" when there is none. */
export function percent(rate: number | null): string {
  if (rate === null) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A number with up to two decimals ("3.25" players). */
export function decimal(n: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
}

/** `change_percent` in words, so it reads without colour: "up 12.5%", "down 3%", "no change" (the dashboard's 30-day figures). */
export function changeInWords(change: number | null, value: number | null): string {
  if (change === null) return value ? 'none in the 30 days before' : 'no figures before';
  if (change === 0) return 'no change';
  const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(change));
  return `${change > 0 ? 'up' : 'down'} ${size}%`;
}

/** A payment method's name for people. */
export const METHOD_NAMES: Record<string, string> = {
  cash: 'Cash',
  card_present: 'Card at the desk',
  stripe: 'Online (Stripe)',
  gift_card: 'Gift card',
  other: 'Other',
};

/** "1 booking", "12 bookings" (English nouns with a plain -s plural: the app's words are English). */
export function plural(n: number, noun: string): string {
  return `${new Intl.NumberFormat(locale).format(n)} ${noun}${n === 1 ? '' : 's'}`;
}
