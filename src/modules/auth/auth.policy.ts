/**
 * Who may do what, as pure predicates over the actor and the resource. Routes and services
 * call these; tests run them over every role. A national admin has the admin role without a
 * region; a regional admin has it for one region.
 */
import type { Actor, Role, RoleGrant } from './auth.types.ts';

export function grantsOf(actor: Actor | undefined, role: Role): RoleGrant[] {
  return actor ? actor.roles.filter((grant) => grant.role === role) : [];
}

export function hasRole(actor: Actor | undefined, role: Role): boolean {
  return grantsOf(actor, role).length > 0;
}

export function hasAnyRole(actor: Actor | undefined, wanted: readonly Role[]): boolean {
  return wanted.some((role) => hasRole(actor, role));
}

/** The actor has `role` for this organisation. */
export function hasRoleInOrganisation(actor: Actor | undefined, role: Role, organisationId: string): boolean {
  return grantsOf(actor, role).some((grant) => grant.organisationId === organisationId);
}

/** The actor has `role` in this region (a national admin has admin everywhere). */
export function hasRoleInRegion(actor: Actor | undefined, role: Role, regionCode: string | null): boolean {
  return grantsOf(actor, role).some((grant) => grant.regionCode === null || (regionCode !== null && grant.regionCode === regionCode));
}

export function isNationalAdmin(actor: Actor | undefined): boolean {
  return grantsOf(actor, 'admin').some((grant) => grant.regionCode === null);
}

/** Regions an admin administers: 'all' for a national admin, else the list (empty: none). */
export function adminRegions(actor: Actor | undefined): 'all' | string[] {
  if (isNationalAdmin(actor)) return 'all';
  return [...new Set(grantsOf(actor, 'admin').map((grant) => grant.regionCode).filter((code): code is string => code !== null))];
}

function administersRegion(actor: Actor | undefined, regionCode: string | null): boolean {
  const regions = adminRegions(actor);
  return regions === 'all' || (regionCode !== null && regions.includes(regionCode));
}

/** Opening the admin pages at all. */
export function canAdminister(actor: Actor | undefined): boolean {
  return hasRole(actor, 'admin');
}

/**
 * Seeing and changing a user (status, deletion, roles): a national admin for everyone, a
 * regional admin for users whose every role is in their region (including users without roles,
 * who just signed in for the first time).
 */
export function canManageUser(actor: Actor | undefined, user: { id: string; roles: readonly RoleGrant[] }): boolean {
  if (!canAdminister(actor) || actor!.userId === user.id) return false;
  return user.roles.every((grant) => administersRegion(actor, grant.regionCode));
}

/** Granting or revoking a role: only within one's regions, and only a national admin handles admin roles. */
export function canGrantRole(actor: Actor | undefined, grant: RoleGrant): boolean {
  if (!canAdminister(actor)) return false;
  if (grant.role === 'admin') return isNationalAdmin(actor);
  return administersRegion(actor, grant.regionCode);
}

/** Admin mappings from identity-provider claims follow the same rule as granting the role. */
export function canManageRoleMapping(actor: Actor | undefined, mapping: RoleGrant): boolean {
  return canGrantRole(actor, mapping);
}

/** Creating and editing organisations of a region. */
export function canManageOrganisation(actor: Actor | undefined, organisation: { regionCode: string | null }): boolean {
  return canAdminister(actor) && administersRegion(actor, organisation.regionCode);
}

/** The audit log: a national admin sees all of it, a regional admin their region's events. */
export function canViewAuditLog(actor: Actor | undefined): boolean {
  return canAdminister(actor);
}
