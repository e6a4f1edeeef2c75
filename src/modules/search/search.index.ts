/**
 * Keeping the search index current. Every writer of catalogue services (demo loader, PTV
 * import, provider self-service, CSV import, moderation) calls `reindexServices` with the ids it
 * changed, in the same transaction as the change. `rebuildSearchIndex` rebuilds everything
 * (`tarjotin search reindex`, or at start-up when the analyser changed), analysing in a worker
 * thread when asked to.
 */
import type { Db, Queryable } from '../../db/index.ts';
import type { Progress } from '../../platform/progress.ts';
import type { FinnishAnalyser } from './analysis/finnish.ts';
import { searchAnalyser } from './search.analyser.ts';
import { toDocumentInput } from './search.document.ts';
import { needsRebuild, toSearchDocumentRow } from './query/search-document.ts';
import {
  adjustVocabulary,
  countIndexSources,
  deleteSearchDocuments,
  findIndexAnalyser,
  listIndexSourcePage,
  listIndexSources,
  rebuildSearchVocabulary,
  upsertIndexAnalyser,
  upsertSearchDocuments,
  type IndexSourceRow,
  type SearchDocumentRow,
} from './query/search-index.queries.ts';

export const indexName = 'services';

/** Re-analyses the given services (documents and vocabulary); non-public ones lose their document. */
export async function reindexServices(q: Queryable, serviceIds: readonly string[], analyser: FinnishAnalyser = searchAnalyser()): Promise<void> {
  if (serviceIds.length === 0) return;
  const ids = [...new Set(serviceIds)];
  const sources = await listIndexSources(q, ids);
  await adjustVocabulary(q, ids, -1);
  await deleteSearchDocuments(q, ids);
  await upsertSearchDocuments(q, sources.map((row) => toSearchDocumentRow(toDocumentInput(row), analyser)));
  await adjustVocabulary(q, sources.map((row) => row.id), 1);
}

/** Analyses rows (in this thread, or in a worker thread: see search.reindex.worker.ts). */
export type Analyse = (rows: IndexSourceRow[]) => Promise<SearchDocumentRow[]>;

export function analyseHere(analyser: FinnishAnalyser = searchAnalyser()): Analyse {
  return async (rows) => rows.map((row) => toSearchDocumentRow(toDocumentInput(row), analyser));
}

/** Rebuilds the whole index in one transaction and records the analyser. Returns the document count. */
export async function rebuildSearchIndex(
  db: Db,
  options: { analyser?: FinnishAnalyser; analyse?: Analyse; progress?: Progress; batchSize?: number } = {},
): Promise<number> {
  const analyser = options.analyser ?? searchAnalyser();
  const analyse = options.analyse ?? analyseHere(analyser);
  const batchSize = options.batchSize ?? 500;
  let count = 0;
  await db.transaction(async (tx) => {
    options.progress?.start(await countIndexSources(tx), 'search index');
    await deleteSearchDocuments(tx, 'all');
    let after: string | null = null;
    // Fetch the next page while the previous one is analysed.
    let page = await listIndexSourcePage(tx, after, batchSize);
    while (page.length > 0) {
      after = page[page.length - 1]!.id;
      const analysed = analyse(page);
      const next = page.length === batchSize ? await listIndexSourcePage(tx, after, batchSize) : [];
      await upsertSearchDocuments(tx, await analysed);
      count += page.length;
      options.progress?.advance(page.length);
      page = next;
    }
    await rebuildSearchVocabulary(tx);
    await upsertIndexAnalyser(tx, indexName, analyser.id);
  });
  // Every document was rewritten: fresh planner statistics for the search tables.
  await db.exec('ANALYZE search_documents, search_vocabulary');
  options.progress?.finish(`${count} documents`);
  return count;
}

/** At start-up: rebuilds when the index was built by another analyser (or never). */
export async function ensureSearchIndex(db: Db, progress?: Progress): Promise<number | undefined> {
  const analyser = searchAnalyser();
  if (!needsRebuild(await findIndexAnalyser(db, indexName), analyser)) return undefined;
  return rebuildSearchIndex(db, { analyser, ...(progress ? { progress } : {}) });
}
