import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { SESSION_KEY } from '../../app/session';
import { FormError, fieldError, fieldWithin, typedNumber } from '../../ui/FormError';
import { SelectField, TextAreaField } from '../../ui/Inputs';
import { typedAddress } from '../../ui/address';
import { toMajor, toMinorForApi } from '../../ui/money';
import { Done, ErrorNotice } from '../../ui/Notice';
import { timeZones } from '../venues/hours';
import { BrandingFields, type Branding } from './BrandingFields';

type Organization = Schemas['Organization'];

/** The organization's details, tax, booking policies and branding (admins only). */
export default function SettingsPage() {
  const organization = useQuery({ queryKey: ['organization'], queryFn: () => unwrap(api.GET('/api/organization')) });
  return (
    <section>
      <h1>Organization settings</h1>
      {organization.isPending ? <Loading label="Loading settings" /> : null}
      {organization.isError ? <ErrorNotice error={organization.error} onRetry={() => void organization.refetch()} /> : null}
      {organization.data ? <SettingsForm key={organization.data.id} org={organization.data} /> : null}
    </section>
  );
}

const WEEK_STARTS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const SHOWN = ['name', 'email', 'phone', 'timezone', 'currency', 'address', 'tax', 'policies', 'branding'];

function SettingsForm({ org }: { org: Organization }) {
  const client = useQueryClient();
  const p = org.policies;
  const [f, setF] = useState({
    name: org.name,
    email: org.email ?? '',
    phone: org.phone ?? '',
    timezone: org.timezone,
    currency: org.currency,
    line1: org.address.line1 ?? '',
    city: org.address.city ?? '',
    postal: org.address.postal_code ?? '',
    country: org.address.country ?? '',
    taxPercent: String(org.tax.rate_bps / 100),
    taxInclusive: org.tax.inclusive,
    windowHours: String(p.cancellation_window_hours),
    refundInside: String(p.refund_percent_inside_window),
    refundOutside: String(p.refund_percent_outside_window),
    cancelInside: p.allow_cancel_inside_window,
    paymentMode: p.payment_mode,
    depositPercent: String(p.deposit_percent),
    noShow: String(p.no_show_fee_percent),
    acceptCash: p.accept_cash,
    reminders: p.reminder_offsets_minutes.join(', '),
    referral: toMajor(p.referral_reward_cents, org.currency),
    weekStart: p.week_start,
    terms: p.terms ?? '',
  });
  const [branding, setBranding] = useState<Branding>({ color: org.branding.primary_color ?? '#4F46E5', logo: org.branding.logo_url ?? '', title: org.branding.widget_title ?? '' });
  const [done, setDone] = useState<string | null>(null);
  const set = (patch: Partial<typeof f>) => setF((prev) => ({ ...prev, ...patch }));

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/organization', {
          body: {
            name: f.name,
            email: f.email.trim() || null,
            phone: f.phone.trim() || null,
            timezone: f.timezone,
            currency: f.currency,
            address: typedAddress(org.address, { line1: f.line1, city: f.city, postal_code: f.postal, country: f.country }),
            tax: { rate_bps: Math.round(typedNumber(f.taxPercent) * 100), inclusive: f.taxInclusive },
            policies: {
              cancellation_window_hours: typedNumber(f.windowHours),
              refund_percent_inside_window: typedNumber(f.refundInside),
              refund_percent_outside_window: typedNumber(f.refundOutside),
              allow_cancel_inside_window: f.cancelInside,
              payment_mode: f.paymentMode,
              deposit_percent: typedNumber(f.depositPercent),
              no_show_fee_percent: typedNumber(f.noShow),
              accept_cash: f.acceptCash,
              reminder_offsets_minutes: f.reminders
                .split(/[,\s]+/)
                .filter(Boolean)
                .map(typedNumber),
              referral_reward_cents: toMinorForApi(f.referral, org.currency),
              week_start: f.weekStart,
              terms: f.terms,
            },
            branding: { primary_color: branding.color, logo_url: branding.logo.trim() || null, widget_title: branding.title },
          },
        }),
      ),
    onSuccess: (saved) => {
      setDone('Settings saved.');
      client.setQueryData(['organization'], saved);
      // The top bar shows the organization's name from the session.
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
  const error = fieldError(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="settings">
      <Done message={done} />
      <fieldset>
        <legend>Organization</legend>
        <div className="grid-fields">
          <Field label="Organization name" required value={f.name} onChange={(e) => set({ name: e.target.value })} error={error?.field('name')} />
          <Field label="Contact email" type="email" value={f.email} onChange={(e) => set({ email: e.target.value })} error={error?.field('email')} />
          <Field label="Phone" type="tel" value={f.phone} onChange={(e) => set({ phone: e.target.value })} error={error?.field('phone')} />
          <SelectField label="Time zone" value={f.timezone} onChange={(e) => set({ timezone: e.target.value })} error={error?.field('timezone')}>
            {timeZones(f.timezone).map((z) => (
              <option key={z}>{z}</option>
            ))}
          </SelectField>
          <Field label="Currency" value={f.currency} maxLength={3} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} error={error?.field('currency')} hint="ISO 4217 code, e.g. USD, EUR." />
          <Field label="Street address" value={f.line1} onChange={(e) => set({ line1: e.target.value })} error={error?.field('address.line1')} />
          <Field label="City" value={f.city} onChange={(e) => set({ city: e.target.value })} error={error?.field('address.city')} />
          <Field label="Postal code" value={f.postal} onChange={(e) => set({ postal: e.target.value })} error={error?.field('address.postal_code')} />
          <Field label="Country" value={f.country} maxLength={2} onChange={(e) => set({ country: e.target.value.toUpperCase() })} error={error?.field('address.country')} hint="Two-letter code, e.g. US, DE." />
        </div>
      </fieldset>

      <fieldset>
        <legend>Tax</legend>
        <div className="grid-fields">
          <Field label="Tax rate (%)" inputMode="decimal" value={f.taxPercent} onChange={(e) => set({ taxPercent: e.target.value })} error={error?.field('rate_bps')} hint="e.g. 8.25" />
        </div>
        <label className="check">
          <input type="checkbox" checked={f.taxInclusive} onChange={(e) => set({ taxInclusive: e.target.checked })} /> Prices include tax
        </label>
      </fieldset>

      <fieldset>
        <legend>Payment and cancellation</legend>
        <div className="grid-fields">
          <SelectField label="Online payment" value={f.paymentMode} onChange={(e) => set({ paymentMode: e.target.value as typeof f.paymentMode })} error={error?.field('payment_mode')}>
            <option value="none">None: pay at the venue</option>
            <option value="deposit">Deposit up front</option>
            <option value="required">Full payment up front</option>
          </SelectField>
          <Field label="Deposit (%)" type="number" min={1} max={100} value={f.depositPercent} onChange={(e) => set({ depositPercent: e.target.value })} error={error?.field('deposit_percent')} />
          <Field label="Cancellation window (hours)" type="number" min={0} value={f.windowHours} onChange={(e) => set({ windowHours: e.target.value })} error={error?.field('cancellation_window_hours')} hint="Cancelling later than this before the start is “inside the window”." />
          <Field label="Refund before the window (%)" type="number" min={0} max={100} value={f.refundOutside} onChange={(e) => set({ refundOutside: e.target.value })} error={error?.field('refund_percent_outside_window')} />
          <Field label="Refund inside the window (%)" type="number" min={0} max={100} value={f.refundInside} onChange={(e) => set({ refundInside: e.target.value })} error={error?.field('refund_percent_inside_window')} />
          <Field label="No-show fee (%)" type="number" min={0} max={100} value={f.noShow} onChange={(e) => set({ noShow: e.target.value })} error={error?.field('no_show_fee_percent')} />
          <Field label={`Referral reward (${org.currency})`} inputMode="decimal" value={f.referral} onChange={(e) => set({ referral: e.target.value })} error={error?.field('referral_reward_cents')} hint="A gift card for the referrer; 0 turns referrals off." />
          <Field
            label="Reminders (minutes before)"
            value={f.reminders}
            onChange={(e) => set({ reminders: e.target.value })}
            error={fieldWithin(error, 'reminder_offsets_minutes')}
            hint="Comma-separated, up to 5: 1440 = a day before, 120 = two hours before; empty for none."
          />
          <SelectField label="Week starts on" value={f.weekStart} onChange={(e) => set({ weekStart: e.target.value as typeof f.weekStart })} error={error?.field('week_start')}>
            {WEEK_STARTS.map((d) => (
              <option key={d} value={d}>
                {d[0]!.toUpperCase() + d.slice(1)}
              </option>
            ))}
          </SelectField>
        </div>
        <label className="check">
          <input type="checkbox" checked={f.cancelInside} onChange={(e) => set({ cancelInside: e.target.checked })} /> Customers may cancel inside the window
        </label>
        <label className="check">
          <input type="checkbox" checked={f.acceptCash} onChange={(e) => set({ acceptCash: e.target.checked })} /> The desk takes cash
        </label>
        <TextAreaField label="Terms shown to customers" rows={4} value={f.terms} onChange={(e) => set({ terms: e.target.value })} error={error?.field('terms')} />
      </fieldset>

      <BrandingFields value={branding} onChange={setBranding} error={error} organizationName={f.name} />
      <FormError error={save.error} shown={SHOWN} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}
