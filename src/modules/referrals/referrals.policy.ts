/**
 * Who may see and move a referral. A referral belongs to the referring organisation (its
 * professionals are the referrer), to the activity's organisation (its providers) and to the
 * region (its coordinators). Everyone else is told it does not exist.
 */
import { hasRoleInOrganisation, type Actor } from '../auth/index.ts';
import { canTransition, type ActorKind, type ReferralStatus } from './referrals.workflow.ts';

export interface ReferralScope {
  referringOrganisationId: string;
  providerOrganisationId: string;
  regionCode: string;
}

function isCoordinatorOfRegion(actor: Actor | undefined, regionCode: string): boolean {
  return actor?.roles.some((g) => g.role === 'coordinator' && g.regionCode === regionCode) ?? false;
}

/** The capacities in which the actor works on this referral (none: not found). */
export function actorKindsFor(actor: Actor | undefined, referral: ReferralScope): ActorKind[] {
  const kinds: ActorKind[] = [];
  if (hasRoleInOrganisation(actor, 'professional', referral.referringOrganisationId)) kinds.push('referrer');
  if (hasRoleInOrganisation(actor, 'provider', referral.providerOrganisationId)) kinds.push('provider');
  if (isCoordinatorOfRegion(actor, referral.regionCode)) kinds.push('coordinator');
  return kinds;
}

export function canSeeReferral(actor: Actor | undefined, referral: ReferralScope): boolean {
  return actorKindsFor(actor, referral).length > 0;
}

/** The capacity in which the actor may make this move, if any. */
export function transitionCapacity(actor: Actor | undefined, referral: ReferralScope, from: ReferralStatus, to: ReferralStatus): ActorKind | undefined {
  return actorKindsFor(actor, referral).find((kind) => canTransition(kind, from, to));
}

export function canRecordFollowUp(actor: Actor | undefined, referral: ReferralScope): boolean {
  return hasRoleInOrganisation(actor, 'professional', referral.referringOrganisationId);
}

export function canWithdrawConsent(actor: Actor | undefined, referral: ReferralScope): boolean {
  const kinds = actorKindsFor(actor, referral);
  return kinds.includes('referrer') || kinds.includes('coordinator');
}

/** Organisations and regions whose referrals the actor may list. */
export function listScope(actor: Actor | undefined): { referring: string[]; providing: string[]; regions: string[] } {
  const roles = actor?.roles ?? [];
  const of = (role: string) => roles.filter((g) => g.role === role && g.organisationId).map((g) => g.organisationId!);
  return {
    referring: of('professional'),
    providing: of('provider'),
    regions: roles.filter((g) => g.role === 'coordinator' && g.regionCode).map((g) => g.regionCode!),
  };
}

export function coordinatorRegions(actor: Actor | undefined): string[] {
  return listScope(actor).regions;
}
