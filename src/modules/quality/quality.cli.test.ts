/** `tarjotin audit run`: arguments, and the summary it prints. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { AuditUsageError, formatAuditSummary, runAuditCommand } from './quality.cli.ts';

describe('tarjotin audit run', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
  });
  afterAll(async () => test?.drop());

  it('refuses unknown sub-commands, malformed and unknown regions', async () => {
    const deps = testDeps(test.db);
    await expect(runAuditCommand(deps, [])).rejects.toThrow(AuditUsageError);
    await expect(runAuditCommand(deps, ['run', '--region', 'x'])).rejects.toThrow('--region must be a two-digit region code');
    await expect(runAuditCommand(deps, ['run', '--region', '99'])).rejects.toThrow('no region with the code 99');
    await expect(runAuditCommand(deps, ['run', '--link-check', 'maybe'])).rejects.toThrow('--link-check must be on or off');
  });

  it('audits and prints the records, the weighted score and the share passing per rule', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runAuditCommand(testDeps(test.db), ['run', '--region', '08'])).toBe(0);
      expect(String(out.mock.calls[0]![0])).toMatch(/^audit [0-9a-f-]{36} \(region 08\): 0 records, 0 checks, 0 findings\n/);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const text = formatAuditSummary({ runId: 'r', regionCode: null, records: 10, checks: 20, findings: 3, score: 0.875, durationMs: 1234, rules: { name_short: [9, 10], stale: [0, 4] }, linksChecked: 0 });
    expect(text).toBe(
      'audit r (all regions): 10 records, 20 checks, 3 findings\n' +
        'weighted score 87.5 % in 1.23 s\n' +
        'rule                           passing   checked\n' +
        'name_short                       90.0 %        10\n' +
        'stale                             0.0 %         4\n',
    );
  });
});
