/**
 * The pure core of an audit run: apply the enabled rules to every record, collect findings,
 * and sum the checks into scorecards per run, region, municipality and organisation.
 */
import { rules as allRules } from './quality.rules.ts';
import { severityWeight, type AuditRecord, type AuditService, type Finding, type Rule, type RuleContext, type RuleSetting, type Severity } from './quality.types.ts';
import { normaliseText, primaryText } from './quality.rules.ts';

export interface Check {
  ruleId: string;
  severity: Severity;
  pass: boolean;
}

export interface Scorecard {
  scope: 'run' | 'region' | 'municipality' | 'organisation';
  code: string;
  records: number;
  checks: number;
  passed: number;
  /** weighted share of passing checks (0..1); null without checks */
  score: number | null;
  /** rule id → [passed, checked] */
  rules: Record<string, [number, number]>;
}

export interface Evaluation {
  findings: Finding[];
  scorecards: Scorecard[];
  records: number;
  checks: number;
}

/** The rules a region runs, each with its threshold (region setting, else the rule's default). */
export function activeRules(settings: readonly RuleSetting[], rules: readonly Rule[] = allRules): { rule: Rule; threshold: number }[] {
  const byId = new Map(settings.map((s) => [s.ruleId, s]));
  return rules.flatMap((rule) => {
    const setting = byId.get(rule.id);
    if (setting && !setting.enabled) return [];
    return [{ rule, threshold: setting?.threshold ?? rule.threshold?.default ?? 0 }];
  });
}

interface Bucket extends Scorecard {
  weight: number;
  weightPassed: number;
}

function bucketOf(map: Map<string, Bucket>, scope: Scorecard['scope'], code: string): Bucket {
  const key = `${scope}|${code}`;
  let bucket = map.get(key);
  if (!bucket) {
    bucket = { scope, code, records: 0, checks: 0, passed: 0, score: null, rules: {}, weight: 0, weightPassed: 0 };
    map.set(key, bucket);
  }
  return bucket;
}

/** Runs the rules over the records; `onRecord` is called after each (progress). */
export function evaluate(
  records: readonly AuditRecord[],
  active: readonly { rule: Rule; threshold: number }[],
  context: Omit<RuleContext, 'threshold'>,
  onRecord: () => void = () => undefined,
): Evaluation {
  const findings: Finding[] = [];
  const buckets = new Map<string, Bucket>();
  let checks = 0;
  for (const record of records) {
    const scopes = [
      bucketOf(buckets, 'run', ''),
      ...record.regionCodes.map((code) => bucketOf(buckets, 'region', code)),
      ...record.municipalityCodes.map((code) => bucketOf(buckets, 'municipality', code)),
      ...(record.organisationId ? [bucketOf(buckets, 'organisation', record.organisationId)] : []),
    ];
    for (const bucket of scopes) bucket.records += 1;
    for (const { rule, threshold } of active) {
      if (rule.entity !== record.entity) continue;
      const outcome = rule.check(record, { ...context, threshold });
      if (outcome === null) continue;
      checks += 1;
      const weight = severityWeight[rule.severity];
      for (const bucket of scopes) {
        bucket.checks += 1;
        bucket.weight += weight;
        const counts = (bucket.rules[rule.id] ??= [0, 0]);
        counts[1] += 1;
        if (outcome.pass) {
          bucket.passed += 1;
          bucket.weightPassed += weight;
          counts[0] += 1;
        }
      }
      if (!outcome.pass) {
        findings.push({
          ruleId: rule.id,
          entity: record.entity,
          entityId: record.id,
          organisationId: record.organisationId,
          source: record.source,
          severity: rule.severity,
          municipalityCodes: record.municipalityCodes,
          regionCodes: record.regionCodes,
          details: outcome.details,
        });
      }
    }
    onRecord();
  }
  const scorecards = [...buckets.values()].map(({ weight, weightPassed, ...card }) => ({ ...card, score: weight > 0 ? weightPassed / weight : null }));
  return { findings, scorecards, records: records.length, checks };
}

/**
 * Probable duplicates across sources: services of different sources with the same normalised
 * name that share the organisation's business ID, the organisation, or a municipality.
 */
export function findProbableDuplicates(services: readonly AuditService[]): Map<string, string[]> {
  const byName = new Map<string, AuditService[]>();
  for (const service of services) {
    const name = normaliseText(primaryText(service.name));
    if (name.length < 3) continue;
    byName.set(name, [...(byName.get(name) ?? []), service]);
  }
  const result = new Map<string, string[]>();
  for (const group of byName.values()) {
    if (group.length < 2 || new Set(group.map((s) => s.source)).size < 2) continue;
    for (const service of group) {
      const others = group.filter(
        (other) =>
          other.source !== service.source &&
          ((service.organisationBusinessId !== null && service.organisationBusinessId === other.organisationBusinessId) ||
            (service.organisationId !== null && service.organisationId === other.organisationId) ||
            service.municipalityCodes.some((code) => other.municipalityCodes.includes(code))),
      );
      if (others.length > 0) result.set(service.id, others.map((other) => other.id));
    }
  }
  return result;
}

/** The median of the values (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
