/**
 * The pure part of the PTV importer: read (validate and normalise) PTV records, map them to
 * catalogue records, classify their well-being relevance. Fetching, upserting and run records
 * are built on these (see README.md).
 */
export type {
  PtvAdapter,
  PtvListItem,
  PtvOrganization,
  PtvPage,
  PtvService,
  PtvServiceChannel,
  PtvServiceHour,
  ReadResult,
} from './ptv.records.ts';
export { activePtvAdapter, readListItem, readOrganization, readPage, readService, readServiceChannel } from './ptv.records.ts';
export { toWgs84, type CoordinateResult } from './coordinates.ts';
export {
  costType,
  mapAreas,
  mapOrganisation,
  mapService,
  organisationType,
  schedulesForServiceAtChannel,
  serviceIdFor,
  validateBusinessId,
  type OrganisationMapping,
  type ServiceChannelLinkMapping,
  type ServiceMapping,
} from './ptv.mapper.ts';
export {
  locationIdFor,
  mapContactChannel,
  mapServiceLocationChannel,
  organisationIdFor,
  type ContactChannelMapping,
  type LocationChannelMapping,
} from './ptv.channels.mapper.ts';
export { attachSchedules, mapServiceHours, type HoursMapping, type ScheduleDraft } from './ptv.hours.mapper.ts';
export { classifyRelevance, relevanceInputFromService, type RelevanceInput, type RelevanceReason, type RelevanceResult } from './relevance.ts';
export { importPtvRecords, type PtvRecordSet } from './ptv.import.service.ts';
export { createPtvClient, ptvDate, type PtvClient, type PtvClientOptions } from './ptv.client.ts';
export { scopeKey, syncPtv, type PtvScope, type SyncResult } from './ptv.sync.service.ts';
export { listRuns, listRejects, type ImportRunRow, type RunCounts } from './ptv.import.queries.ts';
export { ImportUsageError, importUsage, runImportCommand, parsePtvScope } from './ptv.cli.ts';
