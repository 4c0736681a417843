import type { Queryable } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { assertCustomerExists, getCustomer } from '../customers/service.js';
import { GIFT_CARD_ALPHABET, issueGiftCard, randomCode } from '../giftcards/service.js';
import { getOrganization } from '../organizations/service.js';
import type { ReferralSummary } from './schemas.js';
import * as sql from './sql.js';

export type { ReferralSummary } from './schemas.js';

// REF- and six characters of the gift card alphabet (30^6 ≈ 729 million): short enough to say aloud, too many to
// enumerate through the booking form. The table's check constraint spells the same shape.
const CODE_CHARS = 6;
const TYPED_CODE = new RegExp(`^REF([${GIFT_CARD_ALPHABET}]{${CODE_CHARS}})$`);
const CODE_ATTEMPTS = 10;

const invalidCode = (why: string) => new AppError('invalid_code', `The referral code is not valid: ${why}`, { referral_code: why });

/** A code as typed ("ref-abc234", "REF ABC234") in its stored form `REF-ABC234`, or null if it cannot be one. */
export function normalizeReferralCode(input: string): string | null {
  if (input.length > 32) return null;
  const m = TYPED_CODE.exec(input.replace(/[\s-]/g, '').toUpperCase());
  return m ? `REF-${m[1]}` : null;
}

/** The customer's code, made on first use; concurrent first reads all get the one that was stored. */
async function codeOf(tx: Queryable, customerId: string): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    // A separate read after the insert: it sees a code a concurrent transaction committed while the insert waited.
    await tx.query(sql.INSERT_CODE, [customerId, `REF-${randomCode(CODE_CHARS)}`]);
    const { rows } = await tx.query<{ code: string }>(sql.CODE_OF_CUSTOMER, [customerId]);
    if (rows[0]) return rows[0].code;
  }
  throw new AppError('conflict', 'Could not draw a free referral code; retry');
}

/** GET /api/customers/:id/referral: the customer's code and what it has brought; 404 for unknown or erased customers. */
export async function getReferralSummary(tx: Queryable, customerId: string): Promise<ReferralSummary> {
  await assertCustomerExists(tx, customerId);
  const code = await codeOf(tx, customerId);
  const { rows } = await tx.query<{ referred_count: number; rewarded_count: number }>(sql.COUNTS, [customerId]);
  return { code, ...rows[0]! };
}

/** Whether the customer is live (not erased); a 404 is an answer here, not an error. */
async function isLive(tx: Queryable, customerId: string): Promise<boolean> {
  try {
    await assertCustomerExists(tx, customerId);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return false;
    throw err;
  }
}

/**
 * Records that `referredCustomerId` came through `code` with booking `bookingId`. invalid_code if the code is
 * unknown, is the customer's own (no self-referral), or the customer already has an earlier live booking or was
 * already referred.
 *
 * Call it after the booking is inserted, in its transaction: the customer's live bookings then count that one, so
 * "new" means exactly one (customers' statistics, kept by the bookings trigger, answer without a second look-up).
 */
export async function recordReferral(tx: Queryable, input: { code: string; referredCustomerId: string; bookingId: string }): Promise<void> {
  const code = normalizeReferralCode(input.code);
  if (!code) throw invalidCode('unknown code');
  const { rows } = await tx.query<{ customer_id: string }>(sql.OWNER_OF_CODE, [code]);
  const referrer = rows[0]?.customer_id;
  if (!referrer || !(await isLive(tx, referrer))) throw invalidCode('unknown code');
  if (referrer === input.referredCustomerId) throw invalidCode('a customer cannot refer themself');
  const referred = await getCustomer(tx, input.referredCustomerId);
  if (referred.total_bookings > 1) throw invalidCode('only new customers can be referred');
  // The unique key on the referred customer decides under concurrency: one referral per customer.
  const inserted = await tx.query(sql.INSERT_REFERRAL, [referrer, input.referredCustomerId, input.bookingId]);
  if (!inserted.rows[0]) throw invalidCode('the customer was already referred');
}

/**
 * Called when a booking becomes `completed`: if it is the booking a pending referral names, issues the referrer a
 * gift card of `policies.referral_reward_cents` (0 = off) and marks the referral rewarded, once (idempotent under
 * concurrency).
 *
 * With the reward off the referral stays pending and nothing is issued. A referrer erased since gets nothing (there
 * is nobody to give it to), and the booking's completion goes on.
 */
export async function rewardReferral(tx: Queryable, bookingId: string, now: Date): Promise<void> {
  const organization = await getOrganization(tx);
  const reward = organization.policies.referral_reward_cents;
  if (!reward) return;
  const { rows } = await tx.query<{ id: string; referrer_customer_id: string }>(sql.LOCK_PENDING_REWARD, [bookingId]);
  const pending = rows[0];
  if (!pending || !(await isLive(tx, pending.referrer_customer_id))) return;
  const referrer = await getCustomer(tx, pending.referrer_customer_id, now);
  const card = await issueGiftCard(
    tx,
    {
      initialBalanceCents: reward,
      currency: organization.currency,
      recipientName: referrer.full_name,
      recipientEmail: referrer.email,
      customerId: referrer.id,
      note: 'Referral reward',
    },
    now,
  );
  await tx.query(sql.MARK_REWARDED, [pending.id, now, card.id]);
}
