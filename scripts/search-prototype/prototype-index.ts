/**
 * Throwaway tables for the prototype: the same shape as the planned migration (DESIGN-NOTES.md).
 * Each field's Finnish text goes through the Finnish analyser into a 'simple' tsvector; Swedish
 * and English text through PostgreSQL's snowball `swedish` / `english` configurations.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { FinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import type { CorpusService } from './ptv-corpus.ts';

export const schemaSql = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DROP TABLE IF EXISTS search_documents, search_vocabulary, search_index_state;
CREATE TABLE search_documents (
  service_id text PRIMARY KEY,
  place_ids text[] NOT NULL DEFAULT '{}',
  tsv tsvector NOT NULL
);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE TABLE search_vocabulary (
  lexeme text PRIMARY KEY,
  doc_count integer NOT NULL
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (lexeme gin_trgm_ops);
CREATE TABLE search_index_state (
  name text PRIMARY KEY,
  analyser_id text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);`;

/** The weighted document: A name, B keywords and classification labels, C summary and target groups, D description. */
export const insertDocumentsSql = `
INSERT INTO search_documents (service_id, place_ids, tsv)
SELECT d.id, string_to_array(d.places, ','),
       setweight(to_tsvector('simple', d.a_fi) || to_tsvector('swedish', d.a_sv) || to_tsvector('english', d.a_en), 'A')
    || setweight(to_tsvector('simple', d.b_fi) || to_tsvector('swedish', d.b_sv) || to_tsvector('english', d.b_en), 'B')
    || setweight(to_tsvector('simple', d.c_fi) || to_tsvector('swedish', d.c_sv) || to_tsvector('english', d.c_en), 'C')
    || setweight(to_tsvector('simple', d.d_fi) || to_tsvector('swedish', d.d_sv) || to_tsvector('english', d.d_en), 'D')
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
              $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
       AS d(id, places, a_fi, a_sv, a_en, b_fi, b_sv, b_en, c_fi, c_sv, c_en, d_fi, d_sv, d_en)`;

export const rebuildVocabularySql = `
DELETE FROM search_vocabulary;
INSERT INTO search_vocabulary (lexeme, doc_count)
SELECT word, ndoc FROM ts_stat('SELECT tsv FROM search_documents');`;

export interface IndexOptions {
  /** Put class/ontology labels in B (default) or C. */
  labelWeight: 'B' | 'C';
}

export async function buildIndex(db: PGlite, services: CorpusService[], analyser: FinnishAnalyser, options: IndexOptions = { labelWeight: 'B' }) {
  await db.exec(schemaSql);
  const columns: string[][] = Array.from({ length: 14 }, () => []);
  const fi = (text: string | undefined) => (text ? analyser.documentTerms(text).join(' ') : '');
  for (const s of services) {
    const labels = (l: 'fi' | 'sv' | 'en') => [s.classLabels[l], s.ontologyLabels[l]].filter(Boolean).join('\n');
    const fields = {
      a: { fi: s.names.fi, sv: s.names.sv, en: s.names.en },
      b: { fi: s.keywords.fi ?? '', sv: s.keywords.sv ?? '', en: s.keywords.en ?? '' },
      c: { fi: [s.summary.fi, s.groupLabels.fi].join('\n'), sv: [s.summary.sv, s.groupLabels.sv].join('\n'), en: [s.summary.en, s.groupLabels.en].join('\n') },
      d: { fi: s.description.fi ?? '', sv: s.description.sv ?? '', en: s.description.en ?? '' },
    };
    const target = options.labelWeight === 'B' ? fields.b : fields.c;
    for (const l of ['fi', 'sv', 'en'] as const) target[l] = [target[l], labels(l)].join('\n');
    const values = [
      s.id, s.placeIds.join(','),
      fi(fields.a.fi), fields.a.sv ?? '', fields.a.en ?? '',
      fi(fields.b.fi), fields.b.sv, fields.b.en,
      fi(fields.c.fi), fields.c.sv, fields.c.en,
      fi(fields.d.fi), fields.d.sv, fields.d.en,
    ];
    values.forEach((value, i) => columns[i]!.push(value));
  }
  await db.query(insertDocumentsSql, columns);
  await db.exec(rebuildVocabularySql);
  await db.query(`INSERT INTO search_index_state (name, analyser_id) VALUES ('services', $1)`, [analyser.id]);
}
