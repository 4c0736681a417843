import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { normalizeGiftCardCode } from './code.js';
import type { GiftCardTransaction } from './schemas.js';
import * as sql from './sql.js';
import { toTransaction, type GiftCardRow, type TransactionRow } from './sql.js';

// Every movement of money on a card: one statement writes the balance and its ledger row together (sql.ts), and
// the database checks at commit that the balance equals the ledger's sum (migration 0012).

const invalidCode = (why: string) => new AppError('invalid_code', `The gift card code is not valid: ${why}`, { gift_card_code: why });

/** The card with this code as typed, or null (a string that cannot be a code never reaches the database). */
async function cardByCode(tx: Queryable, code: string, now: Date): Promise<GiftCardRow | null> {
  const normalized = normalizeGiftCardCode(code);
  if (!normalized) return null;
  const { rows } = await tx.query<GiftCardRow>(sql.SELECT_BY_CODE, [normalized, now]);
  return rows[0] ?? null;
}

/** Throws invalid_code unless the card exists and can pay now in `currency`. */
function assertUsable(card: GiftCardRow | null, currency: string): asserts card is GiftCardRow {
  if (!card) throw invalidCode('unknown code');
  if (card.status !== 'active') throw invalidCode(`the card is ${card.status}`);
  if (card.currency !== currency) throw invalidCode(`the card is in ${card.currency}`);
}

/** A usable card for a quote: throws AppError invalid_code if unknown, disabled, expired (at `now`) or of another currency. No lock. */
export async function giftCardForQuote(tx: Queryable, code: string, currency: string, now: Date): Promise<{ id: string; code: string; balance_cents: number }> {
  const card = await cardByCode(tx, code, now);
  assertUsable(card, currency);
  return { id: card.id, code: card.code, balance_cents: Number(card.balance_cents) };
}

/**
 * Takes up to `maxCents` from the card in one conditional update (serialised by the row lock), appends a `redeem`
 * ledger row for the booking; answers what was taken (> 0). Throws invalid_code as above, insufficient_balance if
 * the balance is 0.
 */
export async function redeemGiftCard(
  tx: Queryable,
  input: { code: string; maxCents: number; currency: string; bookingId: string },
  now: Date,
): Promise<{ giftCardId: string; amountCents: number }> {
  if (!Number.isSafeInteger(input.maxCents) || input.maxCents <= 0) throw new AppError('rule_violation', 'There is nothing to pay with the gift card');
  const normalized = normalizeGiftCardCode(input.code);
  if (!normalized) throw invalidCode('unknown code');
  const { rows } = await tx.query<{ id: string; amount: number }>(sql.REDEEM, [normalized, input.maxCents, now, input.currency, input.bookingId]);
  if (rows[0]) return { giftCardId: rows[0].id, amountCents: Number(rows[0].amount) };
  // Nothing taken: say why (read after the statement, so a concurrent redemption that emptied the card counts).
  assertUsable(await cardByCode(tx, normalized, now), input.currency);
  throw new AppError('insufficient_balance', 'The gift card has no balance left');
}

/** Puts `amountCents` back on the card (a `refund` ledger row for the booking), also when the card is disabled or expired. */
export async function refundToGiftCard(tx: Queryable, input: { giftCardId: string; amountCents: number; bookingId: string }): Promise<void> {
  if (input.amountCents === 0) return;
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 0) throw new AppError('rule_violation', 'A refund to a gift card is a positive amount');
  // A card only gets back what the booking took from it: a refund is not a way to mint balance.
  const { rows } = await tx.query<{ cents: number }>(sql.NET_REDEEMED, [input.giftCardId, input.bookingId]);
  const taken = Number(rows[0]?.cents ?? 0);
  if (input.amountCents > taken) {
    const exists = await tx.query(sql.CARD_EXISTS, [input.giftCardId]);
    if (!exists.rows[0]) throw notFound('Gift card');
    throw new AppError('rule_violation', `The booking took ${taken} from this gift card; ${input.amountCents} cannot be refunded to it`);
  }
  await tx.query(sql.MOVE_BALANCE, [input.giftCardId, input.amountCents, 'refund', input.bookingId, null, null]);
}

/**
 * A manager's correction: credits or debits the card with a reason. A debit below zero writes nothing and is 422
 * insufficient_balance; any status (a disabled card's balance may still need fixing).
 */
export async function adjustGiftCard(
  tx: Queryable,
  id: string,
  input: { amountCents: number; reason: string; createdBy: string | null },
): Promise<GiftCardTransaction> {
  const { rows } = await tx.query<TransactionRow>(sql.MOVE_BALANCE, [id, input.amountCents, 'adjust', null, input.reason, input.createdBy]);
  if (rows[0]) return toTransaction(rows[0]);
  const exists = await tx.query(sql.CARD_EXISTS, [id]);
  if (!exists.rows[0]) throw notFound('Gift card');
  throw new AppError('insufficient_balance', 'The gift card balance is lower than the debit', { amount_cents: 'more than the balance' });
}
