import { DateTime } from 'luxon';

/** The events a template may be written for (API.md); each has its own placeholders. */
export const TEMPLATE_EVENTS = [
  'booking_created',
  'booking_confirmed',
  'booking_rescheduled',
  'booking_cancelled',
  'booking_reminder',
  'payment_receipt',
  'refund_issued',
  'gift_card_issued',
  'waiver_request',
] as const;
export type TemplateEvent = (typeof TEMPLATE_EVENTS)[number];

/** A template's variables: nested objects of text and numbers, as Liquid reads them. */
export interface TemplateData {
  [key: string]: string | number | null | TemplateData;
}

// Sample values double as the catalog: a placeholder exists for an event exactly when its sample has it. Every
// value is ready to print (dates in the venue's zone, money with its currency), so templates need no filters.
const organization = { name: 'Lockbox Escape Rooms', email: 'hello@lockbox.example', phone: '+1 555 0100' };
const customer = { full_name: 'Alex Morgan', first_name: 'Alex', email: 'alex@example.com' };
const booking = {
  booking_number: 'BK-7F3K9Q',
  date_local: 'Saturday, March 14, 2026',
  start_time_local: '19:30',
  end_time_local: '20:30',
  start_local: 'Saturday, March 14, 2026 at 19:30',
  timezone: 'America/New_York',
  party_size: 4,
  status: 'confirmed',
  final_amount: '$120.00',
};
const game = { name: 'The Lost Laboratory' };
const venue = { name: 'Lockbox Downtown', address: '12 Main Street, Springfield', phone: '+1 555 0101' };
const manage_url = 'https://book.example/manage/BK-7F3K9Q?token=sample';
const bookingSample = { organization, customer, booking, game, venue, manage_url };

const SAMPLES: Record<TemplateEvent, TemplateData> = {
  booking_created: bookingSample,
  booking_confirmed: bookingSample,
  booking_rescheduled: { ...bookingSample, previous: { start_local: 'Friday, March 13, 2026 at 18:00' } },
  booking_cancelled: { ...bookingSample, refund: { amount: '$120.00' } },
  booking_reminder: bookingSample,
  payment_receipt: { ...bookingSample, payment: { amount: '$120.00', method: 'card', paid_local: 'March 1, 2026 at 10:02' } },
  refund_issued: { ...bookingSample, refund: { amount: '$60.00', reason: 'Cancelled inside the refund window' } },
  gift_card_issued: {
    organization,
    customer,
    gift_card: { code: 'AB2C-DE3F-GH4J-KM5N', amount: '$50.00', expires_on: 'March 1, 2027', recipient_name: 'Sam Lee', note: 'Happy birthday!' },
  },
  waiver_request: { ...bookingSample, waiver_url: 'https://book.example/waivers/sample' },
};

/** Sample data for an event (preview, validation on save). */
export function sampleData(event: TemplateEvent): TemplateData {
  return SAMPLES[event];
}

/** The placeholders of an event as dotted paths with their sample values. */
export function placeholdersOf(event: TemplateEvent): { name: string; example: string }[] {
  const out: { name: string; example: string }[] = [];
  const walk = (data: TemplateData, prefix: string) => {
    for (const [k, v] of Object.entries(data)) {
      if (v !== null && typeof v === 'object') walk(v, `${prefix}${k}.`);
      else out.push({ name: `${prefix}${k}`, example: String(v) });
    }
  };
  walk(SAMPLES[event], '');
  return out;
}

/** Whether `path` names a placeholder of the event or an object holding some (`booking` in `{% if booking %}`). */
export function isKnownPath(event: TemplateEvent, path: (string | number)[]): boolean {
  let node: TemplateData | string | number | null | undefined = SAMPLES[event];
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return false;
    node = Object.hasOwn(node, String(segment)) ? node[String(segment)] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

/** What bookingData needs: rows as the modules hold them. */
export interface BookingDataInput {
  organization: { name: string; email: string | null; phone: string | null };
  venue: { name: string; timezone: string; phone: string | null; address: Record<string, string | undefined> | null };
  game: { name: string };
  customer: { full_name: string; email: string | null };
  booking: { booking_number: string; start_at: Date | string; end_at: Date | string; party_size: number; status: string; final_amount: number; currency: string };
  manageUrl: string;
  locale?: string;
}

/** Minor units as the customer reads them, in the template's locale ('$120.00', '120,00 €'). */
export function formatMoney(cents: number, currency: string, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** The variables of a booking event, with its times in the venue's zone (never the server's). */
export function bookingData(input: BookingDataInput): TemplateData {
  const locale = input.locale ?? 'en';
  const zone = input.venue.timezone;
  const at = (v: Date | string) => DateTime.fromJSDate(new Date(v), { zone }).setLocale(locale);
  const start = at(input.booking.start_at);
  const end = at(input.booking.end_at);
  const date = start.toLocaleString({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const a = input.venue.address ?? {};
  const address = [a.line1, a.line2, [a.postal_code, a.city].filter(Boolean).join(' '), a.region].filter(Boolean).join(', ');
  const firstName = input.customer.full_name.trim().split(/\s+/)[0] ?? '';
  return {
    organization: { name: input.organization.name, email: input.organization.email ?? '', phone: input.organization.phone ?? '' },
    customer: { full_name: input.customer.full_name, first_name: firstName, email: input.customer.email ?? '' },
    booking: {
      booking_number: input.booking.booking_number,
      date_local: date,
      start_time_local: start.toFormat('HH:mm'),
      end_time_local: end.toFormat('HH:mm'),
      start_local: `${date} at ${start.toFormat('HH:mm')}`,
      timezone: zone,
      party_size: input.booking.party_size,
      status: input.booking.status,
      final_amount: formatMoney(input.booking.final_amount, input.booking.currency, locale),
    },
    game: { name: input.game.name },
    venue: { name: input.venue.name, address, phone: input.venue.phone ?? '' },
    manage_url: input.manageUrl,
  };
}
