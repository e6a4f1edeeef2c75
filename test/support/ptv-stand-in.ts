/**
 * A stand-in for the PTV importer in the providers' tests: writes an imported activity with PTV
 * provenance through the catalogue's `saveServiceBundles`, as the importer does. The real
 * importer (ingest/ptv) replaces it once merged; the providers' side of the contract is only
 * that locally edited fields are listed in `locally_edited_fields` and provenance is kept.
 */
import type { Queryable } from '../../src/db/index.ts';
import { stableId } from '../../src/platform/ids.ts';
import { saveServiceBundles, upsertOrganisations, type OrganisationRecord, type ServiceRecord } from '../../src/modules/catalog/index.ts';
import { organisationRecord, serviceRecord } from './factories.ts';

export interface ImportedActivity {
  organisation: OrganisationRecord;
  service: ServiceRecord;
}

/** "Imports" one PTV organisation and activity (ids derived from the PTV ids, like the importer). */
export async function importPtvActivity(q: Queryable, options: { ptvServiceId: string; organisation?: OrganisationRecord; service?: Partial<ServiceRecord> }): Promise<ImportedActivity> {
  const ptv = (sourceId: string) => ({ source: 'ptv' as const, sourceId, sourceModified: new Date('2026-10-01T00:00:00Z'), payloadHash: `hash-${sourceId}` });
  const organisation = options.organisation ?? organisationRecord({ type: 'municipality', provenance: ptv(`org-${options.ptvServiceId}`) });
  if (!options.organisation) await upsertOrganisations(q, [organisation]);
  const service = serviceRecord(organisation.id, {
    id: stableId('ptv:service', options.ptvServiceId),
    name: { fi: 'Kuntosaliryhmä (PTV)' },
    summary: { fi: 'Tuotu palvelutietovarannosta.' },
    lastReviewedAt: null,
    provenance: ptv(options.ptvServiceId),
    ...options.service,
  });
  await saveServiceBundles(q, [{ service, locations: [], channels: [], schedules: [], events: [] }]);
  return { organisation, service };
}
