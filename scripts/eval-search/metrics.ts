/** nDCG@10 (gain 2^g − 1, discount log2(rank + 1)), recall@20 and the zero-result rate, macro-averaged. */
export interface Judged {
  id: string;
  lang: string;
  judgments: Record<string, number>;
}

export interface Summary {
  queries: number;
  ndcg10: number;
  recall20: number;
  zeroResultRate: number;
}

const gain = (grade: number) => 2 ** grade - 1;

export function ndcgAt(ranking: readonly string[], judgments: Record<string, number>, k = 10): number {
  const dcg = ranking.slice(0, k).reduce((sum, id, i) => sum + gain(judgments[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments).filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

export function recallAt(ranking: readonly string[], judgments: Record<string, number>, k = 20): number {
  const relevant = Object.keys(judgments).filter((id) => (judgments[id] ?? 0) >= 1);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** Summaries per language and 'all'; rankings are deduplicated like the shared scorer does. */
export function summarise(set: readonly Judged[], runs: ReadonlyMap<string, readonly string[]>): Record<string, Summary> {
  const rows = set.map((q) => {
    const ranking = [...new Set(runs.get(q.id) ?? [])];
    return { lang: q.lang, ndcg: ndcgAt(ranking, q.judgments), recall: recallAt(ranking, q.judgments), zero: ranking.length === 0 };
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const of = (subset: typeof rows): Summary => ({
    queries: subset.length,
    ndcg10: mean(subset.map((r) => r.ndcg)),
    recall20: mean(subset.map((r) => r.recall)),
    zeroResultRate: mean(subset.map((r) => (r.zero ? 1 : 0))),
  });
  const out: Record<string, Summary> = {};
  for (const lang of [...new Set(rows.map((r) => r.lang))].sort()) out[lang] = of(rows.filter((r) => r.lang === lang));
  out.all = of(rows);
  return out;
}
