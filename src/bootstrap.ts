/**
 * Prepares a database for the application: migrations, reference data, postal codes and (on
 * an empty database, when enabled) the demo tray. Used by the server and the CLI alike.
 */
import { migrate } from './db/index.ts';
import type { Deps } from './platform/deps.ts';
import type { Progress } from './platform/progress.ts';
import { ensurePostalCodes, syncReferenceData } from './modules/catalog/index.ts';
import { ensureDemoData } from './modules/demo/index.ts';
import { ensureDevUsers } from './modules/auth/index.ts';
import { configureSearchAnalyser, ensureSearchIndex } from './modules/search/index.ts';

export interface BootstrapReport {
  migrationsApplied: string[];
  referenceDataChanged: string[];
  postalCodesLoaded: number | undefined;
  demo: { services: number; organisations: number } | undefined;
  /** Development users (DEV_LOGIN=on only). */
  devUsers: number;
}

export async function prepareDatabase(
  deps: Deps,
  options: { demoData: boolean; progress?: Progress },
): Promise<BootstrapReport> {
  const migrationsApplied = await migrate(deps.db);
  const { changed } = await syncReferenceData(deps.db);
  const postal = await ensurePostalCodes(deps.db);
  configureSearchAnalyser(deps.config.searchAnalyser);
  await ensureSearchIndex(deps.db, options.progress);
  const demo = options.demoData ? await ensureDemoData(deps, options.progress) : undefined;
  const devUsers = await ensureDevUsers(deps);
  return {
    devUsers: devUsers.length,
    migrationsApplied,
    referenceDataChanged: changed,
    postalCodesLoaded: postal?.loaded,
    demo: demo ? { services: demo.services, organisations: demo.organisations } : undefined,
  };
}
