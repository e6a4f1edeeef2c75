/**
 * Is an imported PTV service a well-being activity for the resident tray, and which HYTE
 * themes and target groups does it have? Pure; every conclusion comes with reasons so that the
 * quality audit can explain it. The rule (README.md, "Relevance"):
 *
 * 1. Vetoes keep a service out: PTV type PermitOrObligation/ProfessionalQualification; target
 *    groups only for businesses or authorities (KR2/KR3 without KR1); a 'veto' ontology term
 *    (grants, permits, rentals, housing services, treatment); a 'veto' stem in its name.
 * 2. An ontology term that names an activity precisely ('in' with overridesClassOut: clubs,
 *    open early childhood education, playgrounds, day activities, youth spaces) brings it in.
 * 3. A service class that says 'out' keeps it out.
 * 4. Otherwise it is in when an ontology term or a service class says 'in', or an 'in' stem
 *    occurs in its name, alternative names or keywords.
 * 5. Everything else is out ("no well-being signal").
 * Themes and target groups come from all codes (service classes, ontology terms, PTV target
 * groups, life events) plus stems in names and keywords; stems in summaries only when those
 * gave none. Out-of-tray services keep their themes for the audit.
 */
import type { ServiceRecord } from '../../catalog/catalog.types.ts';
import type { TargetGroupCode, ThemeCode } from '../../catalog/reference/taxonomy.ts';
import { findOntologyTermMapping } from './mappings/ontology-terms.ts';
import { findServiceClassMapping } from './mappings/service-classes.ts';
import { findLifeEventMapping, findTargetGroupMapping } from './mappings/target-groups.ts';
import { matchTextStems } from './mappings/text-stems.ts';

export interface RelevanceInput {
  /** PTV service type (v11 spelling) */
  serviceType: string | null;
  /** e.g. 'P27.1' */
  serviceClasses: readonly string[];
  /** KOKO/YSO URIs */
  ontologyTerms: readonly string[];
  /** e.g. 'KR1.2' */
  targetGroups: readonly string[];
  /** e.g. 'KE8' */
  lifeEvents: readonly string[];
  /** names and alternative names in any language */
  names: readonly string[];
  keywords: readonly string[];
  summaries: readonly string[];
}

export type RelevanceSignal = 'service_type' | 'target_group' | 'service_class' | 'ontology_term' | 'life_event' | 'name' | 'keyword' | 'summary';
export type RelevanceEffect = 'veto' | 'in' | 'out' | 'neutral' | 'adds';

export interface RelevanceReason {
  signal: RelevanceSignal;
  /** the code, URI or matched stem */
  code: string;
  effect: RelevanceEffect;
  themes: ThemeCode[];
  targetGroups: TargetGroupCode[];
  note: string;
}

export interface RelevanceResult {
  inTray: boolean;
  /** one line: why in or out */
  decision: string;
  themes: ThemeCode[];
  targetGroups: TargetGroupCode[];
  reasons: RelevanceReason[];
}

const reason = (
  signal: RelevanceSignal,
  code: string,
  effect: RelevanceEffect,
  note: string,
  themes: readonly ThemeCode[] = [],
  targetGroups: readonly TargetGroupCode[] = [],
): RelevanceReason => ({ signal, code, effect, themes: [...themes], targetGroups: [...targetGroups], note });

function textReasons(signal: 'name' | 'keyword' | 'summary', texts: readonly string[], allowVeto: boolean): RelevanceReason[] {
  const reasons: RelevanceReason[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const { rule, stem } of matchTextStems(text)) {
      if (rule.effect === 'veto' && !allowVeto) continue;
      const key = `${rule.note}|${stem}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const effect = signal === 'summary' && rule.effect === 'in' ? 'adds' : rule.effect;
      reasons.push(reason(signal, stem, effect, `"${stem}" in ${signal}: ${rule.note}`, rule.themes, rule.targetGroups));
    }
  }
  return reasons;
}

function codeReasons(input: RelevanceInput): RelevanceReason[] {
  const reasons: RelevanceReason[] = [];
  if (input.serviceType === 'PermitOrObligation' || input.serviceType === 'ProfessionalQualification') {
    reasons.push(reason('service_type', input.serviceType, 'veto', `PTV service type ${input.serviceType}: an obligation, not an activity`));
  }
  const groups = input.targetGroups.map((code) => ({ code, mapping: findTargetGroupMapping(code) }));
  for (const { code, mapping } of groups) {
    if (mapping) reasons.push(reason('target_group', code, 'adds', `PTV target group ${code} ${mapping.label.fi}`, [], mapping.targetGroups));
  }
  if (groups.length > 0 && !groups.some(({ code, mapping }) => mapping?.residents ?? code.startsWith('KR1'))) {
    reasons.push(reason('target_group', groups.map(({ code }) => code).join(','), 'veto', 'only for businesses, organisations or authorities'));
  }
  for (const code of input.serviceClasses) {
    const mapping = findServiceClassMapping(code);
    if (!mapping) {
      reasons.push(reason('service_class', code, 'neutral', `unknown service class ${code}`));
      continue;
    }
    const via = mapping.code === code ? '' : ` (via ${mapping.code})`;
    const note = `service class ${code} ${mapping.label.fi}${via}${mapping.note ? `: ${mapping.note}` : ''}`;
    reasons.push(reason('service_class', code, mapping.verdict, note, mapping.themes, mapping.targetGroups));
  }
  for (const uri of input.ontologyTerms) {
    const mapping = findOntologyTermMapping(uri);
    if (!mapping) continue;
    const note = `ontology term ${mapping.label.fi}${mapping.note ? `: ${mapping.note}` : ''}`;
    reasons.push(reason('ontology_term', uri, mapping.effect, note, mapping.themes, mapping.targetGroups));
  }
  for (const code of input.lifeEvents) {
    const mapping = findLifeEventMapping(code);
    if (mapping) reasons.push(reason('life_event', code, 'adds', `life event ${code} ${mapping.label.fi}`, mapping.themes, mapping.targetGroups));
  }
  return reasons;
}

function union<T>(lists: readonly (readonly T[])[]): T[] {
  return [...new Set(lists.flat())];
}

export function classifyRelevance(input: RelevanceInput): RelevanceResult {
  const strong = [...codeReasons(input), ...textReasons('name', input.names, true), ...textReasons('keyword', input.keywords, false)];
  const weak = textReasons('summary', input.summaries, false);
  const veto = strong.find((item) => item.effect === 'veto');
  const overriding = strong.find((item) => item.signal === 'ontology_term' && item.effect === 'in' && findOntologyTermMapping(item.code)?.overridesClassOut);
  const classOut = strong.find((item) => item.signal === 'service_class' && item.effect === 'out');
  const anyIn =
    strong.find((item) => item.signal === 'ontology_term' && item.effect === 'in') ??
    strong.find((item) => item.signal === 'service_class' && item.effect === 'in') ??
    strong.find((item) => (item.signal === 'name' || item.signal === 'keyword') && item.effect === 'in');

  let inTray = false;
  let decision: string;
  if (veto) decision = `out: ${veto.note}`;
  else if (overriding) [inTray, decision] = [true, `in: ${overriding.note}`];
  else if (classOut) decision = `out: ${classOut.note}`;
  else if (anyIn) [inTray, decision] = [true, `in: ${anyIn.note}`];
  else decision = 'out: no well-being signal in service classes, ontology terms or name';

  const contributing = strong.filter((item) => item.effect !== 'veto' && item.effect !== 'out');
  let themes = union(contributing.map((item) => item.themes));
  let targetGroups = union(contributing.map((item) => item.targetGroups));
  const reasons = [...strong];
  if (themes.length === 0 || targetGroups.length === 0) {
    reasons.push(...weak);
    if (themes.length === 0) themes = union(weak.map((item) => item.themes));
    if (targetGroups.length === 0) targetGroups = union(weak.map((item) => item.targetGroups));
  }
  return { inTray, decision, themes, targetGroups, reasons };
}

/** Classifier input from a stored service (for re-classification after a mapping change). */
export function relevanceInputFromService(service: ServiceRecord, serviceType: string | null): RelevanceInput {
  return {
    serviceType,
    serviceClasses: service.serviceClasses,
    ontologyTerms: service.ontologyTerms,
    targetGroups: service.sourceTargetGroups,
    lifeEvents: service.lifeEvents,
    names: [...Object.values(service.name), ...Object.values(service.alternativeNames)],
    keywords: Object.values(service.keywords).flat(),
    summaries: Object.values(service.summary),
  };
}
