import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../../../api/client';
import { duration, money } from '../../../../shared/format';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { SelectField } from '../../ui/Inputs';
import { Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';

/** The games (rooms, experiences) customers book, per venue. */
export default function GamesPage() {
  const { organization } = useSignedIn();
  const currency = organization?.currency ?? 'USD';
  const [venueId, setVenueId] = useState('');
  const [page, setPage] = useState(1);
  const venues = useQuery({
    queryKey: ['venues', { page: 1, limit: 100 }],
    queryFn: () => unwrap(api.GET('/api/venues', { params: { query: { page: 1, limit: 100 } } })),
  });
  const games = useQuery({
    queryKey: ['games', { venueId, page }],
    queryFn: () => unwrap(api.GET('/api/games', { params: { query: { page, limit: 20, ...(venueId ? { venue_id: venueId } : {}) } } })),
  });
  const venueName = new Map((venues.data?.data ?? []).map((v) => [v.id, v.name]));

  return (
    <section>
      <div className="page-head">
        <h1>Games</h1>
        <Link className="button" to="/games/new">
          New game
        </Link>
      </div>
      <div className="toolbar">
        <SelectField
          label="Venue"
          value={venueId}
          onChange={(e) => {
            setVenueId(e.target.value);
            setPage(1);
          }}
        >
          <option value="">All venues</option>
          {(venues.data?.data ?? []).map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </SelectField>
      </div>
      {games.isPending ? <Loading label="Loading games" /> : null}
      {games.isError ? <ErrorNotice error={games.error} onRetry={() => void games.refetch()} /> : null}
      {games.data && games.data.data.length === 0 ? (
        <Empty message={venueId ? 'No games at this venue yet.' : 'No games yet. A game is what customers book: an escape room, a session.'}>
          <Link to="/games/new">Create a game</Link>
        </Empty>
      ) : null}
      {games.data && games.data.data.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="list stack">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Players</th>
                  <th scope="col">Price</th>
                  <th scope="col">Venues</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {games.data.data.map((g) => (
                  <tr key={g.id}>
                    <td data-label="Name">
                      <Link to={`/games/${g.id}`}>{g.name}</Link>
                    </td>
                    <td data-label="Duration">{duration(g.duration_minutes)}</td>
                    <td data-label="Players">
                      {g.min_players}–{g.max_players} {g.booking_mode === 'shared' ? '(shared)' : '(private)'}
                    </td>
                    <td data-label="Price">
                      {money(g.price_cents, currency)}
                      {g.pricing === 'per_player' ? ' per player' : ''}
                    </td>
                    <td data-label="Venues">{g.venue_ids.map((id) => venueName.get(id) ?? '…').join(', ') || 'None'}</td>
                    <td data-label="Status">{g.active ? 'Active' : 'Inactive'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager info={games.data} onPage={setPage} label="Game pages" />
        </>
      ) : null}
    </section>
  );
}
