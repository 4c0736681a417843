import type { Queryable } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { CreateCustomer, Customer, CustomerFilter, CustomerSort, CustomerSummary, UpdateCustomer } from './schemas.js';
import { likePattern } from '../../db/like.js';
import { markEntered } from '../../db/tenant.js';
import * as sql from './sql.js';
import { phoneDigits, toCustomer, type CustomerRow } from './sql.js';

export type { Customer, CustomerSummary } from './schemas.js';

/**
 * A statement part, not a function: booking creation composes it into its own statement so that finding or
 * making the customer and inserting the booking cost one round trip. Exported here because other modules import
 * only a module's public files.
 */
export { upsertCustomerByEmail } from './sql.js';

// A taken email (unique per organization) answers 409 with fields.email: http/errors.ts maps the constraint
// customers_organization_id_email_key, so the writes below need no check of their own.

/** One live customer of the current organization, segment and RFM computed at `at` (pass the app clock). */
export async function getCustomer(tx: Queryable, id: string, at: Date = new Date()): Promise<Customer> {
  const { rows } = await tx.query<CustomerRow>(sql.SELECT_CUSTOMER, [id, at]);
  if (!rows[0]) throw notFound('Customer');
  return toCustomer(rows[0]);
}

/** A customer's name and contacts for booking responses; an erased customer shows as 'Deleted customer', not 404. */
export async function getCustomerSummary(tx: Queryable, id: string): Promise<CustomerSummary> {
  const { rows } = await tx.query<CustomerSummary>(sql.SELECT_SUMMARY, [id]);
  if (!rows[0]) throw notFound('Customer');
  return rows[0];
}

/** Throws 404 unless the customer exists in the current organization and is not erased. */
export async function assertCustomerExists(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query(sql.LIVE_CUSTOMER_EXISTS, [id]);
  if (!rows[0]) throw notFound('Customer');
}

/** Creates a customer from the API body. */
export async function createCustomer(tx: Queryable, input: CreateCustomer, at: Date): Promise<Customer> {
  const { rows } = await tx.query<CustomerRow>(sql.INSERT_CUSTOMER, [
    input.full_name,
    input.email ?? null,
    input.phone ?? null,
    input.notes ?? '',
    input.tags ?? [],
    input.marketing_opt_in ?? false,
    at,
    input.notification_preferences ? JSON.stringify(input.notification_preferences) : null,
  ]);
  return toCustomer(rows[0]!);
}

/** Changes the fields given (null clears email or phone); 404 for a missing or erased customer. */
export async function updateCustomer(tx: Queryable, id: string, input: UpdateCustomer, at: Date): Promise<Customer> {
  const columns = (Object.keys(sql.UPDATABLE) as (keyof UpdateCustomer)[]).filter((column) => input[column] !== undefined);
  if (!columns.length) return getCustomer(tx, id, at);
  const { rows } = await tx.query<CustomerRow>(sql.updateCustomer(columns), [id, at, ...columns.map((column) => (column === 'notification_preferences' ? JSON.stringify(input[column]) : input[column]))]);
  if (!rows[0]) throw notFound('Customer');
  return toCustomer(rows[0]);
}

/**
 * GDPR erasure: the row stays (bookings and reports reference it) but everything identifying is removed and it
 * disappears from the API. Statistics stay, so revenue reports still add up.
 */
export async function eraseCustomer(tx: Queryable, id: string, at: Date): Promise<void> {
  const { rowCount } = await tx.query(sql.ERASE_CUSTOMER, [id, at]);
  if (!rowCount) throw notFound('Customer');
}

/** The organization's live customers, searched, filtered, sorted and paginated; segment and RFM at `at`. */
export async function listCustomers(tx: Queryable, filter: CustomerFilter, sort: CustomerSort, page: Pagination, at: Date) {
  const params = [
    filter.q ? likePattern(filter.q) : null,
    filter.q ? phoneDigits(filter.q) : null,
    filter.tag ?? null,
    filter.segment ?? null,
    at,
  ];
  // A search materializes its matches (sql.listMatches says why).
  return fetchPage(
    tx,
    { with: sql.listMatches(Boolean(filter.q)), page: sql.listPage(sort), count: sql.LIST_COUNT },
    params,
    page,
    toCustomer,
  );
}

/** Who a booking message goes to and whether they want it: null for an erased customer (no address left). */
export interface NotificationTarget {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  notification_preferences: { email: boolean; sms: boolean };
  unsubscribe_token: string;
}

export async function notificationTarget(tx: Queryable, id: string): Promise<NotificationTarget | null> {
  const { rows } = await tx.query<NotificationTarget>(sql.NOTIFICATION_TARGET, [id]);
  return rows[0] ?? null;
}

/**
 * The unsubscribe link: turns the customer's messages off (one channel, or both) and points the transaction at
 * its organization. An unknown token is 404, like a wrong manage token.
 */
export async function unsubscribeByToken(tx: Queryable, token: string, channel: 'email' | 'sms' | null): Promise<void> {
  const { rows } = await tx.query<{ organization_id: string; customer_id: string }>(sql.ENTER_UNSUBSCRIBE, [token]);
  if (!rows[0]) throw notFound('Subscription');
  markEntered(tx, rows[0].organization_id);
  await tx.query(sql.UNSUBSCRIBE, [rows[0].customer_id, channel]);
}

export { bulkInsertCustomers, bulkSetCustomersCreatedAt, type BulkCustomer } from './bulk.js';
