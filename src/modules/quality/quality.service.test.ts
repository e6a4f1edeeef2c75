/**
 * Audit runs on the recorded real PTV records (Vaasa, Naantali; loaded by the PTV stand-in):
 * a scorecard per run, region, municipality and organisation, findings, region settings, the
 * link check, and a failed run that is recorded as failed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { describeEachBackend } from '../../../test/support/db.ts';
import { hasPtvCorpus, loadPtvCorpus, type PtvLoadResult } from '../../../test/support/ptv-stand-in.ts';
import { upsertRuleSettings } from './quality.queries.ts';
import { rules } from './quality.rules.ts';
import { runAudit } from './quality.service.ts';


describeEachBackend(`audit runs on the recorded PTV records${hasPtvCorpus ? '' : ' (skipped: recorded PTV data not found)'}`, (backend) => {
  let test: TestDatabase;
  let loaded: PtvLoadResult;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
    if (hasPtvCorpus) loaded = await loadPtvCorpus(test.db, 'v8');
  }, 120_000);
  afterAll(async () => test?.drop());

  it.skipIf(!hasPtvCorpus)('audits every record of every region and stores a scorecard per run, region, municipality and organisation', async () => {
    expect(loaded).toMatchObject({ services: 446, rejected: 0 });
    const deps = testDeps(test.db);
    const result = await runAudit(deps, { regionCode: null, trigger: 'cli' });
    const [counts] = await test.db.query<{ services: number; locations: number; channels: number }>(
      `SELECT (SELECT count(*) FROM services WHERE status <> 'archived')::int AS services,
              (SELECT count(*) FROM locations WHERE status = 'active')::int AS locations,
              (SELECT count(*) FROM contact_channels WHERE status = 'active')::int AS channels`,
    );
    expect(result.records).toBe(counts!.services + counts!.locations + counts!.channels);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(1);
    // every 2018 record is older than 12 months on 2026-11-28
    expect(result.rules.stale).toEqual([0, counts!.services]);
    expect(Object.keys(result.rules).sort()).toEqual(rules.map((r) => r.id).filter((id) => id !== 'link_broken' && id !== 'duplicate_probable').concat('duplicate_probable').sort());
    const [run] = await test.db.query<{ status: string; records_audited: number; findings: number }>(`SELECT status, records_audited, findings FROM quality_runs WHERE id = $1`, [result.runId]);
    expect(run).toEqual({ status: 'completed', records_audited: result.records, findings: result.findings });
    const scopes = await test.db.query<{ scope: string; code: string; score: number }>(`SELECT scope, code, score FROM quality_snapshots WHERE run_id = $1`, [result.runId]);
    expect(scopes.find((s) => s.scope === 'run')?.score).toBeCloseTo(result.score!, 5);
    expect(scopes.filter((s) => s.scope === 'region').map((s) => s.code)).toEqual(expect.arrayContaining(['05', '17']));
    expect(scopes.filter((s) => s.scope === 'municipality').map((s) => s.code)).toEqual(expect.arrayContaining(['529', '905']));
    expect(scopes.filter((s) => s.scope === 'organisation').length).toBeGreaterThanOrEqual(3);
    const [findings] = await test.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM quality_findings WHERE run_id = $1`, [result.runId]);
    expect(findings!.count).toBe(result.findings);
  });

  it.skipIf(!hasPtvCorpus)('a region run audits only that region, with its own rule settings', async () => {
    const deps = testDeps(test.db);
    await upsertRuleSettings(test.db, '17', [{ ruleId: 'stale', enabled: false, threshold: null }, { ruleId: 'description_short', enabled: true, threshold: 10 }], null, deps.clock());
    const national = await runAudit(deps, { regionCode: null, trigger: 'cli' });
    const vaasa = await runAudit(deps, { regionCode: '17', trigger: 'cli' });
    expect(vaasa.records).toBeGreaterThan(0);
    expect(vaasa.records).toBeLessThan(national.records);
    expect(vaasa.rules.stale).toBeUndefined();
    const [shortNational, shortVaasa] = [national.rules.description_short!, vaasa.rules.description_short!];
    expect(shortVaasa[0] / shortVaasa[1]).toBeGreaterThan(shortNational[0] / shortNational[1]);
    const outside = await test.db.query(`SELECT 1 FROM quality_findings WHERE run_id = $1 AND NOT ('17' = ANY (region_codes))`, [vaasa.runId]);
    expect(outside).toEqual([]);
  });

  it.skipIf(!hasPtvCorpus)('with the link check on, each web address is checked once and broken ones become findings', async () => {
    const requested: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      requested.push(String(url));
      return new Response(null, { status: String(url).includes('naantali') ? 200 : 404 });
    }) as typeof fetch;
    const result = await runAudit(testDeps(test.db, { config: testConfig({ AUDIT_LINK_CHECK: 'on' }) }), { regionCode: '05', trigger: 'cli', fetch: fakeFetch });
    expect(result.linksChecked).toBeGreaterThan(0);
    const [passed, checked] = result.rules.link_broken!;
    expect(checked).toBeGreaterThan(0);
    expect(passed).toBeLessThan(checked);
    const broken = await test.db.query<{ details: { status: number } }>(`SELECT details FROM quality_findings WHERE run_id = $1 AND rule_id = 'link_broken'`, [result.runId]);
    expect(broken.length).toBe(checked - passed);
    expect(broken[0]!.details.status).toBe(404);
  });

  it('records a run that fails as failed, with the reason', async () => {
    const deps = testDeps(test.db);
    const failing = { ...deps, db: { ...deps.db, query: deps.db.query.bind(deps.db), transaction: async () => { throw new Error('disk full'); } } } as typeof deps;
    await expect(runAudit(failing, { regionCode: null, trigger: 'page' })).rejects.toThrow('disk full');
    const [run] = await test.db.query<{ status: string; error: string }>(`SELECT status, error FROM quality_runs WHERE trigger = 'page'`);
    expect(run).toEqual({ status: 'failed', error: 'disk full' });
  });
});
