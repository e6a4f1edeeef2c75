/**
 * The Voikko-free Finnish analyser: Snowball stems (the same as PostgreSQL's `finnish`
 * configuration, computed here so that the index SQL is the same for both analysers).
 * Snowball neither splits compounds nor undoes consonant gradation; at query time the
 * vocabulary expansion (query-terms.ts) finds index terms that begin or end with the query stem
 * (liikun → ryhmäliikun) and splits a query compound into index terms (kuntosaliryhmä →
 * kuntosal + ryhmä); a gradation-free key joins katu/kadun and hoito/hoidon.
 */
import type { FinnishAnalyser, TermAlternative } from './finnish.ts';
import { finnishStopwords } from './finnish.ts';
import { stemFinnish } from './finnish-snowball.ts';
import { normaliseWord, tokenize } from './tokenize.ts';

const vowels = 'aeiouyäö';

/**
 * A key that ignores the consonant gradation of the last syllable (kadu/katu → katu, hoido →
 * hoito, lapse/laps → laps): the final vowels go and the weak grade of the last consonant
 * cluster is mapped to its strong grade (d→t, nn→nt, ll→lt, rr→rt, mm→mp, ng→nk, v→p) while a
 * double stop becomes single (kk→k, pp→p, tt→t). Both sides use it, so it only has to be
 * consistent, not linguistically exact.
 */
export function gradationKey(stem: string): string {
  let end = stem.length;
  while (end > 2 && vowels.includes(stem[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !vowels.includes(stem[start - 1]!)) start--;
  if (start === 0 || end - start > 3) return stem.slice(0, end);
  const cluster = stem.slice(start, end);
  const strong: Record<string, string> = {
    d: 't', tt: 't', kk: 'k', pp: 'p', nn: 'nt', ll: 'lt', rr: 'rt', mm: 'mp', ng: 'nk', v: 'p', lj: 'lk', rj: 'rk',
  };
  return stem.slice(0, start) + (strong[cluster] ?? cluster);
}

/** Marks a gradation key in the index so that it never collides with a stem (letters only: the
 * text-search parser would drop punctuation). */
export const gradationKeyPrefix = 'qq';

export function createFallbackAnalyser(): FinnishAnalyser {
  return {
    name: 'fallback',
    id: 'fallback-snowball-2',
    splitsCompounds: false,
    documentTerms(text) {
      const terms: string[] = [];
      for (const token of tokenize(text)) {
        const stem = stemFinnish(token.lower);
        terms.push(stem);
        // Always added (even when equal to the stem), so that liikuntaa (liikunt) and liikunnan
        // (liikunn) meet on qqliikunt.
        if (stem.length >= 4 && !/\d/.test(stem)) terms.push(gradationKeyPrefix + gradationKey(stem));
      }
      return terms;
    },
    analyseQueryWord(word) {
      const lower = normaliseWord(word);
      const stem = stemFinnish(lower);
      const alternatives: TermAlternative[] = [{ term: stem, weight: 1, kind: 'word' }];
      if (stem.length >= 4 && !/\d/.test(stem)) {
        alternatives.push({ term: gradationKeyPrefix + gradationKey(stem), weight: 0.9, kind: 'derived' });
      }
      return {
        surface: word,
        alternatives,
        isPlaceName: false, // place names are recognised by the query planner's list
        isStopword: finnishStopwords.has(lower) || finnishStopwords.has(stem),
        unknown: false,
      };
    },
  };
}
