import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { ensureDemoData, loadDemoData } from './index.ts';

describeEachBackend('demo tray in the database', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(() => test.drop());

  it('loads a demo tray whose references all resolve, and a second load with the same seed changes nothing', async () => {
    const deps = testDeps(test.db);
    const result = await loadDemoData(deps, { seed: 11, count: 400, anchorDate: '2026-11-28' });
    expect(result.services).toBe(400);
    // Vacuumed and analysed after the load: the pages are all-visible (index-only scans of the
    // ranking) and the planner knows the row count.
    const [services] = await test.db.query<{ pages: number; visible: number; rows: number }>(
      `SELECT relpages AS pages, relallvisible AS visible, reltuples::integer AS rows FROM pg_class WHERE relname = 'services'`,
    );
    expect(services!.rows).toBe(400);
    expect(services!.pages).toBeGreaterThan(0);
    expect(services!.visible).toBe(services!.pages);
    const counts = async () =>
      (
        await test.db.query<Record<string, number>>(
          `SELECT (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM organisations) AS organisations,
             (SELECT count(*) FROM locations) AS locations, (SELECT count(*) FROM schedules) AS schedules,
             (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM service_channels) AS links`,
        )
      )[0]!;
    const before = await counts();
    expect(before.services).toBe(400);
    await loadDemoData(deps, { seed: 11, count: 400, anchorDate: '2026-11-28' });
    expect(await counts()).toEqual(before);

    const dangling = await test.db.query(
      `SELECT 'location' AS what, l.id FROM locations l LEFT JOIN municipalities m ON m.code = l.municipality_code WHERE m.code IS NULL
       UNION ALL SELECT 'service without location', s.id FROM services s WHERE NOT EXISTS (SELECT 1 FROM service_locations sl WHERE sl.service_id = s.id)
       UNION ALL SELECT 'postal code', l.id FROM locations l WHERE NOT EXISTS (SELECT 1 FROM postal_codes p WHERE p.code = l.postal_code)
       UNION ALL SELECT 'area', s.id FROM services s WHERE cardinality(s.municipality_codes) = 0 OR cardinality(s.region_codes) = 0`,
    );
    expect(dangling).toEqual([]);
  });

  it('loads the demo tray only into an empty database, and only once', async () => {
    const fresh = await createTestDatabase(backend);
    try {
      const deps = testDeps(fresh.db);
      const first = await ensureDemoData(deps);
      expect(first?.services).toBeGreaterThanOrEqual(2000);
      expect(await ensureDemoData(deps)).toBeUndefined();
      const rows = await fresh.db.query<{ total: number }>('SELECT count(*) AS total FROM services');
      expect(rows[0]!.total).toBe(first!.services);
    } finally {
      await fresh.drop();
    }
  });
});
