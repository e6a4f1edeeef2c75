/**
 * Query planning (pure, no I/O): a free-text query becomes slots, each a set of weighted
 * alternative terms. A slot is one thing the person asked for: a word (with its baseform,
 * compound parts, translations) or a concept of the lay-language layer (with the catalogue's
 * words for it). Ranking sums the best match per slot, so a listing that matches most of the
 * query ranks first, but nothing requires every word to match (no AND, hence few empty results).
 */
import type { FinnishAnalyser } from '../analysis/finnish.ts';
import type { SearchLanguage } from '../analysis/language.ts';
import { detectLanguage } from '../analysis/language.ts';
import { tokenize } from '../analysis/tokenize.ts';
import type { ConceptMatcher } from '../concepts/concepts.ts';
import type { CrossLanguageDictionary } from '../concepts/dictionary.ts';
import { phraseKey } from '../concepts/dictionary.ts';

/** Which text-search configuration turns the term into index lexemes. */
export type TermConfig = 'simple' | 'swedish' | 'english';

/** How far the vocabulary may widen the term: compound neighbours, and typo neighbours. */
export type Widening = 'none' | 'compounds' | 'compounds_and_typos';

export interface PlannedTerm {
  slot: number;
  config: TermConfig;
  /** For 'simple' an analysed Finnish term; otherwise a word for PostgreSQL to stem. */
  text: string;
  weight: number;
  widen: Widening;
  /** True when the term is the whole query word (not a part, translation or concept word). */
  primary: boolean;
}

export interface QuerySlot {
  label: string;
  kind: 'word' | 'concept';
}

export interface QueryPlan {
  language: SearchLanguage;
  slots: QuerySlot[];
  terms: PlannedTerm[];
  /** Place ids (municipality codes) named in the query. */
  places: string[];
  concepts: string[];
}

export interface PlannerDependencies {
  finnish: FinnishAnalyser;
  concepts: ConceptMatcher;
  dictionary: CrossLanguageDictionary | null;
  /** Normalised place names (fi and sv, any analysed form) → place id. */
  places: ReadonlyMap<string, string>;
  weights?: Partial<PlanWeights>;
}

export interface PlanWeights {
  translation: number;
  conceptFinnish: number;
  conceptOther: number;
}

export const defaultPlanWeights: PlanWeights = { translation: 0.7, conceptFinnish: 0.7, conceptOther: 0.6 };

const otherStopwords: Record<'sv' | 'en', Set<string>> = {
  sv: new Set(['och', 'för', 'med', 'till', 'av', 'på', 'i', 'om', 'hur', 'var', 'jag', 'min', 'mitt', 'mina', 'är', 'en', 'ett', 'det', 'den', 'som', 'att', 'har', 'vill', 'kan', 'behöver', 'söker', 'nära', 'vid', 'efter', 'hjälp']),
  en: new Set(['the', 'and', 'for', 'with', 'to', 'of', 'in', 'on', 'at', 'my', 'me', 'i', 'a', 'an', 'is', 'are', 'need', 'want', 'looking', 'someone', 'some', 'how', 'where', 'near', 'can', 'get', 'help', 'about', 'am', 'feeling']),
};

const configOf: Record<SearchLanguage, TermConfig> = { fi: 'simple', sv: 'swedish', en: 'english' };

/** Turns analysed Finnish phrase words into terms of one slot. */
function finnishPhraseTerms(finnish: FinnishAnalyser, phrase: string, slot: number, weight: number): PlannedTerm[] {
  const terms: PlannedTerm[] = [];
  for (const token of tokenize(phrase)) {
    const word = finnish.analyseQueryWord(token.surface);
    if (word.isStopword) continue;
    for (const alternative of word.alternatives) {
      if (alternative.kind !== 'word' && alternative.kind !== 'derived') continue;
      terms.push({ slot, config: 'simple', text: alternative.term, weight: weight * alternative.weight, widen: 'compounds', primary: false });
    }
  }
  return terms;
}

export function planQuery(text: string, hint: SearchLanguage, deps: PlannerDependencies): QueryPlan {
  const weights = { ...defaultPlanWeights, ...deps.weights };
  const language = detectLanguage(text, hint);
  const tokens = tokenize(text);
  const slots: QuerySlot[] = [];
  const terms: PlannedTerm[] = [];
  const places = new Set<string>();
  const contentWords: string[] = [];

  for (const [index, token] of tokens.entries()) {
    const finnishWord = deps.finnish.analyseQueryWord(token.surface);
    const placeKeys = [token.lower, ...finnishWord.alternatives.filter((a) => a.kind === 'word').map((a) => a.term)];
    const place = placeKeys.map((key) => deps.places.get(key)).find((id) => id !== undefined);
    if (place) {
      places.add(place);
      continue;
    }
    contentWords.push(token.surface);
    const slot = slots.length;
    if (language === 'fi') {
      if (finnishWord.isStopword) continue;
      slots.push({ label: token.surface, kind: 'word' });
      for (const alternative of finnishWord.alternatives) {
        const primary = alternative.kind === 'word';
        terms.push({ slot, config: 'simple', text: alternative.term, weight: alternative.weight, widen: primary ? 'compounds_and_typos' : 'compounds', primary });
      }
      continue;
    }
    if (otherStopwords[language].has(token.lower)) continue;
    slots.push({ label: token.surface, kind: 'word' });
    terms.push({ slot, config: configOf[language], text: token.lower, weight: 1, widen: 'compounds_and_typos', primary: true });
    if (deps.dictionary) {
      const keys = [phraseKey(language, token.lower)];
      const next = tokens[index + 1];
      if (next) keys.push(phraseKey(language, `${token.lower} ${next.lower}`));
      for (const key of keys) {
        for (const label of deps.dictionary.finnishFor(language, key)) {
          terms.push(...finnishPhraseTerms(deps.finnish, label, slot, weights.translation));
        }
      }
    }
  }

  const matches = deps.concepts.match(contentWords);
  for (const match of matches) {
    const slot = slots.length;
    slots.push({ label: `concept:${match.concept.id}`, kind: 'concept' });
    for (const phrase of match.concept.expansions.fi) {
      terms.push(...finnishPhraseTerms(deps.finnish, phrase, slot, weights.conceptFinnish));
    }
    for (const other of ['sv', 'en'] as const) {
      for (const phrase of match.concept.expansions[other]) {
        for (const token of tokenize(phrase)) {
          if (otherStopwords[other].has(token.lower)) continue;
          terms.push({ slot, config: configOf[other], text: token.lower, weight: weights.conceptOther, widen: 'none', primary: false });
        }
      }
    }
  }

  return { language, slots, terms: dedupe(terms), places: [...places], concepts: matches.map((m) => m.concept.id) };
}

/** Keeps the strongest copy of each (slot, config, text). */
function dedupe(terms: PlannedTerm[]): PlannedTerm[] {
  const best = new Map<string, PlannedTerm>();
  for (const term of terms) {
    const key = `${term.slot}|${term.config}|${term.text}`;
    const previous = best.get(key);
    if (!previous || term.weight > previous.weight) best.set(key, term);
  }
  return [...best.values()];
}
