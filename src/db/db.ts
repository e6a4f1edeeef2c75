/**
 * One small interface over the two supported databases: PGlite (embedded, the default) and a
 * PostgreSQL server. Both speak the same SQL; everything above this file sees only `Db`.
 *
 * Type conventions, identical on both backends:
 * - int8 / bigint → number (counts and ids stay well below 2^53)
 * - numeric → number
 * - date → 'YYYY-MM-DD' string (no time-zone surprises)
 * - timestamptz → Date
 * - json/jsonb → parsed value
 */

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * A nested call joins the outer transaction.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Holds a session-level advisory lock while `work` runs (a no-op guard on PGlite). */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Transaction extends Queryable {
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** Type ids used by the parsers of both adapters. */
export const pgTypes = {
  int8: 20,
  numeric: 1700,
  date: 1082,
} as const;

export function parseInt8(value: string): number {
  return Number(value);
}

export function parseNumeric(value: string): number {
  return Number(value);
}

export function parseDate(value: string): string {
  return value;
}
