import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, ErrorNotice } from '../../ui/Notice';
import { GameForm } from './GameForm';

/** `/games/new` creates a game; `/games/:id` changes or archives one. */
export default function GameEditPage() {
  const { id } = useParams();
  const { organization } = useSignedIn();
  const currency = organization?.currency ?? 'USD';
  const navigate = useNavigate();
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const isNew = !id || id === 'new';
  const game = useQuery({
    queryKey: ['games', id],
    queryFn: () => unwrap(api.GET('/api/games/{id}', { params: { path: { id: id! } } })),
    enabled: !isNew,
  });
  const archive = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/games/{id}', { params: { path: { id: id! } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['games'] });
      void navigate('/games');
    },
  });

  return (
    <section>
      <p className="crumbs">
        <Link to="/games">Games</Link>
      </p>
      {isNew ? (
        <>
          <h1>New game</h1>
          <GameForm currency={currency} onSaved={(saved) => void navigate(`/games/${saved.id}`, { replace: true })} />
        </>
      ) : null}
      {!isNew && game.isPending ? <Loading label="Loading the game" /> : null}
      {game.isError ? <ErrorNotice error={game.error} onRetry={() => void game.refetch()} /> : null}
      {game.data ? (
        <>
          <h1>{game.data.name}</h1>
          <Done message={done} />
          <GameForm
            key={game.data.updated_at}
            game={game.data}
            currency={currency}
            onSaved={(saved) => {
              client.setQueryData(['games', id], saved);
              setDone('Game saved.');
            }}
          />
          {!game.data.archived_at ? (
            <section className="card" aria-labelledby="archive-title">
              <h2 id="archive-title">Archive</h2>
              <p>An archived game can no longer be booked and leaves the lists; its bookings are kept. To pause it for a while, untick Active instead.</p>
              <ConfirmButton label="Archive game" question={`Archive ${game.data.name}? Customers can no longer book it.`} onConfirm={() => archive.mutateAsync()} />
            </section>
          ) : (
            <p className="notice">This game is archived.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
