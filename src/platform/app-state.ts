/** Small facts the application keeps about itself in the database (e.g. demo data loaded). */
import type { Queryable } from '../db/index.ts';

export async function findAppState<T>(q: Queryable, key: string): Promise<T | undefined> {
  const rows = await q.query<{ value: T }>('SELECT value FROM app_state WHERE key = $1', [key]);
  return rows[0]?.value;
}

export async function upsertAppState(q: Queryable, key: string, value: unknown): Promise<void> {
  await q.query(
    `INSERT INTO app_state (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}
