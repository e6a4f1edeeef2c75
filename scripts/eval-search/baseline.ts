/**
 * The plain PostgreSQL baseline of shared/search-eval/README.md over the same records: one row
 * per service and language, setweight(name + alternative names, A) || setweight(summary, B) ||
 * setweight(description, C) with the snowball config of the row's language; a query matches
 * only rows of its own language with plainto_tsquery, ranked by ts_rank, ties by id.
 */
import type { Db } from '../../src/db/index.ts';

export async function buildBaseline(db: Db): Promise<void> {
  await db.exec(`CREATE TEMP TABLE baseline_rows (service_id text, language text, tsv tsvector);
    INSERT INTO baseline_rows
    SELECT s.source_id, l.language,
           setweight(to_tsvector(l.config, coalesce(s.name->>l.language, '') || ' ' || coalesce(s.alternative_names->>l.language, '')), 'A')
        || setweight(to_tsvector(l.config, coalesce(s.summary->>l.language, '')), 'B')
        || setweight(to_tsvector(l.config, coalesce(s.description->>l.language, '')), 'C')
      FROM services s
      CROSS JOIN (VALUES ('fi', 'finnish'::regconfig), ('sv', 'swedish'::regconfig), ('en', 'english'::regconfig)) AS l(language, config)
     WHERE s.name ? l.language OR s.summary ? l.language OR s.description ? l.language;
    CREATE INDEX ON baseline_rows USING gin (tsv);`);
}

const configs: Record<string, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };

export async function searchBaseline(db: Db, query: string, language: string, limit = 50): Promise<string[]> {
  const rows = await db.query<{ service_id: string }>(
    `SELECT service_id FROM baseline_rows
      WHERE language = $1 AND tsv @@ plainto_tsquery($2::regconfig, $3)
      ORDER BY ts_rank(tsv, plainto_tsquery($2::regconfig, $3)) DESC, service_id LIMIT $4`,
    [language, configs[language] ?? 'simple', query, limit],
  );
  return rows.map((r) => r.service_id);
}
