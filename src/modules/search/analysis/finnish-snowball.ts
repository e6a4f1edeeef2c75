/**
 * The Snowball Finnish stemmer (snowballstem.org, algorithm by Martin Porter), written out in
 * TypeScript so that the Voikko-free analyser runs without a database round trip and gives the
 * same stems as PostgreSQL's `finnish` configuration (checked against it on the whole PTV corpus
 * by scripts/search-prototype). It strips particles, possessives and case endings but does not
 * undo consonant gradation (katu/kadun → katu/kadu) or split compounds: the vocabulary
 * expansion in query-terms.ts makes up for that.
 */

const V1 = new Set('aeiouyäö');
const V2 = new Set('aeiouäö');
const C = new Set('bcdfghjklmnpqrstvwxz');
const AEI = new Set('aäei');
const particleEnd = new Set('aeiouyäönt');
const longVowels = ['aa', 'ee', 'ii', 'oo', 'uu', 'ää', 'öö'];

const particles = ['kin', 'kaan', 'kään', 'ko', 'kö', 'han', 'hän', 'pa', 'pä', 'sti'];
const possessives = ['si', 'ni', 'nsa', 'nsä', 'mme', 'nne', 'an', 'än', 'en'];
const caseEndings = [
  'han', 'hen', 'hin', 'hon', 'hän', 'hön', 'siin', 'seen', 'den', 'tten', 'n',
  'a', 'ä', 'tta', 'ttä', 'ta', 'tä', 'ssa', 'ssä', 'sta', 'stä',
  'lla', 'llä', 'lta', 'ltä', 'lle', 'na', 'nä', 'ksi', 'ine',
];
const otherEndings = [
  'mpi', 'mpa', 'mpä', 'mmi', 'mma', 'mmä', 'impi', 'impa', 'impä', 'immi', 'imma', 'immä', 'eja', 'ejä',
];

interface State {
  word: string;
  p1: number;
  p2: number;
}

/**
 * The longest of `suffixes` that ends the word, starts at or after `limit` and passes
 * `condition` (Snowball's among: a failed condition routine falls back to a shorter suffix).
 */
function longestSuffix(
  word: string,
  suffixes: readonly string[],
  limit: number,
  condition: (suffix: string, start: number) => boolean = () => true,
): string | null {
  const candidates = suffixes
    .filter((suffix) => word.length - suffix.length >= limit && word.endsWith(suffix))
    .sort((a, b) => b.length - a.length);
  return candidates.find((suffix) => condition(suffix, word.length - suffix.length)) ?? null;
}

function markRegions(word: string): { p1: number; p2: number } {
  const after = (from: number): number => {
    let i = from;
    while (i < word.length && !V1.has(word[i]!)) i++;
    while (i < word.length && V1.has(word[i]!)) i++;
    return i < word.length ? i + 1 : word.length;
  };
  const p1 = after(0);
  return { p1, p2: after(p1) };
}

const charBefore = (word: string, end: number, back = 1): string => word[end - back] ?? '';
const isLong = (word: string, end: number): boolean => longVowels.includes(word.slice(end - 2, end));

function particleEtc(s: State): void {
  const suffix = longestSuffix(s.word, particles, s.p1);
  if (!suffix) return;
  const start = s.word.length - suffix.length;
  if (suffix === 'sti') {
    if (start < s.p2) return;
  } else if (!particleEnd.has(charBefore(s.word, start))) return;
  s.word = s.word.slice(0, start);
}

function possessive(s: State): void {
  const suffix = longestSuffix(s.word, possessives, s.p1);
  if (!suffix) return;
  const start = s.word.length - suffix.length;
  const before = s.word.slice(0, start);
  switch (suffix) {
    case 'si':
      if (!before.endsWith('k')) s.word = before;
      return;
    case 'ni':
      s.word = before.endsWith('kse') ? `${before.slice(0, -3)}ksi` : before;
      return;
    case 'an':
      if (['ta', 'ssa', 'sta', 'lla', 'lta', 'na'].some((end) => before.endsWith(end))) s.word = before;
      return;
    case 'än':
      if (['tä', 'ssä', 'stä', 'llä', 'ltä', 'nä'].some((end) => before.endsWith(end))) s.word = before;
      return;
    case 'en':
      if (before.endsWith('lle') || before.endsWith('ine')) s.word = before;
      return;
    default:
      s.word = before;
  }
}

/** Returns true when a case ending was removed. */
function caseEnding(s: State): boolean {
  const w = s.word;
  const vi = (start: number) => charBefore(w, start) === 'i' && V2.has(charBefore(w, start, 2));
  // -siin, -den, -tten need a preceding i + vowel and -seen a long vowel; else a shorter ending.
  const suffix = longestSuffix(w, caseEndings, s.p1, (candidate, start) => {
    if (candidate === 'siin' || candidate === 'den' || candidate === 'tten') return vi(start);
    if (candidate === 'seen') return isLong(w, start);
    return true;
  });
  if (!suffix) return false;
  let start = w.length - suffix.length;
  switch (suffix) {
    case 'han': case 'hen': case 'hin': case 'hon': case 'hän': case 'hön':
      if (charBefore(w, start) !== suffix[1]) return false;
      break;
    case 'n':
      // Illative (taloon) or genitive after -ie (tien): the vowel before the n goes too.
      if (isLong(w, start) || w.slice(start - 2, start) === 'ie') start -= 1;
      break;
    case 'a': case 'ä':
      if (!(V1.has(charBefore(w, start)) && C.has(charBefore(w, start, 2)))) return false;
      break;
    case 'tta': case 'ttä':
      if (charBefore(w, start) !== 'e') return false;
      break;
    default:
  }
  s.word = w.slice(0, start);
  return true;
}

function otherEnding(s: State): void {
  const suffix = longestSuffix(s.word, otherEndings, s.p2);
  if (!suffix) return;
  const start = s.word.length - suffix.length;
  const comparative = ['mpi', 'mpa', 'mpä', 'mmi', 'mma', 'mmä'].includes(suffix);
  if (comparative && s.word.slice(start - 2, start) === 'po') return;
  s.word = s.word.slice(0, start);
}

function iPlural(s: State): void {
  const last = s.word.at(-1);
  if (s.word.length - 1 >= s.p1 && (last === 'i' || last === 'j')) s.word = s.word.slice(0, -1);
}

function tPlural(s: State): void {
  const n = s.word.length;
  if (!(n - 1 >= s.p1 && s.word[n - 1] === 't' && n - 2 >= s.p1 && V1.has(s.word[n - 2]!))) return;
  s.word = s.word.slice(0, -1);
  const suffix = longestSuffix(s.word, ['mma', 'imma'], s.p2);
  if (!suffix) return;
  const start = s.word.length - suffix.length;
  if (suffix === 'mma' && s.word.slice(start - 2, start) === 'po') return;
  s.word = s.word.slice(0, start);
}

function tidy(s: State): void {
  const within = (back: number) => s.word.length - back >= s.p1;
  if (within(2) && isLong(s.word, s.word.length)) s.word = s.word.slice(0, -1);
  if (within(2) && AEI.has(s.word.at(-1) ?? '') && C.has(s.word.at(-2) ?? '')) s.word = s.word.slice(0, -1);
  if (within(2) && s.word.at(-1) === 'j' && (s.word.at(-2) === 'o' || s.word.at(-2) === 'u')) s.word = s.word.slice(0, -1);
  if (within(2) && s.word.at(-1) === 'o' && s.word.at(-2) === 'j') s.word = s.word.slice(0, -1);
  let i = s.word.length;
  while (i > 0 && V1.has(s.word[i - 1]!)) i--;
  if (i >= 2 && C.has(s.word[i - 1]!) && s.word[i - 2] === s.word[i - 1]) {
    s.word = s.word.slice(0, i - 1) + s.word.slice(i);
  }
}

/** Stems one lower-case Finnish word. */
export function stemFinnish(word: string): string {
  const s: State = { word, ...markRegions(word) };
  particleEtc(s);
  possessive(s);
  const endingRemoved = caseEnding(s);
  otherEnding(s);
  if (endingRemoved) iPlural(s);
  else tPlural(s);
  tidy(s);
  return s.word;
}
