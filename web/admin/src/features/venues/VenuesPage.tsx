import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { hoursSummary } from './hours';

/** The organization's venues: where games are played, each with its hours and booking widget. */
export default function VenuesPage() {
  const [page, setPage] = useState(1);
  const venues = useQuery({
    queryKey: ['venues', { page }],
    queryFn: () => unwrap(api.GET('/api/venues', { params: { query: { page, limit: 20 } } })),
  });
  return (
    <section>
      <div className="page-head">
        <h1>Venues</h1>
        <Link className="button" to="/venues/new">
          New venue
        </Link>
      </div>
      {venues.isPending ? <Loading label="Loading venues" /> : null}
      {venues.isError ? <ErrorNotice error={venues.error} onRetry={() => void venues.refetch()} /> : null}
      {venues.data && venues.data.data.length === 0 ? (
        <Empty message="No venues yet. A venue has its opening hours and its own booking widget.">
          <Link to="/venues/new">Create the first venue</Link>
        </Empty>
      ) : null}
      {venues.data && venues.data.data.length > 0 ? (
        <>
          <ul className="cards">
            {venues.data.data.map((v) => (
              <li key={v.id} className="card">
                <h2>
                  <Link to={`/venues/${v.id}`}>{v.name}</Link>
                </h2>
                <p className="muted">{v.timezone}</p>
                <p className="small">{hoursSummary(v.operating_hours)}</p>
              </li>
            ))}
          </ul>
          <Pager info={venues.data} onPage={setPage} label="Venue pages" />
        </>
      ) : null}
    </section>
  );
}
