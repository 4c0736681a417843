import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs SQL: the database itself or one transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Settings (`set_config(name, value, true)`) a transaction starts with: the tenant context, the role. */
export type TransactionSettings = Readonly<Record<string, string>>;

/** One interface over PGlite (embedded) and a PostgreSQL server (pg pool). */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction that starts with `settings` applied transaction-locally. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, settings?: TransactionSettings): Promise<T>;
  close(): Promise<void>;
}

// Setting names are written into SQL as they are: only our own, fixed names are accepted.
const SETTING_NAME = /^[a-z_]+(\.[a-z_]+)?$/;

/**
 * `select set_config(...)` for `settings`, with values as parameters or, for the server's one-round-trip
 * `BEGIN; select ...`, as literals escaped by the driver (a multi-statement query cannot take parameters).
 */
function settingsQuery(settings: TransactionSettings, value: (v: string, i: number) => string): string {
  const calls = Object.keys(settings).map((name, i) => {
    if (!SETTING_NAME.test(name)) throw new Error(`invalid setting name ${name}`);
    return `set_config('${name}', ${value(settings[name]!, i)}, true)`;
  });
  return `select ${calls.join(', ')}`;
}

// Type OIDs whose default parsing would lose information or lean on the process time zone.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

// bigint counts and sums fit comfortably in a double for our magnitudes (money in minor units);
// dates stay 'YYYY-MM-DD' strings because a JS Date would be midnight in the *process* zone.
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);

/** Opens the database the configuration names: a server when `url` is set, else PGlite in `dataDir` ('memory://' for tests). */
export async function openDatabase(opts: { url?: string | undefined; dataDir?: string; poolSize?: number; queryTimeoutMs?: number }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10, opts.queryTimeoutMs);
  return openPglite(opts.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    extensions: { btree_gist, citext, pg_trgm },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
    },
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn, settings) =>
      db.transaction(async (tx) => {
        // In process, a statement costs no network round trip: the settings go as parameters.
        if (settings) await tx.query(settingsQuery(settings, (_v, i) => `$${i + 1}`), Object.values(settings));
        return fn(wrap(tx));
      }),
    close: () => db.close(),
  };
}

/**
 * `queryTimeoutMs` bounds each query on the client side: a server that stops answering without closing its
 * connections (frozen, partitioned) would otherwise hold a request until TCP gives up, minutes later. The API
 * server sets it; migrations and bulk loads, which may legitimately run long, do not. Keepalive lets the
 * kernel notice dead peers on idle connections too.
 */
function openPostgres(url: string, poolSize: number, queryTimeoutMs?: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}),
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await c.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    ...base,
    async transaction(fn, settings) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // The pool listens for errors only on idle clients: a checked-out one whose server goes away (shutdown,
      // crash, network) emits 'error', and an unhandled 'error' event would kill the whole process. The failing
      // query rejects on its own (-> 503); here the client is only marked so that release() destroys it.
      const onError = (err: Error) => {
        broken = err;
      };
      client.on('error', onError);
      try {
        // One round trip for BEGIN and the settings: on a busy server every round trip costs CPU on both sides
        // (docs/performance.md). Values are escaped by pg itself; NUL, which no setting may hold, is dropped.
        await client.query(settings ? `BEGIN; ${settingsQuery(settings, (v) => pg.escapeLiteral(v.replaceAll('\0', '')))}` : 'BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          broken = rollbackErr as Error; // the connection is unusable: destroy it rather than return it
        }
        throw err;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
