/**
 * The search module's SQL: one function per query, plain SQL that runs on PostgreSQL 15 and
 * PGlite alike. Tables (see DESIGN-NOTES.md for the DDL):
 *   search_documents (service_id, place_ids text[], tsv tsvector)       GIN (tsv)
 *   search_vocabulary (lexeme text PRIMARY KEY, doc_count integer)      GIN (lexeme gin_trgm_ops)
 */
import type { Queryable } from '../../../db/index.ts';

export interface StemRow {
  ordinal: number;
  lexeme: string;
}

/** Index lexemes of each (config, text) pair, through the same text-search configs as the index. */
export async function listStems(db: Queryable, configs: readonly string[], texts: readonly string[]): Promise<StemRow[]> {
  return db.query<StemRow>(
    `SELECT t.ordinal::integer AS ordinal, l.lexeme
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(config, text, ordinal)
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(t.config::regconfig, t.text))) AS l(lexeme)`,
    [configs, texts],
  );
}

export interface VocabularyRow {
  lexeme: string;
  docCount: number;
}

export async function listVocabulary(db: Queryable, lexemes: readonly string[]): Promise<VocabularyRow[]> {
  return db.query<VocabularyRow>(
    `SELECT lexeme, doc_count AS "docCount" FROM search_vocabulary WHERE lexeme = ANY($1::text[])`,
    [lexemes],
  );
}

export interface NeighbourRow {
  lexeme: string;
  neighbour: string;
  docCount: number;
  similarity: number;
}

/**
 * Vocabulary terms that contain each lexeme: the compounds it is part of (liikun →
 * liikuntapalvelu, ryhmäliikunt; motion → gruppmotion). 'affix' keeps only terms that begin or
 * end with it; 'infix' also those with it inside (a Snowball stem may end mid-word: the
 * query stem liikun sits inside ryhmäliikunt). The trigram index serves both LIKE forms.
 */
export async function listCompoundNeighbours(
  db: Queryable,
  lexemes: readonly string[],
  options: { minLength: number; limit: number; match: 'affix' | 'infix' },
): Promise<NeighbourRow[]> {
  return db.query<NeighbourRow>(
    `SELECT q.lexeme, v.lexeme AS neighbour, v.doc_count AS "docCount", 1::float8 AS similarity
       FROM unnest($1::text[]) AS q(lexeme)
      CROSS JOIN LATERAL (
        SELECT n.lexeme, n.doc_count
          FROM search_vocabulary n
         WHERE char_length(q.lexeme) >= $2
           AND n.lexeme <> q.lexeme
           AND CASE $4::text
                 WHEN 'infix' THEN n.lexeme LIKE '%' || replace(replace(replace(q.lexeme, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
                 ELSE n.lexeme LIKE replace(replace(replace(q.lexeme, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
                   OR n.lexeme LIKE '%' || replace(replace(replace(q.lexeme, '\\', '\\\\'), '%', '\\%'), '_', '\\_')
               END
         ORDER BY n.doc_count DESC, n.lexeme
         LIMIT $3
      ) AS v`,
    [lexemes, options.minLength, options.limit, options.match],
  );
}

/** Nearest vocabulary terms by trigram similarity: the typo fallback (vertaistukki → vertaistuki). */
export async function listSimilarLexemes(
  db: Queryable,
  lexemes: readonly string[],
  options: { minSimilarity: number; limit: number },
): Promise<NeighbourRow[]> {
  return db.query<NeighbourRow>(
    `SELECT q.lexeme, v.lexeme AS neighbour, v.doc_count AS "docCount", v.similarity
       FROM unnest($1::text[]) AS q(lexeme)
      CROSS JOIN LATERAL (
        SELECT n.lexeme, n.doc_count, similarity(n.lexeme, q.lexeme)::float8 AS similarity
          FROM search_vocabulary n
         WHERE n.lexeme % q.lexeme
           AND similarity(n.lexeme, q.lexeme) >= $2
         ORDER BY similarity(n.lexeme, q.lexeme) DESC, n.doc_count DESC, n.lexeme
         LIMIT $3
      ) AS v`,
    [lexemes, options.minSimilarity, options.limit],
  );
}

/** Placeholders rankServices uses itself ($1…$12); a candidate restriction numbers from $13. */
export const rankParameterCount = 12;

export interface RankInput {
  slots: readonly number[];
  /** tsquery text per term (quoted lexemes). */
  queries: readonly string[];
  weights: readonly number[];
  /** Slots that can match at all (denominator of the coverage factor). */
  activeSlots: number;
  /** 'count': matched slots / active slots; 'weighted': by each slot's strongest term weight. */
  coverage: 'count' | 'weighted';
  /** Per slot (index = slot number) the weight of its strongest term; 0 for inactive slots. */
  slotWeights: readonly number[];
  coverageExponent: number;
  /** Per-slot saturation k: a slot adds score / (score + k); 0 adds the raw score. */
  saturation: number;
  places: readonly string[];
  placeBoost: number;
  /** ts_rank weights {D, C, B, A}: description, summary, labels, name. */
  fieldWeights: readonly [number, number, number, number];
  limit: number;
  /**
   * Bounds the documents that are ranked: `where` is a SQL condition over the service id text
   * `d.service_id` whose placeholders start at $13 (the caller's filters), and at most `max`
   * matching documents are ranked (cost control on very large catalogues).
   */
  candidates?: { where?: string; params?: readonly unknown[]; max?: number };
  /**
   * How candidates are found: 'index' through the GIN index of the terms (rare terms), 'scan'
   * by testing documents one by one until `max` match (common terms: the index would list most
   * of the catalogue only for the LIMIT to drop it; the filters' own indexes still apply).
   * Applies when `tiers` is absent.
   */
  access?: 'index' | 'scan';
  /**
   * Candidate sources tried in order, in the same statement: the first whose matches (after
   * the filters, up to `max`) number at least `tierMinimum` is ranked, and the last is ranked
   * whatever its count. Every term still scores the candidates. Absent: one source, the OR of
   * every term (with `access`). See DESIGN-NOTES.md, "Candidate tiers".
   */
  tiers?: readonly CandidateTier[];
  tierMinimum?: number;
}

/** Documents that match every group (AND) of some of the terms (OR within a group). */
export interface CandidateTier {
  /** Indexes into `queries`. */
  groups: readonly (readonly number[])[];
  access?: 'index' | 'scan';
}

export interface RankedServiceRow {
  serviceId: string;
  score: number;
  matchedSlots: number;
}

/** A facet count: theme, target_group, language, municipality, free, kaikukortti. */
export interface RankFacetRow {
  facet: string;
  value: string;
  count: number;
}

/**
 * The facet counts over the rows of `source` (a query yielding the search documents'
 * `filter_keys`, migration 0202) as (facet, value, count) rows, in one pass over the keys: th:
 * theme, tg: target group, l: language, m: municipality (m:* marks nationwide and is not
 * counted), cost:free and kaikukortti. Region keys are not a facet. Shared by the text ranking
 * (over its ranked rows) and the filters-only facets (search.queries.ts).
 *
 * The keys are unnested in the select list (one ProjectSet, not a function scan per row) and
 * the keys that are not counted are dropped after grouping (OFFSET 0 keeps that test from being
 * pushed down to every key): a third of the time over a whole tray.
 */
export function facetCountsSql(source: string): string {
  return `SELECT CASE x.prefix WHEN 'th' THEN 'theme' WHEN 'tg' THEN 'target_group' WHEN 'l' THEN 'language'
                 WHEN 'm' THEN 'municipality' WHEN 'cost' THEN 'free' ELSE 'kaikukortti' END AS facet,
            CASE WHEN x.prefix IN ('cost', 'kaikukortti') THEN 'true' ELSE x.value END AS value, g.count
       FROM (SELECT u.k, count(*)::integer AS count FROM (SELECT unnest(src.filter_keys) AS k FROM (${source}) AS src) AS u
              GROUP BY u.k OFFSET 0) AS g
      CROSS JOIN LATERAL (SELECT split_part(g.k, ':', 1) AS prefix, substr(g.k, strpos(g.k, ':') + 1) AS value) AS x
      WHERE g.k NOT LIKE 'r:%' AND g.k NOT IN ('m:*', 'cost:fee', 'cost:unknown')`;
}

export interface RankResult {
  rows: RankedServiceRow[];
  /** Counts over the filter columns of the ranked rows (the facets of a text search). */
  facets: RankFacetRow[];
  /** The candidate tier that was ranked (index into `tiers`; 0 without tiers). */
  tier: number;
}

/** ts_rank's weights for D, C, B, A when none are given (PostgreSQL's tsrank.c). */
const tsRankDefaultWeights = [0.1, 0.2, 0.4, 1.0] as const;

/** A quoted lexeme ('liikun'), as resolveTerms writes a single term; not a phrase or an operator. */
function isSingleLexeme(query: string): boolean {
  return /^'(?:[^']|'')*'$/.test(query);
}

/**
 * Ranks services: per slot the best weighted ts_rank of its lexemes, summed over slots, times
 * (matched slots / active slots)^coverageExponent, times a boost for services in a named place.
 */
export async function rankServices(db: Queryable, input: RankInput): Promise<RankResult> {
  // No term (no word of the query is known): nothing matches.
  if (input.queries.length === 0) return { rows: [], facets: [], tier: 0 };
  const tiers: readonly CandidateTier[] = input.tiers?.length ? input.tiers : [{ groups: [input.queries.map((_, i) => i)], ...(input.access ? { access: input.access } : {}) }];
  for (const tier of tiers) {
    if (tier.groups.length === 0 || tier.groups.some((group) => group.length === 0 || group.some((i) => !Number.isInteger(i) || i < 0 || i >= input.queries.length))) {
      throw new Error('rankServices: a candidate tier must name some of the terms in every group');
    }
  }
  // Each tier's tsquery (AND of ORs of the terms' own tsqueries) is a parameter after the caller's.
  const restriction = input.candidates?.params ?? [];
  const tierQueries = tiers.map((tier) => tier.groups.map((group) => `(${group.map((i) => `(${input.queries[i]})`).join(' | ')})`).join(' & '));
  const tierParam = (k: number) => `$${rankParameterCount + restriction.length + k + 1}::tsquery`;
  const tierWhere = (k: number) => {
    // 'index': the query as a subquery keeps its value from the planner, which would otherwise
    // take a common OR for a sequential scan until the cap; the GIN index is the way we chose.
    const match = tiers[k]!.access === 'scan' ? `(d.tsv @@ ${tierParam(k)}) IS TRUE` : `d.tsv @@ (SELECT ${tierParam(k)})`;
    return `${match}${input.candidates?.where ? ` AND (${input.candidates.where})` : ''}${input.candidates?.max ? ` LIMIT ${Math.trunc(input.candidates.max)}` : ''}`;
  };
  const last = tiers.length - 1;
  const minimum = Math.max(0, Math.trunc(input.tierMinimum ?? 0));
  // One tier: its documents are the candidates. Several: each earlier tier lists the row
  // addresses of its documents (a CTE, run only when the tiers before it fell short), pick
  // names the first with enough of them, and only the picked branch of candidates runs (a
  // one-time filter), reading its rows again by address (a TID scan: no copy of the tsvectors,
  // which could outgrow work_mem; the statement's snapshot keeps the addresses valid).
  const candidatesSql =
    tiers.length === 1
      ? `candidates AS (
       -- One index scan for the terms (and the filters: one GIN index holds both), or a scan
       -- that stops at the cap; then each term is checked on the candidates only.
       SELECT d.service_id, d.tsv, d.place_ids, d.filter_keys FROM search_documents d WHERE ${tierWhere(0)}
     ),`
      : `${tiers
          .slice(0, last)
          .map((_, k) => `t${k} AS MATERIALIZED (SELECT d.ctid AS tid FROM search_documents d WHERE ${tierWhere(k)}),`)
          .join('\n     ')}
     pick AS MATERIALIZED (
       SELECT CASE ${tiers.slice(0, last).map((_, k) => `WHEN (SELECT count(*) FROM t${k}) >= ${minimum} THEN ${k}`).join(' ')} ELSE ${last} END AS tier
     ),
     candidates AS (
       ${tiers
         .slice(0, last)
         .map(
           (_, k) => `SELECT d.service_id, d.tsv, d.place_ids, d.filter_keys FROM search_documents d
        WHERE (SELECT tier FROM pick) = ${k} AND d.ctid = ANY(ARRAY(SELECT tid FROM t${k}))`,
         )
         .join('\n       UNION ALL\n       ')}
       UNION ALL
       (SELECT d.service_id, d.tsv, d.place_ids, d.filter_keys FROM search_documents d
         WHERE (SELECT tier FROM pick) = ${last} AND ${tierWhere(last)})
     ),`;
  // Per slot, the best weighted rank of its terms, as one expression per slot: every term's
  // tsquery is parsed once (the one-row \`q\`), and a candidate costs no subquery or aggregate.
  const number = (value: number) => {
    if (!Number.isFinite(value)) throw new Error(`rankServices: not a finite number: ${value}`);
    return `${value}::float8`;
  };
  const slotIds = [...new Set(input.slots)].sort((a, b) => a - b);
  // Each distinct query is ranked once per candidate (column rK), however many slots name it:
  // a concept may repeat a query word (ikäihminen as the word and as a concept term).
  const distinct = [...new Set(input.queries)];
  // ts_rank's own weights are {0.1, 0.2, 0.4, 1.0}: with those, the two-argument form skips
  // reading the weights array on every call (same ranks).
  const defaultWeights = input.fieldWeights.every((w, i) => w === tsRankDefaultWeights[i]);
  const rankOf = input.queries.map((query) => distinct.indexOf(query));
  // A one-lexeme term needs no @@ test: its ts_rank is 0 exactly when the lexeme is absent. A
  // phrase (AND of ORs) is tested: ts_rank of an AND query is not 0 when only part matches.
  const rankColumn = (query: string, k: number) => {
    const rank = defaultWeights ? `ts_rank(c.tsv, q.t${k})` : `ts_rank($8::float4[], c.tsv, q.t${k})`;
    return `${isSingleLexeme(query) ? rank : `CASE WHEN c.tsv @@ q.t${k} THEN ${rank} END`} AS r${k}`;
  };
  const termScore = (i: number) => `${number(input.weights[i]!)} * r.r${rankOf[i]}`;
  const slotScore = (slot: number) => `coalesce(greatest(${input.slots.flatMap((s, i) => (s === slot ? [termScore(i)] : [])).join(', ')}), 0)`;
  const slotColumns = slotIds.map((slot) => `${slotScore(slot)} AS s${slot}`).join(', ');
  const rankColumns = distinct.map(rankColumn).join(', ');
  const termColumns = distinct.map((query, k) => `($2::text[])[${input.queries.indexOf(query) + 1}]::tsquery AS t${k}`).join(', ');
  const saturate = (column: string) => (input.saturation > 0 ? `${column} / (${column} + ${number(input.saturation)})` : column);
  const slotWeight = (slot: number) => number(input.slotWeights[slot] ?? 0);
  const total = slotIds.map((slot) => `CASE WHEN s${slot} > 0 THEN ${saturate(`s${slot}`)} ELSE 0 END`).join(' + ') || '0';
  const covered = slotIds.map((slot) => `CASE WHEN s${slot} > 0 THEN ${slotWeight(slot)} ELSE 0 END`).join(' + ') || '0';
  const matched = slotIds.map((slot) => `(s${slot} > 0)::integer`).join(' + ') || '0';
  const result = await db.query<RankedServiceRow & { facets: RankFacetRow[] | null; tier: number | null }>(
    // q also names $1, $3, $8 and $10 (slots, weights, saturation inlined above; field weights) so that every
    // placeholder has a type: the caller's restriction numbers from $13.
    `WITH q AS MATERIALIZED (SELECT $1::integer[] AS slots, $3::float8[] AS weights, $8::float4[] AS field_weights, $10::float8 AS saturation${termColumns ? `, ${termColumns}` : ''}),
     ${candidatesSql}
     scored AS (
       -- Each OFFSET 0 keeps its subquery from being merged into the next level, so that every
       -- rank and every slot expression is computed once per candidate however often it is used.
       SELECT s.service_id, s.place_ids, s.filter_keys,
              (${total})::float8 AS total, (${covered})::float8 AS covered, (${matched}) AS matched
         FROM (SELECT r.service_id, r.place_ids, r.filter_keys, ${slotColumns || '0 AS none'}
                 FROM (SELECT c.service_id, c.place_ids, c.filter_keys${rankColumns ? `, ${rankColumns}` : ''}
                         FROM candidates c CROSS JOIN q OFFSET 0) AS r
               OFFSET 0) AS s
     ),
     ranked AS MATERIALIZED (
       SELECT s.service_id, s.matched, s.filter_keys,
              (s.total
                * power(CASE WHEN $12::text = 'weighted'
                               THEN s.covered / greatest((SELECT sum(w) FROM unnest($11::float8[]) AS sw(w)), 1e-9)
                               ELSE s.matched::float8 / $4::float8 END, $5::float8)
                * CASE WHEN s.place_ids && $6::text[] THEN $7::float8 ELSE 1 END)::float8 AS score
         FROM scored s
        WHERE s.matched > 0
        ORDER BY score DESC, s.service_id
        LIMIT $9::integer
     )
     SELECT service_id AS "serviceId", score, matched::integer AS "matchedSlots", NULL::jsonb AS facets, NULL::integer AS tier FROM ranked
     UNION ALL
     -- One more row: the facet counts over the ranked rows, and the tier ranked.
     SELECT NULL, NULL, NULL, coalesce((SELECT jsonb_agg(f) FROM (${facetCountsSql('SELECT filter_keys FROM ranked')}) AS f), '[]'::jsonb),
            ${tiers.length === 1 ? '0' : '(SELECT tier FROM pick)'}
     ORDER BY 4 NULLS FIRST, 2 DESC, 1`,
    [
      input.slots,
      input.queries,
      input.weights,
      Math.max(1, input.activeSlots),
      input.coverageExponent,
      input.places,
      input.placeBoost,
      input.fieldWeights,
      input.limit,
      input.saturation,
      input.slotWeights,
      input.coverage,
      ...restriction,
      ...tierQueries,
    ],
  );
  const summary = result.find((row) => row.serviceId === null);
  return {
    rows: result.filter((row) => row.serviceId !== null).map(({ serviceId, score, matchedSlots }) => ({ serviceId, score, matchedSlots })),
    facets: summary?.facets ?? [],
    tier: summary?.tier ?? 0,
  };
}
