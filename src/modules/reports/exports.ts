/**
 * GET /api/exports/:dataset: bookings, customers, payments or gift cards as CSV or JSON, streamed from the
 * database in batches (src/db/cursor.ts streamRows) straight into the response, so memory stays flat whatever
 * the size, and a reader that stops reading stops the export (backpressure).
 */
import { PassThrough, type Writable } from 'node:stream';
import { streamRows, type KeysetStatement } from '../../db/cursor.js';
import type { Database } from '../../db/client.js';
import type { TenantContext } from '../../db/tenant.js';
import { csvRecord, csvRecords } from './csv.js';
import { instantsOf, addDays } from './periods.js';

export type Dataset = 'bookings' | 'customers' | 'payments' | 'gift_cards';

/** A column of an export: its name (the CSV header, the JSON key) and the SQL of its value. */
type Column = [name: string, sql: string];

interface DatasetSpec {
  columns: Column[];
  /** What follows the column list: FROM, joins and the dataset's own conditions, for table alias `alias`. */
  from: string;
  alias: string;
  /** Whether the bounds are local dates (booking_date) or the instants of the organization's local days. */
  dates: boolean;
}

const since = (alias: string) => `($1::timestamptz is null or ${alias}.created_at >= $1) and ($2::timestamptz is null or ${alias}.created_at < $2)`;

const DATASETS: Record<Dataset, DatasetSpec> = {
  bookings: {
    dates: true,
    alias: 'b',
    columns: [
      ['id', 'b.id'], ['booking_number', 'b.booking_number'], ['status', 'b.status'], ['payment_status', 'b.payment_status'],
      ['booking_date', 'b.booking_date::text'], ['start_time', `to_char(b.start_at at time zone v.timezone, 'HH24:MI')`],
      ['start_at', 'b.start_at'], ['end_at', 'b.end_at'], ['venue_id', 'b.venue_id'], ['venue_name', 'v.name'],
      ['game_id', 'b.game_id'], ['game_name', 'g.name'], ['customer_id', 'b.customer_id'], ['customer_name', 'c.full_name'],
      ['customer_email', 'c.email::text'], ['party_size', 'b.party_size'], ['total_amount', 'b.total_amount'],
      ['discount_amount', 'b.discount_amount'], ['tax_amount', 'b.tax_amount'], ['final_amount', 'b.final_amount'],
      ['amount_paid', 'b.amount_paid'], ['refund_amount', 'b.refund_amount'], ['currency', 'trim(b.currency)'],
      ['coupon_code', 'b.coupon_code'], ['source', 'b.source'], ['created_by', 'b.created_by'], ['created_at', 'b.created_at'],
      ['cancelled_at', 'b.cancelled_at'], ['checked_in_at', 'b.checked_in_at'],
    ],
    from: `bookings b
      join venues v on v.organization_id = b.organization_id and v.id = b.venue_id
      join games g on g.organization_id = b.organization_id and g.id = b.game_id
      join customers c on c.organization_id = b.organization_id and c.id = b.customer_id
      where b.status <> 'held' and ($1::date is null or b.booking_date >= $1::date) and ($2::date is null or b.booking_date <= $2::date)`,
  },
  customers: {
    dates: false,
    alias: 'c',
    columns: [
      ['id', 'c.id'], ['full_name', 'c.full_name'], ['email', 'c.email::text'], ['phone', 'c.phone'], ['tags', 'c.tags'],
      ['marketing_opt_in', 'c.marketing_opt_in'], ['total_bookings', 'c.total_bookings'], ['lifetime_value_cents', 'c.lifetime_value_cents'],
      ['first_booking_at', 'c.first_booking_at'], ['last_booking_at', 'c.last_booking_at'], ['created_at', 'c.created_at'],
    ],
    from: `customers c where c.deleted_at is null and ${since('c')}`,
  },
  payments: {
    dates: false,
    alias: 'p',
    columns: [
      ['id', 'p.id'], ['booking_id', 'p.booking_id'], ['booking_number', 'b.booking_number'], ['kind', 'p.kind'], ['parent_id', 'p.parent_id'],
      ['method', 'p.method'], ['amount_cents', 'p.amount_cents'], ['currency', 'trim(p.currency)'], ['status', 'p.status'],
      ['provider_ref', 'p.provider_ref'], ['created_by', 'p.created_by'], ['created_at', 'p.created_at'], ['updated_at', 'p.updated_at'],
    ],
    from: `payments p join bookings b on b.organization_id = p.organization_id and b.id = p.booking_id where ${since('p')}`,
  },
  gift_cards: {
    dates: false,
    alias: 'g',
    columns: [
      ['id', 'g.id'], ['code', 'g.code'], ['initial_balance_cents', 'g.initial_balance_cents'], ['balance_cents', 'g.balance_cents'],
      ['currency', 'trim(g.currency)'], ['status', `case when g.status = 'active' and g.expires_at <= now() then 'expired' else g.status end`],
      ['expires_at', 'g.expires_at'], ['recipient_name', 'g.recipient_name'], ['recipient_email', 'g.recipient_email'],
      ['customer_id', 'g.customer_id'], ['created_at', 'g.created_at'],
    ],
    from: `gift_cards g where ${since('g')}`,
  },
};

/**
 * The dataset's keyset statement (src/db/cursor.ts): its columns, then the key, in (created_at, id) order. Both are
 * immutable, so a batch that starts after the last key seen never repeats or skips a row (bookings_created_idx,
 * payments_created_idx, ... migration 0017).
 */
function statementOf(spec: DatasetSpec): KeysetStatement {
  const a = spec.alias;
  const list = spec.columns.map(([name, sql]) => `${sql} as ${name}`).join(', ');
  return (afterKey, afterId, limit) => `select ${list}, ${a}.created_at::text as _key, ${a}.id as _id from ${spec.from}
    and (${a}.created_at, ${a}.id) > (${afterKey}, ${afterId}) order by ${a}.created_at, ${a}.id limit ${limit}`;
}

/** A row of values as a JSON object with the columns' names, in their order (as JSON.stringify of the object would). */
function jsonWriter(columns: Column[]): (row: unknown[]) => string {
  const keys = columns.map(([name], i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`);
  return (row) => {
    let text = '';
    for (let i = 0; i < keys.length; i++) text += keys[i]! + JSON.stringify(row[i]);
    return `${text}}`;
  };
}

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
  /** Rows per database round trip (EXPORT_BATCH_ROWS); two batches are held at most. */
  batch: number;
}

/**
 * The export's body stream, and the pump that fills it; the caller sends the stream and starts the pump. The pump
 * ends the stream when the rows are done and destroys it on a failure (the download then ends short, which the
 * reader sees, rather than looking complete).
 */
export function exportStream(db: Database, ctx: TenantContext, req: ExportRequest): { body: PassThrough; pump: () => Promise<void> } {
  const spec = DATASETS[req.dataset];
  let bounds: [unknown, unknown] = [req.from ?? null, req.to ?? null];
  if (!spec.dates) {
    bounds = [req.from ? instantsOf(req.from, req.from, req.zone).start : null, req.to ? instantsOf(addDays(req.to, 0), req.to, req.zone).end : null];
  }
  const body = new PassThrough();
  const statement = statementOf(spec);
  if (req.format === 'csv') {
    const pump = async () => {
      body.write(csvRecord(spec.columns.map(([name]) => name)));
      await streamRows(db, ctx, statement, bounds, (rows) => written(body, body.write(csvRecords(rows))), req.batch);
      body.end();
    };
    return { body, pump };
  }
  const json = jsonWriter(spec.columns);
  const pump = async () => {
    let first = true;
    body.write('[');
    await streamRows(db, ctx, statement, bounds, async (rows) => {
      const ok = body.write(`${first ? '\n' : ',\n'}${rows.map(json).join(',\n')}`);
      first = false;
      return written(body, ok);
    }, req.batch);
    body.end(first ? ']' : '\n]\n');
  };
  return { body, pump };
}
