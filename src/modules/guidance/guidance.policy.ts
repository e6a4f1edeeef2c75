/**
 * Who may do what in client and service guidance. Sessions belong to an organisation: any
 * professional of that organisation may continue one (a colleague, a follow-up); nobody else
 * sees it exists.
 */
import { hasRole, hasRoleInOrganisation, type Actor } from '../auth/index.ts';

/** Opening the guidance pages and starting sessions. */
export function canUseGuidance(actor: Actor | undefined): boolean {
  return hasRole(actor, 'professional');
}

/** Seeing and changing a session, its check, suggestions and plan, and sending the plan. */
export function canWorkOnSession(actor: Actor | undefined, session: { organisationId: string }): boolean {
  return hasRoleInOrganisation(actor, 'professional', session.organisationId);
}

/** Organisations in which the actor may start a session. */
export function guidanceOrganisations(actor: Actor | undefined): { organisationId: string; regionCode: string }[] {
  if (!actor) return [];
  return actor.roles
    .filter((g) => g.role === 'professional' && g.organisationId && g.regionCode)
    .map((g) => ({ organisationId: g.organisationId!, regionCode: g.regionCode! }));
}
