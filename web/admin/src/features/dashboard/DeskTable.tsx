import type { Schemas } from '../../../../api/client';
import { localDate } from '../../../../shared/format';
import { useOrgFormat } from '../../ui/orgFormat';
import { TableScroll } from '../../ui/TableScroll';

type DeskBooking = Schemas['DeskBooking'];

const PAYMENT: Record<DeskBooking['payment_status'], string> = { pending: 'Unpaid', partial: 'Part paid', paid: 'Paid', refunded: 'Refunded' };

/**
 * Today's or the next bookings as the front desk reads them: venue-local times (as the API gives them), who, what,
 * and whether they have arrived and paid.
 */
export function DeskTable({ bookings, caption, withDate, withVenue }: { bookings: DeskBooking[]; caption: string; withDate?: boolean; withVenue?: boolean }) {
  const { money } = useOrgFormat();
  return (
    <TableScroll label={caption}>
      <table className="list stack desk">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{withDate ? 'When' : 'Time'}</th>
            <th scope="col">Booking</th>
            <th scope="col">Customer</th>
            <th scope="col">Game</th>
            {withVenue ? <th scope="col">Venue</th> : null}
            <th scope="col">Players</th>
            <th scope="col">Checked in</th>
            <th scope="col">Payment</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id}>
              <td data-label={withDate ? 'When' : 'Time'}>
                {withDate ? `${localDate(b.booking_date, 'short')}, ` : ''}
                {b.start_time}–{b.end_time}
              </td>
              <td data-label="Booking">{b.booking_number}</td>
              <td data-label="Customer">{b.customer_name}</td>
              <td data-label="Game">{b.game_name}</td>
              {withVenue ? <td data-label="Venue">{b.venue_name}</td> : null}
              <td data-label="Players">{b.party_size}</td>
              <td data-label="Checked in">
                <span className={`badge ${b.checked_in ? 'ok' : 'waiting'}`}>{b.checked_in ? `Yes${b.status === 'completed' ? ' (completed)' : ''}` : b.status === 'no-show' ? 'No-show' : 'Not yet'}</span>
              </td>
              <td data-label="Payment">
                <span className={`badge ${b.payment_status === 'paid' ? 'ok' : 'waiting'}`}>{PAYMENT[b.payment_status]}</span>
                {b.amount_due > 0 ? <span className="due"> {money(b.amount_due)} due</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
