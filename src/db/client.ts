import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * A statement the server parses and plans once per connection and then only executes (a named prepared statement):
 * for the hot, plan-stable statements of booking and availability, where planning cost as much as running them
 * (docs/performance.md). Its result columns must be listed, never `*` of a table: a prepared plan whose result
 * type changes under it (a column added by a migration while the process runs) fails until it is prepared again.
 * PGlite runs the text as any other statement (in process, planning is not what costs).
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
}

const preparedTexts = new Map<string, string>();

/** Declares a prepared statement; one name means one text for the life of the process. */
export function prepared(name: string, text: string): Prepared {
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`prepared statement ${name} is declared twice with different SQL`);
  preparedTexts.set(name, text);
  return { name, text };
}

/** Anything that runs SQL: the database itself or one transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string | Prepared, params?: unknown[]): Promise<QueryResult<T>>;
  /**
   * The rows as arrays of their values in column order, for reads of many rows (exports): no object per row, and a
   * timestamptz as its ISO 8601 text in UTC with milliseconds (what a Date would print), no Date per value.
   */
  queryArrays(sql: string, params?: unknown[]): Promise<unknown[][]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The first statement of a transaction, sent with its BEGIN: the tenant settings (`set_config(..., true)`) and,
 * for a signed-in request, the session look-up they come from. Parameters are text.
 */
export interface TransactionStart {
  sql: string;
  params: string[];
}

/**
 * How the job queue (src/queue) reaches the same database: PGlite's one instance (pg-boss's PGlite adapter, whose
 * statements queue behind our transactions like any other), or the server's URL (pg-boss keeps a small pool).
 */
export type QueueTarget = { pglite: PGlite } | { url: string };

/** One interface over PGlite (embedded) and a PostgreSQL server (pg pool). */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly queueTarget: QueueTarget;
  /** Runs `fn` in a transaction opened by `start`, whose rows `fn` receives. */
  transaction<T>(fn: (tx: Queryable, started: Record<string, unknown>[]) => Promise<T>, start?: TransactionStart): Promise<T>;
  close(): Promise<void>;
}

/**
 * The start statement with its parameters written in as literals escaped by the driver, for the server's
 * one-round-trip `BEGIN; ...` (a multi-statement query cannot take parameters). The SQL is ours, never input;
 * NUL, which no text value may hold, is dropped from the values.
 */
function inlineStart(start: TransactionStart): string {
  return start.sql.replace(/\$(\d+)/g, (_m, n: string) => pg.escapeLiteral((start.params[Number(n) - 1] ?? '').replaceAll('\0', '')));
}

// Type OIDs whose default parsing would lose information or lean on the process time zone.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

const TIMESTAMPTZ = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date;

/**
 * A timestamptz as the server writes it to ISO 8601 in UTC with milliseconds, exactly as Date#toISOString would
 * print the driver's Date (fractions truncated to the millisecond). The server writes '2026-01-11 02:00:00.123456+00'
 * in a UTC session (the exports set one): that is rearranged as text; any other form goes through the driver's parser.
 */
export function isoFromTimestamptz(text: string): string {
  if (text.length >= 22 && text[4] === '-' && text[10] === ' ' && (text.length === 22 || text[19] === '.') && text.endsWith('+00')) {
    const fraction = text.length > 22 ? text.slice(20, -3) : '';
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${`${fraction}000`.slice(0, 3)}Z`;
  }
  return parseTimestamptz(text).toISOString();
}

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
  // Loaded only here: a process on a PostgreSQL server never holds PGlite's modules (docs/performance.md, memory).
  const [{ PGlite }, { btree_gist }, { citext }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/citext'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  const db = await PGlite.create(dataDir, {
    extensions: { btree_gist, citext, pg_trgm },
    parsers: {
      [INT8]: (v: string) => Number(v),
      [NUMERIC]: (v: string) => Number(v),
      [DATE]: (v: string) => v,
    },
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string | Prepared, params?: unknown[]) {
      const r = await q.query<T>(typeof sql === 'string' ? sql : sql.text, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async queryArrays(sql: string, params?: unknown[]) {
      return (await q.query<unknown[]>(sql, params, { rowMode: 'array', parsers: { [TIMESTAMPTZ]: isoFromTimestamptz } })).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    queueTarget: { pglite: db },
    ...base,
    transaction: (fn, start) =>
      db.transaction(async (tx) => {
        // In process, a statement costs no network round trip: the start statement takes its parameters.
        const started = start ? (await tx.query<Record<string, unknown>>(start.sql, start.params)).rows : [];
        return fn(wrap(tx), started);
      }),
    close: () => db.close(),
  };
}

/** The driver's parsers, but instants as ISO text (queryArrays). */
const arrayTypes = {
  getTypeParser: (oid: number, format?: string): ((text: string) => unknown) =>
    oid === TIMESTAMPTZ ? isoFromTimestamptz : (pg.types.getTypeParser(oid, format as 'text') as (text: string) => unknown),
};

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
  const wrap = (c: pg.Pool | pg.PoolClient, onStalePlan?: (err: Error) => void): Queryable => ({
    async query<T>(sql: string | Prepared, params?: unknown[]) {
      try {
        const r = typeof sql === 'string' ? await c.query(sql, params) : await c.query({ name: sql.name, text: sql.text, values: params ?? [] });
        return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
      } catch (err) {
        // "cached plan must not change result type": a migration changed what a prepared statement returns. The
        // connection's statement stays broken, so the connection goes; its replacement prepares afresh.
        if (typeof sql !== 'string' && (err as { code?: string }).code === '0A000') onStalePlan?.(err as Error);
        throw err;
      }
    },
    async queryArrays(sql: string, params?: unknown[]) {
      return (await c.query<unknown[]>({ text: sql, values: params ?? [], rowMode: 'array', types: arrayTypes })).rows;
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    queueTarget: { url },
    ...base,
    async transaction(fn, start) {
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
        // One round trip for BEGIN and the start statement: on a busy server every round trip costs CPU on both
        // sides (docs/performance.md).
        let started: Record<string, unknown>[] = [];
        if (start) {
          const results = (await client.query(`BEGIN; ${inlineStart(start)}`)) as unknown as pg.QueryResult[];
          started = results[results.length - 1]!.rows as Record<string, unknown>[];
        } else {
          await client.query('BEGIN');
        }
        const result = await fn(
          wrap(client, (err) => {
            broken = err;
          }),
          started,
        );
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
