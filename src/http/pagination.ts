import { z } from 'zod';

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

/** SQL counting the rows of `fromWhere` ("table alias where ...") but stopping after COUNT_LIMIT + 1 of them. */
export function boundedCount(fromWhere: string): string {
  return `select count(*)::int as n from (select 1 from ${fromWhere} limit ${COUNT_LIMIT + 1}) counted`;
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
