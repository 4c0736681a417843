// Words for the notification events and channels (docs/api.md "Templates").

export const TEMPLATE_EVENTS = {
  booking_created: 'Booking received',
  booking_confirmed: 'Booking confirmed',
  booking_rescheduled: 'Booking moved',
  booking_cancelled: 'Booking cancelled',
  booking_reminder: 'Reminder',
  payment_receipt: 'Payment receipt',
  refund_issued: 'Refund issued',
  gift_card_issued: 'Gift card issued',
  waiver_request: 'Waiver request (not sent yet)',
} as const;
export type TemplateEvent = keyof typeof TEMPLATE_EVENTS;

/** A delivery's event may also be a platform mail (password reset ...): its own name then. */
export function eventLabel(event: string): string {
  return (TEMPLATE_EVENTS as Record<string, string>)[event] ?? event.replace(/_/g, ' ');
}

export const CHANNELS = { email: 'Email', sms: 'SMS' } as const;
export type Channel = keyof typeof CHANNELS;

export const DELIVERY_STATUSES = { queued: 'Queued', sent: 'Sent', failed: 'Failed', skipped: 'Skipped' } as const;
export type DeliveryStatus = keyof typeof DELIVERY_STATUSES;
