/**
 * The plain PostgreSQL baseline of shared/search-eval/README.md: one row per service and
 * language, snowball config of the row's language, plainto_tsquery, ts_rank, ties by id.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { SearchLanguage } from '../../src/modules/search/analysis/language.ts';
import type { CorpusService } from './ptv-corpus.ts';

const configs: Record<SearchLanguage, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };

export async function buildBaseline(db: PGlite, services: CorpusService[]): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS baseline_rows;
    CREATE TABLE baseline_rows (service_id text, language text, tsv tsvector);
    CREATE INDEX ON baseline_rows USING gin (tsv);`);
  for (const s of services) {
    for (const language of ['fi', 'sv', 'en'] as const) {
      if (!s.names[language] && !s.summary[language] && !s.descriptionOnly[language]) continue;
      await db.query(
        `INSERT INTO baseline_rows SELECT $1, $2,
           setweight(to_tsvector($3::regconfig, $4), 'A') || setweight(to_tsvector($3::regconfig, $5), 'B')
           || setweight(to_tsvector($3::regconfig, $6), 'C')`,
        [s.id, language, configs[language], s.names[language] ?? '', s.summary[language] ?? '', s.descriptionOnly[language] ?? ''],
      );
    }
  }
}

export async function searchBaseline(db: PGlite, query: string, language: SearchLanguage): Promise<string[]> {
  const result = await db.query<{ service_id: string }>(
    `SELECT service_id FROM baseline_rows
      WHERE language = $1 AND tsv @@ plainto_tsquery($2::regconfig, $3)
      ORDER BY ts_rank(tsv, plainto_tsquery($2::regconfig, $3)) DESC, service_id LIMIT 50`,
    [language, configs[language], query],
  );
  return result.rows.map((r) => r.service_id);
}
