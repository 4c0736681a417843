/**
 * Bulk loading of payment rows for the operator's tools (the demo seeder, on the owner connection, with the
 * `payment_sums` trigger skipped: the caller's booking rows already carry the sums these rows make).
 */
import type { Queryable } from '../../db/client.js';
import { BULK_INSERT_PAYMENTS } from './sql.js';

/** One succeeded payment or refund row, in the organization of the transaction. */
export interface BulkPayment {
  id: string;
  booking_id: string;
  kind: 'payment' | 'refund';
  parent_id: string | null;
  method: 'cash' | 'card_present' | 'stripe' | 'gift_card' | 'other';
  amount_cents: number;
  provider_ref: string | null;
  /** For method gift_card (payment and refund rows alike): the card; its ledger rows are the caller's (giftcards/bulk.ts). */
  gift_card_id?: string | null;
  created_at: Date;
}

/** Inserts the rows in one statement (refunds after the payments they return), all succeeded, in `currency`. */
export async function bulkInsertPayments(tx: Queryable, currency: string, rows: readonly BulkPayment[]): Promise<void> {
  if (rows.length === 0) return;
  const ordered = [...rows.filter((r) => r.kind === 'payment'), ...rows.filter((r) => r.kind === 'refund')];
  const column = <T>(f: (r: BulkPayment) => T) => ordered.map(f);
  await tx.query(BULK_INSERT_PAYMENTS, [
    currency,
    column((r) => r.id),
    column((r) => r.booking_id),
    column((r) => r.kind),
    column((r) => r.parent_id),
    column((r) => r.method),
    column((r) => r.amount_cents),
    column((r) => r.provider_ref),
    column((r) => r.created_at.toISOString()),
    column((r) => r.gift_card_id ?? null),
  ]);
}
