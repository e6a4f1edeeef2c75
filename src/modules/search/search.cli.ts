/** `tarjotin search reindex`: rebuilds the search index (analysis in a worker thread, progress on stderr). */
import type { Deps } from '../../platform/deps.ts';
import type { Progress } from '../../platform/progress.ts';
import { configureSearchAnalyser } from './search.analyser.ts';
import { reindexInWorker } from './search.reindex.ts';

export const searchCommandUsage = 'tarjotin search reindex';

/** Returns the exit code; `undefined` for an unknown subcommand (usage error). */
export async function runSearchCommand(deps: Deps, args: string[], progress: Progress, out: NodeJS.WritableStream): Promise<number | undefined> {
  if (args[0] !== 'reindex' || args.length > 1) return undefined;
  configureSearchAnalyser(deps.config.searchAnalyser);
  const started = Date.now();
  const result = await reindexInWorker(deps.db, progress);
  out.write(`search index rebuilt: ${result.documents} activities, analyser ${result.analyser}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}
