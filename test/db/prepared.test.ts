import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '../../src/db/client.js';
import { freshDatabase, onServer, type TestDatabase } from '../support/db.js';

describe('prepared statements', () => {
  let d: TestDatabase;
  beforeAll(async () => {
    // One connection, so every statement below meets the same server session and its prepared plans.
    d = await freshDatabase({ poolSize: 1 });
  });
  afterAll(() => d.drop());

  it('one name is one text for the life of the process', () => {
    prepared('test_one_text', 'select 1 as n');
    expect(() => prepared('test_one_text', 'select 1 as n')).not.toThrow();
    expect(() => prepared('test_one_text', 'select 2 as n')).toThrow(/declared twice/);
  });

  it('answers like the plain statement, again and again, with parameters', async () => {
    const q = prepared('test_sum', 'select $1::int + $2::int as sum');
    for (let i = 0; i < 8; i++) {
      const { rows } = await d.db.transaction((tx) => tx.query<{ sum: number }>(q, [i, 10]));
      expect(rows).toEqual([{ sum: i + 10 }]);
    }
  });

  it('recovers when a migration changes what a prepared statement returns: the connection is replaced', async () => {
    await d.db.exec('create table prepared_shape (a int); insert into prepared_shape values (1)');
    const q = prepared('test_shape', 'select * from prepared_shape');
    expect((await d.db.transaction((tx) => tx.query(q))).rows).toEqual([{ a: 1 }]);
    await d.db.exec('alter table prepared_shape add column b int default 2');
    const first = d.db.transaction((tx) => tx.query(q));
    if (onServer) {
      // The server's cached plan no longer fits ("cached plan must not change result type")...
      await expect(first).rejects.toMatchObject({ code: '0A000' });
    } else {
      expect((await first).rows).toEqual([{ a: 1, b: 2 }]); // PGlite prepares nothing
    }
    // ...and the next transaction, on the connection that replaced the broken one, sees the new shape.
    expect((await d.db.transaction((tx) => tx.query(q))).rows).toEqual([{ a: 1, b: 2 }]);
  });
});
