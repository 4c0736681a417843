/** Booking statuses in words (the API's values are `checked-in`, `no-show` ...). */
export const STATUS_NAMES: Record<string, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  'checked-in': 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};
