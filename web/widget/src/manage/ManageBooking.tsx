/** The customer's page for one booking (being built). */
export default function ManageBooking({ bookingNumber }: { bookingNumber: string; token: string }) {
  return <p>Booking {bookingNumber}</p>;
}
