import type Stripe from 'stripe';
import type { Config } from '../../config.js';
import { AppError } from '../../http/errors.js';

/** What the payments module needs of Stripe, in our terms: integer minor units, our error codes, no SDK types but Event. */
export interface StripeGateway {
  /** A PaymentIntent the widget confirms with `clientSecret`; `idempotencyKey` makes a retry return the same one. */
  createPaymentIntent(input: {
    amountCents: number;
    currency: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
    description?: string;
  }): Promise<{ id: string; clientSecret: string; status: string }>;
  /** The PaymentIntent as Stripe has it now; `currency` upper-cased (ISO 4217, as this API stores it). */
  retrievePaymentIntent(id: string): Promise<{ id: string; status: string; amountReceived: number; currency: string; metadata: Record<string, string> }>;
  /** Cancels an unpaid PaymentIntent; one already cancelled counts as done. */
  cancelPaymentIntent(id: string, idempotencyKey: string): Promise<void>;
  /** Refunds part or all of a succeeded PaymentIntent; more than is left is 422 `rule_violation`. */
  createRefund(input: { paymentIntentId: string; amountCents: number; idempotencyKey: string; metadata: Record<string, string> }): Promise<{
    id: string;
    status: string;
    amountCents: number;
  }>;
  /** Verifies the Stripe-Signature header over the raw body with the webhook secret; AppError invalid_signature (400) when missing or wrong, or when no secret is configured. */
  verifyEvent(rawBody: string | Buffer, signature: string | undefined): Stripe.Event;
}

const RETRY = 'retry with the same Idempotency-Key';

/** The address STRIPE_API_BASE names, in the three parts the SDK takes (it has no base-URL option). */
function apiAddress(base: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

// Stripe's messages are written to be shown, but a key or client secret must never travel on in one, whatever it says.
function redact(message: string): string {
  return message
    .replace(/\b(sk|rk|pk)_(test|live)_[A-Za-z0-9*]+/g, '[redacted key]')
    .replace(/\bwhsec_[A-Za-z0-9*]+/g, '[redacted secret]')
    .replace(/_secret_[A-Za-z0-9*]+/g, '_secret_[redacted]');
}

/** Our own deadline passed before the SDK answered (see `bounded`). */
class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

/** The SDK's class (its error classes hang off it), loaded only when a secret key is configured. */
type StripeSdk = typeof Stripe;

/** What a failed call means for our caller. Only Stripe's type, code, status and request id are kept (as `cause`), never bodies. */
function stripeFailure(Stripe: StripeSdk, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err instanceof Stripe.errors.StripeError ? err : undefined;
  const status = e?.statusCode;
  let mapped: AppError;
  if (e instanceof Stripe.errors.StripeConnectionError || err instanceof DeadlineExceeded) {
    mapped = new AppError('service_unavailable', `The payment provider could not be reached or did not answer in time; ${RETRY}`, undefined, { 'retry-after': '2' });
  } else if (e instanceof Stripe.errors.StripeIdempotencyError) {
    // Our caller derives the key from the client's: the client reused its key for another request.
    mapped = new AppError('idempotency_conflict', 'This Idempotency-Key was already used for a different payment request');
  } else if (status === 401 || status === 403) {
    // The key is wrong, revoked or lacks a permission: the operator must act, and the client can only come back later.
    mapped = new AppError('service_unavailable', 'Online payment is unavailable: the payment provider refused this server');
  } else if (status === 409 || status === 429 || e instanceof Stripe.errors.StripeRateLimitError) {
    // A concurrent request on the same object, or rate limiting: nothing happened, a later retry can succeed.
    mapped = new AppError('service_unavailable', `The payment provider is busy; ${RETRY}`, undefined, { 'retry-after': '2' });
  } else if (e && status !== undefined && status >= 400 && status < 500) {
    mapped = new AppError('rule_violation', redact(e.message) || 'The payment provider refused the request');
  } else {
    // 5xx, a body that was not JSON, or anything else the SDK threw: the provider failed, never our 500.
    mapped = new AppError('bad_gateway', `The payment provider failed; ${RETRY}`);
  }
  mapped.cause = e
    ? { provider: 'stripe', type: e.type, code: e.code, statusCode: status, requestId: e.requestId }
    : { provider: 'stripe', type: err instanceof Error ? err.name : typeof err };
  return mapped;
}

/**
 * Runs one SDK call within `ms` in total. The SDK's own `timeout` only bounds the wait for the next byte (a socket
 * idle timer), and it retries a reset connection once even with retries off; this bounds the whole call. A call cut
 * off here may still complete at Stripe: the idempotency key makes the client's retry safe.
 */
async function bounded<T>(ms: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * null when STRIPE_SECRET_KEY is not set (online payment is then off). The SDK is imported only when it is: a
 * process without Stripe does not carry its modules (docs/performance.md, the API process's memory).
 */
export async function stripeGateway(config: Config): Promise<StripeGateway | null> {
  const key = config.STRIPE_SECRET_KEY;
  if (!key) return null;
  const { default: Stripe } = await import('stripe');
  const ms = config.STRIPE_TIMEOUT_MS;
  /** One SDK call, bounded in time, its failure in our codes. */
  const call = async <T>(ms: number, run: () => Promise<T>): Promise<T> => {
    try {
      return await bounded(ms, run);
    } catch (err) {
      throw stripeFailure(Stripe, err);
    }
  };
  const webhookSecret = config.STRIPE_WEBHOOK_SECRET;
  const stripe = new Stripe(key, {
    ...apiAddress(config.STRIPE_API_BASE),
    timeout: ms,
    // No retries of its own: each would add up to `timeout` plus a 0.5-5 s backoff while the request's transaction
    // waits; our 502/503 tell the client to retry with the same Idempotency-Key, which reaches Stripe with the same key.
    maxNetworkRetries: 0,
    // Node's http module, named so that a change of the SDK's default client cannot change how timeouts behave.
    httpClient: Stripe.createNodeHttpClient(),
    // Latency reports about earlier requests, sent along with later ones: nothing we need, one header less.
    telemetry: false,
    appInfo: { name: 'BookingTMS' },
  });

  return {
    async createPaymentIntent(input) {
      const pi = await call(ms, () =>
        stripe.paymentIntents.create(
          {
            amount: input.amountCents,
            currency: input.currency.toLowerCase(),
            metadata: input.metadata,
            ...(input.description ? { description: input.description } : {}),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      if (!pi.client_secret) throw stripeFailure(Stripe, new Error('PaymentIntent without client_secret'));
      return { id: pi.id, clientSecret: pi.client_secret, status: pi.status };
    },

    async retrievePaymentIntent(id) {
      const pi = await call(ms, () => stripe.paymentIntents.retrieve(id));
      return { id: pi.id, status: pi.status, amountReceived: pi.amount_received, currency: pi.currency.toUpperCase(), metadata: pi.metadata };
    },

    async cancelPaymentIntent(id, idempotencyKey) {
      try {
        await bounded(ms, () => stripe.paymentIntents.cancel(id, {}, { idempotencyKey }));
      } catch (err) {
        // A retried cancel, or one racing another: cancelled is what the caller wanted. (Succeeded is refused: refund it.)
        const cancelled = err instanceof Stripe.errors.StripeInvalidRequestError && err.payment_intent?.status === 'canceled';
        if (!cancelled) throw stripeFailure(Stripe, err);
      }
    },

    async createRefund(input) {
      const refund = await call(ms, () =>
        stripe.refunds.create(
          { payment_intent: input.paymentIntentId, amount: input.amountCents, metadata: input.metadata },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { id: refund.id, status: refund.status ?? 'pending', amountCents: refund.amount };
    },

    verifyEvent(rawBody, signature) {
      if (!webhookSecret) throw new AppError('invalid_signature', 'Stripe webhooks are not configured on this server');
      if (!signature) throw new AppError('invalid_signature', 'The Stripe-Signature header is missing');
      try {
        // Default tolerance (300 s): an old, replayed delivery is refused even when its signature is genuine.
        return stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
      } catch {
        throw new AppError('invalid_signature', 'The Stripe-Signature header does not match the body, or is too old');
      }
    },
  };
}
