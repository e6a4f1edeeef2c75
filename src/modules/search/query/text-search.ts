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
import type { PlanWeights } from './query-plan.ts';
import { planQuery } from './query-plan.ts';
import type { ResolveOptions, ResolvedTerm } from './resolve-terms.ts';
import { defaultResolveOptions, resolveTerms } from './resolve-terms.ts';
import type { RankInput } from './search-text.queries.ts';
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
  /** Matches of the query's own words (and the filters) that make the expansions unnecessary (directTier). */
  directTierMinimum: number;
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
  directTierMinimum: 200,
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

/**
 * The query's own words as the candidate source (see DESIGN-NOTES.md, "Direct tier"): only on a
 * catalogue larger than the ranking cap, and when the words alone are in at least `minimum`
 * documents, are the candidates first found through them alone; every term still scores them.
 * The expansions (parts, compounds, translations, concepts, typos) then need not be scanned: on
 * a large catalogue their common words are most of the index work. Returns the term indexes,
 * or undefined when every term must find candidates. The caller falls back to every term when
 * fewer than `minimum` documents match the words and the filters.
 */
export function directTier(terms: readonly ResolvedTerm[], candidates: RankInput['candidates'], minimum: number, totalDocuments: number): number[] | undefined {
  const max = candidates?.max;
  const direct = terms.flatMap((t, i) => (t.direct ? [i] : []));
  if (!max || totalDocuments <= max || direct.length === 0 || direct.length === terms.length) return undefined;
  const documents = direct.reduce((sum, i) => sum + terms[i]!.docCount, 0);
  return documents >= minimum ? direct : undefined;
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
    const tier = directTier(resolved.terms, candidates, settings.directTierMinimum, deps.totalDocuments);
    let ranked = tier ? await rankServices(db, { ...input, candidateTerms: tier, access: accessFor(tier.map((i) => resolved.terms[i]!), deps.totalDocuments, candidates) }) : undefined;
    if (ranked && ranked.rows.length < settings.directTierMinimum) ranked = undefined;
    ranked ??= await rankServices(db, input);
    return { plan, resolved, rows: ranked.rows, facets: ranked.facets, didYouMean, directTier: tier !== undefined && ranked.rows.length >= settings.directTierMinimum };
  };
}
