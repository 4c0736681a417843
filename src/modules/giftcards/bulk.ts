/**
 * Bulk loading of gift cards and their ledgers for the operator's tools (the demo seeder, on the owner connection),
 * with the instants the history needs: issueGiftCard and the redemption functions stamp their rows with the
 * database's clock, and draw codes at random. The walls are untouched: at commit every card's balance must equal
 * the sum of its ledger (migration 0012's deferred triggers), no balance or balance_after below 0, the ledger's kind
 * signs and booking references checked, the rows audited per row as any other.
 */
import type { Queryable } from '../../db/client.js';
import { BULK_INSERT_GIFT_CARDS, BULK_INSERT_LEDGER } from './sql.js';

/** A card as bulkInsertGiftCards inserts it: its balance is what its ledger rows (inserted with it) sum to. */
export interface BulkGiftCard {
  id: string;
  /** Stored form: 16 characters of GIFT_CARD_ALPHABET. */
  code: string;
  initial_balance_cents: number;
  balance_cents: number;
  status: 'active' | 'disabled';
  expires_at: Date | null;
  recipient_name: string | null;
  recipient_email: string | null;
  customer_id: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

/** One ledger row; a card's rows are given in the order they happened (they get their `seq` in this order). */
export interface BulkLedgerRow {
  gift_card_id: string;
  kind: 'issue' | 'redeem' | 'refund' | 'adjust';
  /** Signed, as the ledger stores it: redemptions < 0. */
  amount_cents: number;
  booking_id: string | null;
  balance_after_cents: number;
  reason: string | null;
  created_at: Date;
}

/** Inserts the cards and then their ledger rows (each card's `issue` row among them), in `currency`. */
export async function bulkInsertGiftCards(tx: Queryable, currency: string, cards: readonly BulkGiftCard[], ledger: readonly BulkLedgerRow[]): Promise<void> {
  if (cards.length > 0) {
    const column = <T>(f: (r: BulkGiftCard) => T) => cards.map(f);
    await tx.query(BULK_INSERT_GIFT_CARDS, [
      currency,
      column((r) => r.id),
      column((r) => r.code),
      column((r) => r.initial_balance_cents),
      column((r) => r.balance_cents),
      column((r) => r.status),
      column((r) => r.expires_at?.toISOString() ?? null),
      column((r) => r.recipient_name),
      column((r) => r.recipient_email),
      column((r) => r.customer_id),
      column((r) => r.note),
      column((r) => r.created_at.toISOString()),
      column((r) => r.updated_at.toISOString()),
    ]);
  }
  if (ledger.length > 0) {
    const column = <T>(f: (r: BulkLedgerRow) => T) => ledger.map(f);
    await tx.query(BULK_INSERT_LEDGER, [
      column((r) => r.gift_card_id),
      column((r) => r.kind),
      column((r) => r.amount_cents),
      column((r) => r.booking_id),
      column((r) => r.balance_after_cents),
      column((r) => r.reason),
      column((r) => r.created_at.toISOString()),
    ]);
  }
}
