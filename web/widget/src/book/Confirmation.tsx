import { useMemo } from 'react';
import { localDate, money } from '../../../shared/format';
import { Notice, StepHeading } from '../ui';
import type { CreatedBooking, Game, Widget } from './api';
import { icsFile } from './ics';

interface Props {
  booking: CreatedBooking;
  game: Game;
  venue: Widget['venue'];
  paidOnline: boolean;
  onAgain: () => void;
}

/** The last step: the booking number, when and where, what is left to pay, add-to-calendar and the manage link. */
export function Confirmation({ booking, game, venue, paidOnline, onAgain }: Props) {
  const manageUrl = `${window.location.origin}/manage/${encodeURIComponent(booking.booking_number)}?token=${encodeURIComponent(booking.manage_token)}`;
  const calendarUrl = useCalendarFile(booking, game, venue, manageUrl);
  const due = booking.final_amount - booking.amount_paid;
  return (
    <section aria-labelledby="done-heading" className="confirmation">
      <StepHeading id="done-heading">You are booked</StepHeading>
      <Notice kind="success">
        Booking number <strong className="booking-number">{booking.booking_number}</strong>
      </Notice>
      <dl className="summary">
        <div>
          <dt>Game</dt>
          <dd>{game.name}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {localDate(booking.booking_date)}, {booking.start_time}–{booking.end_time}
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{[venue.name, venue.address.line1, venue.address.city].filter(Boolean).join(', ')}</dd>
        </div>
        <div>
          <dt>Players</dt>
          <dd>{booking.party_size}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{money(booking.final_amount, booking.currency)}</dd>
        </div>
        <div>
          <dt>{paidOnline ? 'Payment' : 'To pay at the venue'}</dt>
          <dd>{paidOnline ? 'Received, thank you' : money(Math.max(0, due), booking.currency)}</dd>
        </div>
      </dl>
      <p>A confirmation is on its way to your inbox. Keep the booking number for the day.</p>
      <div className="actions">
        <a className="button secondary" href={calendarUrl} download={`${booking.booking_number}.ics`}>
          Add to calendar
        </a>
        <a className="button secondary" href={manageUrl} target="_blank" rel="noopener">
          View or cancel this booking
        </a>
      </div>
      <button type="button" className="link" onClick={onAgain}>
        Make another booking
      </button>
    </section>
  );
}

/** The booking's .ics as a data: URL (nothing to release, works in any frame). */
function useCalendarFile(booking: CreatedBooking, game: Game, venue: Widget['venue'], manageUrl: string): string {
  return useMemo(() => {
    const ics = icsFile({
      uid: `${booking.booking_number}@${window.location.host}`,
      start: booking.start_at,
      end: booking.end_at,
      summary: `${game.name} (${booking.booking_number})`,
      location: [venue.name, venue.address.line1, venue.address.city].filter(Boolean).join(', '),
      description: `Booking ${booking.booking_number} for ${booking.party_size}. View or cancel: ${manageUrl}`,
      url: manageUrl,
    });
    return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
  }, [booking, game, venue, manageUrl]);
}
