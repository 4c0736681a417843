import type { Queryable } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import type { CreateCustomer, Customer, CustomerFilter, CustomerSort, CustomerSummary, UpdateCustomer } from './schemas.js';
import { likePattern } from '../../db/like.js';
import { customerColumns, ORDER_BY, phoneDigits, segmentExpr, toCustomer, type CustomerRow } from './sql.js';

export type { Customer, CustomerSummary } from './schemas.js';

const EMAIL_TAKEN = () => new AppError('already_exists', 'A customer with this email already exists', { email: 'already in use' });

function emailTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'customers_organization_id_email_key';
}

/** Runs a write that may hit the per-organization email uniqueness, answering 409 with `fields.email` if so. */
async function guardEmail<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (emailTaken(err)) throw EMAIL_TAKEN();
    throw err;
  }
}

/** One live customer of the current organization, segment and RFM computed at `at` (pass the app clock). */
export async function getCustomer(tx: Queryable, id: string, at: Date = new Date()): Promise<Customer> {
  const { rows } = await tx.query<CustomerRow>(
    `select ${customerColumns('$2')} from customers c where c.id = $1 and c.deleted_at is null`,
    [id, at],
  );
  if (!rows[0]) throw notFound('Customer');
  return toCustomer(rows[0]);
}

/** A customer's name and contacts for booking responses; an erased customer shows as 'Deleted customer', not 404. */
export async function getCustomerSummary(tx: Queryable, id: string): Promise<CustomerSummary> {
  const { rows } = await tx.query<CustomerSummary>('select id, full_name, email::text as email, phone from customers where id = $1', [id]);
  if (!rows[0]) throw notFound('Customer');
  return rows[0];
}

/** Throws 404 unless the customer exists in the current organization and is not erased. */
export async function assertCustomerExists(tx: Queryable, id: string): Promise<void> {
  const { rows } = await tx.query('select 1 from customers where id = $1 and deleted_at is null', [id]);
  if (!rows[0]) throw notFound('Customer');
}

/** Creates a customer from the API body. */
export async function createCustomer(tx: Queryable, input: CreateCustomer, at: Date): Promise<Customer> {
  const { rows } = await guardEmail(() =>
    tx.query<CustomerRow>(
      `insert into customers as c (organization_id, full_name, email, phone, notes, tags, marketing_opt_in)
       values (app_current_org(), $1, $2, $3, $4, $5::text[], $6) returning ${customerColumns('$7')}`,
      [
        input.full_name,
        input.email ?? null,
        input.phone ?? null,
        input.notes ?? '',
        input.tags ?? [],
        input.marketing_opt_in ?? false,
        at,
      ],
    ),
  );
  return toCustomer(rows[0]!);
}

// Columns PUT may set, each with its SQL cast; the keys are the body's (validated, strict) field names.
const UPDATABLE: Record<keyof UpdateCustomer, string> = {
  full_name: 'text',
  email: 'citext',
  phone: 'text',
  notes: 'text',
  tags: 'text[]',
  marketing_opt_in: 'boolean',
};

/** Changes the fields given (null clears email or phone); 404 for a missing or erased customer. */
export async function updateCustomer(tx: Queryable, id: string, input: UpdateCustomer, at: Date): Promise<Customer> {
  const params: unknown[] = [id, at];
  const sets: string[] = [];
  for (const [column, cast] of Object.entries(UPDATABLE) as [keyof UpdateCustomer, string][]) {
    if (input[column] === undefined) continue;
    params.push(input[column]);
    sets.push(`${column} = $${params.length}::${cast}`);
  }
  if (!sets.length) return getCustomer(tx, id, at);
  const { rows } = await guardEmail(() =>
    tx.query<CustomerRow>(
      `update customers c set ${sets.join(', ')} where c.id = $1 and c.deleted_at is null returning ${customerColumns('$2')}`,
      params,
    ),
  );
  if (!rows[0]) throw notFound('Customer');
  return toCustomer(rows[0]);
}

/**
 * GDPR erasure: the row stays (bookings and reports reference it) but everything identifying is removed and it
 * disappears from the API. Statistics stay, so revenue reports still add up.
 */
export async function eraseCustomer(tx: Queryable, id: string, at: Date): Promise<void> {
  const { rowCount } = await tx.query(
    `update customers set deleted_at = $2, full_name = 'Deleted customer', email = null, phone = null, notes = '',
       tags = '{}', marketing_opt_in = false
     where id = $1 and deleted_at is null`,
    [id, at],
  );
  if (!rowCount) throw notFound('Customer');
}

/** The organization's live customers, searched, filtered, sorted and paginated; segment and RFM at `at`. */
export async function listCustomers(tx: Queryable, filter: CustomerFilter, sort: CustomerSort, page: Pagination, at: Date) {
  // `$n is null or ...` arms fold away when the statement is planned with its values, so the trigram indexes
  // on full_name and email::text serve ?q= whenever the query is the only arm left.
  const where = `c.deleted_at is null
    and ($1::text is null or c.full_name ilike $1 or c.email::text ilike $1
         or ($2::text is not null and regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') like '%' || $2 || '%'))
    and ($3::text is null or $3 = any(c.tags))
    and ($4::text is null or ${segmentExpr('$5')} = $4)`;
  const params = [
    filter.q ? likePattern(filter.q) : null,
    filter.q ? phoneDigits(filter.q) : null,
    filter.tag ?? null,
    filter.segment ?? null,
    at,
  ];
  // A search (?q=) matches few enough rows to keep them: the page must sort them all anyway, and the count then
  // reads the same rows instead of running the trigram search a second time.
  return fetchPage(
    tx,
    {
      with: `matches as ${filter.q ? 'materialized' : 'not materialized'} (select * from customers c where ${where})`,
      page: (limit, offset) => `select ${customerColumns('$5')} from matches c order by ${ORDER_BY[sort]} limit ${limit} offset ${offset}`,
      count: `matches c where true`,
    },
    params,
    page,
    toCustomer,
  );
}

// A statement part, not a function: booking creation composes it into the booking's own statement, so that a
// booking and its customer are written in one round trip. The customers module still owns what it does.
export { upsertCustomerByEmail } from './sql.js';

export { bulkInsertCustomers, bulkSetCustomersCreatedAt, type BulkCustomer } from './bulk.js';
