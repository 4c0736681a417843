import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { asApiError } from '../../../api/client';
import { todayIn } from '../../../shared/format';
import { Loading, Notice } from '../ui';
import { fetchWidget, keys, releaseHold, track, type CreatedBooking, type Game, type Hold, type Slot } from './api';
import { applyBranding, brandingOf } from './branding';
import { Checkout, emptyDetails, type Details } from './Checkout';
import { Confirmation } from './Confirmation';
import { GamePicker } from './GamePicker';
import { SlotPicker } from './SlotPicker';

// Stripe's Payment Element is a chunk of its own, loaded (with Stripe.js) only when a checkout must be paid online.
const Payment = lazy(() => import('./Payment'));

/** Where the visitor is: each step carries what the steps before it chose. */
export type Step =
  | { kind: 'game' }
  | { kind: 'slot'; game: Game }
  | { kind: 'checkout'; game: Game; slot: Slot; hold: Hold }
  | { kind: 'payment'; game: Game; slot: Slot; booking: CreatedBooking }
  | { kind: 'done'; game: Game; slot: Slot; booking: CreatedBooking; paidOnline: boolean };

/** The booking widget of one venue: game, date and party, slot (held), details and quote, payment, confirmation. */
export default function BookingFlow({ embedKey }: { embedKey: string }) {
  const queryClient = useQueryClient();
  const widget = useQuery({ queryKey: keys.widget(embedKey), queryFn: () => fetchWidget(embedKey), staleTime: 5 * 60_000 });
  const [step, setStep] = useState<Step>({ kind: 'game' });
  const [date, setDate] = useState<string | null>(null);
  const [partySize, setPartySize] = useState<number | null>(null);
  const [details, setDetails] = useState<Details>(emptyDetails);
  // Why the visitor is back at the slots (a slot taken meanwhile, a hold run out): said above the fresh slots.
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!widget.data) return;
    applyBranding(brandingOf(widget.data));
    track(embedKey, 'widget_view');
  }, [widget.data, embedKey]);

  if (widget.isPending) return <Loading label="Loading…" minHeight="20rem" />;
  if (widget.isError) {
    const error = asApiError(widget.error);
    return (
      <div className="widget">
        <Notice kind="error">{error.status === 404 ? 'This booking page does not exist. The link may be out of date: ask the venue for a new one.' : error.message}</Notice>
      </div>
    );
  }
  const data = widget.data;
  const branding = brandingOf(data);
  const venueZone = data.venue.timezone;

  /** Back to the slots with fresh availability and a reason. */
  const backToSlots = (game: Game, reason: string | null) => {
    setNotice(reason);
    void queryClient.invalidateQueries({ queryKey: keys.availability(embedKey) });
    setStep({ kind: 'slot', game });
  };

  let body;
  switch (step.kind) {
    case 'game':
      body = (
        <GamePicker
          games={data.games}
          currency={data.organization.currency}
          onPick={(game) => {
            setPartySize((size) => (size !== null && size >= game.min_players && size <= game.max_players ? size : Math.min(Math.max(2, game.min_players), game.max_players)));
            setDate((d) => d ?? todayIn(venueZone));
            setNotice(null);
            setStep({ kind: 'slot', game });
          }}
        />
      );
      break;
    case 'slot':
      body = (
        <SlotPicker
          embedKey={embedKey}
          venue={data.venue}
          game={step.game}
          date={date ?? todayIn(venueZone)}
          onDate={setDate}
          partySize={partySize ?? step.game.min_players}
          onPartySize={setPartySize}
          notice={notice}
          onBack={() => setStep({ kind: 'game' })}
          onHeld={(slot, hold) => {
            setNotice(null);
            track(embedKey, 'checkout_started', step.game.id);
            setStep({ kind: 'checkout', game: step.game, slot, hold });
          }}
          onTaken={(message) => backToSlots(step.game, message)}
        />
      );
      break;
    case 'checkout':
      body = (
        <Checkout
          embedKey={embedKey}
          widget={data}
          game={step.game}
          slot={step.slot}
          partySize={partySize ?? step.game.min_players}
          hold={step.hold}
          details={details}
          onDetails={setDetails}
          onBack={() => void releaseHold(step.hold).then(() => backToSlots(step.game, null))}
          onLost={(message) => backToSlots(step.game, message)}
          onBooked={(booking) => {
            track(embedKey, 'booking_completed', step.game.id);
            setStep(booking.payment ? { kind: 'payment', game: step.game, slot: step.slot, booking } : { kind: 'done', game: step.game, slot: step.slot, booking, paidOnline: false });
          }}
        />
      );
      break;
    case 'payment':
      body = (
        <Suspense fallback={<Loading label="Loading secure payment…" minHeight="16rem" />}>
          <Payment booking={step.booking} branding={branding} onPaid={() => setStep({ kind: 'done', game: step.game, slot: step.slot, booking: step.booking, paidOnline: true })} />
        </Suspense>
      );
      break;
    case 'done':
      body = (
        <Confirmation
          booking={step.booking}
          game={step.game}
          venue={data.venue}
          paidOnline={step.paidOnline}
          onAgain={() => {
            setDetails(emptyDetails);
            setStep({ kind: 'game' });
          }}
        />
      );
      break;
  }

  return (
    <div className="widget">
      <header className="widget-header">
        {branding.logo ? <img className="logo" src={branding.logo} alt="" /> : null}
        <div>
          <h1>{branding.title}</h1>
          <p className="venue-name">{data.venue.name}</p>
        </div>
      </header>
      {body}
    </div>
  );
}
