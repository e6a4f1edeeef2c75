import type { Queryable } from '../../db/index.ts';

export async function countCatalogueServices(q: Queryable): Promise<number> {
  const rows = await q.query<{ total: number }>('SELECT count(*) AS total FROM services');
  return rows[0]?.total ?? 0;
}
