import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { LocalFake } from './local-fake.js';

/**
 * A local stand-in for the part of Stripe's HTTP API the gateway uses, spoken the way the real SDK speaks it
 * (form-encoded requests, JSON answers, Stripe-shaped errors), so tests exercise the SDK itself and nothing leaves
 * the machine. Point STRIPE_API_BASE at `start()`'s url.
 */

/** How the next requests fail: Stripe's 500 (before it ran anything), no answer at all, a declined card (saved under
 * the key, as Stripe saves it), or the request done and saved but its answer lost (what idempotency keys are for). */
export type FailMode = 500 | 'hang' | 'card_declined' | 'lost_response';

export interface FakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

interface Answer {
  status: number;
  body: unknown;
}

type Obj = Record<string, unknown>;

interface PaymentIntent extends Obj {
  id: string;
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
}

interface Charge extends Obj {
  id: string;
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  payment_intent: string;
}

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const stripeError = (status: number, error: Obj): Answer => ({ status, body: { error } });
const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

/** `metadata[booking_id]=x&amount=4900` -> `{ metadata: { booking_id: 'x' }, amount: '4900' }` (brackets nest). */
export function parseForm(text: string): Record<string, unknown> {
  const out: Obj = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const [root, ...rest] = key.split('[').map((p) => p.replace(/]$/, ''));
    let target = out;
    const path = [root!, ...rest];
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Obj;
    target[path[path.length - 1]!] = value;
  }
  return out;
}

export class FakeStripe extends LocalFake {
  /** Every request received, in order, failed ones included. */
  readonly requests: FakeRequest[] = [];
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly refunds = new Map<string, Obj>();
  private readonly charges = new Map<string, Charge>();
  private readonly saved = new Map<string, { fingerprint: string; answer: Answer }>();
  private failures: FailMode[] = [];

  constructor(private readonly secretKey = 'sk_test_fake') {
    super();
  }

  /** The next `count` requests fail in `mode`. */
  failNext(count: number, mode: FailMode): void {
    for (let i = 0; i < count; i++) this.failures.push(mode);
  }

  /** Marks the PaymentIntent paid (with its charge) and returns the `payment_intent.succeeded` event Stripe would send. */
  succeed(paymentIntentId: string): Stripe.Event {
    const pi = this.intent(paymentIntentId);
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    if (!pi.latest_charge) {
      const charge: Charge = {
        id: newId('ch'), object: 'charge', amount: pi.amount, amount_captured: pi.amount, amount_refunded: 0, captured: true,
        currency: pi.currency, metadata: { ...pi.metadata }, paid: true, payment_intent: pi.id, refunded: false,
        status: 'succeeded', created: now(), livemode: false,
      };
      this.charges.set(charge.id, charge);
      pi.latest_charge = charge.id;
    }
    return this.event('payment_intent.succeeded', { ...pi });
  }

  /** Marks the last payment attempt declined and returns the `payment_intent.payment_failed` event. */
  failEvent(paymentIntentId: string): Stripe.Event {
    const pi = this.intent(paymentIntentId);
    pi.status = 'requires_payment_method';
    pi.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
    return this.event('payment_intent.payment_failed', { ...pi });
  }

  /** The `charge.refunded` event for the PaymentIntent's charge as it stands (refund it through the API first). */
  refundEvent(paymentIntentId: string): Stripe.Event {
    const charge = this.charges.get(this.intent(paymentIntentId).latest_charge ?? '');
    if (!charge) throw new Error(`fake-stripe: ${paymentIntentId} has no charge; succeed() it first`);
    return this.event('charge.refunded', { ...charge }, { amount_refunded: 0, refunded: false });
  }

  /** The body and Stripe-Signature header Stripe would deliver `event` with, signed by the SDK's own helper. */
  sign(event: Stripe.Event, secret: string, opts: { timestamp?: number } = {}): { body: string; header: string } {
    const body = JSON.stringify(event, null, 2);
    return { body, header: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, ...opts }) };
  }

  private intent(id: string): PaymentIntent {
    const pi = this.paymentIntents.get(id);
    if (!pi) throw new Error(`fake-stripe: no PaymentIntent ${id}`);
    return pi;
  }

  private event(type: string, object: Obj, previous?: Obj): Stripe.Event {
    const data = previous ? { object, previous_attributes: previous } : { object };
    const event = {
      id: newId('evt'), object: 'event', api_version: Stripe.API_VERSION, created: now(), data, livemode: false,
      pending_webhooks: 1, request: { id: null, idempotency_key: null }, type,
    };
    return event as unknown as Stripe.Event;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    const body = parseForm(method === 'GET' ? url.search.slice(1) : text);
    this.requests.push({ method, path: url.pathname, idempotencyKey: key, body });
    const send = (a: Answer, extra: Record<string, string> = {}) => {
      res.writeHead(a.status, { 'content-type': 'application/json', 'request-id': newId('req'), ...(key ? { 'idempotency-key': key } : {}), ...extra });
      res.end(JSON.stringify(a.body));
    };

    const failure = this.failures.shift();
    if (failure === 'hang') return; // never answers; close() drops the socket
    if (failure === 500) return send(stripeError(500, { type: 'api_error', message: 'An unknown error occurred' }));
    if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
      return send(stripeError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****' }));
    }

    // Stripe keeps the first answer per key (after the endpoint began) for the same endpoint and parameters only.
    const fingerprint = createHash('sha256').update(`${method} ${url.pathname} ${text}`).digest('hex');
    const prior = key && method === 'POST' ? this.saved.get(key) : undefined;
    if (prior && prior.fingerprint !== fingerprint) {
      return send(stripeError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      }));
    }
    if (prior) return failure === 'lost_response' ? undefined : send(prior.answer, { 'idempotent-replayed': 'true' });

    const answer: Answer =
      failure === 'card_declined'
        ? stripeError(402, { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' })
        : this.route(method, url.pathname, body);
    if (key && method === 'POST' && answer.status !== 401) this.saved.set(key, { fingerprint, answer });
    if (failure === 'lost_response') return;
    send(answer);
  }

  private route(method: string, path: string, body: Obj): Answer {
    const intent = /^\/v1\/payment_intents\/([^/]+)(\/cancel)?$/.exec(path);
    if (method === 'POST' && path === '/v1/payment_intents') return this.createIntent(body);
    if (method === 'POST' && path === '/v1/refunds') return this.createRefund(body);
    if (intent && method === 'GET' && !intent[2]) return this.found(intent[1]!, (pi) => ({ status: 200, body: pi }));
    if (intent && method === 'POST' && intent[2]) return this.found(intent[1]!, (pi) => this.cancel(pi));
    return stripeError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` });
  }

  private found(id: string, then: (pi: PaymentIntent) => Answer): Answer {
    const pi = this.paymentIntents.get(id);
    if (!pi) return stripeError(404, { type: 'invalid_request_error', code: 'resource_missing', param: 'intent', message: `No such payment_intent: '${id}'` });
    return then(pi);
  }

  private createIntent(body: Obj): Answer {
    const amount = Number(body.amount);
    if (!Number.isInteger(amount) || amount < 1) return stripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'amount', message: 'Invalid integer: amount' });
    if (typeof body.currency !== 'string' || !/^[a-z]{3}$/.test(body.currency)) {
      return stripeError(400, { type: 'invalid_request_error', code: 'parameter_missing', param: 'currency', message: 'Missing required param: currency.' });
    }
    const id = newId('pi');
    const pi: PaymentIntent = {
      id, object: 'payment_intent', amount, amount_capturable: 0, amount_received: 0, automatic_payment_methods: { enabled: true },
      canceled_at: null, cancellation_reason: null, capture_method: 'automatic', client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
      confirmation_method: 'automatic', created: now(), currency: body.currency, description: typeof body.description === 'string' ? body.description : null,
      last_payment_error: null, latest_charge: null, livemode: false, metadata: (body.metadata ?? {}) as Record<string, string>,
      payment_method_types: ['card'], status: 'requires_payment_method',
    };
    this.paymentIntents.set(id, pi);
    return { status: 200, body: pi };
  }

  private cancel(pi: PaymentIntent): Answer {
    if (pi.status === 'canceled' || pi.status === 'succeeded') {
      return stripeError(400, {
        type: 'invalid_request_error', code: 'payment_intent_unexpected_state', payment_intent: { ...pi },
        message: `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      });
    }
    pi.status = 'canceled';
    pi.canceled_at = now();
    return { status: 200, body: pi };
  }

  private createRefund(body: Obj): Answer {
    const id = typeof body.payment_intent === 'string' ? body.payment_intent : '';
    return this.found(id, (pi) => {
      const charge = this.charges.get(pi.latest_charge ?? '');
      if (pi.status !== 'succeeded' || !charge) {
        return stripeError(400, { type: 'invalid_request_error', code: 'charge_not_refundable', message: `This PaymentIntent (${pi.id}) does not have a successful charge to refund.` });
      }
      const left = charge.amount - charge.amount_refunded;
      const amount = body.amount === undefined ? left : Number(body.amount);
      if (left === 0) return stripeError(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` });
      if (!Number.isInteger(amount) || amount < 1) return stripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'amount', message: 'Invalid integer: amount' });
      if (amount > left) {
        return stripeError(400, {
          type: 'invalid_request_error', code: 'amount_too_large', param: 'amount',
          message: `Refund amount (${money(amount, pi.currency)}) is greater than unrefunded amount on charge (${money(left, pi.currency)})`,
        });
      }
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      const refund = {
        id: newId('re'), object: 'refund', amount, charge: charge.id, created: now(), currency: pi.currency,
        metadata: (body.metadata ?? {}) as Obj, payment_intent: pi.id, reason: null, status: 'succeeded',
      };
      this.refunds.set(refund.id, refund);
      return { status: 200, body: refund };
    });
  }
}
