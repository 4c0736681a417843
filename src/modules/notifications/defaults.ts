import type { TemplateEvent } from './placeholders.js';

/** A template's text parts; `subject` and `body_html` are null for SMS. */
export interface TemplateParts {
  subject: string | null;
  body_text: string;
  body_html: string | null;
}

// Plain and friendly: what happened, when (the venue's local date and time), where, and how to change it.
const when = 'When: {{ booking.start_local }} ({{ booking.timezone }})';
const details = [
  `Booking: {{ booking.booking_number }}`,
  `Experience: {{ game.name }}`,
  when,
  'Where: {{ venue.name }}{% if venue.address != "" %}, {{ venue.address }}{% endif %}',
  'Players: {{ booking.party_size }}',
];
const manage = 'See or change your booking: {{ manage_url }}';
const signOff = 'See you soon,\n{{ organization.name }}';
// Text messages: one or two SMS segments, plain text, the venue-local time, the manage link when there is one (a
// staff booking and a reminder have none: then no dangling "Manage:").
const smsManage = '{% if manage_url != "" %} Manage: {{ manage_url }}{% endif %}';

interface Wording {
  subject: string;
  intro: string;
  sms: string;
  /** Extra lines under the intro (text form). */
  extra?: string[];
  /** Whether the booking block and manage link belong in the message. */
  booking?: boolean;
}

const WORDING: Record<TemplateEvent, Wording> = {
  booking_created: {
    subject: 'We received your booking {{ booking.booking_number }}',
    intro: 'Thanks for booking with us! Here are the details:',
    sms: `{{ organization.name }}: booking {{ booking.booking_number }} received. {{ game.name }}, {{ booking.start_local }}, {{ venue.name }}.${smsManage}`,
    booking: true,
  },
  booking_confirmed: {
    subject: 'Your booking {{ booking.booking_number }} is confirmed',
    intro: 'Your booking is confirmed. We look forward to seeing you!',
    sms: `{{ organization.name }}: booking {{ booking.booking_number }} confirmed. {{ game.name }}, {{ booking.start_local }}, {{ venue.name }}.${smsManage}`,
    booking: true,
  },
  booking_rescheduled: {
    subject: 'Your booking {{ booking.booking_number }} has a new time',
    intro: 'Your booking has moved from {{ previous.start_local }} to a new time:',
    sms: `{{ organization.name }}: booking {{ booking.booking_number }} moved to {{ booking.start_local }} ({{ game.name }}, {{ venue.name }}).${smsManage}`,
    booking: true,
  },
  booking_cancelled: {
    subject: 'Your booking {{ booking.booking_number }} is cancelled',
    intro: 'Your booking for {{ game.name }} on {{ booking.start_local }} has been cancelled.',
    extra: ['{% if refund.amount != "" %}A refund of {{ refund.amount }} is on its way.{% endif %}'],
    sms: '{{ organization.name }}: booking {{ booking.booking_number }} ({{ game.name }}, {{ booking.start_local }}) is cancelled.{% if refund.amount != "" %} Refund: {{ refund.amount }}.{% endif %}',
  },
  booking_reminder: {
    subject: 'Reminder: {{ game.name }} on {{ booking.start_local }}',
    intro: 'A friendly reminder of your upcoming booking:',
    sms: `Reminder from {{ organization.name }}: {{ game.name }}, {{ booking.start_local }}, {{ venue.name }} (booking {{ booking.booking_number }}).${smsManage}`,
    booking: true,
  },
  payment_receipt: {
    subject: 'Receipt for booking {{ booking.booking_number }}',
    intro: 'We received your payment of {{ payment.amount }} ({{ payment.method }}) on {{ payment.paid_local }}. Thank you!',
    sms: '{{ organization.name }}: payment of {{ payment.amount }} received for booking {{ booking.booking_number }}.',
    booking: true,
  },
  refund_issued: {
    subject: 'Refund for booking {{ booking.booking_number }}',
    intro: 'We have issued a refund of {{ refund.amount }} for booking {{ booking.booking_number }}.',
    extra: ['{% if refund.reason != "" %}Reason: {{ refund.reason }}{% endif %}'],
    sms: '{{ organization.name }}: refund of {{ refund.amount }} issued for booking {{ booking.booking_number }}.',
  },
  gift_card_issued: {
    subject: 'Your gift card from {{ organization.name }}',
    intro: 'Here is your gift card of {{ gift_card.amount }}{% if gift_card.recipient_name != "" %} for {{ gift_card.recipient_name }}{% endif %}.',
    extra: ['Code: {{ gift_card.code }}', '{% if gift_card.expires_on != "" %}Valid until {{ gift_card.expires_on }}.{% endif %}', '{{ gift_card.note }}'],
    sms: '{{ organization.name }}: your gift card of {{ gift_card.amount }}, code {{ gift_card.code }}.',
  },
  waiver_request: {
    subject: 'Please sign your waiver for {{ booking.start_local }}',
    intro: 'Before your visit, please sign the waiver: {{ waiver_url }}',
    sms: '{{ organization.name }}: please sign your waiver before your visit: {{ waiver_url }}',
    booking: true,
  },
};

const escapeHtml = (line: string) => line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The built-in template of an event and channel (English). */
export function defaultTemplate(event: TemplateEvent, channel: 'email' | 'sms'): TemplateParts {
  const w = WORDING[event];
  if (channel === 'sms') return { subject: null, body_text: w.sms, body_html: null };
  const paragraphs = [[w.intro, ...(w.extra ?? [])], ...(w.booking ? [details, [manage]] : [])];
  const greeting = 'Hello {{ customer.first_name }},';
  const text = [greeting, ...paragraphs.map((p) => p.join('\n')), signOff].join('\n\n') + '\n';
  // The template's own markup is fixed here; the values it prints are escaped by the HTML engine at render.
  const html = [greeting, ...paragraphs.map((p) => p.map(escapeHtml).join('<br>')), signOff.replace('\n', '<br>')]
    .map((p) => `<p>${p.replace(/\{\{ manage_url \}\}/, '<a href="{{ manage_url }}">{{ manage_url }}</a>')}</p>`)
    .join('\n');
  return { subject: w.subject, body_text: text, body_html: `<!doctype html>\n<html><body style="font-family: sans-serif">\n${html}\n</body></html>\n` };
}
