import { IANAZone } from 'luxon';
import { z } from 'zod';
import { errorBodySchema } from './errors.js';

/** Field types shared by several modules' schemas, so each rule is written once. */

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((v) => v.toLowerCase())
  .meta({ format: 'email' });

export const timezone = z
  .string()
  .max(64)
  .refine((v) => IANAZone.isValidZone(v), 'must be an IANA time zone name such as Europe/Berlin');

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
  .refine((v) => Intl.supportedValuesOf('currency').includes(v), 'is not a known ISO 4217 currency');

/** A calendar date 'YYYY-MM-DD' that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a real date')
  .meta({ format: 'date' });

/** A wall time 'HH:MM' (00:00-23:59). */
export const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** An instant with an explicit offset, as API.md requires. */
export const instant = z.iso.datetime({ offset: true });

/** Short free text: trimmed, bounded, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), 'must not contain control characters');

// Unicode bidirectional controls (embeddings, overrides, isolates, marks) make a name display as something else
// ("moc.elpmaxe@…" shown as "…@example.com"): names and emails refuse them; free text (notes) may keep them.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether a value is free of bidirectional control characters. */
export const hasNoBidiControls = (v: string) => !BIDI_CONTROLS.test(v);

/** A name shown to people (a person's, an organization's, a venue's, a game's): text without bidirectional controls. */
export const name = (max: number) => text(max).refine(hasNoBidiControls, 'must not contain bidirectional control characters');

/** Response schemas for the given error statuses, so the OpenAPI document lists every status a route answers. */
export function errors(...statuses: number[]) {
  const out: Record<number, typeof errorBodySchema> = {};
  for (const s of [...new Set([...statuses, 500])]) out[s] = errorBodySchema;
  return out;
}

/** Errors every authenticated route can answer (a rate-limited one adds 429 itself). */
export const authErrors = [400, 401, 403] as const;
