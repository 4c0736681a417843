import { z } from 'zod';

/** `?page=&limit=` as API.md fixes them: limit at most 100. */
export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type Pagination = z.infer<typeof paginationQuery>;

/** The list envelope `{ data, total, page, pages }` around an item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
  });
}

/** SQL LIMIT/OFFSET for a page. */
export function limitOffset(p: Pagination): { limit: number; offset: number } {
  return { limit: p.limit, offset: (p.page - 1) * p.limit };
}

/** Wraps rows and a total into the list envelope. */
export function toPage<T>(data: T[], total: number, p: Pagination) {
  return { data, total, page: p.page, pages: Math.max(1, Math.ceil(total / p.limit)) };
}
