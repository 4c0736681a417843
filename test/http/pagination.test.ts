import { describe, expect, it } from 'vitest';
import { COUNT_LIMIT, fetchPage, toPage } from '../../src/http/pagination.js';
import { freshDatabase } from '../support/db.js';

describe('list envelope', () => {
  it('counts exactly up to COUNT_LIMIT, then says total_exact: false with the bound as total', () => {
    expect(toPage([], 0, { page: 1, limit: 20 })).toEqual({ data: [], total: 0, page: 1, pages: 1, total_exact: true });
    expect(toPage([], COUNT_LIMIT, { page: 3, limit: 20 })).toEqual({ data: [], total: COUNT_LIMIT, page: 3, pages: COUNT_LIMIT / 20, total_exact: true });
    expect(toPage([], COUNT_LIMIT + 1, { page: 1, limit: 100 })).toEqual({ data: [], total: COUNT_LIMIT, page: 1, pages: COUNT_LIMIT / 100, total_exact: false });
  });

  it('fetchPage brings a page in order and its bounded total in one statement, on a real database', async () => {
    const fresh = await freshDatabase({ poolSize: 2 });
    const db = fresh.db;
    try {
      await db.exec(`create table page_t (n int); insert into page_t select generate_series(1, ${COUNT_LIMIT + 500});`);
      const page = (limit: string, offset: string) => `select n from page_t where n <= $1 order by n desc limit ${limit} offset ${offset}`;
      const query = { page, count: 'page_t where n <= $1' };
      const run = (max: number, p: { page: number; limit: number }) => db.transaction((tx) => fetchPage(tx, query, [max], p, (r: { n: number }) => r.n));

      const all = await run(COUNT_LIMIT + 500, { page: 2, limit: 5 });
      expect(all).toEqual({ data: [COUNT_LIMIT + 495, COUNT_LIMIT + 494, COUNT_LIMIT + 493, COUNT_LIMIT + 492, COUNT_LIMIT + 491], total: COUNT_LIMIT, page: 2, pages: COUNT_LIMIT / 5, total_exact: false });
      expect(await run(7, { page: 1, limit: 5 })).toEqual({ data: [7, 6, 5, 4, 3], total: 7, page: 1, pages: 2, total_exact: true });
      expect(await run(7, { page: 2, limit: 5 })).toEqual({ data: [2, 1], total: 7, page: 2, pages: 2, total_exact: true });
      // Past the end: no rows, and still the total.
      expect(await run(7, { page: 9, limit: 5 })).toEqual({ data: [], total: 7, page: 9, pages: 2, total_exact: true });
      expect(await run(0, { page: 1, limit: 5 })).toEqual({ data: [], total: 0, page: 1, pages: 1, total_exact: true });
    } finally {
      await fresh.drop();
    }
  });
});
