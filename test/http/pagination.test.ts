import { describe, expect, it } from 'vitest';
import { COUNT_LIMIT, boundedCount, toPage } from '../../src/http/pagination.js';
import { openDatabase } from '../../src/db/client.js';

describe('list envelope', () => {
  it('counts exactly up to COUNT_LIMIT, then says total_exact: false with the bound as total', () => {
    expect(toPage([], 0, { page: 1, limit: 20 })).toEqual({ data: [], total: 0, page: 1, pages: 1, total_exact: true });
    expect(toPage([], COUNT_LIMIT, { page: 3, limit: 20 })).toEqual({ data: [], total: COUNT_LIMIT, page: 3, pages: COUNT_LIMIT / 20, total_exact: true });
    expect(toPage([], COUNT_LIMIT + 1, { page: 1, limit: 100 })).toEqual({ data: [], total: COUNT_LIMIT, page: 1, pages: COUNT_LIMIT / 100, total_exact: false });
  });

  it('boundedCount stops counting one row past the limit, on a real database', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      await db.exec(`create table t (n int); insert into t select generate_series(1, ${COUNT_LIMIT + 500});`);
      const all = await db.query<{ n: number }>(boundedCount('t where true'));
      expect(all.rows[0]!.n).toBe(COUNT_LIMIT + 1);
      const few = await db.query<{ n: number }>(boundedCount('t where n <= $1'), [7]);
      expect(few.rows[0]!.n).toBe(7);
    } finally {
      await db.close();
    }
  });
});
