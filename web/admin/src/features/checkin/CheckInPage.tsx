import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { Link } from 'react-router';
import { asApiError, unwrap } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { localDate } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { cameraSupported } from './camera';

// The QR decoder is most of this page's weight: it loads when the camera is first opened.
const Scanner = lazy(() => import('./Scanner'));

/** The door: a group shows its QR code (or says its booking number) and is checked in. */
export default function CheckInPage() {
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const checkIn = useMutation({
    mutationFn: (c: string) => unwrap(api.POST('/api/bookings/checkin-by-code', { body: { code: c } })),
    onSuccess: () => {
      setCode('');
      void client.invalidateQueries({ queryKey: ['bookings'] });
    },
    // The next group is next in line: the field is ready for them.
    onSettled: () => form.current?.querySelector('input')?.focus(),
  });
  const error = checkIn.error ? asApiError(checkIn.error) : null;
  const b = checkIn.data;

  return (
    <section className="checkin">
      <h1>Check in</h1>
      <form
        ref={form}
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) checkIn.mutate(code.trim());
        }}
      >
        <Field
          label="Booking code"
          hint="The booking number (BK-…) or the code under the QR code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error?.field('code')}
        />
        <button type="submit" disabled={checkIn.isPending || !code.trim()} aria-busy={checkIn.isPending}>
          {checkIn.isPending ? 'Checking in…' : 'Check in'}
        </button>
        {cameraSupported() ? (
          <button type="button" className="secondary" aria-pressed={camera} onClick={() => setCamera(!camera)}>
            {camera ? 'Stop camera' : 'Scan QR code'}
          </button>
        ) : null}
      </form>
      {camera ? (
        <Suspense fallback={<Loading label="Opening the camera" />}>
          <Scanner onCode={(scanned) => checkIn.mutate(scanned)} />
        </Suspense>
      ) : null}

      <div className="checkin-result" aria-live="polite">
        {b ? (
          <div className="notice done big" role="status">
            <p className="headline">
              {b.customer.full_name}: checked in, {b.party_size} {b.party_size === 1 ? 'player' : 'players'}
            </p>
            <p>
              {b.game.name}, {localDate(b.booking_date, 'short')} {b.start_time}. <Link to={`/bookings/${b.id}`}>{b.booking_number}</Link>
              {b.payment_status !== 'paid' ? ' · Not fully paid: take the rest at the desk.' : ''}
            </p>
          </div>
        ) : error && !error.field('code') ? (
          <div className="notice error big" role="alert">
            <p className="headline">Not checked in</p>
            <p>{error.status === 404 ? 'No booking has this code. Check it and try again.' : error.message}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
