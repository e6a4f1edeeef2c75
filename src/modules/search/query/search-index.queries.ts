/**
 * SQL of the text index: documents (a weighted tsvector per service) and the vocabulary that
 * query rewriting looks terms up in. Finnish text arrives analysed (the analyser's terms joined
 * by spaces, indexed with 'simple'); Swedish and English text arrive raw and go through the
 * built-in snowball configurations. The same SQL runs on PostgreSQL 15 and PGlite.
 */
import type { Queryable } from '../../../db/index.ts';
import { publicServiceCondition } from '../../catalog/index.ts';

/**
 * Draft DDL (the prototype and tests create these tables; the catalogue integration turns it
 * into a migration). `search_index_state` records which analyser built the index.
 */
export const searchIndexSchemaSql = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE IF NOT EXISTS search_documents (
  service_id text PRIMARY KEY,
  place_ids text[] NOT NULL DEFAULT '{}',
  tsv tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE TABLE IF NOT EXISTS search_vocabulary (
  lexeme text PRIMARY KEY,
  doc_count integer NOT NULL
);
CREATE INDEX IF NOT EXISTS search_vocabulary_trgm_idx ON search_vocabulary USING gin (lexeme gin_trgm_ops);
CREATE TABLE IF NOT EXISTS search_index_state (
  name text PRIMARY KEY,
  analyser_id text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);`;

/** One row per service; `a`…`d` are the weight classes (A name … D description). */
export interface SearchDocumentRow {
  serviceId: string;
  placeIds: string[];
  /** Per weight class: Finnish analysed terms, Swedish text, English text. */
  a: [string, string, string];
  b: [string, string, string];
  c: [string, string, string];
  d: [string, string, string];
}

/** Nationwide services carry the area code '*': a region or municipality filter is one GIN overlap. */
const withNationwide = (column: string) => `CASE WHEN s.area_type = 'nationwide' THEN s.${column} || '{*}'::text[] ELSE s.${column} END`;

/**
 * Writes the documents with copies of their service's filter columns (themes, target groups,
 * ages, cost, Kaikukortti, languages, area): one row version per change.
 */
export async function upsertSearchDocuments(db: Queryable, rows: readonly SearchDocumentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (row: SearchDocumentRow) => string) => rows.map(pick);
  await db.query(
    `INSERT INTO search_documents (service_id, place_ids, tsv, themes, target_groups, age_min, age_max, cost_type, kaikukortti,
                                   languages, area_type, municipality_codes, region_codes)
     SELECT d.id, string_to_array(d.places, ','),
            setweight(to_tsvector('simple', d.a_fi) || to_tsvector('swedish', d.a_sv) || to_tsvector('english', d.a_en), 'A')
         || setweight(to_tsvector('simple', d.b_fi) || to_tsvector('swedish', d.b_sv) || to_tsvector('english', d.b_en), 'B')
         || setweight(to_tsvector('simple', d.c_fi) || to_tsvector('swedish', d.c_sv) || to_tsvector('english', d.c_en), 'C')
         || setweight(to_tsvector('simple', d.d_fi) || to_tsvector('swedish', d.d_sv) || to_tsvector('english', d.d_en), 'D'),
            coalesce(s.themes, '{}'), coalesce(s.target_groups, '{}'), s.age_min, s.age_max, coalesce(s.cost_type, 'unknown'),
            coalesce(s.kaikukortti, false), coalesce(s.languages, '{}'), coalesce(s.area_type, 'local'),
            coalesce(${withNationwide('municipality_codes')}, '{}'), coalesce(${withNationwide('region_codes')}, '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
            AS d(id, places, a_fi, a_sv, a_en, b_fi, b_sv, b_en, c_fi, c_sv, c_en, d_fi, d_sv, d_en)
       -- a document without a service (the text index used alone: tests, prototypes) has no filters
       LEFT JOIN services s
         ON s.id = CASE WHEN d.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN d.id::uuid END
     ON CONFLICT (service_id) DO UPDATE SET place_ids = excluded.place_ids, tsv = excluded.tsv, themes = excluded.themes,
       target_groups = excluded.target_groups, age_min = excluded.age_min, age_max = excluded.age_max,
       cost_type = excluded.cost_type, kaikukortti = excluded.kaikukortti, languages = excluded.languages,
       area_type = excluded.area_type, municipality_codes = excluded.municipality_codes, region_codes = excluded.region_codes`,
    [
      column((r) => r.serviceId),
      column((r) => r.placeIds.join(',')),
      ...(['a', 'b', 'c', 'd'] as const).flatMap((weight) => [0, 1, 2].map((i) => column((r) => r[weight][i] ?? ''))),
    ],
  );
}

/** Recounts the vocabulary from the documents (after a rebuild or a batch of changes). */
export async function rebuildSearchVocabulary(db: Queryable): Promise<void> {
  await db.query('DELETE FROM search_vocabulary');
  await db.query(`INSERT INTO search_vocabulary (lexeme, doc_count)
                  SELECT word, ndoc FROM ts_stat('SELECT tsv FROM search_documents')`);
}

export async function findIndexAnalyser(db: Queryable, name: string): Promise<string | null> {
  const rows = await db.query<{ analyserId: string }>(
    `SELECT analyser_id AS "analyserId" FROM search_index_state WHERE name = $1`,
    [name],
  );
  return rows[0]?.analyserId ?? null;
}

export async function upsertIndexAnalyser(db: Queryable, name: string, analyserId: string): Promise<void> {
  await db.query(
    `INSERT INTO search_index_state (name, analyser_id) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET analyser_id = excluded.analyser_id, built_at = now()`,
    [name, analyserId],
  );
}

export async function countSearchDocuments(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM search_documents');
  return rows[0]?.count ?? 0;
}

/** What the index needs of a service (the raw PTV classification names for fi/sv/en labels). */
export interface IndexSourceRow {
  id: string;
  name: Record<string, string>;
  alternative_names: Record<string, string>;
  summary: Record<string, string>;
  plain_summary: Record<string, string>;
  description: Record<string, string>;
  user_instructions: Record<string, string>;
  keywords: Record<string, string[]>;
  themes: string[];
  target_groups: string[];
  municipality_codes: string[];
  /** {serviceClasses, ontologyTerms, targetGroups, lifeEvents} of the raw source payload, if any. */
  classification: Record<string, unknown> | null;
}

const indexSourceSelect = `
  SELECT s.id, s.name, s.alternative_names, s.summary, s.plain_summary, s.description, s.user_instructions,
         s.keywords, s.themes, s.target_groups, s.municipality_codes,
         CASE WHEN p.payload IS NULL THEN NULL ELSE jsonb_build_object(
           'serviceClasses', p.payload->'serviceClasses', 'ontologyTerms', p.payload->'ontologyTerms',
           'targetGroups', p.payload->'targetGroups', 'lifeEvents', p.payload->'lifeEvents') END AS classification
    FROM services s
    LEFT JOIN source_payloads p ON p.source = s.source AND p.entity = 'service' AND p.source_id = s.source_id`;

/** Index sources of the given services that residents can see (others get no document). */
export async function listIndexSources(q: Queryable, ids: readonly string[]): Promise<IndexSourceRow[]> {
  if (ids.length === 0) return [];
  return q.query<IndexSourceRow>(`${indexSourceSelect} WHERE s.id = ANY($1::uuid[]) AND ${publicServiceCondition}`, [ids]);
}

/** One page of every public service, in id order (bulk rebuild). */
export async function listIndexSourcePage(q: Queryable, afterId: string | null, limit: number): Promise<IndexSourceRow[]> {
  return q.query<IndexSourceRow>(
    `${indexSourceSelect} WHERE ${publicServiceCondition} AND ($1::uuid IS NULL OR s.id > $1::uuid)
     ORDER BY s.id LIMIT $2`,
    [afterId, limit],
  );
}

export async function countIndexSources(q: Queryable): Promise<number> {
  const rows = await q.query<{ count: number }>(`SELECT count(*)::integer AS count FROM services s WHERE ${publicServiceCondition}`);
  return rows[0]?.count ?? 0;
}

/**
 * Adds `sign` × the lexemes of the given documents to the vocabulary (−1 before they change,
 * +1 after): incremental upkeep in the writer's transaction, no full ts_stat.
 */
export async function adjustVocabulary(q: Queryable, serviceIds: readonly string[], sign: 1 | -1): Promise<void> {
  if (serviceIds.length === 0) return;
  await q.query(
    `INSERT INTO search_vocabulary AS v (lexeme, doc_count)
     SELECT l.lexeme, count(*)::integer * $2::integer
       FROM search_documents d CROSS JOIN LATERAL unnest(tsvector_to_array(d.tsv)) AS l(lexeme)
      WHERE d.service_id = ANY($1::text[])
      GROUP BY l.lexeme
     ON CONFLICT (lexeme) DO UPDATE SET doc_count = v.doc_count + excluded.doc_count`,
    [serviceIds, sign],
  );
  if (sign === -1) await q.query('DELETE FROM search_vocabulary WHERE doc_count <= 0');
}

export async function deleteSearchDocuments(q: Queryable, serviceIds: readonly string[] | 'all'): Promise<void> {
  if (serviceIds === 'all') await q.query('DELETE FROM search_documents');
  else if (serviceIds.length > 0) await q.query('DELETE FROM search_documents WHERE service_id = ANY($1::text[])', [serviceIds]);
}
