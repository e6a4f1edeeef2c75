/**
 * SQL of the text index: documents (a weighted tsvector per service) and the vocabulary that
 * query rewriting looks terms up in. Finnish text arrives analysed (the analyser's terms joined
 * by spaces, indexed with 'simple'); Swedish and English text arrive raw and go through the
 * built-in snowball configurations. The same SQL runs on PostgreSQL 15 and PGlite.
 */
import type { Queryable } from '../../../db/index.ts';

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

export async function upsertSearchDocuments(db: Queryable, rows: readonly SearchDocumentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (row: SearchDocumentRow) => string) => rows.map(pick);
  await db.query(
    `INSERT INTO search_documents (service_id, place_ids, tsv)
     SELECT d.id, string_to_array(d.places, ','),
            setweight(to_tsvector('simple', d.a_fi) || to_tsvector('swedish', d.a_sv) || to_tsvector('english', d.a_en), 'A')
         || setweight(to_tsvector('simple', d.b_fi) || to_tsvector('swedish', d.b_sv) || to_tsvector('english', d.b_en), 'B')
         || setweight(to_tsvector('simple', d.c_fi) || to_tsvector('swedish', d.c_sv) || to_tsvector('english', d.c_en), 'C')
         || setweight(to_tsvector('simple', d.d_fi) || to_tsvector('swedish', d.d_sv) || to_tsvector('english', d.d_en), 'D')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
            AS d(id, places, a_fi, a_sv, a_en, b_fi, b_sv, b_en, c_fi, c_sv, c_en, d_fi, d_sv, d_en)
     ON CONFLICT (service_id) DO UPDATE SET place_ids = excluded.place_ids, tsv = excluded.tsv`,
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
