/** The scheduled audit: due once per interval, claimed by exactly one of several instances. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord } from '../../../test/support/factories.ts';
import { upsertOrganisations } from '../catalog/index.ts';
import { deleteOldFindings } from './quality.queries.ts';
import { runScheduledAuditIfDue } from './quality.scheduler.ts';
import { runAudit } from './quality.service.ts';

async function saved<T extends Parameters<typeof upsertOrganisations>[1][number]>(organisation: T): Promise<T> {
  await upsertOrganisations(test.db, [organisation]);
  return organisation;
}

let test: TestDatabase;

describeEachBackend('the scheduled audit', (backend) => {
  beforeAll(async () => {
    test = await createTestDatabase(backend);
    await createService(test.db, { organisation: await saved(organisationRecord({ regionCode: '08', municipalityCode: '837' })) });
  });
  afterAll(async () => test?.drop());

  it('runs each region once per interval, and only one of two instances runs it', async () => {
    let now = new Date('2026-11-28T10:00:00Z');
    const deps = testDeps(test.db, { config: testConfig({ AUDIT_INTERVAL_HOURS: '6' }), clock: () => now });
    const [first, second] = await Promise.all([runScheduledAuditIfDue(deps), runScheduledAuditIfDue(deps)]);
    const runs = [...first!, ...second!];
    expect(runs.map((run) => run.regionCode)).toEqual(['08']);
    expect([first!.length, second!.length].sort()).toEqual([0, 1]);
    await test.db.query(`INSERT INTO quality_runs (id, region_code, trigger, started_at) VALUES ('00000000-0000-4000-8000-0000000000aa', '08', 'cli', '2026-11-28T08:00:00Z')`);
    now = new Date('2026-11-28T15:59:00Z');
    expect(await runScheduledAuditIfDue(deps)).toEqual([]);
    now = new Date('2026-11-28T16:00:00Z');
    expect(await runScheduledAuditIfDue(deps)).toHaveLength(1);
    const [interrupted] = await test.db.query<{ status: string; error: string }>(`SELECT status, error FROM quality_runs WHERE id = '00000000-0000-4000-8000-0000000000aa'`);
    expect(interrupted).toEqual({ status: 'failed', error: 'interrupted' });
    const rows = await test.db.query<{ trigger: string; region_code: string }>(`SELECT trigger, region_code FROM quality_runs WHERE trigger = 'schedule' ORDER BY started_at`);
    expect(rows).toEqual([
      { trigger: 'schedule', region_code: '08' },
      { trigger: 'schedule', region_code: '08' },
    ]);
  });

  it('keeps the findings of the newest runs per scope and the scorecards of all', async () => {
    let tick = Date.parse('2026-12-01T00:00:00Z');
    const deps = testDeps(test.db, { clock: () => new Date((tick += 60_000)) });
    for (let i = 0; i < 4; i++) await runAudit(deps, { regionCode: '08', trigger: 'cli' });
    const deleted = await deleteOldFindings(test.db, 2);
    expect(deleted).toBeGreaterThan(0);
    const runs = await test.db.query<{ findings: number; kept: number; snapshots: number }>(
      `SELECT r.findings, (SELECT count(*) FROM quality_findings f WHERE f.run_id = r.id)::int AS kept,
              (SELECT count(*) FROM quality_snapshots s WHERE s.run_id = r.id)::int AS snapshots
       FROM quality_runs r WHERE r.region_code = '08' AND r.status = 'completed' ORDER BY r.started_at DESC, r.ended_at DESC`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.slice(0, 2).every((r) => r.kept === r.findings && r.findings > 0)).toBe(true);
    expect(runs.slice(2).every((r) => r.kept === 0 && r.snapshots > 0)).toBe(true);
  });

  it('does nothing when AUDIT_INTERVAL_HOURS is 0', async () => {
    const deps = testDeps(test.db, { config: testConfig({ AUDIT_INTERVAL_HOURS: '0' }), clock: () => new Date('2030-01-01T00:00:00Z') });
    expect(await runScheduledAuditIfDue(deps)).toEqual([]);
  });
});
