/**
 * Light suffix stripping for Swedish and English, used only to match query words against the
 * concept triggers and the cross-language dictionary in memory (the index itself uses
 * PostgreSQL's snowball `swedish` and `english` configurations). It must be consistent, not
 * exact: "simhallen"/"simhall", "centres"/"center", "swimming"/"swim" meet.
 */
import { normaliseWord } from './tokenize.ts';

const swedishSuffixes = [
  'arnas', 'ernas', 'ornas', 'heten', 'arna', 'erna', 'orna', 'ande', 'ende', 'aren', 'eren', 'het', 'ens',
  'ets', 'ers', 'ars', 'ors', 'en', 'et', 'ar', 'er', 'or', 'na', 'ns', 'a', 'e', 'n', 's',
];

export function lightStemSwedish(word: string): string {
  const lower = normaliseWord(word);
  for (const suffix of swedishSuffixes) {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= 3) return lower.slice(0, -suffix.length);
  }
  return lower;
}

export function lightStemEnglish(word: string): string {
  let w = normaliseWord(word).replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1); // swimming → swim
  } else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('tre')) w = `${w.slice(0, -3)}ter`; // centre → center
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
