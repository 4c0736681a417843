import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../../../api/client';
import { api } from '../../app/api';

// What the bookings, calendar and check-in pages share: the booking's words, and the venue and game lists they
// pick from.

export type Booking = Schemas['Booking'];
export type BookingStatus = Booking['status'];
export type Slot = Schemas['Availability']['slots'][number];

export const STATUSES: BookingStatus[] = ['pending', 'confirmed', 'checked-in', 'completed', 'cancelled', 'no-show'];

const STATUS_WORDS: Record<BookingStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  'checked-in': 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};

export function statusLabel(status: BookingStatus): string {
  return STATUS_WORDS[status];
}

const PAYMENT_WORDS: Record<Booking['payment_status'], string> = { pending: 'Unpaid', partial: 'Partly paid', paid: 'Paid', refunded: 'Refunded' };

export function paymentLabel(status: Booking['payment_status']): string {
  return PAYMENT_WORDS[status];
}

/** The venues an operator picks from (the first 100: an organization has a handful). */
export function useVenues() {
  return useQuery({
    queryKey: ['venues', 'all'],
    queryFn: () => unwrap(api.GET('/api/venues', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
  });
}

/** The games (all of them, active or not: old bookings name retired games too). */
export function useGames() {
  return useQuery({
    queryKey: ['games', 'all'],
    queryFn: () => unwrap(api.GET('/api/games', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
  });
}

/** The status filter is a comma-separated list (`status=pending,confirmed`), not repeated parameters. */
export const commaLists = { array: { style: 'form', explode: false } } as const;

/** The query key of one booking (its detail page); invalidate ['bookings'] after a write to refresh every list. */
export const bookingKey = (id: string) => ['bookings', 'one', id] as const;
