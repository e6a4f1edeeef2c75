/** Development aid of the profiling scripts: a Db whose every query reports its time. */
import type { Db } from '../src/db/index.ts';

export interface TimedQuery {
  sql: string;
  params: readonly unknown[] | undefined;
  ms: number;
}

/** Wraps `db` so that every `query` calls `onQuery` after it has run (awaited before returning). */
export function timedDb(db: Db, onQuery: (entry: TimedQuery) => unknown): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'query') return Reflect.get(target, key, receiver);
      return async (sql: string, params?: readonly unknown[]) => {
        const started = performance.now();
        const result = await target.query(sql, params);
        await onQuery({ sql, params, ms: performance.now() - started });
        return result;
      };
    },
  });
}
