// The event types an endpoint can subscribe to (docs/api.md "Outgoing webhooks"), with words for people.
export const WEBHOOK_EVENTS = {
  'booking.created': 'A booking is made',
  'booking.updated': 'A booking changes',
  'booking.cancelled': 'A booking is cancelled',
  'booking.checked_in': 'A booking is checked in',
  'payment.succeeded': 'A payment succeeds',
  'payment.refunded': 'A payment is refunded',
  'customer.created': 'A customer is added',
  'waiver.signed': 'A waiver is signed (not sent yet)',
} as const;
export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;

export const DELIVERY_STATUSES = { pending: 'Pending', succeeded: 'Delivered', failed: 'Failed' } as const;
