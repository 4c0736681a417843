import { createHash } from 'node:crypto';

/** A key for Stripe's idempotency, derived from what makes the request one logical operation. */
export const stripeKey = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

/** A UUID derived from a key, so a retried request names the row (and the PaymentIntent's metadata) the same way. */
export function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(`payment-id\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

