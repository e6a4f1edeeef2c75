/**
 * Suggestions: activities of the tray that meet the client's needs and fit their context,
 * ranked, each with the reasons it was suggested. One search per need area (its themes or
 * target groups) with the context as filters; the hits are merged and ranked by how many needs
 * they meet, fit to the age group, distance and how soon they next take place.
 */
import { ValidationError } from '../../platform/errors.ts';
import type { Language } from '../../platform/localised.ts';
import type { Actor } from '../auth/index.ts';
import { searchServices, type SearchHit, type SearchQuery } from '../search/index.ts';
import type { GuidanceDeps } from './guidance.service.ts';
import { sessionFor } from './guidance.service.ts';
import { ageRanges, ageTargetGroups, defaultRadiusKm, shortDistanceKm, type GuidanceSession } from './guidance.types.ts';
import { needAreasOfService, type MatchedBy } from './need-classifier.ts';
import { needArea, type NeedAreaCode } from './need-areas.ts';

export type Reason =
  | { kind: 'need'; needArea: NeedAreaCode; by: MatchedBy[] }
  | { kind: 'age_group'; ageGroup: NonNullable<GuidanceSession['ageGroup']> }
  | { kind: 'free' }
  | { kind: 'kaikukortti' }
  | { kind: 'language'; language: string }
  | { kind: 'distance'; km: number; from: string }
  | { kind: 'municipality'; municipalityCode: string }
  | { kind: 'nationwide' }
  | { kind: 'step_free' }
  | { kind: 'next_event'; at: string };

export interface Suggestion {
  hit: SearchHit;
  needAreas: NeedAreaCode[];
  reasons: Reason[];
  score: number;
}

export interface SuggestionResult {
  session: GuidanceSession;
  suggestions: Suggestion[];
  /** how many different activities the searches found before ranking */
  considered: number;
}

const perNeedArea = 40;
const shown = 30;

function hitText(hit: SearchHit): string {
  return [hit.name.fi, hit.name.sv, hit.name.en, hit.summary.fi, hit.summary.sv, hit.summary.en].filter(Boolean).join('. ');
}

function ageFits(hit: SearchHit, session: GuidanceSession): boolean {
  if (!session.ageGroup) return true;
  const [from, to] = ageRanges[session.ageGroup];
  return (hit.ageMin ?? 0) <= to && (hit.ageMax ?? 120) >= from;
}

function languageFits(hit: SearchHit, session: GuidanceSession): boolean {
  if (session.languages.length === 0 || hit.languages.length === 0) return true;
  return hit.languages.some((l) => (session.languages as readonly string[]).includes(l));
}

function budgetFits(hit: SearchHit, session: GuidanceSession): boolean {
  if (session.budget === 'free') return hit.costType === 'free';
  if (session.budget === 'kaikukortti') return hit.costType === 'free' || hit.kaikukortti;
  return true;
}

/** The searches for one need area: its themes or target groups, with the context as filters. */
function queriesFor(session: GuidanceSession, code: NeedAreaCode, lang: Language): SearchQuery[] {
  const area = needArea(code);
  const base: SearchQuery = {
    lang,
    pageSize: perNeedArea,
    ...(area.themes.length > 0 ? { themes: area.themes } : { targetGroups: area.targetGroups }),
    ...(session.languages.length === 1 ? { language: session.languages[0]! } : {}),
    ...(session.mobility.includes('step_free') ? { accessibility: ['step_free'] } : {}),
  };
  const placed: SearchQuery = session.postalCode
    ? { ...base, near: { postalCode: session.postalCode, radiusKm: session.mobility.includes('short_distance') ? shortDistanceKm : defaultRadiusKm }, sort: 'distance' }
    : session.municipalityCode
      ? { ...base, municipalityCode: session.municipalityCode }
      : base;
  if (session.budget === 'free') return [{ ...placed, free: true }];
  // "Free or Kaikukortti" is two searches: the search filters are conjunctive.
  if (session.budget === 'kaikukortti') return [{ ...placed, free: true }, { ...placed, kaikukortti: true }];
  return [placed];
}

/** Ranks activities for the session's needs and context. */
export async function suggestActivities(deps: GuidanceDeps, actor: Actor, sessionId: string, lang: Language): Promise<SuggestionResult> {
  const session = await sessionFor(deps, actor, sessionId);
  if (session.needAreas.length === 0) throw new ValidationError('record the needs first', { needAreas: 'guidance.error.needAreas' });
  const queries = session.needAreas.flatMap((code) => queriesFor(session, code, lang));
  const results = await Promise.all(queries.map((query) => searchServices(deps, query)));
  const hits = new Map<string, SearchHit>();
  for (const result of results) for (const hit of result.items) if (!hits.has(hit.id)) hits.set(hit.id, hit);
  const suggestions: Suggestion[] = [];
  for (const hit of hits.values()) {
    if (!ageFits(hit, session) || !languageFits(hit, session) || !budgetFits(hit, session)) continue;
    const matches = needAreasOfService({ themes: hit.themes, targetGroups: hit.targetGroups, text: hitText(hit) }).filter((m) => session.needAreas.includes(m.code));
    if (matches.length === 0) continue;
    const reasons: Reason[] = matches.map((m) => ({ kind: 'need', needArea: m.code, by: m.by }));
    // A need met by the activity's own classification weighs more than one read from its words.
    let score = matches.reduce((sum, m) => sum + (m.by.includes('theme') || m.by.includes('target_group') ? 10 : 4), 0);
    if (session.ageGroup && hit.targetGroups.includes(ageTargetGroups[session.ageGroup])) {
      reasons.push({ kind: 'age_group', ageGroup: session.ageGroup });
      score += 3;
    }
    if (hit.costType === 'free') reasons.push({ kind: 'free' });
    if (hit.kaikukortti && session.budget !== 'free') reasons.push({ kind: 'kaikukortti' });
    if (session.budget !== 'any' && (hit.costType === 'free' || hit.kaikukortti)) score += 1;
    const language = session.languages.find((l) => hit.languages.includes(l));
    if (language && language !== 'fi') reasons.push({ kind: 'language', language });
    if (hit.distanceKm !== undefined && session.postalCode) {
      reasons.push({ kind: 'distance', km: hit.distanceKm, from: session.postalCode });
      score += Math.max(0, 6 - hit.distanceKm / 2);
    } else if (hit.location === undefined && hit.municipalityCodes.length === 0) {
      reasons.push({ kind: 'nationwide' });
    } else if (session.municipalityCode && hit.municipalityCodes.includes(session.municipalityCode)) {
      reasons.push({ kind: 'municipality', municipalityCode: session.municipalityCode });
      score += 2;
    }
    if (session.mobility.includes('step_free')) reasons.push({ kind: 'step_free' });
    if (hit.nextEventAt) {
      reasons.push({ kind: 'next_event', at: hit.nextEventAt });
      const days = (new Date(hit.nextEventAt).getTime() - deps.clock().getTime()) / 86_400_000;
      if (days <= 14) score += 1;
    }
    suggestions.push({ hit, needAreas: matches.map((m) => m.code), reasons, score: Math.round(score * 10) / 10 });
  }
  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      (a.hit.distanceKm ?? Infinity) - (b.hit.distanceKm ?? Infinity) ||
      (a.hit.name[lang] ?? a.hit.name.fi ?? '').localeCompare(b.hit.name[lang] ?? b.hit.name.fi ?? '', lang) ||
      a.hit.id.localeCompare(b.hit.id),
  );
  return { session, suggestions: suggestions.slice(0, shown), considered: hits.size };
}
