import type { Coupon, CouponKind, UpdateCoupon } from './schemas.js';

// Every statement runs in a tenant transaction: RLS confines it to the current organization, so `where id = $1`
// never reaches another organization's coupon. Archived coupons (deleted after use) are history, never answers.

/** A coupons row as selected by COLUMNS. */
export interface CouponRow {
  id: string;
  code: string;
  kind: CouponKind;
  value: number;
  valid_from: Date | null;
  valid_to: Date | null;
  max_redemptions: number | null;
  max_per_customer: number | null;
  min_party_size: number;
  game_ids: string[];
  venue_ids: string[];
  active: boolean;
  redemptions: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `c.id, c.code::text as code, c.kind, c.value, c.valid_from, c.valid_to, c.max_redemptions, c.max_per_customer,
  c.min_party_size, c.game_ids, c.venue_ids, c.active, c.redemptions, c.created_at, c.updated_at`;

export const SELECT_COUPON = `select ${COLUMNS} from coupons c where c.id = $1 and c.archived_at is null`;

/** The live coupon $1, locked against concurrent changes and redemptions until the transaction ends. */
export const LOCK_COUPON = `${SELECT_COUPON} for update`;

/** Whether a live coupon other than $2 (null: any) has code $1, in any case. */
export const CODE_TAKEN = `select 1 from coupons where code = $1::citext and archived_at is null and id is distinct from $2::uuid`;

export const INSERT_COUPON = `
insert into coupons as c (organization_id, code, kind, value, valid_from, valid_to, max_redemptions, max_per_customer,
  min_party_size, game_ids, venue_ids, active)
values (app_current_org(), $1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10::uuid[], $11)
returning ${COLUMNS}`;

/** Columns PUT may set, each with its SQL cast; the keys are the body's (validated, strict) field names. */
export const UPDATABLE: Record<keyof UpdateCoupon, string> = {
  code: 'citext',
  kind: 'text',
  value: 'integer',
  valid_from: 'timestamptz',
  valid_to: 'timestamptz',
  max_redemptions: 'integer',
  max_per_customer: 'integer',
  min_party_size: 'integer',
  game_ids: 'uuid[]',
  venue_ids: 'uuid[]',
  active: 'boolean',
};

/** Sets `columns` of live coupon $1 to $2, $3, ... in that order; names come from UPDATABLE's keys, never from input. */
export const updateCoupon = (columns: (keyof UpdateCoupon)[]) =>
  `update coupons c set ${columns.map((column, i) => `${column} = $${i + 2}::${UPDATABLE[column]}`).join(', ')}
   where c.id = $1 and c.archived_at is null returning ${COLUMNS}`;

/** Whether coupon $1 was ever redeemed (released redemptions are history too). */
export const EVER_REDEEMED = 'select 1 from coupon_redemptions where coupon_id = $1 limit 1';

export const DELETE_COUPON = 'delete from coupons where id = $1';

/** Retires coupon $1 at $2: it stops working and leaves the API; its redemption rows keep pointing at it. */
export const ARCHIVE_COUPON = 'update coupons set archived_at = $2, active = false where id = $1 and archived_at is null';

/** List filters: $1 code LIKE pattern, $2 active. */
const LIST_WHERE = `c.archived_at is null and ($1::text is null or c.code::text ilike $1) and ($2::boolean is null or c.active = $2)`;

/** A page of the list, by code (citext sorts without regard to case); `id` makes pages stable. */
export const listPage = (limit: string, offset: string) =>
  `select ${COLUMNS} from coupons c where ${LIST_WHERE} order by c.code, c.id limit ${limit} offset ${offset}`;

export const LIST_COUNT = `coupons c where ${LIST_WHERE}`;

/** The API shape of a row. */
export function toCoupon(r: CouponRow): Coupon {
  return {
    ...r,
    valid_from: r.valid_from?.toISOString() ?? null,
    valid_to: r.valid_to?.toISOString() ?? null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

// Redemption ---------------------------------------------------------------------------------------------------

/**
 * What a quote needs to judge live coupon code $1: the coupon, and the live redemptions of the customer, named by id
 * ($2) or, when the booking may create the customer, by email ($3: that email's live customer if there is one).
 */
export const COUPON_FOR_QUOTE = `
select ${COLUMNS},
  (select count(*)::int from coupon_redemptions r
    where r.organization_id = c.organization_id and r.coupon_id = c.id and r.released_at is null
      and r.customer_id = coalesce($2::uuid,
        (select cu.id from customers cu where cu.email = $3::citext and cu.deleted_at is null))) as customer_redemptions
from coupons c where c.code = $1::citext and c.archived_at is null`;

/**
 * A redemption of coupon $1 for booking $2 by customer $3, discount $4, inserted only while the customer holds
 * fewer than $5 live redemptions of it ($5 null: no such limit). Run after LOCK_COUPON: this statement's snapshot is
 * taken after the lock was granted, so the count sees every committed competitor, and none can commit meanwhile.
 * The count trigger of migration 0013 then raises the counter (its check constraint is the wall). The row is stamped
 * by the database's clock (the column's default), like its release and every payment row, so a redemption and its
 * release are reported on the days they happened even when the app's clock is set apart (tests, a skewed host).
 */
export const INSERT_REDEMPTION = `
insert into coupon_redemptions (organization_id, coupon_id, booking_id, customer_id, discount_cents)
select app_current_org(), $1::uuid, $2::uuid, $3::uuid, $4::int
where $5::int is null or (select count(*) from coupon_redemptions r
                           where r.coupon_id = $1::uuid and r.customer_id = $3::uuid and r.released_at is null) < $5::int
returning id`;

/** Releases booking $1's live redemption; the count trigger gives the use back to the coupon. */
export const RELEASE_REDEMPTION = `update coupon_redemptions set released_at = now() where booking_id = $1 and released_at is null`;

/** Bulk redemptions as parallel arrays (see bulkInsertRedemptions); the count trigger runs for each row. */
export const BULK_INSERT_REDEMPTIONS = `
insert into coupon_redemptions (organization_id, coupon_id, booking_id, customer_id, discount_cents, created_at, released_at)
select app_current_org(), t.coupon_id, t.booking_id, t.customer_id, t.discount, t.created_at, t.released_at
from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::timestamptz[], $6::timestamptz[])
  as t(coupon_id, booking_id, customer_id, discount, created_at, released_at)`;
