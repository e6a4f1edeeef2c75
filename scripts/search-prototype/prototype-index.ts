/**
 * Builds the prototype index from the PTV corpus with the module's index SQL, in throwaway
 * tables of an in-memory PGlite.
 */
import type { Queryable } from '../../src/db/index.ts';
import type { FinnishAnalyser } from '../../src/modules/search/analysis/finnish.ts';
import { toSearchDocumentRow } from '../../src/modules/search/query/search-document.ts';
import {
  rebuildSearchVocabulary,
  searchIndexSchemaSql,
  upsertIndexAnalyser,
  upsertSearchDocuments,
} from '../../src/modules/search/query/search-index.queries.ts';
import type { CorpusService } from './ptv-corpus.ts';

export interface IndexOptions {
  /** Put class/ontology labels in B (default) or C. */
  labelWeight: 'b' | 'c';
}

export async function buildIndex(
  db: Queryable & { exec(sql: string): Promise<unknown> },
  services: CorpusService[],
  analyser: FinnishAnalyser,
  options: IndexOptions = { labelWeight: 'b' },
): Promise<void> {
  await db.exec('DROP TABLE IF EXISTS search_documents, search_vocabulary, search_index_state;');
  await db.exec(searchIndexSchemaSql);
  const rows = services.map((s) => {
    const per = (l: 'fi' | 'sv' | 'en') => ({
      a: [s.names[l]],
      b: [s.keywords[l], ...(options.labelWeight === 'b' ? [s.classLabels[l], s.ontologyLabels[l]] : [])],
      c: [s.summary[l], s.groupLabels[l], ...(options.labelWeight === 'c' ? [s.classLabels[l], s.ontologyLabels[l]] : [])],
      d: [s.description[l]],
    });
    const fi = per('fi');
    const sv = per('sv');
    const en = per('en');
    return toSearchDocumentRow(
      {
        serviceId: s.id,
        placeIds: s.placeIds,
        fields: {
          a: { fi: fi.a, sv: sv.a, en: en.a },
          b: { fi: fi.b, sv: sv.b, en: en.b },
          c: { fi: fi.c, sv: sv.c, en: en.c },
          d: { fi: fi.d, sv: sv.d, en: en.d },
        },
      },
      analyser,
    );
  });
  await upsertSearchDocuments(db, rows);
  await rebuildSearchVocabulary(db);
  await upsertIndexAnalyser(db, 'services', analyser.id);
}
