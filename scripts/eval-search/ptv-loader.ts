/**
 * Loads the recorded PTV services into a fresh database for the relevance harness: the pure
 * readers and mappers of src/modules/ingest/ptv, `saveServiceBundles`, the raw payloads (their
 * classification labels feed the index) and `reindexServices`. The relevance set ranks the
 * whole corpus, so every service is put in the tray. Kept as one small function: it is to be
 * replaced by the full PTV importer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/db/index.ts';
import { saveServiceBundles, upsertOrganisations, upsertSourcePayloads, type OrganisationRecord } from '../../src/modules/catalog/index.ts';
import { mapOrganisation, mapService, readOrganization, readService } from '../../src/modules/ingest/ptv/index.ts';
import { reindexServices } from '../../src/modules/search/index.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));

/** Loads `<dir>/services/*.json` (and `<dir>/organizations`); returns the number of services. */
export async function loadPtvCorpus(db: Db, dirs: readonly string[]): Promise<{ services: number; rejected: string[] }> {
  const organisations = new Map<string, OrganisationRecord>();
  const bundles = new Map<string, Parameters<typeof saveServiceBundles>[1][number]>();
  const payloads: Parameters<typeof upsertSourcePayloads>[1][number][] = [];
  const rejected: string[] = [];
  for (const dir of dirs) {
    for (const file of jsonFiles(join(dir, 'organizations'))) {
      const raw = readJson(file);
      const read = readOrganization(raw);
      if (read.ok) organisations.set(mapOrganisation(read.value, raw).organisation.id, mapOrganisation(read.value, raw).organisation);
    }
    for (const file of jsonFiles(join(dir, 'services'))) {
      const raw = readJson(file);
      const read = readService(raw);
      const mapped = read.ok ? mapService(read.value, raw) : undefined;
      if (!read.ok || !mapped?.ok) {
        rejected.push(file);
        continue;
      }
      if (bundles.has(mapped.service.id)) continue;
      bundles.set(mapped.service.id, { service: { ...mapped.service, inTray: true, status: 'published' }, locations: [], channels: [], schedules: [], events: [] });
      payloads.push({ source: 'ptv', entity: 'service', sourceId: read.value.id, payload: raw, payloadHash: mapped.service.provenance.payloadHash ?? '' });
    }
  }
  // Responsible organisations outside the recorded organisation files get a placeholder.
  const template = [...organisations.values()][0];
  for (const bundle of bundles.values()) {
    const id = bundle.service.organisationId;
    if (!organisations.has(id) && template) organisations.set(id, { ...template, id, businessId: null, name: { fi: `PTV organisation ${id}` } });
  }
  await db.transaction(async (tx) => {
    await upsertOrganisations(tx, [...organisations.values()]);
    await upsertSourcePayloads(tx, payloads);
    const list = [...bundles.values()];
    for (let i = 0; i < list.length; i += 200) await reindexServices(tx, await saveServiceBundles(tx, list.slice(i, i + 200)));
  });
  return { services: bundles.size, rejected };
}
