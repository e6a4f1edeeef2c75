/** Tokenisation shared by every analyser: Unicode-normalised words, hyphenated words split. */

export interface Token {
  /** As written (case kept: Voikko tells place names by their capital letter). */
  surface: string;
  lower: string;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower-cases and NFC-normalises; keeps letters and digits only. */
export function normaliseWord(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('fi');
}

/**
 * Splits text into word tokens. Hyphens and punctuation separate tokens, so "Selviämis-,
 * katkaisu-" and "3-vuotiaalle" yield their parts ("3", "vuotiaalle").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.normalize('NFC').matchAll(wordPattern)) {
    const surface = match[0].replace(/['’]/g, '');
    tokens.push({ surface, lower: normaliseWord(surface) });
  }
  return tokens;
}

/** Tokens of a text, lower-cased. */
export function words(text: string): string[] {
  return tokenize(text).map((token) => token.lower);
}
