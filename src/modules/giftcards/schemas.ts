import { z } from 'zod';
import { email, instant, name, text } from '../../http/fields.js';

export const giftCardStatus = z
  .enum(['active', 'disabled', 'expired'])
  .describe('expired is derived at read time from expires_at; disabled is set by a manager');

export type GiftCardStatus = z.infer<typeof giftCardStatus>;

export const giftCardSchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('16 characters, in full: only managers reach these routes'),
    initial_balance_cents: z.number().int(),
    balance_cents: z.number().int(),
    currency: z.string(),
    status: giftCardStatus,
    expires_at: instant.nullable(),
    recipient_name: z.string().nullable(),
    recipient_email: z.email().nullable(),
    customer_id: z.uuid().nullable(),
    note: z.string().nullable(),
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'GiftCard' });

export type GiftCard = z.infer<typeof giftCardSchema>;

export const ledgerKind = z.enum(['issue', 'redeem', 'refund', 'adjust']);

export const giftCardTransactionSchema = z
  .object({
    id: z.uuid(),
    kind: ledgerKind,
    amount_cents: z.number().int().describe('Signed: issue, refund and credits > 0; redemptions and debits < 0'),
    booking_id: z.uuid().nullable(),
    balance_after_cents: z.number().int(),
    reason: z.string().nullable(),
    created_by: z.uuid().nullable(),
    created_at: instant,
  })
  .meta({ id: 'GiftCardTransaction' });

export type GiftCardTransaction = z.infer<typeof giftCardTransactionSchema>;

export const adjustedGiftCardSchema = z
  .object({ gift_card: giftCardSchema, transaction: giftCardTransactionSchema })
  .meta({ id: 'GiftCardAdjusted' });

/** Money in minor units; the bounds keep every sum far inside PostgreSQL's integer types. */
const cents = z.number().int().min(1).max(10_000_000);

export const createGiftCardBody = z
  .object({
    initial_balance_cents: cents,
    expires_at: instant.nullable().optional().describe('Must lie in the future; absent or null: never expires'),
    recipient_name: name(200).min(1).optional(),
    recipient_email: email.optional(),
    customer_id: z.uuid().optional(),
    note: text(2000).min(1).optional(),
  })
  .strict();

export type CreateGiftCard = z.infer<typeof createGiftCardBody>;

export const updateGiftCardBody = z
  .object({
    status: z.enum(['active', 'disabled']).optional(),
    expires_at: instant.nullable().optional().describe('Must lie in the future; null: never expires'),
  })
  .strict();

export type UpdateGiftCard = z.infer<typeof updateGiftCardBody>;

export const adjustGiftCardBody = z
  .object({
    amount_cents: z
      .number()
      .int()
      .min(-10_000_000)
      .max(10_000_000)
      .refine((v) => v !== 0, 'must not be 0')
      .describe('Credit (> 0) or debit (< 0); a debit below a zero balance is 422 insufficient_balance'),
    reason: text(2000).min(1),
  })
  .strict();

export const listGiftCardsQuery = z.object({
  status: giftCardStatus.optional(),
  q: text(200).min(1).optional().describe('Part of the code (separators ignored), or of the recipient name or email'),
});

export type GiftCardFilter = z.infer<typeof listGiftCardsQuery>;

export const giftCardCodeParams = z.object({ embed_key: z.string().min(1).max(200), code: z.string().min(1).max(64) });

export const publicGiftCardSchema = z
  .object({ balance_cents: z.number().int(), currency: z.string(), expires_at: instant.nullable(), status: giftCardStatus })
  .meta({ id: 'PublicGiftCardBalance' });
