/**
 * Resolves a query plan against the index vocabulary: stems each term with the index's
 * text-search configuration, keeps what the vocabulary knows, widens terms to the compounds
 * they are part of, replaces unknown words by their nearest vocabulary terms (typos), and
 * weights every lexeme by its rarity (idf).
 */
import type { Queryable } from '../../../db/index.ts';
import { listCompoundNeighbours, listSimilarLexemes, listStems, listVocabulary } from './search-text.queries.ts';
import type { QueryPlan } from './query-plan.ts';
import { LruCache } from '../analysis/lru.ts';

export interface ResolveOptions {
  totalDocuments: number;
  /** Weight of a vocabulary term that contains the query term (compound neighbour). */
  compoundWeight: number;
  compoundMinLength: number;
  compoundLimit: number;
  compoundMatch: 'affix' | 'infix';
  /** Weight of a typo neighbour, times its similarity. */
  typoWeight: number;
  typoMinSimilarity: number;
  typoLimit: number;
}

export const defaultResolveOptions: Omit<ResolveOptions, 'totalDocuments'> = {
  compoundWeight: 0.6,
  compoundMinLength: 5,
  compoundLimit: 12,
  compoundMatch: 'infix',
  typoWeight: 0.9,
  typoMinSimilarity: 0.5,
  typoLimit: 3,
};

export interface ResolvedTerm {
  slot: number;
  /** A tsquery: one quoted lexeme, or an AND of ORs for a multi-word expansion. */
  query: string;
  weight: number;
  how: 'exact' | 'compound' | 'typo' | 'phrase';
  /** Documents that contain the term (for a phrase: its rarest word): the query's selectivity. */
  docCount: number;
  /** A lexeme of a query word itself (not of a part, translation, concept, compound or typo). */
  direct: boolean;
}

/** Quotes a lexeme for tsquery input syntax. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export interface ResolvedQuery {
  terms: ResolvedTerm[];
  /** Slots with at least one lexeme in the vocabulary. */
  activeSlots: number;
  /** Words that were not in the vocabulary and their nearest vocabulary term. */
  corrections: Correction[];
}

export interface Correction {
  slot: number;
  word: string;
  /** An index lexeme (a baseform with Voikko, a stem with the fallback). */
  correction: string;
  similarity: number;
}

/**
 * Index lexemes per (config, text), remembered per database: stemming through a text-search
 * configuration is a pure function of its input (the same in every process), so repeated words
 * ("jumppa", "kuoro") skip a round trip. Document counts, which change with the index, are
 * always read.
 */
const stemCaches = new WeakMap<object, LruCache<string, readonly string[]>>();
async function stemsOf(db: Queryable, terms: readonly { config: string; text: string }[]): Promise<string[][]> {
  let cache = stemCaches.get(db);
  if (!cache) stemCaches.set(db, (cache = new LruCache(10_000)));
  const keys = terms.map((t) => `${t.config}\u0000${t.text}`);
  const missing = terms.filter((_, i) => cache.get(keys[i]!) === undefined && keys.indexOf(keys[i]!) === i);
  if (missing.length > 0) {
    const found = missing.map(() => [] as string[]);
    for (const row of await listStems(db, missing.map((t) => t.config), missing.map((t) => t.text))) found[row.ordinal - 1]?.push(row.lexeme);
    missing.forEach((t, i) => cache.set(`${t.config}\u0000${t.text}`, found[i]!));
  }
  return keys.map((key) => [...(cache.get(key) ?? [])]);
}

export async function resolveTerms(db: Queryable, plan: QueryPlan, options: ResolveOptions): Promise<ResolvedQuery> {
  if (plan.terms.length === 0) return { terms: [], activeSlots: 0, corrections: [] };
  const lexemesOf = await stemsOf(db, plan.terms);

  const allLexemes = [...new Set(lexemesOf.flat())];
  const widen = [...new Set(plan.terms.flatMap((t, i) => (t.widen === 'none' ? [] : lexemesOf[i] ?? [])))];
  // Independent lookups: in parallel where the database has a pool.
  const [vocabulary, compounds] = await Promise.all([
    listVocabulary(db, allLexemes),
    listCompoundNeighbours(db, widen, { minLength: options.compoundMinLength, limit: options.compoundLimit, match: options.compoundMatch }),
  ]);
  const docCount = new Map(vocabulary.map((row) => [row.lexeme, row.docCount]));
  const compoundsOf = groupBy(compounds);

  // A word slot whose own word is nowhere in the vocabulary is a typo candidate: its analysed
  // terms and the word as typed are looked up by trigram similarity.
  const probesOf = new Map<number, string[]>();
  plan.slots.forEach((slot, index) => {
    if (slot.kind !== 'word') return;
    const primary = plan.terms.flatMap((t, i) => (t.slot === index && t.primary ? lexemesOf[i] ?? [] : []));
    if (primary.length === 0 || primary.some((lexeme) => docCount.has(lexeme))) return;
    probesOf.set(index, [...new Set([...primary, ...(slot.word ? [slot.word] : [])])]);
  });
  const probes = [...new Set([...probesOf.values()].flat())];
  const typos = probes.length
    ? groupBy(await listSimilarLexemes(db, probes, { minSimilarity: options.typoMinSimilarity, limit: options.typoLimit }))
    : new Map<string, { neighbour: string; docCount: number; similarity: number }[]>();

  const idf = (count: number) => Math.log(1 + options.totalDocuments / Math.max(1, count));
  const best = new Map<string, ResolvedTerm>();
  const add = (slot: number, query: string, weight: number, how: ResolvedTerm['how'], docCount: number, direct = false) => {
    const key = `${slot}|${query}`;
    const previous = best.get(key);
    if (!previous || weight > previous.weight) best.set(key, { slot, query, weight, how, docCount, direct: direct || (previous?.direct ?? false) });
    else if (direct) previous.direct = true;
  };
  const phrases = new Map<number, { slot: number; weight: number; words: Map<number, Set<string>> }>();
  plan.terms.forEach((term, i) => {
    if (term.phrase) {
      let phrase = phrases.get(term.phrase.id);
      if (!phrase) phrases.set(term.phrase.id, (phrase = { slot: term.slot, weight: term.weight, words: new Map() }));
      phrase.weight = Math.max(phrase.weight, term.weight);
      let lexemes = phrase.words.get(term.phrase.word);
      if (!lexemes) phrase.words.set(term.phrase.word, (lexemes = new Set()));
      for (const lexeme of lexemesOf[i] ?? []) if (docCount.has(lexeme)) lexemes.add(lexeme);
      return;
    }
    for (const lexeme of lexemesOf[i] ?? []) {
      const count = docCount.get(lexeme);
      const direct = term.direct === true && plan.slots[term.slot]?.kind === 'word';
      if (count !== undefined) add(term.slot, quoteLexeme(lexeme), term.weight * idf(count), 'exact', count, direct);
      if (term.widen !== 'none') {
        // A compound that contains the word is never stronger evidence than the word itself.
        const cap = count !== undefined ? idf(count) : Number.POSITIVE_INFINITY;
        for (const n of compoundsOf.get(lexeme) ?? []) {
          add(term.slot, quoteLexeme(n.neighbour), term.weight * options.compoundWeight * Math.min(cap, idf(n.docCount)), 'compound', n.docCount);
        }
      }
    }
  });
  const corrections: Correction[] = [];
  for (const [slot, slotProbes] of probesOf) {
    const neighbours = slotProbes
      .flatMap((probe) => typos.get(probe) ?? [])
      .sort((a, b) => b.similarity - a.similarity || b.docCount - a.docCount)
      .filter((n, i, all) => all.findIndex((m) => m.neighbour === n.neighbour) === i)
      .slice(0, options.typoLimit);
    for (const n of neighbours) add(slot, quoteLexeme(n.neighbour), options.typoWeight * n.similarity * idf(n.docCount), 'typo', n.docCount);
    const top = neighbours[0];
    if (top) corrections.push({ slot, word: plan.slots[slot]?.word ?? '', correction: top.neighbour, similarity: top.similarity });
  }
  // A multi-word expansion matches only when every word does; its rarest word sets its weight.
  for (const phrase of phrases.values()) {
    const words = [...phrase.words.values()];
    if (words.length < 2 || words.some((lexemes) => lexemes.size === 0)) continue;
    const rarest = Math.min(...words.flatMap((lexemes) => [...lexemes].map((l) => docCount.get(l) ?? options.totalDocuments)));
    const query = words.map((lexemes) => `(${[...lexemes].map(quoteLexeme).join(' | ')})`).join(' & ');
    add(phrase.slot, query, phrase.weight * idf(rarest), 'phrase', rarest);
  }
  const terms = [...best.values()];
  return { terms, activeSlots: new Set(terms.map((t) => t.slot)).size, corrections };
}

function groupBy(rows: { lexeme: string; neighbour: string; docCount: number; similarity: number }[]) {
  const map = new Map<string, { neighbour: string; docCount: number; similarity: number }[]>();
  for (const row of rows) {
    let list = map.get(row.lexeme);
    if (!list) map.set(row.lexeme, (list = []));
    list.push(row);
  }
  return map;
}
