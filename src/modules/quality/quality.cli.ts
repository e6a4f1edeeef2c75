/** `tarjotin audit run [--region CODE] [--link-check on|off]`: one audit with a progress bar. */
import { parseArgs } from 'node:util';
import type { Deps } from '../../platform/deps.ts';
import { createProgress } from '../../platform/progress.ts';
import { findRegionName } from './quality.read.queries.ts';
import { ruleIds } from './quality.rules.ts';
import { runAudit, type AuditRunResult } from './quality.service.ts';

export class AuditUsageError extends Error {}

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);

/** The run's headline figures as text lines: records, weighted score, share passing per rule. */
export function formatAuditSummary(result: AuditRunResult): string {
  const lines = [
    `audit ${result.runId} (${result.regionCode ? `region ${result.regionCode}` : 'all regions'}): ${result.records} records, ${result.checks} checks, ${result.findings} findings`,
    `weighted score ${percent(result.score)} in ${(result.durationMs / 1000).toFixed(2)} s${result.linksChecked ? `, ${result.linksChecked} links checked` : ''}`,
    'rule                           passing   checked',
  ];
  for (const id of ruleIds) {
    const counts = result.rules[id];
    if (!counts) continue;
    lines.push(`${id.padEnd(30)} ${percent(counts[1] > 0 ? counts[0] / counts[1] : null).padStart(8)} ${String(counts[1]).padStart(9)}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runAuditCommand(deps: Deps, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') throw new AuditUsageError('usage: tarjotin audit run [--region CODE] [--link-check on|off]');
  const { values } = parseArgs({ args: rest, options: { region: { type: 'string' }, 'link-check': { type: 'string' } } });
  const region = values.region;
  if (region !== undefined && !/^\d{2}$/.test(region)) throw new AuditUsageError('--region must be a two-digit region code, e.g. 06');
  const linkCheck = values['link-check'];
  if (linkCheck !== undefined && linkCheck !== 'on' && linkCheck !== 'off') throw new AuditUsageError('--link-check must be on or off');
  if (region && !(await findRegionName(deps.db, region))) throw new AuditUsageError(`no region with the code ${region}`);
  const result = await runAudit(deps, {
    regionCode: region ?? null,
    trigger: 'cli',
    progress: createProgress(),
    ...(linkCheck ? { linkCheck: linkCheck === 'on' } : {}),
  });
  process.stdout.write(formatAuditSummary(result));
  return 0;
}
