import pg from 'pg';
import type { Db, Queryable, Transaction } from './db.ts';
import { parseDate, parseInt8, parseNumeric, pgTypes } from './db.ts';

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pgTypes.int8) return parseInt8;
    if (oid === pgTypes.numeric) return parseNumeric;
    if (oid === pgTypes.date) return parseDate;
    return pg.types.getTypeParser(oid, format);
  },
};

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const result = await client.query({ text: sql, values: params ? [...params] : undefined, types: typeParsers });
      return result.rows as T[];
    },
  };
}

/**
 * One connection runs one statement at a time: code that starts several queries at once on a
 * transaction (Promise.all over a `tx`) gets them one after another, in order, instead of
 * relying on node-postgres' internal queue (deprecated, gone in pg 9).
 */
function serialised(client: pg.PoolClient): Queryable & { exec(sql: string): Promise<void> } {
  const inner = queryable(client);
  let tail: Promise<unknown> = Promise.resolve();
  const next = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    query: <T>(sql: string, params?: readonly unknown[]) => next(() => inner.query<T>(sql, params)),
    exec: (sql: string) => next(async () => void (await client.query(sql))),
  };
}

export interface PostgresOptions {
  connectionString: string;
  poolSize?: number;
  /** Rejects a connection attempt after this many milliseconds. */
  connectTimeoutMs?: number;
}

/** Opens a pool to a PostgreSQL server (15 or newer). */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: 'tarjotin',
    // No JIT compilation. The app's statements take milliseconds, and JIT starts on the
    // planner's cost estimate (jit_above_cost), not on the work done: a distance-sorted browse
    // of the demo tray spent 112 ms compiling for 20 ms of work. A SET, not a startup option, so
    // that it also passes through connection poolers such as PgBouncer; pg-pool awaits this hook
    // before it hands the new connection out, so no statement queues behind it.
    onConnect: async (client) => {
      await client.query('SET jit = off');
    },
  });
  // An idle client that loses its connection emits on the pool; without a listener Node exits.
  pool.on('error', () => {});
  // Fail fast when the server is unreachable.
  const probe = await pool.connect();
  probe.release();

  const db: Db = {
    kind: 'postgres',
    ...queryable(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      let broken = false;
      // A checked-out client whose backend dies (e.g. pg_terminate_backend, a failover) emits
      // 'error' outside any query; without a listener Node exits. The query in flight rejects
      // on its own, and the client is discarded below.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Transaction = {
          ...serialised(client),
          transaction: (inner) => inner(tx),
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: do not return it to the pool
        }
        throw error;
      } finally {
        if (!broken) client.off('error', onError); // a discarded client may still report its end
        client.release(broken ? true : undefined);
      }
    },
    async withAdvisoryLock(key, work) {
      const client = await pool.connect();
      let broken = false;
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        if (!broken) client.off('error', onError); // a discarded client may still report its end
        client.release(broken ? true : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}
