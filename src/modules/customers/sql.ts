import type { Customer, CustomerSort, Segment, UpdateCustomer } from './schemas.js';

/** A customers row as selected by `customerColumns`. */
export interface CustomerRow {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  notes: string;
  tags: string[];
  marketing_opt_in: boolean;
  notification_preferences: { email: boolean; sms: boolean };
  segment: Segment;
  lifetime_value_cents: number;
  total_bookings: number;
  first_booking_at: Date | null;
  last_booking_at: Date | null;
  recency: number;
  frequency: number;
  monetary: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * The segment of a customers row `c` at the instant in placeholder `at` (e.g. '$2'). One expression for the
 * SELECT list and the `?segment=` filter, so what a list filters by is exactly what it shows. The clock is a
 * parameter, not now(), so the app's clock (frozen in tests) decides.
 */
export const segmentExpr = (at: string) =>
  `customer_segment(c.total_bookings, c.lifetime_value_cents, c.last_booking_at, c.created_at, ${at}::timestamptz)`;

/** The select list of the API shape for a customers row `c`; `at` is the placeholder of the clock. */
export const customerColumns = (at: string) => `c.id, c.full_name, c.email::text as email, c.phone, c.notes, c.tags,
  c.marketing_opt_in, c.notification_preferences, ${segmentExpr(at)} as segment, c.lifetime_value_cents, c.total_bookings, c.first_booking_at,
  c.last_booking_at, rfm_recency(c.last_booking_at, ${at}::timestamptz) as recency,
  rfm_frequency(c.total_bookings) as frequency, rfm_monetary(c.lifetime_value_cents) as monetary, c.created_at, c.updated_at`;

/**
 * The organization's live customer with this email (compared case-insensitively: citext), or a new one with this
 * name and phone; `p` names the parameters. The unique (organization_id, email) key decides under concurrency, so
 * concurrent callers with one new email all get the row the first one inserted. A reused customer keeps its name;
 * its phone is filled only if it had none and `fillPhone` (a caller that is not signed in never writes to an existing
 * customer: item 9 of docs/security.md). Erased customers have no email, so they are never reused. `returning`
 * lists what to return of the row (alias c); nothing is written when `from` has no row. Used by booking creation,
 * inside the booking's own statement.
 */
export const upsertCustomerByEmail = (returning: string, p: { name: string; email: string; phone: string }, from: string, opts: { fillPhone: boolean }) =>
  `insert into customers as c (organization_id, full_name, email, phone)
   select app_current_org(), ${p.name}::text, ${p.email}::text, ${p.phone}::text from ${from}
   on conflict (organization_id, email) do update set phone = ${opts.fillPhone ? 'coalesce(c.phone, excluded.phone)' : 'c.phone'}
   returning ${returning}`;

/** ORDER BY per `?sort=`: fixed fragments picked by key, never built from input. `id` makes pages stable. */
export const ORDER_BY: Record<CustomerSort, string> = {
  name: 'lower(c.full_name), c.id',
  created_at: 'c.created_at, c.id',
  last_booking_at: 'c.last_booking_at desc nulls last, c.id',
  lifetime_value: 'c.lifetime_value_cents desc, c.id',
};

/** One live customer ($1) in API shape, segment and RFM at $2. */
export const SELECT_CUSTOMER = `select ${customerColumns('$2')} from customers c where c.id = $1 and c.deleted_at is null`;

/** Name and contacts of customer $1, erased or not (an erased one reads 'Deleted customer'). */
export const SELECT_SUMMARY = 'select id, full_name, email::text as email, phone from customers where id = $1';

export const LIVE_CUSTOMER_EXISTS = 'select 1 from customers where id = $1 and deleted_at is null';

/** $5 tags as text[]; segment and RFM of the answer at $7; $8 preferences as JSON text (null: both on). */
export const INSERT_CUSTOMER = `
insert into customers as c (organization_id, full_name, email, phone, notes, tags, marketing_opt_in, notification_preferences)
values (app_current_org(), $1, $2, $3, $4, $5::text[], $6, coalesce($8::jsonb, '{"email": true, "sms": true}')) returning ${customerColumns('$7')}`;

/** Columns PUT may set, each with its SQL cast; the keys are the body's (validated, strict) field names. */
export const UPDATABLE: Record<keyof UpdateCustomer, string> = {
  full_name: 'text',
  email: 'citext',
  phone: 'text',
  notes: 'text',
  tags: 'text[]',
  marketing_opt_in: 'boolean',
  notification_preferences: 'jsonb',
};

/**
 * Sets `columns` of live customer $1 to $3, $4, ... in that order, each with its UPDATABLE cast; the answer's
 * segment and RFM at $2. Column names come from UPDATABLE's keys, never from input.
 */
export const updateCustomer = (columns: (keyof UpdateCustomer)[]) =>
  `update customers c set ${columns.map((column, i) => `${column} = $${i + 3}::${UPDATABLE[column]}`).join(', ')}
   where c.id = $1 and c.deleted_at is null returning ${customerColumns('$2')}`;

/**
 * GDPR erasure of live customer $1 at $2: everything identifying goes, the row and its statistics stay (bookings
 * and reports reference it).
 */
export const ERASE_CUSTOMER = `
update customers set deleted_at = $2, full_name = 'Deleted customer', email = null, phone = null, notes = '',
  tags = '{}', marketing_opt_in = false
where id = $1 and deleted_at is null`;

/**
 * List filters: $1 name/email LIKE pattern, $2 phone digits (see phoneDigits), $3 tag, $4 segment at clock $5.
 * `$n is null or ...` arms fold away when the statement is planned with its values, so the trigram indexes on
 * full_name and email::text serve ?q= whenever the query is the only arm left.
 */
export const LIST_WHERE = `c.deleted_at is null
  and ($1::text is null or c.full_name ilike $1 or c.email::text ilike $1
       or ($2::text is not null and regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') like '%' || $2 || '%'))
  and ($3::text is null or $3 = any(c.tags))
  and ($4::text is null or ${segmentExpr('$5')} = $4)`;

/**
 * The CTE `matches`: the customers LIST_WHERE selects. A search (?q=) matches few enough rows to materialize
 * them: the page must sort them all anyway, and the count then reads the same rows instead of running the trigram
 * search a second time.
 */
export const listMatches = (materialized: boolean) =>
  `matches as ${materialized ? 'materialized' : 'not materialized'} (select * from customers c where ${LIST_WHERE})`;

/** A page of `matches` in API shape, sorted as ORDER_BY says. */
export const listPage = (sort: CustomerSort) => (limit: string, offset: string) =>
  `select ${customerColumns('$5')} from matches c order by ${ORDER_BY[sort]} limit ${limit} offset ${offset}`;

export const LIST_COUNT = 'matches c where true';

/**
 * The digits of a phone-like query ("+1 (555) 010", "555-01"), else null. Phone numbers are written with all
 * kinds of separators, so they are compared digit by digit; and a query that is plainly not a phone number
 * leaves phones out, which keeps the name/email search on its trigram indexes.
 */
export function phoneDigits(q: string): string | null {
  return /^[\d\s().+-]*\d[\d\s().+-]*$/.test(q) ? q.replace(/\D/g, '') : null;
}

/** The API shape of a row. */
export function toCustomer(r: CustomerRow): Customer {
  const { recency, frequency, monetary, ...rest } = r;
  return {
    ...rest,
    lifetime_value_cents: Number(r.lifetime_value_cents),
    first_booking_at: r.first_booking_at?.toISOString() ?? null,
    last_booking_at: r.last_booking_at?.toISOString() ?? null,
    rfm: { recency, frequency, monetary, score: recency + frequency + monetary },
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

// Bulk loading (bulk.ts, for the demo seeder): multi-row statements over unnest(), one round trip per batch.

/** Inserts rows given as parallel arrays (see bulkInsertCustomers); each row's tags arrive as one JSON array text. */
export const BULK_INSERT_CUSTOMERS = `insert into customers (id, organization_id, full_name, email, phone, notes, tags, marketing_opt_in,
    created_at, updated_at)
  select t.id, app_current_org(), t.full_name, t.email, t.phone, t.notes, array(select jsonb_array_elements_text(t.tags::jsonb)),
    t.opt_in, t.created_at, t.created_at
  from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::timestamptz[])
    as t(id, full_name, email, phone, notes, tags, opt_in, created_at)`;

/** Sets created_at of each customer $1[i] to $2[i]. */
export const BULK_SET_CREATED_AT = `update customers c set created_at = t.created_at
  from unnest($1::uuid[], $2::timestamptz[]) as t(id, created_at)
  where c.organization_id = app_current_org() and c.id = t.id`;

/** Where and whether customer $1 may be written to: erased customers have no address, so they get nothing. */
export const NOTIFICATION_TARGET = `select id, full_name, email::text as email, phone, notification_preferences, unsubscribe_token
  from customers where id = $1 and deleted_at is null`;

/** The customer behind an unsubscribe token, pointing the transaction at its organization (a definer, past RLS). */
export const ENTER_UNSUBSCRIBE = 'select organization_id, customer_id from app_enter_unsubscribe($1)';

/** Turns one channel off ($2: 'email' | 'sms'), or both when $2 is null. */
export const UNSUBSCRIBE = `update customers set notification_preferences = notification_preferences
  || case when $2::text is null then '{"email": false, "sms": false}'::jsonb else jsonb_build_object($2::text, false) end
  where id = $1 and deleted_at is null`;
