/**
 * Bulk loading of customers for the operator's tools (the demo seeder, on the owner connection): thousands of
 * rows per statement instead of one createCustomer each. The rows still pass the table's constraints (the unique
 * email per organization among them); the caller gives them already normalised (trimmed, unique tags).
 */
import type { Queryable } from '../../db/client.js';
import { BULK_INSERT_CUSTOMERS, BULK_SET_CREATED_AT } from './sql.js';

/** One customer as bulkInsertCustomers inserts it, into the organization of the transaction. */
export interface BulkCustomer {
  id: string;
  full_name: string;
  email: string;
  phone: string;
  notes: string;
  tags: string[];
  marketing_opt_in: boolean;
  /** Also its updated_at. */
  created_at: Date;
}

/** Inserts the rows in one statement (keep a batch to a few thousand rows). */
export async function bulkInsertCustomers(tx: Queryable, rows: readonly BulkCustomer[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(BULK_INSERT_CUSTOMERS, [
    rows.map((r) => r.id),
    rows.map((r) => r.full_name),
    rows.map((r) => r.email),
    rows.map((r) => r.phone),
    rows.map((r) => r.notes),
    rows.map((r) => JSON.stringify(r.tags)),
    rows.map((r) => r.marketing_opt_in),
    rows.map((r) => r.created_at.toISOString()),
  ]);
}

/** Backdates (or moves) when each customer was created, e.g. to just before a loaded history's first booking. */
export async function bulkSetCustomersCreatedAt(tx: Queryable, rows: readonly { id: string; created_at: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(BULK_SET_CREATED_AT, [rows.map((r) => r.id), rows.map((r) => r.created_at.toISOString())]);
}
