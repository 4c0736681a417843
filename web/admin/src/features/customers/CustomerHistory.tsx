import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../../../api/client';
import { localDate, money } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { statusLabel } from '../bookings/api';
import { TableScroll } from '../../ui/TableScroll';

const PAGE_SIZE = 10;
const PAYMENT: Record<string, string> = { pending: 'Unpaid', partial: 'Part paid', paid: 'Paid', refunded: 'Refunded' };

/** The customer's bookings, newest first, a page at a time; dates and times venue-local, as the API gives them. */
export function CustomerHistory({ customerId }: { customerId: string }) {
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['customers', customerId, 'bookings', { page }],
    queryFn: () => unwrap(api.GET('/api/customers/{id}/bookings', { params: { path: { id: customerId }, query: { page, limit: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">Booking history</h2>
      {history.isError ? (
        <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />
      ) : !history.data ? (
        <Loading label="Loading the booking history" />
      ) : history.data.data.length === 0 ? (
        <Empty message="No bookings yet." />
      ) : (
        <>
          <TableScroll label="Booking history table">
            <table className="list stack">
              <caption className="visually-hidden">Bookings, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Booking</th>
                  <th scope="col">Game</th>
                  <th scope="col">Venue</th>
                  <th scope="col">Players</th>
                  <th scope="col">Status</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Payment</th>
                </tr>
              </thead>
              <tbody>
                {history.data.data.map((b) => (
                  <tr key={b.id}>
                    <td data-label="Date">
                      {localDate(b.booking_date, 'short')}, {b.start_time}
                    </td>
                    <td data-label="Booking">{b.booking_number}</td>
                    <td data-label="Game">{b.game.name}</td>
                    <td data-label="Venue">{b.venue.name}</td>
                    <td data-label="Players">{b.party_size}</td>
                    <td data-label="Status">
                      <span className={`badge status-${b.status}`}>{statusLabel(b.status)}</span>
                    </td>
                    <td data-label="Amount">{money(b.final_amount, b.currency)}</td>
                    <td data-label="Payment">{PAYMENT[b.payment_status] ?? b.payment_status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager info={history.data} onPage={setPage} label="Booking history pages" />
        </>
      )}
    </section>
  );
}
