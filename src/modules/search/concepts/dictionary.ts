/**
 * A cross-language dictionary from labels that exist in Finnish, Swedish and English, used to
 * let a Swedish or English query reach Finnish-only listings (most small municipalities
 * publish in Finnish only).
 *
 * Sources, in order of robustness:
 * 1. The catalogue itself: every PTV service carries fi/sv/en labels of its service classes,
 *    ontology terms (KOKO/YSO), target groups and life events. The production app builds the
 *    dictionary from the imported records, so it needs no external file.
 * 2. Optionally YSO preferred labels (~36,000 concepts, CC BY 4.0) read from a directory given
 *    on the command line (`yso-ysoplaces-cicero-{fi,sv,en}.tsv`); never bundled in the repository.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchLanguage } from '../analysis/language.ts';
import { lightStemEnglish, lightStemSwedish } from '../analysis/light-stem.ts';
import { normaliseWord, words } from '../analysis/tokenize.ts';

export type LabelTriple = Partial<Record<SearchLanguage, string>>;

/** Removes qualifiers such as "(sports halls)" and lower-cases. */
function cleanLabel(label: string): string {
  return normaliseWord(label.replace(/\([^)]*\)/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The key of a Swedish or English phrase: its words, lightly stemmed. */
export function phraseKey(language: SearchLanguage, phrase: string): string {
  const stem = language === 'sv' ? lightStemSwedish : language === 'en' ? lightStemEnglish : normaliseWord;
  return words(phrase).map(stem).join(' ');
}

export class CrossLanguageDictionary {
  readonly #toFinnish = new Map<string, Set<string>>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(triple: LabelTriple): void {
    const fi = triple.fi ? cleanLabel(triple.fi) : '';
    if (!fi) return;
    for (const language of ['sv', 'en'] as const) {
      const label = triple[language];
      if (!label) continue;
      const key = `${language}:${phraseKey(language, cleanLabel(label))}`;
      if (key.endsWith(':')) continue;
      let set = this.#toFinnish.get(key);
      if (!set) this.#toFinnish.set(key, (set = new Set()));
      if (!set.has(fi)) {
        set.add(fi);
        this.#size++;
      }
    }
  }

  /** Finnish labels for a Swedish or English phrase (already a `phraseKey`). */
  finnishFor(language: 'sv' | 'en', key: string): string[] {
    return [...(this.#toFinnish.get(`${language}:${key}`) ?? [])];
  }
}

interface NamedTerm {
  name?: { value?: string | null; language?: string }[];
}

/** Label triples of one PTV service record (service classes, ontology terms, target groups, life events). */
export function labelsOfPtvService(service: {
  serviceClasses?: NamedTerm[];
  ontologyTerms?: NamedTerm[];
  targetGroups?: NamedTerm[];
  lifeEvents?: NamedTerm[];
}): LabelTriple[] {
  const triples: LabelTriple[] = [];
  const groups = [service.serviceClasses, service.ontologyTerms, service.targetGroups, service.lifeEvents];
  for (const group of groups) {
    for (const term of group ?? []) {
      const triple: LabelTriple = {};
      for (const name of term.name ?? []) {
        if (name.value && (name.language === 'fi' || name.language === 'sv' || name.language === 'en')) {
          triple[name.language] = name.value;
        }
      }
      triples.push(triple);
    }
  }
  return triples;
}

/** Reads YSO preferred labels (`<uri>\t<label>` per line, one file per language) into triples. */
export async function readYsoLabels(directory: string, filePattern = 'yso-ysoplaces-cicero-{lang}.tsv'): Promise<LabelTriple[]> {
  const byUri = new Map<string, LabelTriple>();
  for (const language of ['fi', 'sv', 'en'] as const) {
    const text = await readFile(join(directory, filePattern.replace('{lang}', language)), 'utf8');
    for (const line of text.split('\n')) {
      const [uri, label] = line.split('\t');
      if (!uri || !label) continue;
      const cleaned = label.replace(/^"|"$/g, '').trim();
      let triple = byUri.get(uri);
      if (!triple) byUri.set(uri, (triple = {}));
      triple[language] = cleaned;
    }
  }
  return [...byUri.values()];
}
