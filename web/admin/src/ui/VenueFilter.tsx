import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '../../../api/client';
import { SelectField } from './Inputs';
import { api } from '../app/api';

export type Venue = Schemas['Venue'];

/** The organization's venues (a business has a handful: one page of 100 holds them). */
export function useVenues() {
  return useQuery({
    queryKey: ['venues', { limit: 100 }],
    queryFn: () => unwrap(api.GET('/api/venues', { params: { query: { limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

/** "All venues" or one: figures are then in that venue's time zone (the API answers so). */
export function VenueFilter({ value, onChange }: { value: string; onChange: (venueId: string) => void }) {
  const venues = useVenues();
  const list = venues.data?.data ?? [];
  return (
    <SelectField label="Venue" value={value} onChange={(e) => onChange(e.target.value)} disabled={venues.isPending} hint={venues.isError ? 'The venues could not be loaded.' : undefined}>
      <option value="">All venues</option>
      {list.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The zone figures are counted in: the filtered venue's, else the organization's. */
export function zoneOf(venues: Venue[] | undefined, venueId: string, organizationZone: string): string {
  return venues?.find((v) => v.id === venueId)?.timezone ?? organizationZone;
}
