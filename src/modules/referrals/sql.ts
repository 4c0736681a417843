// The referrals module's statements. Each runs in the tenant transaction, so RLS keeps it to one organization.

/** A code for customer $1 unless one exists; nothing either when $2 is another customer's code (draw again). */
export const INSERT_CODE = `insert into referral_codes (organization_id, customer_id, code) values (app_current_org(), $1, $2)
  on conflict do nothing`;

export const CODE_OF_CUSTOMER = 'select code from referral_codes where customer_id = $1';

export const OWNER_OF_CODE = 'select customer_id from referral_codes where code = $1';

/** What customer $1's code has brought. */
export const COUNTS = `select count(*)::int as referred_count, count(*) filter (where rewarded_at is not null)::int as rewarded_count
  from referrals where referrer_customer_id = $1`;

/** Customer $2 came through $1's code with booking $3; no row when $2 was referred before (one referral each). */
export const INSERT_REFERRAL = `insert into referrals (organization_id, referrer_customer_id, referred_customer_id, booking_id)
  values (app_current_org(), $1, $2, $3) on conflict (organization_id, referred_customer_id) do nothing returning id`;

/**
 * The unrewarded referral naming booking $1, locked: a concurrent reward of the same booking waits here, then
 * finds it rewarded (the condition is checked again on the committed row) and gets no row.
 */
export const LOCK_PENDING_REWARD = `select id, referrer_customer_id from referrals where booking_id = $1 and rewarded_at is null
  order by created_at limit 1 for update`;

export const MARK_REWARDED = 'update referrals set rewarded_at = $2, reward_gift_card_id = $3 where id = $1';
