/**
 * The payments module's SQL. Payment rows are facts: inserted, then only their status moves (migration 0014's
 * triggers refuse anything else, and keep the booking's amount_paid, refund_amount and payment_status as sums
 * of them).
 */
import type { Payment } from './schemas.js';

export interface PaymentRow {
  id: string;
  booking_id: string;
  kind: 'payment' | 'refund';
  parent_id: string | null;
  method: Payment['method'];
  amount_cents: number;
  currency: string;
  status: Payment['status'];
  refunded_cents: number;
  provider_ref: string | null;
  gift_card_id: string | null;
  note: string;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

// What its refunds return, beside every payment (refunds and failed ones count nothing).
const REFUNDED = `coalesce((select sum(r.amount_cents) from payments r
   where r.organization_id = p.organization_id and r.parent_id = p.id and r.status in ('pending', 'succeeded')), 0)::int`;

const COLUMNS = `p.id, p.booking_id, p.kind, p.parent_id, p.method, p.amount_cents, p.currency, p.status,
  case when p.kind = 'payment' then ${REFUNDED} else 0 end as refunded_cents, p.provider_ref, p.gift_card_id, p.note,
  p.reason, p.created_by, p.created_at, p.updated_at`;

export const SELECT_PAYMENT = `select ${COLUMNS} from payments p where p.id = $1`;
export const SELECT_PAYMENT_FOR_UPDATE = `select ${COLUMNS} from payments p where p.id = $1 for update of p`;
export const SELECT_BY_PROVIDER_REF = `select ${COLUMNS} from payments p where p.method = 'stripe' and p.provider_ref = $1 for update of p`;
export const SELECT_REFUNDS = `select ${COLUMNS} from payments p where p.parent_id = $1 order by p.created_at, p.id`;
/** A booking's succeeded payments with what is left of each, oldest first (a refund's split follows this order). */
export const REFUNDABLE = `select * from (select ${COLUMNS} from payments p where p.booking_id = $1 and p.kind = 'payment'
  and p.status = 'succeeded') x where x.amount_cents > x.refunded_cents order by x.created_at, x.id`;
/** A booking's online payments still waiting for the customer. */
export const PENDING_ONLINE = `select ${COLUMNS} from payments p where p.booking_id = $1 and p.kind = 'payment' and p.status = 'pending'`;

/**
 * The money side of a booking ($1), locked: payments of one booking serialise on it. Read here rather than through
 * the bookings module because the payments module is below it (bookings call payments to refund on cancellation);
 * these are the columns the payment rows themselves maintain, plus what a payment must match.
 */
export const BOOKING_MONEY = `select b.id, b.booking_number, b.status, b.final_amount, b.amount_paid, b.currency,
    b.customer_id, b.start_at from bookings b where b.id = $1 and b.status <> 'held' for update of b`;

export interface BookingMoney {
  id: string;
  booking_number: string;
  status: string;
  final_amount: number;
  amount_paid: number;
  currency: string;
  customer_id: string;
  start_at: Date;
}

export const INSERT_PAYMENT = `insert into payments (organization_id, id, booking_id, kind, parent_id, method, amount_cents, currency,
    status, provider_ref, gift_card_id, note, reason, created_by)
  values (app_current_org(), coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, ''), $12, $13)
  returning id`;

/** Payment $1 moves to status $2 (the trigger allows only forward moves); answers whether it moved. */
export const SET_PAYMENT_STATUS = `update payments set status = $2 where id = $1 and status <> $2 returning id`;

const LIST_WHERE = `($1::uuid is null or p.booking_id = $1) and ($2::text is null or p.status = $2)
  and ($3::text is null or p.method = $3) and ($4::text is null or p.kind = $4)
  and ($5::date is null or p.created_at >= ($5::date::timestamp at time zone $7))
  and ($6::date is null or p.created_at < (($6::date + 1)::timestamp at time zone $7))`;

/** Payments matching filters $1-$6 ($7 the organization's zone for the dates), newest first, for fetchPage. */
export const LIST_PAYMENTS = {
  page: (limit: string, offset: string) => `select ${COLUMNS} from payments p where ${LIST_WHERE} order by p.created_at desc, p.id limit ${limit} offset ${offset}`,
  count: `payments p where ${LIST_WHERE}`,
};

/** Records a Stripe event ($1 id, $2 type) as applied; no row back means it was applied before. */
export const CLAIM_EVENT = `insert into stripe_events (organization_id, event_id, type) values (app_current_org(), $1, $2)
  on conflict do nothing returning event_id`;

/** Bulk rows as parallel arrays $2.. (see bulkInsertPayments), succeeded, in currency $1. */
export const BULK_INSERT_PAYMENTS = `insert into payments (organization_id, id, booking_id, kind, parent_id, method, amount_cents, currency,
    status, provider_ref, gift_card_id, created_at, updated_at)
  select app_current_org(), t.id, t.booking_id, t.kind, t.parent_id, t.method, t.amount, $1, 'succeeded', t.ref, t.gift_card_id,
    t.created_at, t.created_at
  from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::int[], $8::text[], $9::timestamptz[], $10::uuid[])
    as t(id, booking_id, kind, parent_id, method, amount, ref, created_at, gift_card_id)`;
