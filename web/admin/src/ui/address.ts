import type { Schemas } from '../../../api/client';

export type Address = Schemas['Organization']['address'];

/** An address as typed, merged over the stored one: an emptied line is left out (the API refuses "" for a country). */
export function typedAddress(stored: Address, typed: Partial<Record<keyof Address, string>>): Address {
  const merged: Record<string, string | undefined> = { ...stored, ...typed };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v.trim() !== ''));
}
