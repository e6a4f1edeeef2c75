/**
 * What the coordinator and provider pages show: the scope an actor may see, the latest run's
 * scorecards and trend, coverage, the worklist (also as CSV), rule settings and run history.
 */
import type { Deps } from '../../platform/deps.ts';
import { formatCsv, type CsvSeparator } from '../../platform/csv.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Translate } from '../../platform/i18n.ts';
import { textOf, type Language, type LocalisedText } from '../../platform/localised.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { themeCodes } from '../catalog/index.ts';
import { buildCoverage } from './coverage.ts';
import { canConfigureRules, canViewOrganisationQuality, canViewRegionQuality, defaultQualityScope, qualityRegions } from './quality.policy.ts';
import { listRuleSettings, upsertRuleSettings } from './quality.queries.ts';
import {
  countWorklist,
  findLatestRunFor,
  findOrganisationScope,
  findRegionName,
  findSnapshot,
  listCoverageCounts,
  listMunicipalitySnapshots,
  listOrganisationSnapshots,
  listRegionMunicipalities,
  listRegionNames,
  listRuns,
  listTrend,
  listWorklist,
  type WorklistFilters,
  type WorklistRow,
} from './quality.read.queries.ts';
import { findRule, fixWhere, rules } from './quality.rules.ts';
import { runAudit } from './quality.service.ts';
import type { RuleSetting } from './quality.types.ts';

export type ResolvedScope =
  | { kind: 'region'; code: string; name: LocalisedText }
  | { kind: 'organisation'; id: string; name: LocalisedText; regionCode: string | null };

/** The region or organisation asked for (or the actor's default), if the actor may see it. */
export async function resolveScope(deps: Deps, actor: Actor, query: { region?: string | undefined; organisation?: string | undefined }): Promise<ResolvedScope> {
  if (query.organisation) {
    const row = await findOrganisationScope(deps.db, query.organisation);
    if (!row || !canViewOrganisationQuality(actor, { id: query.organisation, regionCode: row.region_code })) throw new NotFoundError('organisation');
    return { kind: 'organisation', id: query.organisation, name: row.name, regionCode: row.region_code };
  }
  const fallback = defaultQualityScope(actor);
  const code = query.region ?? (fallback?.kind === 'region' ? fallback.code : undefined);
  if (!code) {
    if (fallback?.kind === 'organisation') return resolveScope(deps, actor, { organisation: fallback.id });
    throw new ForbiddenError('quality');
  }
  const name = await findRegionName(deps.db, code);
  if (!name) throw new NotFoundError('region');
  if (!canViewRegionQuality(actor, code)) throw new ForbiddenError('quality');
  return { kind: 'region', code, name };
}

/** Regions the actor may switch between (for the region choice). */
export async function regionChoices(deps: Deps, actor: Actor): Promise<{ code: string; name: LocalisedText }[]> {
  const allowed = qualityRegions(actor);
  const all = await listRegionNames(deps.db);
  return allowed === 'all' ? all : all.filter((r) => allowed.includes(r.code));
}

const scopeKey = (scope: ResolvedScope) => (scope.kind === 'region' ? ({ scope: 'region', code: scope.code } as const) : ({ scope: 'organisation', code: scope.id } as const));

export async function getOverview(deps: Deps, scope: ResolvedScope) {
  const key = scopeKey(scope);
  const run = await findLatestRunFor(deps.db, key.scope, key.code);
  if (!run) return { run: undefined, snapshot: undefined, trend: [], municipalities: [], organisations: [] };
  const [snapshot, trend, municipalities, organisations] = await Promise.all([
    findSnapshot(deps.db, run.id, key.scope, key.code),
    listTrend(deps.db, key.scope, key.code, 20),
    scope.kind === 'region' ? listMunicipalitySnapshots(deps.db, run.id, scope.code) : Promise.resolve([]),
    scope.kind === 'region' ? listOrganisationSnapshots(deps.db, run.id, scope.code) : Promise.resolve([]),
  ]);
  return { run, snapshot, trend, municipalities, organisations };
}

/** The municipalities of a region (for filters). */
export async function regionMunicipalities(deps: Deps, regionCode: string) {
  return listRegionMunicipalities(deps.db, regionCode);
}

export async function getCoverage(deps: Deps, regionCode: string) {
  const [municipalities, counts] = await Promise.all([listRegionMunicipalities(deps.db, regionCode), listCoverageCounts(deps.db, regionCode)]);
  return buildCoverage(municipalities, counts, themeCodes);
}

export interface WorklistQuery {
  rule?: string | undefined;
  severity?: string | undefined;
  municipality?: string | undefined;
}

/** Rows on the worklist page; the CSV has every finding (up to `csvLimit`). */
export const worklistLimit = 500;
export const csvLimit = 100_000;

export async function getWorklist(deps: Deps, scope: ResolvedScope, query: WorklistQuery, limit = worklistLimit) {
  const key = scopeKey(scope);
  const run = await findLatestRunFor(deps.db, key.scope, key.code);
  if (!run) return { run: undefined, rows: [] as WorklistRow[], total: 0 };
  const filters: WorklistFilters = {
    ...(scope.kind === 'region' ? { regionCode: scope.code } : { organisationId: scope.id }),
    ...(query.rule && findRule(query.rule) ? { ruleId: query.rule } : {}),
    ...(query.severity && ['error', 'warning', 'info'].includes(query.severity) ? { severity: query.severity } : {}),
    ...(query.municipality && /^\d{3}$/.test(query.municipality) ? { municipalityCode: query.municipality } : {}),
  };
  const [rows, total] = await Promise.all([listWorklist(deps.db, run.id, filters, limit), countWorklist(deps.db, run.id, filters)]);
  return { run, rows, total };
}

/** Where to fix a finding, as a message key suffix: ptv, tarjotin or source. */
export function whereToFix(row: Pick<WorklistRow, 'rule_id' | 'source'>): string {
  const rule = findRule(row.rule_id);
  return rule ? fixWhere(rule, row.source) : 'tarjotin';
}

/** A finding's details as one line in the reader's language ('pituus: 12; vähintään: 20'). */
export function findingDetailText(details: WorklistRow['details'], t: Translate): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => {
      const shown = key === 'fields' ? String(value).split(', ').map((field) => t(`quality.detail.field.${field}`)).join(', ') : String(value);
      return `${t(`quality.detail.${key}`)}: ${shown}`;
    })
    .join('; ');
}

/** The worklist as CSV for a spreadsheet (UTF-8 BOM, `;` or `,`, formulas neutralised). */
export function worklistCsv(rows: readonly WorklistRow[], t: Translate, lang: Language, separator: CsvSeparator): string {
  const header = ['severity', 'rule', 'record', 'recordType', 'organisation', 'whereToFix', 'howToFix', 'details', 'recordId'].map((column) => t(`quality.csv.${column}`));
  return formatCsv(
    header,
    rows.map((row) => [
      t(`quality.severity.${row.severity}`),
      t(`quality.rule.${row.rule_id}.title`),
      textOf(row.entity_name, lang),
      t(`quality.entity.${row.entity}`),
      textOf(row.organisation_name, lang),
      t(`quality.where.${whereToFix(row)}`),
      t(`quality.rule.${row.rule_id}.fix`),
      findingDetailText(row.details, t),
      row.entity_id,
    ]),
    { separator },
  );
}

export async function getRuleSettings(deps: Deps, regionCode: string) {
  const settings = new Map((await listRuleSettings(deps.db, regionCode)).map((s) => [s.ruleId, s]));
  return rules.map((rule) => {
    const setting = settings.get(rule.id);
    return {
      id: rule.id,
      severity: rule.severity,
      enabled: setting?.enabled ?? true,
      threshold: rule.threshold ? setting?.threshold ?? rule.threshold.default : null,
      thresholdDefault: rule.threshold?.default ?? null,
      thresholdUnit: rule.threshold?.unit ?? null,
    };
  });
}

/** Saves a region's rule settings (every rule: on/off, threshold); audited. */
export async function saveRuleSettings(deps: Deps, actor: Actor, regionCode: string, input: { enabled: string[]; thresholds: Record<string, string> }): Promise<void> {
  if (!canConfigureRules(actor, regionCode)) throw new ForbiddenError('quality.rules');
  const errors: Record<string, string> = {};
  const settings: RuleSetting[] = rules.map((rule) => {
    const raw = input.thresholds[rule.id]?.trim() ?? '';
    let threshold: number | null = null;
    if (rule.threshold && raw !== '') {
      if (!/^\d{1,4}$/.test(raw)) errors[`threshold-${rule.id}`] = 'quality.rules.thresholdInvalid';
      else threshold = Number(raw);
    }
    return { ruleId: rule.id, enabled: input.enabled.includes(rule.id), threshold };
  });
  if (Object.keys(errors).length > 0) throw new ValidationError('quality.rules', errors);
  await deps.db.transaction(async (tx) => {
    await upsertRuleSettings(tx, regionCode, settings, actor.userId, deps.clock());
    await recordAudit(tx, {
      at: deps.clock(),
      actorUserId: actor.userId,
      action: 'quality.rules.updated',
      subjectType: 'region',
      subjectId: regionCode,
      regionCode,
      details: { disabled: settings.filter((s) => !s.enabled).map((s) => s.ruleId), thresholds: Object.fromEntries(settings.filter((s) => s.threshold !== null).map((s) => [s.ruleId, s.threshold])) },
    });
  });
}

export async function listRunHistory(deps: Deps, regionCode: string) {
  return listRuns(deps.db, regionCode, 50);
}

/** A coordinator starts an audit of their region from the page (without the link check, which can take long). */
export async function startRegionAudit(deps: Deps, actor: Actor, regionCode: string) {
  if (!canConfigureRules(actor, regionCode)) throw new ForbiddenError('quality.run');
  return runAudit(deps, { regionCode, trigger: 'page', linkCheck: false });
}

