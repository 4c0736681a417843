import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { FormError, fieldError } from '../../ui/FormError';
import { SelectField, TextAreaField } from '../../ui/Inputs';
import { toMajor, toMinorForApi } from '../../ui/money';
import { PriceRulesEditor, type RuleDraft } from './PriceRulesEditor';

type Game = Schemas['Game'];

// A time input cannot hold "24:00": a rule that runs to midnight is shown and typed as ending at "00:00".
const toInput = (t: string) => (t === '24:00' ? '00:00' : t);
const toApi = (t: string) => (t === '00:00' ? '24:00' : t);

const SHOWN = ['name', 'description', 'duration_minutes', 'buffer_minutes', 'min_players', 'max_players', 'booking_mode', 'pricing', 'price_cents', 'price_rules', 'venue_ids', 'venue_prices', 'min_notice_minutes', 'max_advance_days', 'active'];

/** Everything a game is: what it is, how long, for how many, how it is priced and where it is offered. */
export function GameForm({ game, currency, onSaved }: { game?: Game; currency: string; onSaved: (game: Game) => void }) {
  const client = useQueryClient();
  const venues = useQuery({
    queryKey: ['venues', { page: 1, limit: 100 }],
    queryFn: () => unwrap(api.GET('/api/venues', { params: { query: { page: 1, limit: 100 } } })),
  });
  const [f, setF] = useState({
    name: game?.name ?? '',
    description: game?.description ?? '',
    duration: String(game?.duration_minutes ?? 60),
    buffer: String(game?.buffer_minutes ?? 15),
    minPlayers: String(game?.min_players ?? 2),
    maxPlayers: String(game?.max_players ?? 6),
    mode: game?.booking_mode ?? 'private',
    pricing: game?.pricing ?? 'per_player',
    price: game ? toMajor(game.price_cents, currency) : '',
    minNotice: String(game?.min_notice_minutes ?? 60),
    maxAdvance: String(game?.max_advance_days ?? 90),
    active: game?.active ?? true,
  });
  const [venueIds, setVenueIds] = useState<string[]>(game?.venue_ids ?? []);
  // Per-venue prices as typed; an empty one means the game's own price there.
  const [venuePrices, setVenuePrices] = useState<Record<string, string>>(Object.fromEntries((game?.venue_prices ?? []).map((p) => [p.venue_id, toMajor(p.price_cents, currency)])));
  const [rules, setRules] = useState<RuleDraft[]>(
    (game?.price_rules ?? []).map((r) => ({ weekdays: r.weekdays, from: r.from, to: toInput(r.to), price: toMajor(r.price_cents, currency) })),
  );
  const set = (patch: Partial<typeof f>) => setF((prev) => ({ ...prev, ...patch }));

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: f.name,
        description: f.description,
        duration_minutes: Number(f.duration),
        buffer_minutes: Number(f.buffer),
        min_players: Number(f.minPlayers),
        max_players: Number(f.maxPlayers),
        booking_mode: f.mode,
        pricing: f.pricing,
        price_cents: toMinorForApi(f.price, currency),
        min_notice_minutes: Number(f.minNotice),
        max_advance_days: Number(f.maxAdvance),
        active: f.active,
        venue_ids: venueIds,
        venue_prices: venueIds.filter((id) => venuePrices[id]?.trim()).map((id) => ({ venue_id: id, price_cents: toMinorForApi(venuePrices[id] ?? '', currency) })),
        price_rules: rules.map((r) => ({ weekdays: r.weekdays, from: r.from, to: toApi(r.to), price_cents: toMinorForApi(r.price, currency) })),
      };
      return game ? unwrap(api.PUT('/api/games/{id}', { params: { path: { id: game.id } }, body })) : unwrap(api.POST('/api/games', { body }));
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['games'] });
      onSaved(saved);
    },
  });
  const error = fieldError(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const allVenues = venues.data?.data ?? [];

  return (
    <form onSubmit={submit} noValidate className="card game-form">
      <Field label="Name" required value={f.name} onChange={(e) => set({ name: e.target.value })} error={error?.field('name')} />
      <TextAreaField label="Description" rows={3} value={f.description} onChange={(e) => set({ description: e.target.value })} error={error?.field('description')} hint="Shown to customers in the booking widget." />
      <div className="grid-fields">
        <Field label="Duration (minutes)" type="number" min={5} required value={f.duration} onChange={(e) => set({ duration: e.target.value })} error={error?.field('duration_minutes')} />
        <Field label="Buffer (minutes)" type="number" min={0} value={f.buffer} onChange={(e) => set({ buffer: e.target.value })} error={error?.field('buffer_minutes')} hint="Turnover after each booking." />
        <Field label="Minimum players" type="number" min={1} value={f.minPlayers} onChange={(e) => set({ minPlayers: e.target.value })} error={error?.field('min_players')} />
        <Field label="Maximum players" type="number" min={1} required value={f.maxPlayers} onChange={(e) => set({ maxPlayers: e.target.value })} error={error?.field('max_players')} />
        <SelectField label="Booking mode" value={f.mode} onChange={(e) => set({ mode: e.target.value as Game['booking_mode'] })} error={error?.field('booking_mode')}>
          <option value="private">Private: one group per slot</option>
          <option value="shared">Shared: groups join until full</option>
        </SelectField>
        <SelectField label="Pricing" value={f.pricing} onChange={(e) => set({ pricing: e.target.value as Game['pricing'] })} error={error?.field('pricing')}>
          <option value="per_player">Per player</option>
          <option value="flat">Flat per booking</option>
        </SelectField>
        <Field label={`Price (${currency})`} inputMode="decimal" required value={f.price} onChange={(e) => set({ price: e.target.value })} error={error?.field('price_cents')} />
        <Field label="Minimum notice (minutes)" type="number" min={0} value={f.minNotice} onChange={(e) => set({ minNotice: e.target.value })} error={error?.field('min_notice_minutes')} />
        <Field label="Bookable up to (days ahead)" type="number" min={1} value={f.maxAdvance} onChange={(e) => set({ maxAdvance: e.target.value })} error={error?.field('max_advance_days')} />
      </div>
      <label className="check">
        <input type="checkbox" checked={f.active} onChange={(e) => set({ active: e.target.checked })} /> Active (offered in the booking widget)
      </label>

      <fieldset className="venues-offered">
        <legend>Venues</legend>
        {venues.isPending ? <p>Loading venues…</p> : null}
        {venues.data && allVenues.length === 0 ? <p>No venues yet: create one so the game can be booked.</p> : null}
        {allVenues.map((v) => (
          <div key={v.id} className="venue-offer">
            <label className="check">
              <input type="checkbox" checked={venueIds.includes(v.id)} onChange={(e) => setVenueIds(e.target.checked ? [...venueIds, v.id] : venueIds.filter((id) => id !== v.id))} />
              Offered at {v.name}
            </label>
            {venueIds.includes(v.id) ? (
              <Field
                label={`Price at ${v.name} (${currency})`}
                inputMode="decimal"
                hint="Empty: the game’s price."
                value={venuePrices[v.id] ?? ''}
                onChange={(e) => setVenuePrices({ ...venuePrices, [v.id]: e.target.value })}
                error={error?.field(`venue_prices.${venueIds.filter((id) => venuePrices[id]?.trim()).indexOf(v.id)}.price_cents`)}
              />
            ) : null}
          </div>
        ))}
        {error?.field('venue_ids') ? (
          <span className="field-error" role="alert">
            {error.field('venue_ids')}
          </span>
        ) : null}
      </fieldset>

      <PriceRulesEditor rules={rules} onChange={setRules} error={error} currency={currency} />
      <FormError error={save.error} shown={SHOWN} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : game ? 'Save game' : 'Create game'}
        </button>
      </div>
    </form>
  );
}
