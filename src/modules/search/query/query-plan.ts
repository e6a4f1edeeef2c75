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
  /** The query word itself or a form of it (a derived form, a gradation key); not a part or expansion. */
  direct?: boolean;
  /**
   * Words of a multi-word expansion ("taloudellinen tuki") must all match: terms with the same
   * phrase id are ANDed across `word`, ORed within one word.
   */
  phrase?: { id: number; word: number };
}

export interface QuerySlot {
  label: string;
  kind: 'word' | 'concept';
  /** For a word slot: the word as typed, lower-cased (a typo probe besides its analysed terms). */
  word?: string;
  /** For a concept slot: the word slots whose words triggered the concept. */
  covers?: number[];
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
  /** 'merge': a concept joins the slot of its trigger words; 'separate': a slot of its own. */
  conceptSlots: 'merge' | 'separate';
  translation: number;
  conceptFinnish: number;
  conceptOther: number;
}

export const defaultPlanWeights: PlanWeights = { conceptSlots: 'separate', translation: 0.7, conceptFinnish: 0.7, conceptOther: 0.6 };

const otherStopwords: Record<'sv' | 'en', Set<string>> = {
  sv: new Set(['och', 'för', 'med', 'till', 'av', 'på', 'i', 'om', 'hur', 'var', 'jag', 'min', 'mitt', 'mina', 'är', 'en', 'ett', 'det', 'den', 'som', 'att', 'har', 'vill', 'kan', 'behöver', 'söker', 'nära', 'vid', 'efter', 'hjälp']),
  en: new Set(['the', 'and', 'for', 'with', 'to', 'of', 'in', 'on', 'at', 'my', 'me', 'i', 'a', 'an', 'is', 'are', 'need', 'want', 'looking', 'someone', 'some', 'how', 'where', 'near', 'can', 'get', 'help', 'about', 'am', 'feeling']),
};

const configOf: Record<SearchLanguage, TermConfig> = { fi: 'simple', sv: 'swedish', en: 'english' };

/** Turns an expansion phrase into terms of one slot; a multi-word phrase becomes an AND group. */
function phraseTerms(
  finnish: FinnishAnalyser,
  language: SearchLanguage,
  phrase: string,
  slot: number,
  weight: number,
  nextPhraseId: () => number,
): PlannedTerm[] {
  const perWord: PlannedTerm[][] = [];
  for (const token of tokenize(phrase)) {
    if (language !== 'fi') {
      if (otherStopwords[language].has(token.lower)) continue;
      perWord.push([{ slot, config: configOf[language], text: token.lower, weight, widen: 'none', primary: false }]);
      continue;
    }
    const word = finnish.analyseQueryWord(token.surface);
    if (word.isStopword) continue;
    perWord.push(
      word.alternatives
        .filter((alternative) => alternative.kind === 'word' || alternative.kind === 'derived')
        .map((alternative) => ({
          slot,
          config: 'simple' as const,
          text: alternative.term,
          weight: weight * alternative.weight,
          // Voikko indexes compound parts already; Snowball stems need the vocabulary to find them.
          widen: alternative.kind === 'word' && !finnish.splitsCompounds ? ('compounds' as const) : ('none' as const),
          primary: false,
        })),
    );
  }
  const words = perWord.filter((alternatives) => alternatives.length > 0);
  if (words.length <= 1) return words.flat();
  const id = nextPhraseId();
  return words.flatMap((alternatives, word) => alternatives.map((term) => ({ ...term, widen: 'none' as const, phrase: { id, word } })));
}

export function planQuery(text: string, hint: SearchLanguage, deps: PlannerDependencies): QueryPlan {
  const weights = { ...defaultPlanWeights, ...deps.weights };
  const tokens = tokenize(text);
  // Town names are filters, and they say nothing about the query's language.
  const placeOf = (token: (typeof tokens)[number]) => {
    const keys = [token.lower, ...deps.finnish.analyseQueryWord(token.surface).alternatives.filter((a) => a.kind === 'word').map((a) => a.term)];
    return keys.map((key) => deps.places.get(key)).find((id) => id !== undefined);
  };
  const language = detectLanguage(tokens.filter((token) => !placeOf(token)).map((token) => token.surface).join(' '), hint);
  const slots: QuerySlot[] = [];
  const terms: PlannedTerm[] = [];
  const places = new Set<string>();
  const contentWords: string[] = [];
  /** The slot of each content word (undefined for function words). */
  const slotOfWord: (number | undefined)[] = [];
  let phraseCount = 0;
  const nextPhraseId = () => ++phraseCount;

  for (const [index, token] of tokens.entries()) {
    const finnishWord = deps.finnish.analyseQueryWord(token.surface);
    const place = placeOf(token);
    if (place) {
      places.add(place);
      continue;
    }
    contentWords.push(token.surface);
    slotOfWord.push(undefined);
    const slot = slots.length;
    if (language === 'fi') {
      if (finnishWord.isStopword) continue;
      slotOfWord[slotOfWord.length - 1] = slot;
      slots.push({ label: token.surface, kind: 'word', word: token.lower });
      for (const alternative of finnishWord.alternatives) {
        // Compound parts are indexed as such; widening them too (huoli → huolimatta) is noise.
        const primary = alternative.kind === 'word';
        const widen: Widening = primary ? 'compounds_and_typos' : alternative.kind === 'subcompound' ? 'compounds' : 'none';
        const direct = primary || alternative.kind === 'derived';
        terms.push({ slot, config: 'simple', text: alternative.term, weight: alternative.weight, widen, primary, direct });
      }
      continue;
    }
    if (otherStopwords[language].has(token.lower)) continue;
    slotOfWord[slotOfWord.length - 1] = slot;
    slots.push({ label: token.surface, kind: 'word', word: token.lower });
    terms.push({ slot, config: configOf[language], text: token.lower, weight: 1, widen: 'compounds_and_typos', primary: true, direct: true });
    if (deps.dictionary) {
      const keys = [phraseKey(language, token.lower)];
      const next = tokens[index + 1];
      if (next) keys.push(phraseKey(language, `${token.lower} ${next.lower}`));
      for (const key of keys) {
        for (const label of deps.dictionary.finnishFor(language, key)) {
          terms.push(...phraseTerms(deps.finnish, 'fi', label, slot, weights.translation, nextPhraseId));
        }
      }
    }
  }

  // A concept joins the slot of the words that triggered it: "yksinäinen" and its catalogue
  // words (päivätoiminta, vertaistuki…) are one aspect of the need, matched once.
  const matches = deps.concepts.match(contentWords);
  const slotOf = (slot: number): number => (merged.get(slot) === undefined || merged.get(slot) === slot ? slot : slotOf(merged.get(slot)!));
  const merged = new Map<number, number>();
  for (const match of matches) {
    const covered = [...new Set(match.words.map((w) => slotOfWord[w]).filter((s): s is number => s !== undefined).map(slotOf))].sort((a, b) => a - b);
    let slot: number;
    if (covered.length === 0 || weights.conceptSlots === 'separate') {
      slot = slots.length;
      slots.push({ label: `concept:${match.concept.id}`, kind: 'concept', covers: covered });
    } else {
      slot = covered[0]!;
      for (const other of covered.slice(1)) merged.set(other, slot);
      slots[slot]!.label += ` +${match.concept.id}`;
    }
    for (const language of ['fi', 'sv', 'en'] as const) {
      const weight = language === 'fi' ? weights.conceptFinnish : weights.conceptOther;
      for (const phrase of match.concept.expansions[language]) {
        terms.push(...phraseTerms(deps.finnish, language, phrase, slot, weight, nextPhraseId));
      }
    }
  }

  // Renumber slots after merging so that they stay 0..n-1.
  const live = slots.map((_, i) => i).filter((i) => slotOf(i) === i);
  const renumber = new Map(live.map((slot, index) => [slot, index]));
  const finalTerms = terms.map((term) => ({ ...term, slot: renumber.get(slotOf(term.slot))! }));
  const finalSlots = live.map((i) => {
    const slot = slots[i]!;
    return slot.covers ? { ...slot, covers: [...new Set(slot.covers.map((w) => renumber.get(slotOf(w))!))] } : slot;
  });
  return { language, slots: finalSlots, terms: dedupe(finalTerms), places: [...places], concepts: matches.map((m) => m.concept.id) };
}

/** Keeps the strongest copy of each (slot, config, text). */
function dedupe(terms: PlannedTerm[]): PlannedTerm[] {
  const best = new Map<string, PlannedTerm>();
  for (const term of terms) {
    const key = `${term.slot}|${term.config}|${term.text}|${term.phrase?.id ?? ''}|${term.phrase?.word ?? ''}`;
    const previous = best.get(key);
    if (!previous || term.weight > previous.weight) best.set(key, term);
  }
  return [...best.values()];
}
