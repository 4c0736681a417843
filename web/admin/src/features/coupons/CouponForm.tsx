import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { SelectField } from '../../ui/Inputs';
import { amountHint, toMajor, toMinor } from '../../ui/money';
import { useOrgFormat } from '../../ui/orgFormat';
import { zonedInstant, zonedParts } from '../../ui/zoned';

type Coupon = Schemas['Coupon'];

/** A `datetime-local` value in the business's zone <-> an instant (null when empty). */
const toInstant = (local: string, zone: string) => (local ? zonedInstant(local.slice(0, 10), local.slice(11, 16), zone) : null);
const toLocal = (iso: string | null, zone: string) => (iso ? `${zonedParts(iso, zone).date}T${zonedParts(iso, zone).time}` : '');
const limit = (typed: string) => (typed.trim() ? Number(typed) : null);

/** Creates or edits a coupon: percent or fixed, validity window, limits, minimum party, game and venue scope. */
export function CouponForm({ coupon, onSaved, onCancel }: { coupon: Coupon | null; onSaved: (c: Coupon) => void; onCancel: () => void }) {
  const fmt = useOrgFormat();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [code, setCode] = useState(coupon?.code ?? '');
  const [kind, setKind] = useState<Coupon['kind']>(coupon?.kind ?? 'percent');
  const [value, setValue] = useState(coupon ? (coupon.kind === 'fixed' ? toMajor(coupon.value, fmt.currency) : String(coupon.value)) : '');
  const [from, setFrom] = useState(toLocal(coupon?.valid_from ?? null, fmt.zone));
  const [to, setTo] = useState(toLocal(coupon?.valid_to ?? null, fmt.zone));
  const [maxTotal, setMaxTotal] = useState(coupon?.max_redemptions?.toString() ?? '');
  const [maxEach, setMaxEach] = useState(coupon?.max_per_customer?.toString() ?? '');
  const [minParty, setMinParty] = useState(String(coupon?.min_party_size ?? 1));
  const [gameIds, setGameIds] = useState<string[]>(coupon?.game_ids ?? []);
  const [venueIds, setVenueIds] = useState<string[]>(coupon?.venue_ids ?? []);
  const [valueError, setValueError] = useState<string | undefined>();

  useEffect(() => heading.current?.focus(), []);

  const games = useQuery({ queryKey: ['games', { limit: 100 }], queryFn: () => unwrap(api.GET('/api/games', { params: { query: { limit: 100 } } })) });
  const venues = useQuery({ queryKey: ['venues', { limit: 100 }], queryFn: () => unwrap(api.GET('/api/venues', { params: { query: { limit: 100 } } })) });

  const save = useMutation({
    mutationFn: (cents: number) => {
      const body = {
        code: code.trim(),
        kind,
        value: cents,
        valid_from: toInstant(from, fmt.zone),
        valid_to: toInstant(to, fmt.zone),
        max_redemptions: limit(maxTotal),
        max_per_customer: limit(maxEach),
        min_party_size: minParty.trim() ? Number(minParty) : 1,
        game_ids: gameIds,
        venue_ids: venueIds,
      };
      return coupon ? unwrap(api.PUT('/api/coupons/{id}', { params: { path: { id: coupon.id } }, body })) : unwrap(api.POST('/api/coupons', { body }));
    },
    onSuccess: async (c) => {
      await client.invalidateQueries({ queryKey: ['coupons'] });
      onSaved(c);
    },
  });
  const err = save.error ? asApiError(save.error) : null;
  const fieldError = (name: string) => err?.field(name);
  const codeError = fieldError('code') ?? (err?.code === 'already_exists' ? err.message : undefined);
  const shown = ['code', 'kind', 'value', 'valid_from', 'valid_to', 'max_redemptions', 'max_per_customer', 'min_party_size'].some((f) => fieldError(f)) || codeError;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const amount = kind === 'fixed' ? toMinor(value, fmt.currency) : /^\d+$/.test(value.trim()) ? Number(value) : null;
    setValueError(amount === null || amount <= 0 ? (kind === 'fixed' ? 'Enter the amount off, such as 10.00.' : 'Enter whole percent off, 1 to 100.') : undefined);
    if (amount !== null && amount > 0) save.mutate(amount);
  };

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <form className="card" aria-labelledby="coupon-heading" onSubmit={submit} noValidate>
      <h2 id="coupon-heading" ref={heading} tabIndex={-1}>
        {coupon ? `Edit ${coupon.code}` : 'New coupon'}
      </h2>
      {err && !shown ? (
        <p className="form-error" role="alert">
          {err.message}
        </p>
      ) : null}
      <div className="grid-2">
        <Field label="Code" value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)} hint="3-40 letters, digits, - or _; customers type it in any case" error={codeError} />
        <SelectField label="Discount type" value={kind} onChange={(e) => setKind(e.target.value as Coupon['kind'])} error={fieldError('kind')}>
          <option value="percent">Percent off</option>
          <option value="fixed">Fixed amount off</option>
        </SelectField>
        <Field
          label={kind === 'percent' ? 'Percent off' : 'Amount off'}
          inputMode={kind === 'percent' ? 'numeric' : 'decimal'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          hint={kind === 'percent' ? 'Whole percent, 1 to 100, off the subtotal' : `${amountHint(fmt.currency)}, off the subtotal`}
          error={valueError ?? fieldError('value')}
        />
        <Field label="Minimum party size" type="number" min={1} value={minParty} onChange={(e) => setMinParty(e.target.value)} error={fieldError('min_party_size')} />
        <Field label="Valid from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} hint={`Empty: from now (${fmt.zone} time)`} error={fieldError('valid_from')} />
        <Field label="Valid until" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} hint="Empty: no end" error={fieldError('valid_to')} />
        <Field label="Total uses" type="number" min={1} value={maxTotal} onChange={(e) => setMaxTotal(e.target.value)} hint="Empty: unlimited" error={fieldError('max_redemptions')} />
        <Field label="Uses per customer" type="number" min={1} value={maxEach} onChange={(e) => setMaxEach(e.target.value)} hint="Empty: unlimited" error={fieldError('max_per_customer')} />
      </div>
      <div className="grid-2">
        <fieldset className="checks">
          <legend>Games</legend>
          <p className="field-hint">None ticked: every game.</p>
          {games.data?.data.map((g) => (
            <label key={g.id}>
              <input type="checkbox" checked={gameIds.includes(g.id)} onChange={(e) => setGameIds(toggle(gameIds, g.id, e.target.checked))} /> {g.name}
            </label>
          ))}
          {fieldError('game_ids') ? <span className="field-error">{fieldError('game_ids')}</span> : null}
        </fieldset>
        <fieldset className="checks">
          <legend>Venues</legend>
          <p className="field-hint">None ticked: every venue.</p>
          {venues.data?.data.map((v) => (
            <label key={v.id}>
              <input type="checkbox" checked={venueIds.includes(v.id)} onChange={(e) => setVenueIds(toggle(venueIds, v.id, e.target.checked))} /> {v.name}
            </label>
          ))}
          {fieldError('venue_ids') ? <span className="field-error">{fieldError('venue_ids')}</span> : null}
        </fieldset>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : coupon ? 'Save coupon' : 'Create coupon'}
        </button>
      </div>
    </form>
  );
}
