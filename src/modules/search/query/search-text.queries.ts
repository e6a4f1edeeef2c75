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
}

export interface RankedServiceRow {
  serviceId: string;
  score: number;
  matchedSlots: number;
}

/**
 * Ranks services: per slot the best weighted ts_rank of its lexemes, summed over slots, times
 * (matched slots / active slots)^coverageExponent, times a boost for services in a named place.
 */
export async function rankServices(db: Queryable, input: RankInput): Promise<RankedServiceRow[]> {
  return db.query<RankedServiceRow>(
    `WITH terms AS (
       SELECT t.slot, t.weight, t.query::tsquery AS query
         FROM unnest($1::integer[], $2::text[], $3::float8[]) AS t(slot, query, weight)
     ),
     candidates AS (
       -- One GIN scan for the OR of every term, then each term is checked on the candidates only.
       SELECT d.service_id, d.tsv, d.place_ids
         FROM search_documents d
        WHERE d.tsv @@ (SELECT ('(' || string_agg(term, ') | (') || ')')::tsquery
                          FROM unnest($2::text[]) AS q(term))${input.candidates?.where ? `
          AND (${input.candidates.where})` : ''}
        ${input.candidates?.max ? `LIMIT ${Math.trunc(input.candidates.max)}` : ''}
     ),
     slot_scores AS (
       -- Per candidate (lateral): the wide tsvector never reaches a sort or a join.
       SELECT c.service_id, c.place_ids, r.slot, r.score
         FROM candidates c
        CROSS JOIN LATERAL (
          SELECT t.slot, max(t.weight * ts_rank($8::float4[], c.tsv, t.query)) AS score
            FROM terms t WHERE c.tsv @@ t.query
           GROUP BY t.slot
        ) AS r
     )
     SELECT s.service_id AS "serviceId",
            (sum(CASE WHEN $10::float8 > 0 THEN s.score / (s.score + $10::float8) ELSE s.score END)
              * power(CASE WHEN $12::text = 'weighted'
                             THEN sum(($11::float8[])[s.slot + 1]) / greatest((SELECT sum(w) FROM unnest($11::float8[]) AS sw(w)), 1e-9)
                             ELSE count(*)::float8 / $4::float8 END, $5::float8)
              * CASE WHEN s.place_ids && $6::text[] THEN $7::float8 ELSE 1 END)::float8 AS score,
            count(*)::integer AS "matchedSlots"
       FROM slot_scores s
      GROUP BY s.service_id, s.place_ids
      ORDER BY score DESC, s.service_id
      LIMIT $9::integer`,
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
      ...(input.candidates?.params ?? []),
    ],
  );
}
