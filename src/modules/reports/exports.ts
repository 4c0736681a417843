/**
 * GET /api/exports/:dataset: bookings, customers, payments or gift cards as CSV or JSON, streamed from the
 * database in batches (src/db/cursor.ts streamRows) straight into the response, so memory stays flat whatever
 * the size, and a reader that stops reading stops the export (backpressure).
 */
import { PassThrough, type Writable } from 'node:stream';
import { streamRows, type KeysetStatement } from '../../db/cursor.js';
import type { Database } from '../../db/client.js';
import type { TenantContext } from '../../db/tenant.js';
import { csvStream } from './csv.js';
import { instantsOf, addDays } from './periods.js';

export type Dataset = 'bookings' | 'customers' | 'payments' | 'gift_cards';

interface DatasetSpec {
  columns: string[];
  /** The keyset statement: $1, $2 the bounds (dates for bookings, instants for the others, either null). */
  statement: KeysetStatement;
  /** Whether the bounds are local dates (booking_date) or the instants of the organization's local days. */
  dates: boolean;
}

// Every dataset reads in (created_at, id) order: both immutable, so a batch that starts after the last key seen
// never repeats or skips a row (bookings_created_idx, payments_created_idx, ... migration 0017).
const keyed = (alias: string, a: string, i: string, l: string) =>
  `(${alias}.created_at, ${alias}.id) > (${a}, ${i}) order by ${alias}.created_at, ${alias}.id limit ${l}`;
const key = (alias: string) => `${alias}.created_at::text as _key, ${alias}.id as _id`;
const since = (alias: string) => `($1::timestamptz is null or ${alias}.created_at >= $1) and ($2::timestamptz is null or ${alias}.created_at < $2)`;

const DATASETS: Record<Dataset, DatasetSpec> = {
  bookings: {
    dates: true,
    columns: ['id', 'booking_number', 'status', 'payment_status', 'booking_date', 'start_time', 'start_at', 'end_at', 'venue_id', 'venue_name',
      'game_id', 'game_name', 'customer_id', 'customer_name', 'customer_email', 'party_size', 'total_amount', 'discount_amount', 'tax_amount',
      'final_amount', 'amount_paid', 'refund_amount', 'currency', 'coupon_code', 'source', 'created_by', 'created_at', 'cancelled_at', 'checked_in_at'],
    statement: (a, i, l) => `select ${key('b')}, b.id, b.booking_number, b.status, b.payment_status, b.booking_date::text as booking_date,
        to_char(b.start_at at time zone v.timezone, 'HH24:MI') as start_time, b.start_at, b.end_at, b.venue_id, v.name as venue_name,
        b.game_id, g.name as game_name, b.customer_id, c.full_name as customer_name, c.email::text as customer_email, b.party_size,
        b.total_amount, b.discount_amount, b.tax_amount, b.final_amount, b.amount_paid, b.refund_amount, trim(b.currency) as currency,
        b.coupon_code, b.source, b.created_by, b.created_at, b.cancelled_at, b.checked_in_at
      from bookings b
      join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
      join games g on g.organization_id = b.organization_id and g.id = b.game_id
      join customers c on c.organization_id = b.organization_id and c.id = b.customer_id
      where b.status <> 'held' and ($1::date is null or b.booking_date >= $1::date) and ($2::date is null or b.booking_date <= $2::date)
        and ${keyed('b', a, i, l)}`,
  },
  customers: {
    dates: false,
    columns: ['id', 'full_name', 'email', 'phone', 'tags', 'marketing_opt_in', 'total_bookings', 'lifetime_value_cents', 'first_booking_at', 'last_booking_at', 'created_at'],
    statement: (a, i, l) => `select ${key('c')}, c.id, c.full_name, c.email::text as email, c.phone, c.tags, c.marketing_opt_in, c.total_bookings,
        c.lifetime_value_cents, c.first_booking_at, c.last_booking_at, c.created_at
      from customers c where c.deleted_at is null and ${since('c')} and ${keyed('c', a, i, l)}`,
  },
  payments: {
    dates: false,
    columns: ['id', 'booking_id', 'booking_number', 'kind', 'parent_id', 'method', 'amount_cents', 'currency', 'status', 'provider_ref', 'created_by', 'created_at', 'updated_at'],
    statement: (a, i, l) => `select ${key('p')}, p.id, p.booking_id, b.booking_number, p.kind, p.parent_id, p.method, p.amount_cents,
        trim(p.currency) as currency, p.status, p.provider_ref, p.created_by, p.created_at, p.updated_at
      from payments p join bookings b on b.organization_id = p.organization_id and b.id = p.booking_id
      where ${since('p')} and ${keyed('p', a, i, l)}`,
  },
  gift_cards: {
    dates: false,
    columns: ['id', 'code', 'initial_balance_cents', 'balance_cents', 'currency', 'status', 'expires_at', 'recipient_name', 'recipient_email', 'customer_id', 'created_at'],
    statement: (a, i, l) => `select ${key('g')}, g.id, g.code, g.initial_balance_cents, g.balance_cents, trim(g.currency) as currency,
        case when g.status = 'active' and g.expires_at <= now() then 'expired' else g.status end as status, g.expires_at,
        g.recipient_name, g.recipient_email, g.customer_id, g.created_at
      from gift_cards g where ${since('g')} and ${keyed('g', a, i, l)}`,
  },
};

/** Waits until the stream takes more (or is gone); false when the reader has gone away. */
async function written(out: Writable, ok: boolean): Promise<boolean> {
  if (!ok && !out.destroyed) await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
  return !out.destroyed;
}

export interface ExportRequest {
  dataset: Dataset;
  format: 'csv' | 'json';
  from?: string | undefined;
  to?: string | undefined;
  /** The organization's zone, for the local days of from/to on timestamped rows. */
  zone: string;
}

/**
 * The export's body stream, and the pump that fills it; the caller sends the stream and starts the pump. The pump
 * ends the stream when the rows are done and destroys it on a failure (the download then ends short, which the
 * reader sees, rather than looking complete).
 */
export function exportStream(db: Database, ctx: TenantContext, req: ExportRequest): { body: PassThrough | ReturnType<typeof csvStream>; pump: () => Promise<void> } {
  const spec = DATASETS[req.dataset];
  let bounds: [unknown, unknown] = [req.from ?? null, req.to ?? null];
  if (!spec.dates) {
    bounds = [req.from ? instantsOf(req.from, req.from, req.zone).start : null, req.to ? instantsOf(addDays(req.to, 0), req.to, req.zone).end : null];
  }
  if (req.format === 'csv') {
    const body = csvStream(spec.columns);
    const pump = async () => {
      await streamRows<Record<string, unknown>>(db, ctx, spec.statement, bounds, async (rows) => {
        let ok = true;
        for (const r of rows) ok = body.write(r) && ok;
        return written(body, ok);
      });
      body.end();
    };
    return { body, pump };
  }
  const body = new PassThrough();
  const pump = async () => {
    let first = true;
    body.write('[');
    await streamRows<Record<string, unknown>>(db, ctx, spec.statement, bounds, async (rows) => {
      const text = rows.map((r) => JSON.stringify(r)).join(',\n');
      const ok = body.write(`${first ? '\n' : ',\n'}${text}`);
      first = false;
      return written(body, ok);
    });
    body.end(first ? ']' : '\n]\n');
  };
  return { body, pump };
}
