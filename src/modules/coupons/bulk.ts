/**
 * Bulk loading of coupon redemptions for the operator's tools (the demo seeder, on the owner connection). The
 * coupons themselves are made through createCoupon; only their redemptions, which grow with the bookings, come in
 * batches. Nothing is skipped: the count trigger of migration 0013 raises each coupon's counter for every live row
 * and checks max_per_customer, the counter's check constraint holds max_redemptions.
 */
import type { Queryable } from '../../db/client.js';
import { BULK_INSERT_REDEMPTIONS } from './sql.js';

/** One redemption of a coupon by a booking (already inserted); released (released_at set) when it was cancelled. */
export interface BulkRedemption {
  coupon_id: string;
  booking_id: string;
  customer_id: string;
  discount_cents: number;
  created_at: Date;
  /** A released redemption no longer counts against either limit (its booking was cancelled). */
  released_at: Date | null;
}

/** Inserts the rows in one statement, in the organization of the transaction. */
export async function bulkInsertRedemptions(tx: Queryable, rows: readonly BulkRedemption[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(f: (r: BulkRedemption) => T) => rows.map(f);
  await tx.query(BULK_INSERT_REDEMPTIONS, [
    column((r) => r.coupon_id),
    column((r) => r.booking_id),
    column((r) => r.customer_id),
    column((r) => r.discount_cents),
    column((r) => r.created_at.toISOString()),
    column((r) => r.released_at?.toISOString() ?? null),
  ]);
}
