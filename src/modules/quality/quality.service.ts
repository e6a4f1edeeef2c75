/**
 * Audit runs: load the records of a region (or all), check links when configured, apply the
 * region's rules, and store the findings and scorecards of the run in one transaction.
 */
import { performance } from 'node:perf_hooks';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { silentProgress, type Progress } from '../../platform/progress.ts';
import { checkLinks } from './link-checker.ts';
import { activeRules, evaluate, findProbableDuplicates } from './quality.engine.ts';
import {
  completeRun,
  failRun,
  insertFindings,
  insertRun,
  insertSnapshots,
  listAuditChannels,
  listAuditLocations,
  listAuditServices,
  listBilingualMunicipalityCodes,
  listRuleSettings,
} from './quality.queries.ts';
import type { AuditRecord, LinkResult } from './quality.types.ts';

export type AuditTrigger = 'cli' | 'schedule' | 'page';

export interface AuditOptions {
  /** null: every region, with the default rule settings */
  regionCode: string | null;
  trigger: AuditTrigger;
  /** overrides AUDIT_LINK_CHECK */
  linkCheck?: boolean;
  progress?: Progress;
  /** injectable link fetcher (tests) */
  fetch?: typeof fetch;
}

export interface AuditRunResult {
  runId: string;
  regionCode: string | null;
  records: number;
  checks: number;
  findings: number;
  score: number | null;
  durationMs: number;
  /** rule id → [passed, checked] over the whole run */
  rules: Record<string, [number, number]>;
  linksChecked: number;
}

const linkKinds = new Set(['web', 'eservice', 'printable_form']);

function linksOf(records: readonly AuditRecord[]): string[] {
  return records.flatMap((record) =>
    record.entity === 'contact_channel' && linkKinds.has(record.kind) ? Object.values(record.value).filter((v): v is string => typeof v === 'string' && v !== '') : [],
  );
}

/** Runs one audit and records it; a failure is recorded on the run and rethrown. */
export async function runAudit(deps: Deps, options: AuditOptions): Promise<AuditRunResult> {
  const progress = options.progress ?? silentProgress;
  const linkCheck = options.linkCheck ?? deps.config.auditLinkCheck;
  const runId = newId();
  const started = performance.now();
  await insertRun(deps.db, { id: runId, regionCode: options.regionCode, trigger: options.trigger, linkCheck, startedAt: deps.clock() });
  try {
    const [services, locations, channels, bilingual, settings] = await Promise.all([
      listAuditServices(deps.db, options.regionCode),
      listAuditLocations(deps.db, options.regionCode),
      listAuditChannels(deps.db, options.regionCode),
      listBilingualMunicipalityCodes(deps.db),
      options.regionCode ? listRuleSettings(deps.db, options.regionCode) : Promise.resolve([]),
    ]);
    const records: AuditRecord[] = [...services, ...locations, ...channels];
    // A record in a region's scope through its organisation counts for that region too.
    const region = options.regionCode;
    if (region) for (const record of records) if (!record.regionCodes.includes(region)) record.regionCodes = [...record.regionCodes, region];
    let links: Map<string, LinkResult> | undefined;
    if (linkCheck) {
      const urls = [...new Set(linksOf(channels))];
      progress.start(urls.length, 'audit: links');
      links = await checkLinks(urls, {
        concurrency: deps.config.auditLinkConcurrency,
        timeoutMs: deps.config.auditLinkTimeoutSeconds * 1000,
        onChecked: () => progress.advance(),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      progress.finish(`audit: ${urls.length} links checked`);
    }
    progress.start(records.length, 'audit: records');
    const evaluation = evaluate(
      records,
      activeRules(settings),
      { now: deps.clock(), bilingualMunicipalities: new Set(bilingual), links, duplicates: findProbableDuplicates(services) },
      () => progress.advance(),
    );
    const run = evaluation.scorecards.find((card) => card.scope === 'run');
    const durationMs = performance.now() - started;
    await deps.db.transaction(async (tx) => {
      await insertFindings(tx, runId, evaluation.findings);
      await insertSnapshots(tx, runId, evaluation.scorecards);
      await completeRun(tx, runId, {
        endedAt: deps.clock(),
        durationMs,
        records: evaluation.records,
        checks: evaluation.checks,
        findings: evaluation.findings.length,
        score: run?.score ?? null,
      });
    });
    progress.finish(`audit: ${evaluation.records} records, ${evaluation.findings.length} findings`);
    return {
      runId,
      regionCode: options.regionCode,
      records: evaluation.records,
      checks: evaluation.checks,
      findings: evaluation.findings.length,
      score: run?.score ?? null,
      durationMs,
      rules: run?.rules ?? {},
      linksChecked: links?.size ?? 0,
    };
  } catch (error) {
    await failRun(deps.db, runId, deps.clock(), error instanceof Error ? error.message : String(error));
    throw error;
  }
}
