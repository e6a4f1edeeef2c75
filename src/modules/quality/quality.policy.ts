/**
 * Who sees which audit results: coordinators their regions, admins their regions (national
 * admins all), providers their own organisations. Rule settings: coordinators and admins of
 * the region.
 */
import { adminRegions, grantsOf, hasRoleInOrganisation, hasRoleInRegion, type Actor } from '../auth/index.ts';

export type QualityScope = { kind: 'region'; code: string } | { kind: 'organisation'; id: string };

/** Regions whose audit the actor may read: 'all' for a national admin. */
export function qualityRegions(actor: Actor | undefined): 'all' | string[] {
  const admin = adminRegions(actor);
  if (admin === 'all') return 'all';
  const coordinator = grantsOf(actor, 'coordinator').flatMap((grant) => (grant.regionCode ? [grant.regionCode] : []));
  return [...new Set([...coordinator, ...admin])].sort();
}

export function canViewRegionQuality(actor: Actor | undefined, regionCode: string): boolean {
  return hasRoleInRegion(actor, 'coordinator', regionCode) || hasRoleInRegion(actor, 'admin', regionCode);
}

export const canConfigureRules = canViewRegionQuality;

/** A provider sees their organisation; so does whoever sees the organisation's region. */
export function canViewOrganisationQuality(actor: Actor | undefined, organisation: { id: string; regionCode: string | null }): boolean {
  return hasRoleInOrganisation(actor, 'provider', organisation.id) || (organisation.regionCode !== null && canViewRegionQuality(actor, organisation.regionCode));
}

/** Where the pages open without a choice: the first region, else the first own organisation. */
export function defaultQualityScope(actor: Actor | undefined): QualityScope | undefined {
  const regions = qualityRegions(actor);
  if (regions !== 'all' && regions.length > 0) return { kind: 'region', code: regions[0]! };
  const organisation = grantsOf(actor, 'provider').find((grant) => grant.organisationId !== null)?.organisationId;
  if (organisation) return { kind: 'organisation', id: organisation };
  return regions === 'all' ? { kind: 'region', code: '01' } : undefined;
}
