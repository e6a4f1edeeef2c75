/** The catalogue module's public API: the only file other modules import. */
export * from './catalog.types.ts';
export {
  getAreas,
  getOrganisation,
  getPublicService,
  getTaxonomies,
  listPublicServices,
  listTrayPages,
  saveServiceBundles,
  toServiceSummary,
  type ServiceDetail,
} from './catalog.service.ts';
export {
  ensurePostalCodes,
  loadPostalCodes,
  loadReferenceAreas,
  syncReferenceData,
  type PostalCodeLoadResult,
} from './reference.service.ts';
export { listPostalCodesByMunicipality } from './reference.queries.ts';
export { registerCatalogApiRoutes } from './catalog.api.routes.ts';
export { publicServiceCondition, findPostalCode, listRegions, listMunicipalities, listTaxonomyTerms } from './catalog.read.queries.ts';
export {
  refreshDerivedAreas,
  replaceSchedules,
  replaceServiceChannels,
  replaceServiceLocations,
  upsertContactChannels,
  upsertLocations,
  upsertOrganisations,
  upsertServices,
  upsertSourcePayloads,
} from './catalog.write.queries.ts';
export { loadServiceBundle, type StoredServiceBundle } from './catalog.bundle.queries.ts';
export { themes, targetGroups, themeCodes, targetGroupCodes, isThemeCode, isTargetGroupCode } from './reference/taxonomy.ts';
export type { ThemeCode, TargetGroupCode } from './reference/taxonomy.ts';
export { Localised } from './catalog.schemas.ts';
