-- Search (issue 4): the analysed full-text index, its vocabulary and the analyser that built it.
-- One document per public service: a weighted tsvector (A name, B keywords, themes and
-- classification labels, C summary and target groups, D description and instructions). Finnish
-- text is stored as the analyser's terms through 'simple'; Swedish and English text go through
-- the built-in snowball configurations. Identical on PostgreSQL 15 and PGlite (pg_trgm is loaded
-- by 0001_catalog.sql and by src/db/pglite.ts).
CREATE TABLE search_documents (
  -- the service's id as text (no foreign key: results are always joined to services, and the
  -- writers remove documents of services that are no longer public)
  service_id text PRIMARY KEY,
  -- municipality codes of the service: a query naming a place boosts them
  place_ids text[] NOT NULL DEFAULT '{}',
  tsv tsvector NOT NULL
);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);

-- Every lexeme of the index with the number of documents holding it: idf, compound widening
-- (LIKE on the trigram index) and the typo fallback (pg_trgm similarity).
CREATE TABLE search_vocabulary (
  lexeme text PRIMARY KEY,
  doc_count integer NOT NULL
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (lexeme gin_trgm_ops);

-- Which analyser built the index ('voikko-1', 'fallback-snowball-2'): a different analyser at
-- start-up rebuilds the index.
CREATE TABLE search_index_state (
  name text PRIMARY KEY,
  analyser_id text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
