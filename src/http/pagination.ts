import { z } from 'zod';
import type { Queryable } from '../db/client.js';

/** `?page=&limit=` as API.md fixes them: limit at most 100. */
export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type Pagination = z.infer<typeof paginationQuery>;

/**
 * Totals are counted exactly up to this many matches. Counting every match of a million-row table costs the
 * database a scan per list request; past this bound a list says `total_exact: false` and its `total` is the
 * bound, and the caller narrows the filters (dates, venue, status, search) rather than paging further.
 */
export const COUNT_LIMIT = 1000;

/** The parts of a list statement: see fetchPage. */
export interface PageQuery {
  /** Common table expressions (without WITH) that `page` and `count` may use. */
  with?: string;
  /** The page: an ordered SELECT using the given LIMIT and OFFSET placeholders. */
  page: (limit: string, offset: string) => string;
  /** What to count: "table alias where ..." (COUNT_LIMIT + 1 rows at most are visited). */
  count: string;
}

/**
 * A page of a list and its bounded total in one statement, so a list costs the database one round trip rather
 * than two (on a busy server each round trip costs CPU on both sides: docs/performance.md). `params` are shared
 * by `page` and `count`; LIMIT and OFFSET follow them. The count is the outer row and the page a LATERAL join on
 * it, so the page keeps its order and an empty page still brings its total (one row with `_on_page` null).
 */
export async function fetchPage<Row, Item>(tx: Queryable, q: PageQuery, params: unknown[], p: Pagination, map: (row: Row) => Item) {
  const { limit, offset } = limitOffset(p);
  const n = params.length;
  const { rows } = await tx.query<Row & { _on_page: boolean | null; _total: number }>(
    `${q.with ? `with ${q.with} ` : ''}select page.*, counted._total
       from (select count(*)::int as _total from (select 1 from ${q.count} limit ${COUNT_LIMIT + 1}) c) counted
       left join lateral (select true as _on_page, r.* from (${q.page(`$${n + 1}`, `$${n + 2}`)}) r) page on true`,
    [...params, limit, offset],
  );
  const data = rows.filter((r) => r._on_page).map(({ _on_page, _total, ...row }) => map(row as Row));
  return toPage(data, rows[0]!._total, p);
}

/** The list envelope `{ data, total, page, pages, total_exact }` around an item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    total: z.number().int().describe(`Matches, counted exactly up to ${COUNT_LIMIT}`),
    page: z.number().int(),
    pages: z.number().int(),
    total_exact: z.boolean().describe(`false when more than ${COUNT_LIMIT} rows match: total is then ${COUNT_LIMIT}; narrow the filters`),
  });
}

/** SQL LIMIT/OFFSET for a page. */
export function limitOffset(p: Pagination): { limit: number; offset: number } {
  return { limit: p.limit, offset: (p.page - 1) * p.limit };
}

/** Wraps rows and a (bounded) count into the list envelope. */
export function toPage<T>(data: T[], counted: number, p: Pagination) {
  const total = Math.min(counted, COUNT_LIMIT);
  return { data, total, page: p.page, pages: Math.max(1, Math.ceil(total / p.limit)), total_exact: counted <= COUNT_LIMIT };
}
