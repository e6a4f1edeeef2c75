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

/** Words of three letters or more of a normalised name. */
function nameTokens(name: string): Set<string> {
  return new Set(name.split(' ').filter((word) => word.length >= 3));
}

/** Share of words two names have in common (Jaccard). */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  if (left.size === 0 || right.size === 0) return a === b ? 1 : 0;
  let common = 0;
  for (const word of left) if (right.has(word)) common += 1;
  return common / (left.size + right.size - common);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Probable duplicates across sources: services of different sources (1) with the same
 * normalised name and the same business ID, organisation or a shared municipality, or (2) of
 * the same business ID or organisation with names sharing at least 3/4 of their words
 * ("Senioreiden kuntosali" / "Kuntosali senioreille" do not; "Kuntosali senioreille Vaasa" /
 * "Kuntosali senioreille, Vaasa" do).
 */
export function findProbableDuplicates(services: readonly AuditService[]): Map<string, string[]> {
  const names = new Map(services.map((service) => [service.id, normaliseText(primaryText(service.name))]));
  const pairs = new Map<string, Set<string>>();
  const link = (a: AuditService, b: AuditService) => {
    pairs.set(a.id, (pairs.get(a.id) ?? new Set()).add(b.id));
    pairs.set(b.id, (pairs.get(b.id) ?? new Set()).add(a.id));
  };
  const sameOwner = (a: AuditService, b: AuditService) =>
    (a.organisationBusinessId !== null && a.organisationBusinessId === b.organisationBusinessId) || (a.organisationId !== null && a.organisationId === b.organisationId);
  const acrossSources = (group: AuditService[], match: (a: AuditService, b: AuditService) => boolean) => {
    if (new Set(group.map((s) => s.source)).size < 2) return;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i]!, group[j]!];
        if (a.source !== b.source && match(a, b)) link(a, b);
      }
    }
  };
  for (const group of groupBy(services, (s) => (names.get(s.id)!.length >= 3 ? names.get(s.id)! : null))) {
    acrossSources(group, (a, b) => sameOwner(a, b) || a.municipalityCodes.some((code) => b.municipalityCodes.includes(code)));
  }
  for (const group of groupBy(services, (s) => s.organisationBusinessId ?? s.organisationId)) {
    acrossSources(group, (a, b) => nameSimilarity(names.get(a.id)!, names.get(b.id)!) >= 0.75);
  }
  const order = new Map(services.map((service, index) => [service.id, index]));
  const result = new Map<string, string[]>();
  for (const service of services) {
    const others = pairs.get(service.id);
    if (others) result.set(service.id, [...others].sort((x, y) => order.get(x)! - order.get(y)!));
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
