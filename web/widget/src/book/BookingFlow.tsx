/** The booking flow of one venue (being built). */
export default function BookingFlow({ embedKey }: { embedKey: string }) {
  return <p>Booking for {embedKey}</p>;
}
