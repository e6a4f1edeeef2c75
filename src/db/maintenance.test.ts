import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../test/support/db.ts';
import { maintainEmbeddedDatabase } from './maintenance.ts';

describeEachBackend('maintenance of the embedded database', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(() => test.drop());

  it('vacuums and analyzes on PGlite, and leaves a PostgreSQL server to its autovacuum', async () => {
    await test.db.exec('CREATE TABLE maintenance_probe (id int); INSERT INTO maintenance_probe SELECT generate_series(1, 1000);');
    if (backend === 'pglite') expect((await test.db.query<{ n: number }>(`SELECT reltuples::integer AS n FROM pg_class WHERE relname = 'maintenance_probe'`))[0]?.n).toBe(-1);
    const rowEstimate = async () =>
      (await test.db.query<{ rows: number }>(`SELECT reltuples::integer AS rows FROM pg_class WHERE relname = 'maintenance_probe'`))[0]?.rows;
    const ran = await maintainEmbeddedDatabase(test.db);
    expect(ran).toBe(backend === 'pglite');
    // On PGlite nothing else ever analyzes: before, the never-analyzed table had no row estimate
    // (-1). (On PostgreSQL autovacuum may get there at any moment, so the estimate proves nothing.)
    if (backend === 'pglite') {
      expect(await rowEstimate()).toBe(1000);
      // ANALYZE: column statistics; VACUUM: the pages are marked all-visible.
      expect(await test.db.query(`SELECT attname FROM pg_stats WHERE tablename = 'maintenance_probe'`)).toEqual([{ attname: 'id' }]);
      const [visible] = await test.db.query<{ visible: boolean }>(
        `SELECT relallvisible > 0 AND relallvisible = relpages AS visible FROM pg_class WHERE relname = 'maintenance_probe'`,
      );
      expect(visible?.visible).toBe(true);
    }
  });
});
