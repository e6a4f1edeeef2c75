/**
 * Who may do what with providers' activities. A provider edits the activities of their
 * organisation that are maintained in Tarjotin, and imported ones once a claim of the activity
 * or its organisation was approved. A coordinator moderates their own region only.
 */
import { grantsOf, hasRoleInOrganisation, type Actor } from '../auth/index.ts';

/** Sources whose records are maintained in Tarjotin itself (no import overwrites them). */
export const tarjotinSources: readonly string[] = ['manual', 'csv', 'demo'];

export interface ServiceAccess {
  organisationId: string;
  source: string;
  regionCode: string | null;
  /** organisations with an approved claim of the activity or of its organisation */
  claimedBy: readonly string[];
}

/** Organisations in which the actor works as a provider. */
export function providerOrganisations(actor: Actor | undefined): string[] {
  return [...new Set(grantsOf(actor, 'provider').map((g) => g.organisationId).filter((id): id is string => id !== null))];
}

export function canManageOrganisationActivities(actor: Actor | undefined, organisationId: string): boolean {
  return hasRoleInOrganisation(actor, 'provider', organisationId);
}

export function canEditService(actor: Actor | undefined, service: ServiceAccess): boolean {
  const own = hasRoleInOrganisation(actor, 'provider', service.organisationId) && tarjotinSources.includes(service.source);
  return own || service.claimedBy.some((organisationId) => hasRoleInOrganisation(actor, 'provider', organisationId));
}

/** A provider may claim for an organisation they work in. */
export function canClaim(actor: Actor | undefined, claimantOrganisationId: string): boolean {
  return hasRoleInOrganisation(actor, 'provider', claimantOrganisationId);
}

/** Coordinators moderate the items of their region. */
export function canModerate(actor: Actor | undefined, regionCode: string | null): boolean {
  return regionCode !== null && grantsOf(actor, 'coordinator').some((g) => g.regionCode === regionCode);
}

export function moderatedRegions(actor: Actor | undefined): string[] {
  return [...new Set(grantsOf(actor, 'coordinator').map((g) => g.regionCode).filter((code): code is string => code !== null))];
}

/** The change history: the activity's editors and their region's coordinators. */
export function canSeeHistory(actor: Actor | undefined, service: ServiceAccess): boolean {
  return canEditService(actor, service) || hasRoleInOrganisation(actor, 'provider', service.organisationId) || canModerate(actor, service.regionCode);
}
