import type { BookingStatus } from './schemas.js';

// The status machine of API.md. The database trigger bookings_check_status holds the same table as the wall;
// this copy lets the service answer with a precise message before touching a row.
const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['checked-in', 'cancelled', 'no-show'],
  'checked-in': ['completed'],
  completed: [],
  cancelled: [],
  'no-show': [],
};

/** Whether a booking may move from one status to another (staying put is always allowed). */
export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return from === to || NEXT[from].includes(to);
}
