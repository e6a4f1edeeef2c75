/** Loads the generated demo tray into the database. */
import type { Deps } from '../../platform/deps.ts';
import { findAppState, upsertAppState } from '../../platform/app-state.ts';
import { localDate } from '../../platform/format.ts';
import type { Progress } from '../../platform/progress.ts';
import { ensurePostalCodes, listPostalCodesByMunicipality, loadReferenceAreas, saveServiceBundles, upsertOrganisations } from '../catalog/index.ts';
import { reindexServices } from '../search/index.ts';
import { generateDemoCatalogue } from './demo.generator.ts';
import { countCatalogueServices } from './demo.queries.ts';

export interface DemoOptions {
  seed: number;
  count: number;
  /** 'YYYY-MM-DD'; defaults to today in Finland */
  anchorDate?: string;
}

export const defaultDemoOptions = { seed: 2026, count: 2400 } as const;

export interface DemoLoadResult {
  organisations: number;
  services: number;
  events: number;
  anchorDate: string;
}

/** Generates and saves the demo tray in one transaction (all or nothing). */
export async function loadDemoData(deps: Deps, options: DemoOptions, progress?: Progress): Promise<DemoLoadResult> {
  const anchorDate = options.anchorDate ?? localDate(deps.clock());
  const { regions, municipalities } = loadReferenceAreas();
  await ensurePostalCodes(deps.db);
  const postalCodes = new Map(
    (await listPostalCodesByMunicipality(deps.db)).map((row) => [row.municipality_code, row.codes] as const),
  );
  const catalogue = generateDemoCatalogue({ seed: options.seed, count: options.count, anchorDate, regions, municipalities, postalCodes });
  progress?.start(catalogue.bundles.length, 'demo activities');
  await deps.db.transaction(async (tx) => {
    await upsertOrganisations(tx, catalogue.organisations);
    for (let i = 0; i < catalogue.bundles.length; i += 250) {
      const batch = catalogue.bundles.slice(i, i + 250);
      await reindexServices(tx, await saveServiceBundles(tx, batch));
      progress?.advance(batch.length);
    }
    await upsertAppState(tx, 'demo_data', { seed: options.seed, count: options.count, anchorDate, loadedAt: deps.clock().toISOString() });
  });
  // A whole catalogue was written at once: fresh planner statistics before the first search,
  // and a vacuum that marks the new pages all-visible, as autovacuum would soon after, so that
  // the ranking's index-only scans (services_rank_idx) need not visit the rows.
  await deps.db.exec('VACUUM ANALYZE');
  progress?.finish();
  return {
    organisations: catalogue.organisations.length,
    services: catalogue.bundles.length,
    events: catalogue.bundles.reduce((sum, b) => sum + b.events.length, 0),
    anchorDate,
  };
}

/**
 * Loads the demo tray when the catalogue is empty and demo data was never loaded. A restart
 * neither reloads nor duplicates it. Returns undefined when nothing was done.
 */
export async function ensureDemoData(deps: Deps, progress?: Progress): Promise<DemoLoadResult | undefined> {
  if (await findAppState(deps.db, 'demo_data')) return undefined;
  if ((await countCatalogueServices(deps.db)) > 0) return undefined;
  return loadDemoData(deps, { ...defaultDemoOptions }, progress);
}
