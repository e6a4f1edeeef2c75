/**
 * Finnish text analysis behind one interface, with two implementations: Voikko morphology
 * (finnish-voikko.ts) when libvoikko and its dictionary are installed, and a Voikko-free
 * fallback (finnish-fallback.ts: Snowball stems; compounds are found through the index
 * vocabulary at query time). The index records `analyser.id`; a different id means reindex.
 */
import { createFallbackAnalyser } from './finnish-fallback.ts';
import { createVoikkoAnalyser } from './finnish-voikko.ts';
import type { Voikko } from './voikko.ts';

/** How a query alternative relates to the word the person typed. */
export type AlternativeKind = 'word' | 'subcompound' | 'head' | 'part' | 'derived';

export interface TermAlternative {
  term: string;
  /** 1 for the word itself; less for a compound part or a derived form. */
  weight: number;
  kind: AlternativeKind;
}

export interface QueryWord {
  surface: string;
  alternatives: TermAlternative[];
  /** A place name (Vaasa, Naantalin): used to boost services of the place, not as text. */
  isPlaceName: boolean;
  /** A function word (ja, ei, olla): kept out of the query. */
  isStopword: boolean;
  /** The analyser did not recognise the word: a typo candidate for the vocabulary. */
  unknown: boolean;
}

export interface FinnishAnalyser {
  readonly name: 'voikko' | 'fallback';
  /** Recorded with the index (e.g. "voikko-1"); any change of analyser or its rules means rebuild. */
  readonly id: string;
  /** True when documentTerms already contain compound parts (no vocabulary widening needed). */
  readonly splitsCompounds: boolean;
  /** Index terms of a Finnish text: baseforms or stems, plus compound parts where known. */
  documentTerms(text: string): string[];
  /** Query terms for one word, strongest first. */
  analyseQueryWord(word: string): QueryWord;
}

export type AnalyserChoice = 'auto' | 'voikko' | 'fallback';

export interface CreateFinnishAnalyserOptions {
  /** From config (SEARCH_ANALYSER). 'voikko' fails when the library is missing. */
  choice: AnalyserChoice;
  /** Loads libvoikko; injected so that tests and workers control it. */
  loadVoikko: () => Voikko | null;
}

export class VoikkoUnavailableError extends Error {
  constructor() {
    super('SEARCH_ANALYSER=voikko but libvoikko or the Finnish dictionary (voikko-fi) is not installed');
  }
}

/** Picks the analyser: Voikko when asked for or available, else the fallback. */
export function createFinnishAnalyser(options: CreateFinnishAnalyserOptions): FinnishAnalyser {
  if (options.choice === 'fallback') return createFallbackAnalyser();
  const voikko = options.loadVoikko();
  if (voikko) return createVoikkoAnalyser(voikko);
  if (options.choice === 'voikko') throw new VoikkoUnavailableError();
  return createFallbackAnalyser();
}

/**
 * Finnish function words that carry no search meaning on their own (baseforms and the common
 * inflected forms, so that both analysers can use the list).
 */
export const finnishStopwords = new Set([
  'ja', 'tai', 'sekä', 'myös', 'on', 'ovat', 'olla', 'oli', 'ole', 'olen', 'että', 'kun', 'jos', 'niin',
  'se', 'ne', 'sen', 'sitä', 'tämä', 'tätä', 'nämä', 'joka', 'jotka', 'mikä', 'mitä', 'kuka', 'minä',
  'mä', 'mulla', 'minulla', 'minun', 'minulle', 'minua', 'hän', 'me', 'te', 'he', 'sinä', 'sä', 'jo',
  'vain', 'kanssa', 'varten', 'mukaan', 'kautta', 'jälkeen', 'ennen', 'aikana', 'sekä', 'eikä', 'mutta',
  'koska', 'kuin', 'jossa', 'missä', 'mistä', 'mihin', 'voi', 'voida', 'saada', 'tulla', 'pitää',
  'täytyy', 'haluan', 'haluta', 'tarvita', 'tarvitsen', 'etsiä', 'etsin', 'hyvä', 'paljon', 'ilman',
  'ihan', 'vähän', 'lisää', 'kaikki', 'jokin', 'joku', 'jotain', 'muu', 'ei', 'en', 'eikä',
]);
