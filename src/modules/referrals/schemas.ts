import { z } from 'zod';

export const referralSummarySchema = z
  .object({
    code: z.string().describe('The customer’s own referral code, REF-XXXXXX (made on first read, then fixed)'),
    referred_count: z.number().int().describe('Customers who came with this code'),
    rewarded_count: z.number().int().describe('Of those, referrals that earned this customer a gift card'),
  })
  .meta({ id: 'ReferralSummary' });

export type ReferralSummary = z.infer<typeof referralSummarySchema>;
