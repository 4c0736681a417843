import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import type { ApplicableCoupon } from './schemas.js';
import { COUPON_CODE } from './schemas.js';
import * as sql from './sql.js';
import type { CouponRow } from './sql.js';

// Redemption rules (docs/coupons.md). The counters and the lock live in PostgreSQL (migration 0013); these functions
// check first, so that a refusal is a precise AppError thrown before anything is written, and the transaction that
// called them stays usable.

// `fields.coupon_code` lets a form show the refusal next to the code (a booking may carry a gift card code too).
const invalidCode = (message: string) => new AppError('invalid_code', message, { coupon_code: message });
const limitReached = (message: string) => new AppError('limit_reached', message, { coupon_code: message });

// Unknown, inactive and deleted codes answer alike: a caller learns nothing about codes that do not work.
const UNKNOWN = 'Unknown or inactive coupon code';

/** invalid_code unless the coupon works at `now`: active and inside its window [valid_from, valid_to). */
function assertLive(c: Pick<CouponRow, 'active' | 'valid_from' | 'valid_to'>, now: Date): void {
  if (!c.active) throw invalidCode(UNKNOWN);
  if (c.valid_from && now < c.valid_from) throw invalidCode('This coupon is not valid yet');
  if (c.valid_to && now >= c.valid_to) throw invalidCode('This coupon has expired');
}

/** limit_reached when the coupon's own uses, or this customer's, are all taken. */
function assertUnderLimits(c: Pick<CouponRow, 'redemptions' | 'max_redemptions' | 'max_per_customer'>, customerRedemptions: number): void {
  if (c.max_redemptions !== null && c.redemptions >= c.max_redemptions) throw limitReached('This coupon has been used up');
  if (c.max_per_customer !== null && customerRedemptions >= c.max_per_customer) {
    throw limitReached(`This coupon can be used ${c.max_per_customer} time(s) per customer`);
  }
}

/**
 * Validates a code for a quote or a booking, without locking: invalid_code (unknown, inactive, outside its window at
 * `now`, out of game/venue scope, party below min_party_size); limit_reached when its total, or this customer's,
 * redemptions are used up (customer by id, or by email when the customer may not exist yet: then that email's
 * customer is counted if one exists). Case and surrounding spaces of the code do not matter.
 */
export async function couponForQuote(
  tx: Queryable,
  code: string,
  ctx: { gameId: string; venueId: string; partySize: number; customerId: string | null; customerEmail?: string | null },
  now: Date,
): Promise<ApplicableCoupon> {
  const wanted = code.trim();
  // What could never be a code is not looked up (nor sent to the database with whatever bytes it holds).
  if (!COUPON_CODE.test(wanted)) throw invalidCode(UNKNOWN);
  const { rows } = await tx.query<CouponRow & { customer_redemptions: number }>(sql.COUPON_FOR_QUOTE, [
    wanted,
    ctx.customerId,
    ctx.customerId ? null : (ctx.customerEmail ?? null),
  ]);
  const c = rows[0];
  if (!c) throw invalidCode(UNKNOWN);
  assertLive(c, now);
  if (c.game_ids.length && !c.game_ids.includes(ctx.gameId)) throw invalidCode('This coupon is not valid for this game');
  if (c.venue_ids.length && !c.venue_ids.includes(ctx.venueId)) throw invalidCode('This coupon is not valid at this venue');
  if (ctx.partySize < c.min_party_size) throw invalidCode(`This coupon needs a party of at least ${c.min_party_size}`);
  assertUnderLimits(c, c.customer_redemptions);
  return { id: c.id, code: c.code, kind: c.kind, value: c.value };
}

/**
 * Redeems in the booking's transaction. The coupon's row lock (SELECT ... FOR UPDATE) serialises concurrent redeemers
 * of one coupon; the locked row is its latest committed version, so the total is judged exactly. The per-customer
 * count runs in the insert's own statement, whose READ COMMITTED snapshot is taken after the lock was granted and so
 * sees every committed competitor. The insert's trigger raises the counter (migration 0013). limit_reached (409) when
 * either limit is used up; invalid_code if the coupon stopped being valid (deactivated, deleted, expired). Scope
 * (game, venue, party) is couponForQuote's to check, in the same transaction. Writes nothing on failure.
 */
export async function redeemCoupon(
  tx: Queryable,
  input: { couponId: string; bookingId: string; customerId: string; discountCents: number },
  now: Date,
): Promise<void> {
  const { rows } = await tx.query<CouponRow>(sql.LOCK_COUPON, [input.couponId]);
  const c = rows[0];
  if (!c) throw invalidCode(UNKNOWN);
  assertLive(c, now);
  assertUnderLimits(c, 0);
  const inserted = await tx.query(sql.INSERT_REDEMPTION, [input.couponId, input.bookingId, input.customerId, input.discountCents, c.max_per_customer]);
  if (!inserted.rows.length) throw limitReached(`This coupon can be used ${c.max_per_customer} time(s) per customer`);
}

/**
 * A cancelled booking gives its redemption back: the row is marked released (kept as history) and the coupon's
 * counter goes down by one (the trigger of migration 0013). A no-op when the booking redeemed nothing or was released
 * already, so calling it twice is harmless.
 */
export async function releaseCoupon(tx: Queryable, bookingId: string): Promise<void> {
  await tx.query(sql.RELEASE_REDEMPTION, [bookingId]);
}
