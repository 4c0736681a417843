import type { GiftCard, GiftCardStatus, GiftCardTransaction } from './schemas.js';

/** A gift_cards row as selected by `cardColumns`. */
export interface GiftCardRow {
  id: string;
  code: string;
  initial_balance_cents: number;
  balance_cents: number;
  currency: string;
  status: GiftCardStatus;
  expires_at: Date | null;
  recipient_name: string | null;
  recipient_email: string | null;
  customer_id: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface TransactionRow {
  id: string;
  kind: GiftCardTransaction['kind'];
  amount_cents: number;
  booking_id: string | null;
  balance_after_cents: number;
  reason: string | null;
  created_by: string | null;
  created_at: Date;
}

/**
 * The status a card `g` shows at the instant in placeholder `at`: one expression for the select list and the
 * `?status=` filter. The clock is a parameter, not now(), so the app's clock (frozen in tests) decides.
 */
export const statusExpr = (at: string) =>
  `(case when g.status = 'disabled' then 'disabled' when g.expires_at <= ${at}::timestamptz then 'expired' else 'active' end)`;

export const cardColumns = (at: string) => `g.id, g.code, g.initial_balance_cents, g.balance_cents, g.currency::text as currency,
  ${statusExpr(at)} as status, g.expires_at, g.recipient_name, g.recipient_email, g.customer_id, g.note, g.created_at, g.updated_at`;

const TRANSACTION_COLUMNS = 'id, kind, amount_cents, booking_id, balance_after_cents, reason, created_by, created_at';

/**
 * A card and its `issue` ledger row in one statement: $1 code, $2 initial balance, $3 currency, $4 expires_at,
 * $5 recipient name, $6 recipient email, $7 customer, $8 created_by, $9 note; status at $10. No row when the code
 * is taken (on conflict do nothing: a failed statement would abort the caller's transaction); the caller draws again.
 */
export const ISSUE_GIFT_CARD = `
with card as (
  insert into gift_cards as g (organization_id, code, initial_balance_cents, balance_cents, currency, expires_at,
                               recipient_name, recipient_email, customer_id, created_by, note)
  values (app_current_org(), $1, $2::integer, $2::integer, $3, $4, $5, $6, $7, $8, $9)
  on conflict (organization_id, code) do nothing
  returning g.*
), issued as (
  insert into gift_card_transactions (organization_id, gift_card_id, kind, amount_cents, balance_after_cents, created_by)
  select organization_id, id, 'issue', initial_balance_cents, initial_balance_cents, created_by from card
)
select ${cardColumns('$10')} from card g`;

/** Card $1, status at $2. */
export const SELECT_GIFT_CARD = `select ${cardColumns('$2')} from gift_cards g where g.id = $1`;

/** The card with normalised code $1 (status at $2), for quotes, redemptions and the public look-up. */
export const SELECT_BY_CODE = `select ${cardColumns('$2')} from gift_cards g where g.code = $1`;

/** PUT: $2 status (null keeps it), $3 whether to set expires_at, $4 its value; status of the answer at $5. */
export const UPDATE_GIFT_CARD = `
update gift_cards g set status = coalesce($2, g.status), expires_at = case when $3::boolean then $4::timestamptz else g.expires_at end
where g.id = $1 returning ${cardColumns('$5')}`;

/**
 * Moves `$2` cents (signed) on card $1 and appends the ledger row (kind $3, booking $4, reason $5, created_by $6)
 * in one statement. The condition `balance + $2 >= 0` is re-checked on the newest row version once a concurrent
 * writer's lock is released, so concurrent debits serialise on the row lock and never overdraw; the check
 * constraint is the wall behind it. No row: unknown card or not enough balance.
 */
export const MOVE_BALANCE = `
with card as (
  update gift_cards g set balance_cents = g.balance_cents + $2::bigint
  where g.id = $1 and g.balance_cents + $2::bigint >= 0
  returning g.organization_id, g.id, g.balance_cents
)
insert into gift_card_transactions (organization_id, gift_card_id, kind, amount_cents, booking_id, balance_after_cents, reason, created_by)
select organization_id, id, $3, $2::bigint, $4, balance_cents, $5, $6 from card
returning ${TRANSACTION_COLUMNS}`;

/**
 * Redemption: takes least(balance, $2) from the usable card with code $1 (active, not expired at $3, currency $4)
 * and appends a `redeem` row for booking $5, in one statement. `locked` takes the row lock first (FOR UPDATE waits
 * for a concurrent redemption, then reads the committed balance), so the amount taken is computed from the
 * balance the update changes. No row: no usable card, or a zero balance.
 */
export const REDEEM = `
with locked as (
  select g.id, g.balance_cents from gift_cards g
  where g.code = $1 and g.status = 'active' and (g.expires_at is null or g.expires_at > $3::timestamptz) and g.currency = $4
  for update
), taken as (
  update gift_cards g set balance_cents = g.balance_cents - least(l.balance_cents, $2::bigint)
  from locked l where g.organization_id = app_current_org() and g.id = l.id and l.balance_cents > 0
  returning g.organization_id, g.id, g.balance_cents, least(l.balance_cents, $2::bigint) as amount
), entry as (
  insert into gift_card_transactions (organization_id, gift_card_id, kind, amount_cents, booking_id, balance_after_cents)
  select organization_id, id, 'redeem', -amount, $5, balance_cents from taken
)
select id, amount from taken`;

/** What booking $2 still has taken from card $1 (its redemptions net of refunds). */
export const NET_REDEEMED = `select coalesce(-sum(amount_cents), 0)::bigint as cents from gift_card_transactions
  where gift_card_id = $1 and booking_id = $2`;

export const CARD_EXISTS = 'select 1 from gift_cards where id = $1';

/** The CTE `matches`: $1 recipient ILIKE pattern, $2 code LIKE pattern, $3 status at $4. */
export const LIST_MATCHES = `matches as (select * from gift_cards g
  where ($1::text is null or g.code like $2 or g.recipient_name ilike $1 or g.recipient_email ilike $1)
    and ($3::text is null or ${statusExpr('$4')} = $3))`;

export const listPage = (limit: string, offset: string) =>
  `select ${cardColumns('$4')} from matches g order by g.created_at desc, g.id limit ${limit} offset ${offset}`;

export const LIST_COUNT = 'matches g where true';

/** The ledger of card $1, newest first. */
export const ledgerPage = (limit: string, offset: string) =>
  `select ${TRANSACTION_COLUMNS} from gift_card_transactions where gift_card_id = $1 order by seq desc limit ${limit} offset ${offset}`;

export const LEDGER_COUNT = 'gift_card_transactions t where t.gift_card_id = $1';

/** The API shape of a card row. */
export function toGiftCard(r: GiftCardRow): GiftCard {
  return {
    ...r,
    initial_balance_cents: Number(r.initial_balance_cents),
    balance_cents: Number(r.balance_cents),
    expires_at: r.expires_at?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

/** The API shape of a ledger row. */
export function toTransaction(r: TransactionRow): GiftCardTransaction {
  return {
    ...r,
    amount_cents: Number(r.amount_cents),
    balance_after_cents: Number(r.balance_after_cents),
    created_at: r.created_at.toISOString(),
  };
}

// Bulk loading (bulk.ts, for the demo seeder): parallel arrays over unnest(), one statement per table.

/** Cards: $1 currency, then the columns of BulkGiftCard in its order. */
export const BULK_INSERT_GIFT_CARDS = `
insert into gift_cards (organization_id, id, code, initial_balance_cents, balance_cents, currency, status, expires_at,
                        recipient_name, recipient_email, customer_id, note, created_at, updated_at)
select app_current_org(), t.id, t.code, t.initial, t.balance, $1, t.status, t.expires_at, t.recipient_name, t.recipient_email,
       t.customer_id, t.note, t.created_at, t.updated_at
from unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::uuid[],
            $11::text[], $12::timestamptz[], $13::timestamptz[])
  as t(id, code, initial, balance, status, expires_at, recipient_name, recipient_email, customer_id, note, created_at, updated_at)`;

/** Ledger rows in the order given (`with ordinality` keeps it, so `seq` follows it). */
export const BULK_INSERT_LEDGER = `
insert into gift_card_transactions (organization_id, gift_card_id, kind, amount_cents, booking_id, balance_after_cents, reason, created_at)
select app_current_org(), t.gift_card_id, t.kind, t.amount, t.booking_id, t.balance_after, t.reason, t.created_at
from unnest($1::uuid[], $2::text[], $3::bigint[], $4::uuid[], $5::bigint[], $6::text[], $7::timestamptz[])
  with ordinality as t(gift_card_id, kind, amount, booking_id, balance_after, reason, created_at, n)
order by t.n`;
