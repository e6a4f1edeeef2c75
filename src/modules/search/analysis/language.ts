/**
 * Language of a short query: Finnish, Swedish or English. Queries are two or three words, so
 * this scores cheap cues (letters, function words, typical endings) and falls back to the UI
 * language (the hint) on a tie. A wrong guess is not fatal: the concept layer matches triggers
 * of every language.
 */
import { words } from './tokenize.ts';

export type SearchLanguage = 'fi' | 'sv' | 'en';
export const searchLanguages: readonly SearchLanguage[] = ['fi', 'sv', 'en'];

const functionWords: Record<SearchLanguage, Set<string>> = {
  fi: new Set([
    'ja', 'tai', 'on', 'ei', 'en', 'eikä', 'ole', 'olen', 'että', 'kun', 'jos', 'mulla', 'minulla', 'mä',
    'minä', 'missä', 'mistä', 'miten', 'kanssa', 'jälkeen', 'varten', 'apua', 'tarvitsen', 'lähellä',
  ]),
  sv: new Set([
    'och', 'för', 'med', 'och', 'till', 'av', 'på', 'hur', 'var', 'jag', 'min', 'mitt', 'mina', 'är', 'inte',
    'hjälp', 'äldre', 'barn', 'som', 'om', 'vid', 'efter', 'att', 'en', 'ett', 'det', 'den', 'nära', 'har',
  ]),
  en: new Set([
    'the', 'and', 'for', 'with', 'to', 'of', 'in', 'my', 'me', 'i', 'a', 'an', 'is', 'need', 'help', 'how',
    'where', 'near', 'someone', 'talk', 'after', 'about', 'older', 'people', 'children', 'child', 'free',
  ]),
};

const endings: Record<SearchLanguage, RegExp> = {
  fi: /(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|iin|aan|ään|ille|ien|jen|ten|ton|tön|inen|isuus|isyys|uus|yys|nen|ja|jä|uu|yy|ii|aa|ää)$/,
  sv: /(?:ning|het|else|tjänst|boende|skap|erna|arna|orna|ande|ende|hall|lek)$/,
  en: /(?:ing|tion|ness|ment|ship|ity|ies|ful|less|care|centre|center)$/,
};

/** Scores per language; exported for tests. */
export function languageScores(query: string): Record<SearchLanguage, number> {
  const scores: Record<SearchLanguage, number> = { fi: 0, sv: 0, en: 0 };
  const tokens = words(query);
  for (const token of tokens) {
    for (const language of searchLanguages) {
      if (functionWords[language].has(token)) scores[language] += 2;
      if (endings[language].test(token)) scores[language] += 1;
    }
    if (/å/.test(token)) scores.sv += 3;
    if (/[äö]/.test(token)) {
      // Both Finnish and Swedish write ä and ö.
      scores.fi += 0.5;
      scores.sv += 0.5;
    }
    if (/(?:y.*[äö]|[äö].*y)/.test(token)) scores.fi += 1; // Finnish vowel harmony
    if (/(?:aa|ää|ii|uu|yy|oo|öö|kk|pp|tt)/.test(token)) scores.fi += 0.5;
    if (/(?:th|sh|ch|w|x|ee|oo)/.test(token) && !/[äöå]/.test(token)) scores.en += 0.5;
    if (/(?:sj|skj|stj|tj|kj|ck|dj|gj|lj)/.test(token) && !/[äö]y/.test(token)) scores.sv += 0.5;
  }
  return scores;
}

/** How far another language must lead before it overrides the UI language. */
const hintMargin = 1;

/**
 * The query's language. The UI language (`hint`) is a strong prior: another language wins only
 * with a clear lead (one function word or two weaker cues), so a lone ä or a place name does
 * not turn an English query Finnish. Leave place names out of `query`.
 */
export function detectLanguage(query: string, hint: SearchLanguage): SearchLanguage {
  const scores = languageScores(query);
  const best = Math.max(...Object.values(scores));
  if (best === 0 || scores[hint] + hintMargin > best) return hint;
  return searchLanguages.find((language) => scores[language] === best) ?? hint;
}
