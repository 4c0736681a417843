import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { allows, useSignedIn } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { CalendarFeed } from './CalendarFeed';
import { EmbedCode } from './EmbedCode';
import { VenueForm } from './VenueForm';

/** `/venues/new` creates a venue; `/venues/:id` changes one and shows its widget code and calendar feed. */
export default function VenueEditPage() {
  const { id } = useParams();
  const { user, organization } = useSignedIn();
  const navigate = useNavigate();
  const client = useQueryClient();
  const isNew = !id || id === 'new';
  const [done, setDone] = useState<string | null>(null);
  const venue = useQuery({
    queryKey: ['venues', id],
    queryFn: () => unwrap(api.GET('/api/venues/{id}', { params: { path: { id: id! } } })),
    enabled: !isNew,
  });
  const archive = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/venues/{id}', { params: { path: { id: id! } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['venues'] });
      void navigate('/venues');
    },
  });
  const zone = organization?.timezone ?? 'UTC';

  if (isNew) {
    return (
      <section>
        <p className="crumbs">
          <Link to="/venues">Venues</Link>
        </p>
        <h1>New venue</h1>
        <VenueForm defaultZone={zone} onSaved={(saved) => void navigate(`/venues/${saved.id}`, { replace: true })} />
      </section>
    );
  }
  return (
    <section>
      <p className="crumbs">
        <Link to="/venues">Venues</Link>
      </p>
      {venue.isPending ? <Loading label="Loading the venue" /> : null}
      {venue.isError ? <ErrorNotice error={venue.error} onRetry={() => void venue.refetch()} /> : null}
      {venue.data ? (
        <>
          <h1>{venue.data.name}</h1>
          {venue.data.archived_at ? <p className="notice">This venue is archived: it takes no bookings and cannot be changed.</p> : null}
          <Done message={done} />
          <div className="two-columns">
            <VenueForm key={venue.data.updated_at} venue={venue.data} defaultZone={zone} onSaved={(saved) => {
                client.setQueryData(['venues', id], saved);
                setDone('Venue saved.');
              }}
            />
            <div>
              <EmbedCode venue={venue.data} canManage={allows(user.role, 'manager')} />
              <CalendarFeed venueId={venue.data.id} />
              {!venue.data.archived_at ? (
                <section className="card" aria-labelledby="archive-title">
                  <h2 id="archive-title">Archive</h2>
                  <p>An archived venue disappears from lists and its booking widget stops working. Its bookings are kept.</p>
                  <ConfirmButton
                    label="Archive venue"
                    question={`Archive ${venue.data.name}? Its booking widget stops working at once.`}
                    onConfirm={() => archive.mutateAsync()}
                  />
                </section>
              ) : null}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
