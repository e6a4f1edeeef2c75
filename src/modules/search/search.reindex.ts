/** `tarjotin search reindex`: rebuilds the index with the analysis in a worker thread. */
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/index.ts';
import type { Progress } from '../../platform/progress.ts';
import { searchAnalyser } from './search.analyser.ts';
import { rebuildSearchIndex, type Analyse } from './search.index.ts';
import type { SearchDocumentRow } from './query/search-index.queries.ts';

export async function reindexInWorker(db: Db, progress?: Progress): Promise<{ documents: number; analyser: string }> {
  const analyser = searchAnalyser();
  const worker = new Worker(new URL('./search.reindex.worker.mjs', import.meta.url), { workerData: { choice: analyser.name } });
  const pending = new Map<number, { resolve(rows: SearchDocumentRow[]): void; reject(error: Error): void }>();
  let failure: Error | undefined;
  worker.on('message', (message: { id: number; documents: SearchDocumentRow[] }) => {
    pending.get(message.id)?.resolve(message.documents);
    pending.delete(message.id);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  let next = 0;
  const analyse: Analyse = (rows) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows });
    });
  try {
    const documents = await rebuildSearchIndex(db, { analyser, analyse, ...(progress ? { progress } : {}) });
    return { documents, analyser: analyser.id };
  } finally {
    await worker.terminate();
  }
}
