/**
 * Resolves a query plan against the index vocabulary: stems each term with the index's
 * text-search configuration, keeps what the vocabulary knows, widens terms to the compounds
 * they are part of, replaces unknown words by their nearest vocabulary terms (typos), and
 * weights every lexeme by its rarity (idf).
 */
import type { Queryable } from '../../../db/index.ts';
import { listCompoundNeighbours, listSimilarLexemes, listStems, listVocabulary } from './search-text.queries.ts';
import type { QueryPlan } from './query-plan.ts';

export interface ResolveOptions {
  totalDocuments: number;
  /** Weight of a vocabulary term that contains the query term (compound neighbour). */
  compoundWeight: number;
  compoundMinLength: number;
  compoundLimit: number;
  /** Weight of a typo neighbour, times its similarity. */
  typoWeight: number;
  typoMinSimilarity: number;
  typoLimit: number;
}

export const defaultResolveOptions: Omit<ResolveOptions, 'totalDocuments'> = {
  compoundWeight: 0.6,
  compoundMinLength: 5,
  compoundLimit: 12,
  typoWeight: 0.9,
  typoMinSimilarity: 0.4,
  typoLimit: 3,
};

export interface ResolvedTerm {
  slot: number;
  lexeme: string;
  weight: number;
  how: 'exact' | 'compound' | 'typo';
}

export interface ResolvedQuery {
  terms: ResolvedTerm[];
  /** Slots with at least one lexeme in the vocabulary. */
  activeSlots: number;
}

export async function resolveTerms(db: Queryable, plan: QueryPlan, options: ResolveOptions): Promise<ResolvedQuery> {
  if (plan.terms.length === 0) return { terms: [], activeSlots: 0 };
  const stems = await listStems(db, plan.terms.map((t) => t.config), plan.terms.map((t) => t.text));
  const lexemesOf = plan.terms.map(() => [] as string[]);
  for (const row of stems) lexemesOf[row.ordinal - 1]?.push(row.lexeme);

  const allLexemes = [...new Set(lexemesOf.flat())];
  const docCount = new Map((await listVocabulary(db, allLexemes)).map((row) => [row.lexeme, row.docCount]));

  const widen = [...new Set(plan.terms.flatMap((t, i) => (t.widen === 'none' ? [] : lexemesOf[i] ?? [])))];
  const compounds = await listCompoundNeighbours(db, widen, { minLength: options.compoundMinLength, limit: options.compoundLimit });
  const compoundsOf = groupBy(compounds);

  // A word slot whose own word is nowhere in the vocabulary is a typo candidate.
  const typoLexemes = new Set<string>();
  plan.slots.forEach((slot, index) => {
    if (slot.kind !== 'word') return;
    const primary = plan.terms.flatMap((t, i) => (t.slot === index && t.primary ? lexemesOf[i] ?? [] : []));
    if (primary.length > 0 && !primary.some((lexeme) => docCount.has(lexeme))) primary.forEach((l) => typoLexemes.add(l));
  });
  const typos = typoLexemes.size
    ? groupBy(await listSimilarLexemes(db, [...typoLexemes], { minSimilarity: options.typoMinSimilarity, limit: options.typoLimit }))
    : new Map<string, { neighbour: string; docCount: number; similarity: number }[]>();

  const idf = (count: number) => Math.log(1 + options.totalDocuments / Math.max(1, count));
  const best = new Map<string, ResolvedTerm>();
  const add = (slot: number, lexeme: string, weight: number, how: ResolvedTerm['how']) => {
    const key = `${slot}|${lexeme}`;
    const previous = best.get(key);
    if (!previous || weight > previous.weight) best.set(key, { slot, lexeme, weight, how });
  };
  plan.terms.forEach((term, i) => {
    for (const lexeme of lexemesOf[i] ?? []) {
      const count = docCount.get(lexeme);
      if (count !== undefined) add(term.slot, lexeme, term.weight * idf(count), 'exact');
      if (term.widen !== 'none') {
        for (const n of compoundsOf.get(lexeme) ?? []) {
          add(term.slot, n.neighbour, term.weight * options.compoundWeight * idf(n.docCount), 'compound');
        }
      }
      if (term.primary && typoLexemes.has(lexeme)) {
        for (const n of typos.get(lexeme) ?? []) {
          add(term.slot, n.neighbour, term.weight * options.typoWeight * n.similarity * idf(n.docCount), 'typo');
        }
      }
    }
  });
  const terms = [...best.values()];
  return { terms, activeSlots: new Set(terms.map((t) => t.slot)).size };
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
