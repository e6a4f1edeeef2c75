/**
 * Bulk analysis off the main thread: the worker gets batches of index sources and returns
 * index rows. It loads its own analyser (libvoikko handles are per thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { configureSearchAnalyser } from './search.analyser.ts';
import type { AnalyserChoice } from './analysis/finnish.ts';
import { analyseHere } from './search.index.ts';
import type { IndexSourceRow } from './query/search-index.queries.ts';

configureSearchAnalyser((workerData as { choice: AnalyserChoice }).choice);
const analyse = analyseHere();
parentPort?.on('message', async (message: { id: number; rows: IndexSourceRow[] }) => {
  parentPort?.postMessage({ id: message.id, documents: await analyse(message.rows) });
});
