import { z } from 'zod';
import { instant, isoDate, name, text, timezone, wallTime } from '../../http/fields.js';
import { addressSchema } from '../organizations/schemas.js';

export const MAX_OPENING_RANGES = 50;
export const MAX_CLOSURES = 1000;
const DAY = 1440;
const WEEK = 7 * DAY;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A closing time: any wall time, or "24:00" for "until the end of the day". */
const closeTime = z.union([wallTime, z.literal('24:00')], { error: 'must be HH:MM or 24:00' });

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** [start, end) in minutes after the opening day's midnight; a close at or before the open runs past midnight. */
function span(open: string, close: string): [number, number] {
  const o = minutes(open);
  const c = minutes(close);
  return [o, c > o ? c : c + DAY];
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

// The engine treats close == open as a 24-hour range, which is almost always a typing slip: "00:00"-"24:00"
// says "all day" without ambiguity, so an equal pair is refused.
const sameOpenClose = 'must differ from open (use 00:00-24:00 for a whole day)';

const openingRangeInput = z
  .object({ weekday: z.number().int().min(0).max(6), open: wallTime, close: closeTime })
  .strict()
  .superRefine((r, ctx) => {
    if (r.close !== '24:00' && r.close === r.open) ctx.addIssue({ code: 'custom', path: ['close'], message: sameOpenClose });
  });

/**
 * Weekly hours. Ranges are laid on one circular week, so a range running past midnight also collides with the
 * next weekday's early ranges: two overlapping ranges would make the same slot appear twice.
 */
export const operatingHoursInput = z
  .array(openingRangeInput)
  .max(MAX_OPENING_RANGES)
  .superRefine((ranges, ctx) => {
    const placed = ranges.map((r) => {
      const [a, b] = span(r.open, r.close);
      return [r.weekday * DAY + a, r.weekday * DAY + b] as [number, number];
    });
    for (let j = 0; j < placed.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = placed[i]!;
        const b = placed[j]!;
        if ([-WEEK, 0, WEEK].some((shift) => overlaps(a, [b[0] + shift, b[1] + shift]))) {
          const r = ranges[i]!;
          ctx.addIssue({ code: 'custom', path: [j], message: `overlaps ${WEEKDAYS[r.weekday]} ${r.open}-${r.close} (operating_hours.${i})` });
          break;
        }
      }
    }
  });

const closureInput = z
  .object({ date: isoDate, open: wallTime.optional(), close: closeTime.optional() })
  .strict()
  .superRefine((c, ctx) => {
    if (c.open !== undefined && c.close === undefined) ctx.addIssue({ code: 'custom', path: ['close'], message: 'required when open is given' });
    if (c.close !== undefined && c.open === undefined) ctx.addIssue({ code: 'custom', path: ['open'], message: 'required when close is given' });
    if (c.open !== undefined && c.close !== '24:00' && c.open === c.close) ctx.addIssue({ code: 'custom', path: ['close'], message: sameOpenClose });
  });

/** Date exceptions: a date is either closed all day (one entry, no hours) or has non-overlapping special hours. */
export const closuresInput = z
  .array(closureInput)
  .max(MAX_CLOSURES)
  .superRefine((list, ctx) => {
    const byDate = new Map<string, number[]>();
    list.forEach((c, i) => byDate.set(c.date, [...(byDate.get(c.date) ?? []), i]));
    for (const indexes of byDate.values()) {
      for (let k = 1; k < indexes.length; k++) {
        const j = indexes[k]!;
        const b = list[j]!;
        for (const i of indexes.slice(0, k)) {
          const a = list[i]!;
          const clash =
            a.open === undefined || a.close === undefined || b.open === undefined || b.close === undefined
              ? 'repeats a date closed all day; a date is either closed or has special hours'
              : overlaps(span(a.open, a.close), span(b.open, b.close))
                ? `overlaps ${a.open}-${a.close} on the same date`
                : null;
          if (clash) {
            ctx.addIssue({ code: 'custom', path: [j], message: `${clash} (closures.${i})` });
            break;
          }
        }
      }
    }
  });

/** Free-form venue settings; only what sits under `settings.public` is shown to the widget. */
export const settingsInput = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 20_000, 'must be at most 20000 characters as JSON')
  .describe('Free-form settings. Replaced as a whole on update. Keys under `public` are shown by the public widget API.');

const venueFields = {
  name: name(200).min(1),
  timezone,
  address: addressSchema,
  phone: text(40).nullable(),
  operating_hours: operatingHoursInput,
  closures: closuresInput,
  settings: settingsInput,
};

export const createVenueBody = z
  .object({
    ...venueFields,
    address: venueFields.address.optional(),
    phone: venueFields.phone.optional(),
    operating_hours: venueFields.operating_hours.optional(),
    closures: venueFields.closures.optional(),
    settings: venueFields.settings.optional(),
  })
  .strict();

export const updateVenueBody = z.object(venueFields).partial().strict();

export type CreateVenue = z.infer<typeof createVenueBody>;
export type UpdateVenue = z.infer<typeof updateVenueBody>;

export const listVenuesQuery = z.object({
  q: text(200).optional(),
  include_archived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

const openingRange = z.object({ weekday: z.number().int(), open: z.string(), close: z.string() });
const closure = z.object({ date: isoDate, open: z.string().optional(), close: z.string().optional() });

export const venueSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    name: z.string(),
    timezone: z.string(),
    address: addressSchema,
    phone: z.string().nullable(),
    operating_hours: z.array(openingRange),
    closures: z.array(closure),
    settings: z.record(z.string(), z.unknown()),
    embed_key: z.string().describe('Public key of the booking widget; generated, read-only, rotatable'),
    archived_at: instant.nullable(),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Venue' });

export type Venue = z.infer<typeof venueSchema>;

/** What the public widget may see of a venue: no embed key, no internal settings. */
export const publicVenueSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timezone: z.string(),
    address: addressSchema,
    phone: z.string().nullable(),
    operating_hours: z.array(openingRange),
    closures: z.array(closure),
    settings: z.record(z.string(), z.unknown()).describe('The venue’s `settings.public`'),
  })
  .meta({ id: 'PublicVenue' });

export type PublicVenue = z.infer<typeof publicVenueSchema>;
