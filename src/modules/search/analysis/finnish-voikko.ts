/**
 * The Voikko analyser. Index terms per word: every baseform of the readings with the fewest
 * compound parts; for compounds also the baseform of each part and of each run of adjacent
 * parts (äitiysneuvolapalvelu → äitiys, neuvola, palvelu, äitiysneuvola, neuvolapalvelu);
 * for -isuus/-isyys nouns also the -inen adjective (yksinäisyys → yksinäinen). Proper nouns
 * (place and person names) are never split.
 */
import type { FinnishAnalyser, QueryWord, TermAlternative } from './finnish.ts';
import { finnishStopwords } from './finnish.ts';
import { stemFinnish } from './finnish-snowball.ts';
import { normaliseWord, tokenize } from './tokenize.ts';
import type { Voikko, VoikkoAnalysis } from './voikko.ts';

const properNounClasses = new Set(['paikannimi', 'etunimi', 'sukunimi', 'nimi']);
const functionWordClasses = new Set(['sidesana', 'suhdesana', 'asemosana', 'kieltosana']);

export interface WordAnalysis {
  baseforms: string[];
  /** Baseforms of the compound parts, in order (empty for a simple word). */
  parts: string[];
  /** Runs of two or more adjacent parts that are shorter than the whole word. */
  subcompounds: string[];
  /** -inen adjectives of -isuus/-isyys nouns. */
  derived: string[];
  isPlaceName: boolean;
  isFunctionWord: boolean;
  known: boolean;
}

/** Splits the surface word into parts at the '=' marks of Voikko's STRUCTURE. */
function surfaceParts(word: string, structure: string): string[] {
  const parts: string[] = [];
  let index = 0;
  for (const mark of structure) {
    if (mark === '=') {
      parts.push('');
      continue;
    }
    if (parts.length === 0) parts.push('');
    parts[parts.length - 1] += word[index] ?? '';
    index++;
  }
  return parts.map((part) => part.replace(/-/g, '')).filter((part) => part.length > 0);
}

/** The lemma of each compound part from the lexicon output, or the surface form when derived. */
function partLemmas(reading: VoikkoAnalysis, surfaces: string[]): string[] {
  const segments = reading.fstOutput.split('[Bc]');
  const lowerBase = normaliseWord(reading.baseform).replace(/-/g, '');
  const lemmas = surfaces.map((surface, i) => {
    const segment = segments.length === surfaces.length ? segments[i] ?? '' : '';
    const lemma = /\[Xp\]([^[]+)\[X\]/.exec(segment)?.[1];
    return lemma && !segment.includes('[Xj]') ? normaliseWord(lemma) : normaliseWord(surface);
  });
  // The last part's baseform is what remains of the whole baseform after the other parts.
  const prefix = surfaces.slice(0, -1).map(normaliseWord).join('');
  if (lowerBase.startsWith(prefix) && lowerBase.length > prefix.length) {
    lemmas[lemmas.length - 1] = lowerBase.slice(prefix.length);
  }
  return lemmas;
}

function adjectiveOf(baseform: string): string | null {
  const match = /^(.{3,})i(suus|syys)$/.exec(baseform);
  return match ? `${match[1]}inen` : null;
}

export function analyseWithVoikko(voikko: Voikko, surface: string): WordAnalysis {
  const readings = voikko.analyse(surface);
  const lower = normaliseWord(surface);
  if (readings.length === 0) {
    return { baseforms: [], parts: [], subcompounds: [], derived: [], isPlaceName: false, isFunctionWord: false, known: false };
  }
  const partCount = (reading: VoikkoAnalysis) => (reading.structure.match(/=/g) ?? []).length || 1;
  const fewest = Math.min(...readings.map(partCount));
  const chosen = readings.filter((reading) => partCount(reading) === fewest);
  const baseforms = new Set<string>();
  const parts: string[] = [];
  const subcompounds = new Set<string>();
  const derived = new Set<string>();
  let isPlaceName = false;
  for (const reading of chosen) {
    const baseform = normaliseWord(reading.baseform).replace(/-/g, '') || lower;
    baseforms.add(baseform);
    const adjective = adjectiveOf(baseform);
    if (adjective) derived.add(adjective);
    if (properNounClasses.has(reading.wordClass)) {
      isPlaceName ||= reading.wordClass === 'paikannimi';
      continue;
    }
    if (fewest < 2) continue;
    const surfaces = surfaceParts(surface, reading.structure);
    if (surfaces.length < 2) continue;
    const lemmas = partLemmas(reading, surfaces);
    for (const lemma of lemmas) if (lemma.length > 1 && !parts.includes(lemma)) parts.push(lemma);
    const lastAdjective = adjectiveOf(lemmas.at(-1) ?? '');
    if (lastAdjective) derived.add(lastAdjective);
    for (let from = 0; from < lemmas.length; from++) {
      for (let to = from + 2; to <= lemmas.length; to++) {
        if (from === 0 && to === lemmas.length) continue;
        const run = surfaces.slice(from, to - 1).map(normaliseWord).join('') + (lemmas[to - 1] ?? '');
        subcompounds.add(run);
      }
    }
  }
  const isFunctionWord = chosen.every((reading) => functionWordClasses.has(reading.wordClass));
  return {
    baseforms: [...baseforms],
    parts: parts.filter((part) => !baseforms.has(part)),
    subcompounds: [...subcompounds].filter((term) => !baseforms.has(term)),
    derived: [...derived].filter((term) => !baseforms.has(term)),
    isPlaceName,
    isFunctionWord,
    known: true,
  };
}

export function createVoikkoAnalyser(voikko: Voikko): FinnishAnalyser {
  return {
    name: 'voikko',
    id: 'voikko-1',
    splitsCompounds: true,
    documentTerms(text) {
      const terms: string[] = [];
      for (const token of tokenize(text)) {
        if (/^\d+$/.test(token.lower)) {
          terms.push(token.lower);
          continue;
        }
        const analysis = analyseWithVoikko(voikko, token.surface);
        if (!analysis.known) {
          // Names, English loans and typos in the data: the word and its Snowball stem.
          terms.push(token.lower);
          const stem = stemFinnish(token.lower);
          if (stem !== token.lower) terms.push(stem);
          continue;
        }
        terms.push(...analysis.baseforms, ...analysis.derived, ...analysis.parts, ...analysis.subcompounds);
      }
      return terms;
    },
    analyseQueryWord(word) {
      const lower = normaliseWord(word);
      const analysis = analyseWithVoikko(voikko, word);
      const alternatives: TermAlternative[] = [];
      const add = (term: string, weight: number, kind: TermAlternative['kind']) => {
        if (term.length > 1 && !alternatives.some((alternative) => alternative.term === term)) {
          alternatives.push({ term, weight, kind });
        }
      };
      // An unknown word is a name, a loan or a typo: the vocabulary decides (typo fallback).
      if (!analysis.known) add(lower, 1, 'word');
      for (const baseform of analysis.baseforms) add(baseform, 1, 'word');
      for (const adjective of analysis.derived) add(adjective, 0.9, 'derived');
      for (const run of analysis.subcompounds) add(run, 0.7, 'subcompound');
      const head = analysis.parts.at(-1);
      analysis.parts.forEach((part) => add(part, part === head ? 0.55 : 0.35, part === head ? 'head' : 'part'));
      const result: QueryWord = {
        surface: word,
        alternatives,
        isPlaceName: analysis.isPlaceName,
        isStopword:
          analysis.isFunctionWord ||
          finnishStopwords.has(lower) ||
          analysis.baseforms.some((baseform) => finnishStopwords.has(baseform)),
        unknown: !analysis.known,
      };
      return result;
    },
  };
}
