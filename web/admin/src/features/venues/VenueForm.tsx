import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap, type Schemas } from '../../../../api/client';
import { Field } from '../../../../shared/Field';
import { api } from '../../app/api';
import { typedAddress } from '../../ui/address';
import { SelectField } from '../../ui/Inputs';
import { FormError, fieldError } from '../../ui/FormError';
import { ClosuresEditor } from './ClosuresEditor';
import { HoursEditor } from './HoursEditor';
import { timeZones, type Closure, type Hours } from './hours';

type Venue = Schemas['Venue'];

/** Name, zone, contact, hours and closures of a venue: creates one (no `venue`) or changes it. */
export function VenueForm({ venue, defaultZone, onSaved }: { venue?: Venue; defaultZone: string; onSaved: (venue: Venue) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState(venue?.name ?? '');
  const [timezone, setTimezone] = useState(venue?.timezone ?? defaultZone);
  const [phone, setPhone] = useState(venue?.phone ?? '');
  const [line1, setLine1] = useState(venue?.address.line1 ?? '');
  const [city, setCity] = useState(venue?.address.city ?? '');
  const [hours, setHours] = useState<Hours[]>(venue?.operating_hours ?? []);
  const [closures, setClosures] = useState<Closure[]>(venue?.closures ?? []);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        timezone,
        phone: phone || null,
        address: typedAddress(venue?.address ?? {}, { line1, city }),
        operating_hours: hours,
        closures,
      };
      return venue ? unwrap(api.PUT('/api/venues/{id}', { params: { path: { id: venue.id } }, body })) : unwrap(api.POST('/api/venues', { body }));
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['venues'] });
      onSaved(saved);
    },
  });
  const error = fieldError(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="card venue-form">
      <Field label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.field('name')} />
      <SelectField label="Time zone" value={timezone} onChange={(e) => setTimezone(e.target.value)} error={error?.field('timezone')} hint="Slots and opening hours are in this zone.">
        {timeZones(timezone).map((z) => (
          <option key={z}>{z}</option>
        ))}
      </SelectField>
      <Field label="Phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={error?.field('phone')} />
      <Field label="Street address" value={line1} onChange={(e) => setLine1(e.target.value)} error={error?.field('address.line1')} />
      <Field label="City" value={city} onChange={(e) => setCity(e.target.value)} error={error?.field('address.city')} />
      <HoursEditor hours={hours} onChange={setHours} error={error} />
      <ClosuresEditor closures={closures} onChange={setClosures} error={error} />
      <FormError error={save.error} shown={['name', 'timezone', 'phone', 'line1', 'city', 'operating_hours', 'closures']} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : venue ? 'Save venue' : 'Create venue'}
        </button>
      </div>
    </form>
  );
}
