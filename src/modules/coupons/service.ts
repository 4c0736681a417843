import type { Queryable } from '../../db/client.js';
import { likePattern } from '../../db/like.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { getGame } from '../games/service.js';
import { getVenue } from '../venues/service.js';
import { couponRuleProblems, type Coupon, type CouponFilter, type CreateCoupon, type UpdateCoupon } from './schemas.js';
import * as sql from './sql.js';
import { toCoupon, type CouponRow } from './sql.js';

export type { Coupon } from './schemas.js';
export type { ApplicableCoupon } from './schemas.js';
export { couponForQuote, redeemCoupon, releaseCoupon } from './redemption.js';
export { bulkInsertRedemptions, type BulkRedemption } from './bulk.js';

const invalid = (message: string, fields: Record<string, string>) => new AppError('validation_failed', message, fields);

/**
 * A duplicate code answers 409 with fields.code. This check is the friendly answer; the partial unique index
 * coupons_organization_id_code_key is the wall (a concurrent twin gets the generic 409 already_exists).
 */
async function assertCodeFree(tx: Queryable, code: string, exceptId: string | null): Promise<void> {
  const { rows } = await tx.query(sql.CODE_TAKEN, [code, exceptId]);
  if (rows[0]) throw new AppError('already_exists', 'A coupon with this code already exists', { code: 'already in use' });
}

/**
 * Every id must name a live game (venue) of this organization: 400 with the index of the first that does not.
 * Unknown, archived and other organizations' ids get one and the same answer (RLS hides the latter), so a probe
 * learns nothing. Through the owning modules' services, one look-up per id: coupons are written rarely and name few.
 */
async function assertScope(tx: Queryable, field: 'game_ids' | 'venue_ids', ids: string[]): Promise<void> {
  const what = field === 'game_ids' ? 'game' : 'venue';
  for (const [i, id] of ids.entries()) {
    let live: boolean;
    try {
      live = field === 'game_ids' ? (await getGame(tx, id)).archived_at === null : Boolean(await getVenue(tx, id));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
      live = false;
    }
    if (!live) throw invalid(`A ${what} of the coupon's scope does not exist or is archived`, { [`body.${field}.${i}`]: `no such ${what}` });
  }
}

/** The organization's live coupons, searched by code, filtered by `active`, sorted by code, paginated. */
export async function listCoupons(tx: Queryable, filter: CouponFilter, page: Pagination) {
  const params = [filter.q ? likePattern(filter.q) : null, filter.active ?? null];
  return fetchPage(tx, { page: sql.listPage, count: sql.LIST_COUNT }, params, page, toCoupon);
}

/** One live coupon; 404 when missing, deleted, or another organization's. */
export async function getCoupon(tx: Queryable, id: string): Promise<Coupon> {
  const { rows } = await tx.query<CouponRow>(sql.SELECT_COUPON, [id]);
  if (!rows[0]) throw notFound('Coupon');
  return toCoupon(rows[0]);
}

/** Creates a coupon (the body's rules between fields were checked by its schema). */
export async function createCoupon(tx: Queryable, input: CreateCoupon): Promise<Coupon> {
  await assertCodeFree(tx, input.code, null);
  await assertScope(tx, 'game_ids', input.game_ids ?? []);
  await assertScope(tx, 'venue_ids', input.venue_ids ?? []);
  const { rows } = await tx.query<CouponRow>(sql.INSERT_COUPON, [
    input.code,
    input.kind,
    input.value,
    input.valid_from ?? null,
    input.valid_to ?? null,
    input.max_redemptions ?? null,
    input.max_per_customer ?? null,
    input.min_party_size ?? 1,
    input.game_ids ?? [],
    input.venue_ids ?? [],
    input.active ?? true,
  ]);
  return toCoupon(rows[0]!);
}

/**
 * Changes the fields given. The coupon is locked first, so the rules between fields are checked against the coupon
 * as it will be (kind with value, the window's ends), and max_redemptions against its live redemptions, without a
 * redemption slipping in between.
 */
export async function updateCoupon(tx: Queryable, id: string, input: UpdateCoupon): Promise<Coupon> {
  const { rows } = await tx.query<CouponRow>(sql.LOCK_COUPON, [id]);
  const current = rows[0] ? toCoupon(rows[0]) : undefined;
  if (!current) throw notFound('Coupon');
  const columns = (Object.keys(sql.UPDATABLE) as (keyof UpdateCoupon)[]).filter((column) => input[column] !== undefined);
  if (!columns.length) return current;
  const next = { ...current, ...input };
  const problems = couponRuleProblems(next);
  if (next.max_redemptions !== null && next.max_redemptions < current.redemptions) {
    problems.max_redemptions = `must be at least the ${current.redemptions} redemptions already made`;
  }
  const fields = Object.fromEntries(Object.entries(problems).map(([field, message]) => [`body.${field}`, message]));
  if (Object.keys(fields).length) throw invalid('The coupon as changed would break its rules', fields);
  if (input.code !== undefined) await assertCodeFree(tx, input.code, id);
  if (input.game_ids) await assertScope(tx, 'game_ids', input.game_ids);
  if (input.venue_ids) await assertScope(tx, 'venue_ids', input.venue_ids);
  const updated = await tx.query<CouponRow>(sql.updateCoupon(columns), [id, ...columns.map((column) => input[column])]);
  return toCoupon(updated.rows[0]!);
}

/**
 * Deletes a coupon that was never redeemed; one that was is archived instead (inactive, gone from the API, its code
 * free for a new coupon), so redemptions and the bookings behind them keep their history. The lock makes the
 * "ever redeemed?" answer final: a redeemer waits for it and then finds the coupon gone or inactive.
 */
export async function deleteCoupon(tx: Queryable, id: string, now: Date): Promise<void> {
  const { rows } = await tx.query(sql.LOCK_COUPON, [id]);
  if (!rows[0]) throw notFound('Coupon');
  const used = (await tx.query(sql.EVER_REDEEMED, [id])).rows.length > 0;
  await tx.query(used ? sql.ARCHIVE_COUPON : sql.DELETE_COUPON, used ? [id, now] : [id]);
}
