import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { asApiError, unwrap, type ApiError } from '../../../api/client';
import { Field } from '../../../shared/Field';
import { clock, localDate } from '../../../shared/format';
import { Notice, StepHeading, useDebounced, useTimeLeft } from '../ui';
import { api, type CreatedBooking, type Game, type Hold, type Slot, type Widget } from './api';
import { QuoteSummary } from './QuoteSummary';

export interface Details {
  full_name: string;
  email: string;
  phone: string;
  coupon_code: string;
  gift_card_code: string;
}
export const emptyDetails: Details = { full_name: '', email: '', phone: '', coupon_code: '', gift_card_code: '' };

interface Props {
  embedKey: string;
  widget: Widget;
  game: Game;
  slot: Slot;
  partySize: number;
  hold: Hold;
  details: Details;
  onDetails: (details: Details) => void;
  onBack: () => void;
  /** The slot is gone (the hold ran out and someone took it, or it expired here): back to fresh slots. */
  onLost: (message: string) => void;
  onBooked: (booking: CreatedBooking) => void;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const FIELDS = ['full_name', 'email', 'phone', 'coupon_code', 'gift_card_code'] as const;

/** Step 3: the held slot with its countdown, the visitor's details, codes and the live quote; `Book`. */
export function Checkout({ embedKey, widget, game, slot, partySize, hold, details, onDetails, onBack, onLost, onBooked }: Props) {
  const left = useTimeLeft(hold.expires_at);
  const set = (field: keyof Details) => (e: { target: { value: string } }) => onDetails({ ...details, [field]: e.target.value });
  const codes = useDebounced({ coupon: details.coupon_code.trim(), gift: details.gift_card_code.trim(), email: details.email.trim() }, 400);
  const quote = useQuery({
    queryKey: ['quote', embedKey, game.id, slot.start_at, partySize, codes.coupon, codes.gift, codes.coupon && EMAIL.test(codes.email) ? codes.email : ''],
    queryFn: () =>
      unwrap(
        api.POST('/api/public/venues/{embed_key}/quote', {
          params: { path: { embed_key: embedKey } },
          body: {
            game_id: game.id,
            start_at: slot.start_at,
            party_size: partySize,
            ...(codes.coupon ? { coupon_code: codes.coupon } : {}),
            ...(codes.gift ? { gift_card_code: codes.gift } : {}),
            ...(codes.coupon && EMAIL.test(codes.email) ? { customer: { email: codes.email } } : {}),
          },
        }),
      ),
    retry: false,
  });
  // One key per distinct request: a retry after a lost answer cannot book twice, a changed form is a new request.
  const idempotency = useRef<{ body: string; key: string } | null>(null);
  const book = useMutation({
    mutationFn: () => {
      const body = {
        game_id: game.id,
        start_at: slot.start_at,
        party_size: partySize,
        customer: { full_name: details.full_name.trim(), email: details.email.trim(), ...(details.phone.trim() ? { phone: details.phone.trim() } : {}) },
        ...(details.coupon_code.trim() ? { coupon_code: details.coupon_code.trim() } : {}),
        ...(details.gift_card_code.trim() ? { gift_card_code: details.gift_card_code.trim() } : {}),
        hold_id: hold.hold_id,
        hold_token: hold.token,
      };
      const json = JSON.stringify(body);
      if (idempotency.current?.body !== json) idempotency.current = { body: json, key: crypto.randomUUID() };
      return unwrap(
        api.POST('/api/public/venues/{embed_key}/bookings', { params: { path: { embed_key: embedKey }, header: { 'idempotency-key': idempotency.current.key } }, body }),
      );
    },
    onSuccess: onBooked,
    onError: (error) => {
      const e = asApiError(error);
      if (e.code === 'slot_unavailable' || e.code === 'hold_expired') onLost(`Sorry, ${slot.start_time} is no longer free: your hold ran out and someone else took it. Here are the times still free.`);
    },
  });

  // The hold ran out before the visitor booked: say so and show what is free now (their details stay).
  const expired = left === 0 && !book.isPending && !book.isSuccess;
  useEffect(() => {
    if (expired) onLost(`Your hold on ${slot.start_time} has run out, so the time was released. Please choose a time again.`);
  }, [expired, onLost, slot.start_time]);

  const bookError = book.error ? asApiError(book.error) : null;
  const quoteError = quote.error ? asApiError(quote.error) : null;
  const fieldError = (name: string) => bookError?.field(name) ?? (name.endsWith('_code') ? quoteError?.field(name) : undefined);
  // An error no field of this form shows (a rule, a rate limit, a field of the request the visitor cannot see).
  const general = [bookError, quoteError].find(
    (e): e is ApiError => Boolean(e && !FIELDS.some((f) => e.field(f)) && e.code !== 'slot_unavailable' && e.code !== 'hold_expired'),
  );
  const payOnline = widget.organization.policies.payment_mode !== 'none';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    book.mutate();
  };

  return (
    <section aria-labelledby="checkout-heading">
      <StepHeading id="checkout-heading">Your details</StepHeading>
      <div className="held">
        <p>
          <strong>{game.name}</strong>, {localDate(slot.booking_date)} at {slot.start_time} for {partySize} {partySize === 1 ? 'player' : 'players'}
        </p>
        <p role="timer" aria-live="off" className={left < 60_000 ? 'countdown urgent' : 'countdown'}>
          We are holding this time for you for <strong>{clock(left)}</strong>
        </p>
        {left < 60_000 && left > 0 ? <p className="sr-only" role="status">Less than a minute left to book.</p> : null}
      </div>
      <form onSubmit={submit} noValidate>
        <Field label="Full name" autoComplete="name" required value={details.full_name} onChange={set('full_name')} error={fieldError('full_name')} />
        <Field label="Email" type="email" autoComplete="email" required value={details.email} onChange={set('email')} error={fieldError('email')} hint="Your confirmation goes here." />
        <Field label="Phone" type="tel" autoComplete="tel" value={details.phone} onChange={set('phone')} error={fieldError('phone')} hint="Optional." />
        <div className="codes">
          <Field label="Coupon code" autoComplete="off" value={details.coupon_code} onChange={set('coupon_code')} error={fieldError('coupon_code')} />
          <Field label="Gift card code" autoComplete="off" value={details.gift_card_code} onChange={set('gift_card_code')} error={fieldError('gift_card_code')} />
        </div>
        <QuoteSummary quote={quote.data} pending={quote.isFetching} failed={Boolean(quoteError)} payOnline={payOnline} />
        <CancellationTerms widget={widget} />
        {general ? <Notice kind="error">{general.message}</Notice> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={book.isPending || left === 0}>
            {book.isPending ? 'Booking…' : 'Book'}
          </button>
          <button type="button" className="link" onClick={onBack}>
            Choose another time
          </button>
        </div>
      </form>
    </section>
  );
}

/** What cancelling will cost, in words, from the organization's policy. */
function CancellationTerms({ widget }: { widget: Widget }) {
  const { cancellation_window_hours: hours, refund_percent_outside_window: outside, terms } = widget.organization.policies;
  return (
    <div className="terms">
      {typeof hours === 'number' && typeof outside === 'number' ? (
        <p>
          {outside === 100 ? 'Free cancellation' : `Cancel with a ${outside}% refund`} up to {hours} hours before the start, from the link in your confirmation.
        </p>
      ) : null}
      {typeof terms === 'string' && terms.trim() ? (
        <details>
          <summary>Booking terms</summary>
          <p className="terms-text">{terms}</p>
        </details>
      ) : null}
    </div>
  );
}
