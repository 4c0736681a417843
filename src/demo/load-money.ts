/**
 * The demo's promotions and referral, written through the modules' own service functions (they are few): the
 * coupons before the history (its redemptions refer to them), a referral after it, when the customers' statistics
 * are in place (recordReferral judges "new customer" by them), rewarded as completing the booking would reward it.
 * The gift cards, whose ledgers must carry the history's instants, come in through giftcards/bulk.ts (load-history.ts).
 */
import type { Queryable } from '../db/client.js';
import { createCoupon } from '../modules/coupons/service.js';
import { createCouponBody } from '../modules/coupons/schemas.js';
import { getReferralSummary, recordReferral, rewardReferral } from '../modules/referrals/service.js';
import type { DemoCoupon } from './money-plan.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Creates the coupons (validated by the API's schema); answers their ids in the same order. */
export async function loadCoupons(tx: Queryable, coupons: readonly DemoCoupon[], venueIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const c of coupons) {
    const body = createCouponBody.parse({
      code: c.code,
      kind: c.kind,
      value: c.value,
      valid_from: iso(c.validFromMs),
      valid_to: iso(c.validToMs),
      max_redemptions: c.maxRedemptions,
      max_per_customer: c.maxPerCustomer,
      min_party_size: c.minPartySize,
      venue_ids: c.venueIndex === null ? [] : [venueIds[c.venueIndex]!],
      active: c.active,
    });
    ids.push((await createCoupon(tx, body)).id);
  }
  return ids;
}

export interface DemoReferral {
  referrerId: string;
  code: string;
  /** The referred customers: the first's booking is completed and rewarded, the second's still ahead. */
  referred: { customerId: string; bookingId: string; rewarded: boolean }[];
}

// A customer with exactly one booking, in status $1, the latest (by its start) whose start is before/after $2.
const ONLY_BOOKING = `select b.id, b.customer_id, b.end_at, b.created_at from bookings b
  where b.status = $1 and ($3::boolean = (b.start_at > $2))
    and not exists (select 1 from bookings o where o.customer_id = b.customer_id and o.id <> b.id)
  order by case when $3 then b.start_at end asc, case when not $3 then b.end_at end desc, b.id limit 1`;

// The regular with the most completed bookings who was already a customer before $2, other than $1.
const REGULAR = `select customer_id from bookings where status = 'completed' and customer_id <> $1
  group by customer_id having min(created_at) < $2 order by count(*) desc, customer_id limit 1`;

/**
 * A regular's referral code, a new customer who came with it and whose first booking (the latest completed one-booking
 * customer's) has been completed, the reward issued at its end; and a second referred customer whose booking is
 * still ahead (pending reward). Nothing when the history has no such customers.
 */
export async function loadReferral(tx: Queryable, nowMs: number): Promise<DemoReferral | null> {
  const now = new Date(nowMs);
  const done = (await tx.query<{ id: string; customer_id: string; end_at: Date; created_at: Date }>(ONLY_BOOKING, ['completed', now, false])).rows[0];
  if (!done) return null;
  const referrerId = (await tx.query<{ customer_id: string }>(REGULAR, [done.customer_id, done.created_at])).rows[0]?.customer_id;
  if (!referrerId) return null;
  const { code } = await getReferralSummary(tx, referrerId);
  await recordReferral(tx, { code, referredCustomerId: done.customer_id, bookingId: done.id });
  await rewardReferral(tx, done.id, new Date(Math.min(nowMs, done.end_at.getTime() + 10 * 60_000)));
  const referred = [{ customerId: done.customer_id, bookingId: done.id, rewarded: true }];
  const ahead = (await tx.query<{ id: string; customer_id: string }>(ONLY_BOOKING, ['confirmed', now, true])).rows[0];
  if (ahead && ahead.customer_id !== referrerId) {
    await recordReferral(tx, { code, referredCustomerId: ahead.customer_id, bookingId: ahead.id });
    referred.push({ customerId: ahead.customer_id, bookingId: ahead.id, rewarded: false });
  }
  return { referrerId, code, referred };
}
