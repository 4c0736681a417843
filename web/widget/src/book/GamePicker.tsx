import { count, duration, money } from '../../../shared/format';
import { StepHeading } from '../ui';
import type { Game } from './api';

/** Step 1: one button per game, named by the game's name; duration, players and price beside it. */
export function GamePicker({ games, currency, onPick }: { games: Game[]; currency: string; onPick: (game: Game) => void }) {
  return (
    <section aria-labelledby="games-heading">
      <StepHeading id="games-heading">Choose a game</StepHeading>
      {games.length === 0 ? (
        <p className="empty">Nothing can be booked online here at the moment. Please contact the venue.</p>
      ) : (
        <ul className="games">
          {games.map((game) => (
            // The whole card answers a click (the button's ::after covers it); the button's name is the game's.
            <li key={game.id} className="game">
              <span className="game-image" aria-hidden="true">
                {game.name.trim().charAt(0).toUpperCase()}
              </span>
              <span className="game-text">
                <button type="button" className="game-name" aria-describedby={`game-${game.id}`} onClick={() => onPick(game)}>
                  {game.name}
                </button>
                <span className="game-facts" id={`game-${game.id}`}>
                  {duration(game.duration_minutes)} ·{' '}
                  {game.min_players === game.max_players ? `${count(game.max_players)} players` : `${count(game.min_players)}–${count(game.max_players)} players`} ·{' '}
                  {priceOf(game, currency)}
                </span>
                {game.description ? <span className="game-description">{game.description}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The price as a visitor compares games: "from" when some hours are cheaper (price rules). */
function priceOf(game: Game, currency: string): string {
  const lowest = Math.min(game.price_cents, ...game.price_rules.map((r) => r.price_cents));
  const amount = `${lowest < game.price_cents ? 'from ' : ''}${money(lowest, currency)}`;
  return game.pricing === 'per_player' ? `${amount} per player` : `${amount} per group`;
}
