// Formatting for people: the visitor's locale (the browser's), the organization's currency, the venue's zone.
// Dates and wall times from the API are venue-local already (`booking_date`, `start_time`): they are shown as
// they are, never converted through the browser's zone.

const locale = typeof navigator === 'undefined' ? undefined : navigator.language;

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string): Intl.NumberFormat {
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(currency, f);
  }
  return f;
}

/** An amount in minor units (4900) of an ISO 4217 currency, as the visitor writes money: "$49.00", "49,00 €". */
export function money(minor: number, currency: string): string {
  const f = moneyFormat(currency);
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

/** A plain count in the visitor's digits and grouping. */
export function count(n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A venue-local date (YYYY-MM-DD) in the visitor's words: "Saturday, March 14, 2026". */
export function localDate(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  // Noon UTC of that calendar day, formatted in UTC: the same calendar day whatever the browser's zone.
  const at = new Date(Date.UTC(y, m - 1, d, 12));
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } : { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/** An instant in a given IANA zone, date and time, in the visitor's words. */
export function instantIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Minutes as the visitor reads a duration: "60 min", "90 min", "2 hr 30 min" (Intl's unit formats). */
export function duration(minutes: number): string {
  const unit = (value: number, u: 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  // Sessions are thought of in minutes up to two hours ("a 90-minute room").
  if (minutes < 120) return unit(minutes, 'minute');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
}

/** The browser's IANA zone ("Europe/Berlin"). */
export function visitorZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today's date (YYYY-MM-DD) in an IANA zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar date (YYYY-MM-DD) moved by whole days: calendar arithmetic, no zone and no DST involved. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Minutes and seconds left, "9:05". */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
