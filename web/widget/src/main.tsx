import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from '../../api/client';
import { reportHeight } from './embed/frame';
import './styles.css';

// One page for both widget paths: /book/:embed_key (booking) and /manage/:booking_number (the customer's booking,
// a chunk of its own: most visitors never open it).
const BookingFlow = lazy(() => import('./book/BookingFlow'));
const ManageBooking = lazy(() => import('./manage/ManageBooking'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

function Page() {
  const [, kind, id] = window.location.pathname.split('/');
  const param = decodeURIComponent(id ?? '');
  if (kind === 'book' && param) return <BookingFlow embedKey={param} />;
  if (kind === 'manage' && param) return <ManageBooking bookingNumber={param} token={new URLSearchParams(window.location.search).get('token') ?? ''} />;
  return <p className="notice">This booking link is incomplete.</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
        <Page />
      </Suspense>
    </QueryClientProvider>
  </StrictMode>,
);
reportHeight();
