import { useEffect, useRef, useState, type FormEvent } from 'react';
import { clock, money } from '../../../shared/format';
import { Loading, Notice, StepHeading, useTimeLeft } from '../ui';
import type { CreatedBooking } from './api';
import type { Branding } from './branding';

// Stripe's Payment Element, for organizations whose policy takes payment online (policies.payment_mode). Stripe.js
// is loaded from js.stripe.com only here (Stripe requires it be loaded from there; the widget's CSP allows it) and
// only when a booking answered with a payment to make. The subset of Stripe.js used is typed below.

interface StripeElement {
  mount(target: HTMLElement): void;
  destroy(): void;
}
interface StripeElements {
  create(type: 'payment'): StripeElement;
}
interface StripeJs {
  elements(options: { clientSecret: string; appearance?: { variables?: Record<string, string> } }): StripeElements;
  confirmPayment(options: { elements: StripeElements; redirect: 'if_required'; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>;
}
type StripeFactory = (publishableKey: string) => StripeJs;

const STRIPE_JS = 'https://js.stripe.com/v3/';
let loading: Promise<StripeFactory> | null = null;

function loadStripe(): Promise<StripeFactory> {
  loading ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = STRIPE_JS;
    script.onload = () => {
      const factory = (window as unknown as { Stripe?: StripeFactory }).Stripe;
      if (factory) resolve(factory);
      else reject(new Error('Stripe.js did not start'));
    };
    script.onerror = () => {
      loading = null;
      reject(new Error('Stripe.js could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}

interface Props {
  booking: CreatedBooking;
  branding: Branding;
  onPaid: () => void;
}

/** Step 4 when the organization takes payment online: Stripe's Payment Element, before the booking's deadline. */
export default function Payment({ booking, branding, onPaid }: Props) {
  const payment = booking.payment!;
  const mountPoint = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ js: StripeJs; elements: StripeElements } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const left = useTimeLeft(booking.payment_due_by ?? booking.start_at);

  useEffect(() => {
    if (!payment.publishable_key) return;
    let element: StripeElement | null = null;
    let cancelled = false;
    loadStripe()
      .then((factory) => {
        if (cancelled || !mountPoint.current) return;
        const js = factory(payment.publishable_key!);
        const elements = js.elements({ clientSecret: payment.client_secret, appearance: { variables: { colorPrimary: branding.color } } });
        element = elements.create('payment');
        element.mount(mountPoint.current);
        setStripe({ js, elements });
      })
      .catch(() => setError('The secure payment form could not be loaded. Check your connection and reload this page.'));
    return () => {
      cancelled = true;
      element?.destroy();
    };
  }, [payment.publishable_key, payment.client_secret, branding.color]);

  const pay = async (e: FormEvent) => {
    e.preventDefault();
    if (!stripe) return;
    setPaying(true);
    setError(null);
    const result = await stripe.js.confirmPayment({ elements: stripe.elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    setPaying(false);
    if (result.error) setError(result.error.message ?? 'The payment did not go through.');
    else onPaid();
  };

  return (
    <section aria-labelledby="pay-heading">
      <StepHeading id="pay-heading">Payment</StepHeading>
      <p>
        Booking <strong>{booking.booking_number}</strong> is reserved until you pay {money(payment.amount_cents, booking.currency)}
        {booking.payment_due_by ? (
          <>
            {' '}
            within <strong role="timer">{clock(left)}</strong>
          </>
        ) : null}
        .
      </p>
      {left === 0 ? (
        <Notice kind="error">The time to pay has run out, so booking {booking.booking_number} was released. Please book again.</Notice>
      ) : null}
      {!payment.publishable_key ? (
        <Notice kind="error">Online payment is not set up for this venue yet. Please contact the venue to pay for booking {booking.booking_number}.</Notice>
      ) : (
        <form onSubmit={(e) => void pay(e)}>
          <div ref={mountPoint} className="payment-element" />
          {!stripe && !error ? <Loading label="Loading secure payment…" minHeight="8rem" /> : null}
          {error ? <Notice kind="error">{error}</Notice> : null}
          <button type="submit" className="primary" disabled={!stripe || paying || left === 0}>
            {paying ? 'Paying…' : `Pay ${money(payment.amount_cents, booking.currency)}`}
          </button>
        </form>
      )}
    </section>
  );
}
