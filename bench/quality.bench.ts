/**
 * Data-quality audit runs: the recorded real PTV records (../shared/data/ptv, v8 Vaasa and
 * Naantali, through the PTV stand-in) and the 2,400-activity demo tray, on PGlite and
 * PostgreSQL. Prints records audited, weighted score and run time; the notes list the share
 * passing per rule on the PTV records.
 */
import { loadDemoData } from '../src/modules/demo/index.ts';
import { ruleIds, runAudit, type AuditRunResult } from '../src/modules/quality/index.ts';
import { hasPtvCorpus, loadPtvCorpus } from '../test/support/ptv-stand-in.ts';
import { benchDatabases, benchDeps, percentile, type BenchDatabase, type Table } from './support.ts';

const runs = 5;

async function timedRuns(bench: BenchDatabase, regionCode: string | null): Promise<{ last: AuditRunResult; p50: number; max: number }> {
  const deps = benchDeps(bench.db);
  const times: number[] = [];
  let last: AuditRunResult | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await runAudit(deps, { regionCode, trigger: 'cli', linkCheck: false });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { last: last!, p50: percentile(times, 50), max: times.at(-1)! };
}

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);

export async function runQualityBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  const rows: Table['rows'] = [];
  let ruleNotes: string[] = [];
  for (const open of databases) {
    const bench = await open();
    try {
      if (hasPtvCorpus) {
        await loadPtvCorpus(bench.db, 'v8');
        for (const region of [null, '17'] as const) {
          const { last, p50, max } = await timedRuns(bench, region);
          rows.push([bench.name, `PTV v8, ${region ? `region ${region}` : 'all regions'}`, String(last.records), String(last.checks), String(last.findings), percent(last.score), p50, max]);
          if (region === null && ruleNotes.length === 0) {
            ruleNotes = ruleIds.flatMap((id) => {
              const counts = last.rules[id];
              return counts ? [`${id}: ${percent(counts[1] ? counts[0] / counts[1] : null)} of ${counts[1]}`] : [];
            });
          }
        }
        await bench.db.exec(`TRUNCATE services, locations, contact_channels, organisations, quality_runs CASCADE`);
      } else {
        notes.push('PTV rows skipped: recorded PTV data not found in ../shared/data/ptv');
      }
      await loadDemoData(benchDeps(bench.db), { seed: 2026, count: 2400, anchorDate: '2026-11-28' });
      const { last, p50, max } = await timedRuns(bench, null);
      rows.push([bench.name, 'demo tray 2,400, all regions', String(last.records), String(last.checks), String(last.findings), percent(last.score), p50, max]);
    } finally {
      await bench.drop();
    }
  }
  return {
    title: `Quality audit runs (${runs} runs each, link check off; time includes loading, rules and storing findings)`,
    columns: ['database', 'data', 'records', 'checks', 'findings', 'score', 'run p50 ms', 'run max ms'],
    rows,
    notes: [...notes, ...(ruleNotes.length ? ['share passing per rule, PTV v8 all regions:', ...ruleNotes.map((n) => `  ${n}`)] : [])],
  };
}
