/**
 * The prototype's search pipeline, wired the way the app will wire it: plan (pure) → resolve
 * against the vocabulary (SQL) → rank (SQL).
 */
import type { Queryable } from '../../src/db/index.ts';
import type { FinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import type { SearchLanguage } from '../../src/modules/search/analysis/language.ts';
import { lightStemEnglish, lightStemSwedish } from '../../src/modules/search/analysis/light-stem.ts';
import { normaliseWord } from '../../src/modules/search/analysis/tokenize.ts';
import type { WordKeys } from '../../src/modules/search/concepts/concepts.ts';
import { allConcepts, createConceptMatcher } from '../../src/modules/search/concepts/concepts.ts';
import type { CrossLanguageDictionary } from '../../src/modules/search/concepts/dictionary.ts';
import type { PlanWeights } from '../../src/modules/search/query/query-plan.ts';
import { planQuery } from '../../src/modules/search/query/query-plan.ts';
import type { ResolveOptions } from '../../src/modules/search/query/resolve-terms.ts';
import { defaultResolveOptions, resolveTerms } from '../../src/modules/search/query/resolve-terms.ts';
import type { RankInput } from '../../src/modules/search/query/search-text.queries.ts';
import { rankServices } from '../../src/modules/search/query/search-text.queries.ts';
import type { Place } from './ptv-corpus.ts';

export interface PipelineSettings {
  useConcepts: boolean;
  useDictionary: boolean;
  planWeights: Partial<PlanWeights>;
  resolve: Partial<ResolveOptions>;
  coverageExponent: number;
  saturation: number;
  /** Re-plan once with typo corrections so that corrected words reach their concepts. */
  replanCorrections: boolean;
  placeBoost: number;
  fieldWeights: RankInput['fieldWeights'];
}

export const defaultSettings: PipelineSettings = {
  useConcepts: true,
  useDictionary: true,
  planWeights: {},
  resolve: {},
  coverageExponent: 1,
  saturation: 0,
  replanCorrections: true,
  placeBoost: 1.5,
  fieldWeights: [0.1, 0.2, 0.4, 1.0],
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

export function createSearch(
  db: Queryable,
  deps: { finnish: FinnishAnalyser; dictionary: CrossLanguageDictionary | null; places: Place[]; totalDocuments: number },
  settings: PipelineSettings,
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
  return async function search(text: string, hint: SearchLanguage, limit = 50) {
    let plan = planFor(text, hint);
    let resolved = await resolveTerms(db, plan, resolveOptions);
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
    const rows = await rankServices(db, {
      slots: resolved.terms.map((t) => t.slot),
      queries: resolved.terms.map((t) => t.query),
      weights: resolved.terms.map((t) => t.weight),
      activeSlots: resolved.activeSlots,
      coverageExponent: settings.coverageExponent,
      saturation: settings.saturation,
      places: plan.places,
      placeBoost: settings.placeBoost,
      fieldWeights: settings.fieldWeights,
      limit,
    });
    return { plan, resolved, rows, didYouMean };
  };
}
