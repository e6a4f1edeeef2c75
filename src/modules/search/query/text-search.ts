/**
 * The text-search pipeline: plan (pure) → resolve against the vocabulary (SQL) → rank (SQL).
 * The search service combines the ranked ids with filters, facets and distance.
 */
import type { Queryable } from '../../../db/index.ts';
import type { FinnishAnalyser } from '../analysis/finnish.ts';
import type { SearchLanguage } from '../analysis/language.ts';
import { lightStemEnglish, lightStemSwedish } from '../analysis/light-stem.ts';
import { normaliseWord } from '../analysis/tokenize.ts';
import type { WordKeys } from '../concepts/concepts.ts';
import { allConcepts, createConceptMatcher } from '../concepts/concepts.ts';
import type { CrossLanguageDictionary } from '../concepts/dictionary.ts';
import type { PlanWeights, QuerySlot } from './query-plan.ts';
import { planQuery } from './query-plan.ts';
import type { ResolveOptions, ResolvedTerm } from './resolve-terms.ts';
import { defaultResolveOptions, resolveTerms } from './resolve-terms.ts';
import type { CandidateTier, RankInput } from './search-text.queries.ts';
import { rankServices } from './search-text.queries.ts';

/** A place the query may name: an id (municipality code) and its names in any language. */
export interface Place {
  id: string;
  names: string[];
}

export interface TextSearchSettings {
  useConcepts: boolean;
  useDictionary: boolean;
  planWeights: Partial<PlanWeights>;
  resolve: Partial<ResolveOptions>;
  coverageExponent: number;
  coverage: 'count' | 'weighted';
  saturation: number;
  /** Re-plan once with typo corrections so that corrected words reach their concepts. */
  replanCorrections: boolean;
  /** Typo similarity accepted when no query word is in the vocabulary at all. */
  lastResortSimilarity: number;
  placeBoost: number;
  fieldWeights: RankInput['fieldWeights'];
  /** Matches of the query's own words (and the filters) that make the expansions unnecessary (candidateTiers). */
  tierMinimum: number;
}

export const defaultTextSearchSettings: TextSearchSettings = {
  useConcepts: true,
  useDictionary: true,
  planWeights: {},
  resolve: {},
  coverageExponent: 1,
  coverage: 'weighted',
  saturation: 0,
  replanCorrections: true,
  lastResortSimilarity: 0.3,
  placeBoost: 1.5,
  fieldWeights: [0.1, 0.2, 0.4, 1.0],
  tierMinimum: 200,
};

/** Concept-trigger keys: Finnish through the analyser, Swedish and English lightly stemmed. */
export function conceptKeys(finnish: FinnishAnalyser): WordKeys {
  return (language, word, role) => {
    if (language === 'sv') return [lightStemSwedish(word)];
    if (language === 'en') return [lightStemEnglish(word)];
    const analysed = finnish.analyseQueryWord(word).alternatives;
    const kinds = role === 'trigger' ? ['word', 'derived'] : ['word', 'derived', 'subcompound', 'head', 'part'];
    return analysed.filter((a) => kinds.includes(a.kind)).map((a) => a.term);
  };
}

export function placeIndex(places: Place[], finnish: FinnishAnalyser): Map<string, string> {
  const map = new Map<string, string>();
  for (const place of places) {
    for (const name of place.names) {
      map.set(normaliseWord(name), place.id);
      for (const a of finnish.analyseQueryWord(name).alternatives) if (a.kind === 'word') map.set(a.term, place.id);
    }
  }
  return map;
}

/**
 * Index or scan (see RankInput.access): without filters, a scan pays off when the ranking is
 * capped and the cap stops it early: the most common term alone is in at least a tenth of the
 * documents and in more documents than the cap (the OR of the terms matches at least that many).
 * Otherwise the scan would test every document for fewer matches than the index lists.
 */
export function accessFor(terms: readonly { docCount: number }[], totalDocuments: number, candidates: RankInput['candidates']): RankInput['access'] {
  const max = candidates?.max;
  // Filters narrow the index scan itself (they share the GIN index with the words).
  if (!max || candidates.where) return 'index';
  const common = Math.max(0, ...terms.map((t) => t.docCount));
  return common >= totalDocuments * 0.1 && common >= max ? 'scan' : 'index';
}

/** The candidate tiers narrower than every term (see candidateTiers). */
export type NarrowTier = 'allWords' | 'allAspects' | 'anyWord';

/**
 * The query's own words as the candidate source (see DESIGN-NOTES.md, "Candidate tiers"). Only
 * on a catalogue larger than the ranking cap are the candidates first sought through narrower
 * sets of terms, and every term still scores them:
 * - 'allWords': the documents that contain every word of the query (a form of it, or for a
 *   misspelt word one of its typo neighbours);
 * - 'allAspects': those that match every word through its own terms or the concepts it
 *   triggered (gratis kör: something free of charge and about choirs or music);
 * - 'anyWord': those that contain any of the words, when the query has expansions besides.
 * A tier is offered only when each of its groups is in at least `minimum` documents. The
 * ranking takes the first tier with at least `minimum` matches after the filters, and every
 * term when none has. On a large catalogue the expansions' common words are most of the index
 * work, and a capped OR of them is an arbitrary sample of weak matches.
 */
export function candidateTiers(
  terms: readonly ResolvedTerm[],
  slots: readonly QuerySlot[],
  candidates: RankInput['candidates'],
  minimum: number,
  totalDocuments: number,
): { kind: NarrowTier; groups: number[][] }[] {
  const max = candidates?.max;
  if (!max || totalDocuments <= max) return [];
  // Each word's own terms: its direct terms, or for a misspelt word its typo neighbours.
  const ofSlot = (slot: number, keep: (t: ResolvedTerm) => boolean) => terms.flatMap((t, i) => (t.slot === slot && keep(t) ? [i] : []));
  const wordTerms = (slot: number) => {
    const own = ofSlot(slot, (t) => t.direct);
    return own.length > 0 ? own : ofSlot(slot, (t) => t.how === 'typo');
  };
  const words = slots.flatMap((slot, index) => (slot.kind === 'word' ? [wordTerms(index)] : [])).filter((group) => group.length > 0);
  const direct = words.flat();
  if (direct.length === 0) return [];
  const documents = (group: readonly number[]) => group.reduce((sum, i) => sum + terms[i]!.docCount, 0);
  const enough = (groups: readonly (readonly number[])[]) => groups.every((group) => documents(group) >= minimum);
  const tiers: { kind: NarrowTier; groups: number[][] }[] = [];
  const wordSlots = words.map((group) => terms[group[0]!]!.slot);
  if (wordSlots.length >= 2) {
    if (enough(words)) tiers.push({ kind: 'allWords', groups: words });
    const aspect = (slot: number) => (t: ResolvedTerm) => t.slot === slot || (slots[t.slot]?.covers?.includes(slot) ?? false);
    const aspects = wordSlots.map((slot) => terms.flatMap((t, i) => (aspect(slot)(t) ? [i] : [])));
    if (aspects.some((group, k) => group.length > words[k]!.length) && enough(aspects)) tiers.push({ kind: 'allAspects', groups: aspects });
  }
  if (direct.length < terms.length && documents(direct) >= minimum) tiers.push({ kind: 'anyWord', groups: [direct] });
  return tiers;
}

/** Returns search(text, hint): the ranked service ids with the plan behind them. */
export function createTextSearch(
  db: Queryable,
  deps: { finnish: FinnishAnalyser; dictionary: CrossLanguageDictionary | null; places: Place[]; totalDocuments: number },
  settings: TextSearchSettings,
) {
  const concepts = createConceptMatcher(settings.useConcepts ? allConcepts : [], conceptKeys(deps.finnish));
  const places = placeIndex(deps.places, deps.finnish);
  const resolveOptions: ResolveOptions = { ...defaultResolveOptions, ...settings.resolve, totalDocuments: deps.totalDocuments };
  const planFor = (text: string, hint: SearchLanguage) =>
    planQuery(text, hint, {
      finnish: deps.finnish,
      concepts,
      dictionary: settings.useDictionary ? deps.dictionary : null,
      places,
      weights: settings.planWeights,
    });
  return async function search(text: string, hint: SearchLanguage, limit = 50, candidates?: RankInput['candidates']) {
    let plan = planFor(text, hint);
    let resolved = await resolveTerms(db, plan, resolveOptions);
    if (resolved.activeSlots === 0 && plan.terms.length > 0) {
      // Nothing known at all: accept looser typo neighbours rather than an empty page.
      resolved = await resolveTerms(db, plan, { ...resolveOptions, typoMinSimilarity: settings.lastResortSimilarity });
    }
    let didYouMean: string | undefined;
    const corrections = resolved.corrections.filter((c) => c.similarity >= 0.6 && c.word);
    if (settings.replanCorrections && corrections.length > 0) {
      didYouMean = corrections.reduce((query, c) => query.replace(new RegExp(`(?<![\\p{L}])${c.word}(?![\\p{L}])`, 'iu'), c.correction), text);
      const replanned = planFor(didYouMean, plan.language);
      if (replanned.concepts.length > plan.concepts.length) {
        plan = replanned;
        resolved = await resolveTerms(db, plan, resolveOptions);
      }
    }
    const input: RankInput = {
      slots: resolved.terms.map((t) => t.slot),
      queries: resolved.terms.map((t) => t.query),
      weights: resolved.terms.map((t) => t.weight),
      activeSlots: resolved.activeSlots,
      coverage: settings.coverage,
      slotWeights: plan.slots.map((_, slot) => Math.max(0, ...resolved.terms.filter((t) => t.slot === slot).map((t) => t.weight))),
      coverageExponent: settings.coverageExponent,
      saturation: settings.saturation,
      places: plan.places,
      placeBoost: settings.placeBoost,
      fieldWeights: settings.fieldWeights,
      limit,
      access: accessFor(resolved.terms, deps.totalDocuments, candidates),
      ...(candidates ? { candidates } : {}),
    };
    const offered = candidateTiers(resolved.terms, plan.slots, candidates, settings.tierMinimum, deps.totalDocuments);
    // Without filters, an OR tier with a single lexeme in at least the minimum of documents
    // cannot fall short: it is the last tier tried (one source is cheaper than a choice).
    const certain = (groups: number[][]) =>
      !candidates?.where && groups.length === 1 && groups[0]!.some((i) => resolved.terms[i]!.how !== 'phrase' && resolved.terms[i]!.docCount >= settings.tierMinimum);
    const sure = offered.findIndex((tier) => certain(tier.groups));
    const narrow = sure >= 0 ? offered.slice(0, sure + 1) : offered;
    const tiers: CandidateTier[] = [
      // An AND is rare enough for the index; the scan pays off only for an OR of common terms.
      ...narrow.map((tier) => ({
        groups: tier.groups,
        access: tier.kind !== 'anyWord' ? ('index' as const) : accessFor(tier.groups.flat().map((i) => resolved.terms[i]!), deps.totalDocuments, candidates),
      })),
      ...(sure >= 0 ? [] : [{ groups: [resolved.terms.map((_, i) => i)], access: input.access ?? ('index' as const) }]),
    ];
    const ranked = await rankServices(db, { ...input, tiers, tierMinimum: settings.tierMinimum });
    const tier: NarrowTier | 'allTerms' = narrow[ranked.tier]?.kind ?? 'allTerms';
    return { plan, resolved, rows: ranked.rows, facets: ranked.facets, didYouMean, tier };
  };
}
