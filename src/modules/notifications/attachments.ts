import type ical from 'ical-generator';
import type { OutgoingEmail } from './mailer.js';

/** What a booking sender adds around any template (content._mail): not placeholders, so no template can drop them. */
export interface MailExtras {
  unsubscribe_url?: string;
  ics_uid?: string;
  ics_start?: string;
  ics_end?: string;
  ics_summary?: string;
  ics_location?: string;
  ics_description?: string;
  /** `<booking_number>:<manage_token>`, drawn as a QR code; '' when the booking has no manage token. */
  qr?: string;
}

/** The booking as one iCalendar event (instants in UTC, so every calendar shows it in its own zone). */
function bookingCalendar(generate: typeof ical, x: MailExtras): string {
  const calendar = generate({ prodId: { company: 'BookingTMS', product: 'bookings', language: 'EN' } });
  calendar.createEvent({
    id: x.ics_uid!,
    start: new Date(x.ics_start!),
    end: new Date(x.ics_end!),
    summary: x.ics_summary ?? '',
    location: x.ics_location ?? '',
    description: x.ics_description ?? '',
  });
  return calendar.toString();
}

/**
 * Adds the extras to a rendered mail: the unsubscribe link under the text and HTML (every customer mail has one,
 * whatever the tenant's template says), the `.ics` and the QR code PNG for a confirmation.
 */
export async function withExtras(mail: OutgoingEmail, x: MailExtras | undefined): Promise<OutgoingEmail> {
  if (!x) return mail;
  const out: OutgoingEmail = { ...mail, attachments: [] };
  if (x.unsubscribe_url) {
    out.text = `${mail.text}\n\n--\nTo stop these emails: ${x.unsubscribe_url}`;
    // The URL is ours (base URL and a url-safe token), but it is escaped like any value printed into HTML.
    const href = x.unsubscribe_url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    if (mail.html) out.html = `${mail.html}\n<p style="font-size:12px;color:#666"><a href="${href}">Unsubscribe from these emails</a></p>`;
  }
  // ical-generator and qrcode are loaded by the first mail that needs them: an API process never does.
  if (x.ics_start && x.ics_end) {
    const { default: generate } = await import('ical-generator');
    out.attachments!.push({ filename: 'booking.ics', content: bookingCalendar(generate, x), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
  }
  if (x.qr) {
    const { default: QRCode } = await import('qrcode');
    const png = await QRCode.toBuffer(x.qr, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 300 });
    out.attachments!.push({ filename: 'checkin-qr.png', content: png, contentType: 'image/png', cid: 'checkin-qr' });
  }
  return out;
}
