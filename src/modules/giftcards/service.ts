import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { likePattern } from '../../db/like.js';
import { assertCustomerExists } from '../customers/service.js';
import { getOrganization } from '../organizations/service.js';
import { enterEmbedKey } from '../venues/service.js';
import { newGiftCardCode, normalizeGiftCardCode } from './code.js';
import type { CreateGiftCard, GiftCard, GiftCardFilter, UpdateGiftCard } from './schemas.js';
import * as sql from './sql.js';
import { toGiftCard, toTransaction, type GiftCardRow, type TransactionRow } from './sql.js';

export type { GiftCard, GiftCardTransaction } from './schemas.js';
export { GIFT_CARD_ALPHABET, maskGiftCardCode, normalizeGiftCardCode, randomCode } from './code.js';
export { adjustGiftCard, giftCardForQuote, redeemGiftCard, refundToGiftCard } from './ledger.js';
export { bulkInsertGiftCards, type BulkGiftCard, type BulkLedgerRow } from './bulk.js';

// Fresh codes collide with an existing one about once in 2^78 draws; a few draws are more than enough.
const CODE_ATTEMPTS = 5;

/** Issues a new card (an `issue` ledger row). */
export async function issueGiftCard(
  tx: Queryable,
  input: {
    initialBalanceCents: number;
    currency: string;
    expiresAt?: Date | null;
    recipientName?: string | null;
    recipientEmail?: string | null;
    customerId?: string | null;
    note?: string | null;
    createdBy?: string | null;
  },
  now: Date,
): Promise<GiftCard> {
  // Checked first for a clear 404; the composite foreign key is the wall (and keeps the card in its tenant).
  if (input.customerId) await assertCustomerExists(tx, input.customerId);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const { rows } = await tx.query<GiftCardRow>(sql.ISSUE_GIFT_CARD, [
      newGiftCardCode(),
      input.initialBalanceCents,
      input.currency,
      input.expiresAt ?? null,
      input.recipientName ?? null,
      input.recipientEmail ?? null,
      input.customerId ?? null,
      input.createdBy ?? null,
      input.note ?? null,
      now,
    ]);
    if (rows[0]) return toGiftCard(rows[0]);
  }
  throw new AppError('conflict', 'Could not draw a free gift card code; retry');
}

/** Refuses an expiry that is not in the future: a card issued or extended into the past would be born expired. */
function futureInstant(value: string, now: Date): Date {
  const at = new Date(value);
  if (at.getTime() <= now.getTime()) throw new AppError('validation_failed', 'expires_at must lie in the future', { 'body.expires_at': 'must be in the future' });
  return at;
}

/** POST /api/gift-cards: a card in the organization's currency. */
export async function createGiftCard(tx: Queryable, input: CreateGiftCard, createdBy: string | null, now: Date): Promise<GiftCard> {
  const expiresAt = input.expires_at ? futureInstant(input.expires_at, now) : null;
  const { currency } = await getOrganization(tx);
  return issueGiftCard(
    tx,
    {
      initialBalanceCents: input.initial_balance_cents,
      currency,
      expiresAt,
      recipientName: input.recipient_name ?? null,
      recipientEmail: input.recipient_email ?? null,
      customerId: input.customer_id ?? null,
      note: input.note ?? null,
      createdBy,
    },
    now,
  );
}

/** One card of the current organization (status at `now`); 404 for unknown and other organizations' ids. */
export async function getGiftCard(tx: Queryable, id: string, now: Date): Promise<GiftCard> {
  const { rows } = await tx.query<GiftCardRow>(sql.SELECT_GIFT_CARD, [id, now]);
  if (!rows[0]) throw notFound('Gift card');
  return toGiftCard(rows[0]);
}

/** PUT: disables or re-enables a card, or changes its expiry; nothing else of a card changes. */
export async function updateGiftCard(tx: Queryable, id: string, input: UpdateGiftCard, now: Date): Promise<GiftCard> {
  if (input.status === undefined && input.expires_at === undefined) return getGiftCard(tx, id, now);
  const expiresAt = input.expires_at ? futureInstant(input.expires_at, now) : null;
  const { rows } = await tx.query<GiftCardRow>(sql.UPDATE_GIFT_CARD, [id, input.status ?? null, input.expires_at !== undefined, expiresAt, now]);
  if (!rows[0]) throw notFound('Gift card');
  return toGiftCard(rows[0]);
}

/** The organization's cards, newest first, filtered by derived status (at `now`) and by code or recipient. */
export async function listGiftCards(tx: Queryable, filter: GiftCardFilter, page: Pagination, now: Date) {
  const codePart = filter.q?.replace(/[\s-]/g, '').toUpperCase();
  const params = [filter.q ? likePattern(filter.q) : null, codePart ? likePattern(codePart) : null, filter.status ?? null, now];
  return fetchPage(tx, { with: sql.LIST_MATCHES, page: sql.listPage, count: sql.LIST_COUNT }, params, page, toGiftCard);
}

/** A card's ledger, newest first; 404 for an unknown card. */
export async function listGiftCardTransactions(tx: Queryable, id: string, page: Pagination) {
  const exists = await tx.query(sql.CARD_EXISTS, [id]);
  if (!exists.rows[0]) throw notFound('Gift card');
  return fetchPage(tx, { page: sql.ledgerPage, count: sql.LEDGER_COUNT }, [id], page, (r: TransactionRow) => toTransaction(r));
}

/**
 * The widget's balance check: the card with this code in the organization of the venue's embed key. Unknown codes
 * and other organizations' codes are the same 404 not_found (RLS scopes the look-up to the venue's
 * organization), so the answer never tells whether a code exists elsewhere.
 */
export async function publicGiftCardBalance(tx: Queryable, embedKey: string, code: string, now: Date) {
  if (!(await enterEmbedKey(tx, embedKey))) throw notFound('Venue');
  const normalized = normalizeGiftCardCode(code);
  const { rows } = normalized ? await tx.query<GiftCardRow>(sql.SELECT_BY_CODE, [normalized, now]) : { rows: [] };
  if (!rows[0]) throw notFound('Gift card');
  const card = toGiftCard(rows[0]);
  return { balance_cents: card.balance_cents, currency: card.currency, expires_at: card.expires_at, status: card.status };
}
