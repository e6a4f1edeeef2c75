/**
 * Use cases of signing in: with a development user (DEV_LOGIN=on only) and, after the identity
 * provider has vouched for someone, provisioning that user and their roles from the claims.
 */
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { isRole, type RoleGrant } from './auth.types.ts';
import { startSession, type StartedSession } from './session.service.ts';
import {
  deleteUserRolesFromSource,
  findOrganisationScope,
  findUser,
  findUserByOidcIdentity,
  insertUser,
  insertUserRole,
  listRoleMappingsForClaimValues,
  listUserRoles,
  updateUserProfile,
  type UserRow,
} from './users.queries.ts';

/** Signs in as a seeded development user. Refused unless DEV_LOGIN is on. */
export async function signInAsDevUser(deps: Deps, input: { userId: string; previousToken: string | undefined }): Promise<StartedSession> {
  if (!deps.config.devLogin) throw new NotFoundError('development sign-in');
  return deps.db.transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    if (!user || user.dev_key === null || user.status !== 'active') throw new NotFoundError('development user');
    return startSession(tx, deps, { userId: user.id, method: 'dev', previousToken: input.previousToken });
  });
}

export interface IdentityClaims {
  issuer: string;
  subject: string;
  name: string;
  email: string | null;
  /** Values of the role claim (role names, groups or app roles). */
  roleValues: string[];
  /** The organisation claim's value (business ID or organisation id), if any. */
  organisation: string | null;
}

export type IdentitySignInResult =
  | { kind: 'signed_in'; session: StartedSession; userId: string }
  | { kind: 'no_roles'; userId: string }
  | { kind: 'disabled'; userId: string };

const claimRoles = new Set(['professional', 'provider', 'coordinator']);

/**
 * The roles the identity provider's claims give: admin mappings of any claim value, and role
 * names (professional, provider, coordinator) at the organisation named by the organisation
 * claim. An admin role never comes from a bare role name: only from an admin mapping.
 */
export async function rolesFromClaims(q: Queryable, claims: Pick<IdentityClaims, 'roleValues' | 'organisation'>): Promise<RoleGrant[]> {
  const grants = await listRoleMappingsForClaimValues(q, claims.roleValues);
  const named = claims.roleValues.filter((value) => claimRoles.has(value));
  if (named.length > 0 && claims.organisation) {
    const organisation = await findOrganisationScope(q, claims.organisation);
    if (organisation?.region_code) {
      for (const role of named) {
        if (isRole(role)) grants.push({ role, organisationId: organisation.id, regionCode: organisation.region_code });
      }
    }
  }
  const unique = new Map(grants.map((grant) => [`${grant.role}|${grant.organisationId ?? ''}|${grant.regionCode ?? ''}`, grant]));
  return [...unique.values()];
}

/**
 * Completes a sign-in the identity provider vouched for: creates the user on first sign-in,
 * refreshes name and e-mail, replaces the roles that came from claims, and starts a session
 * when the user is active and has at least one role. One transaction, audited.
 */
export async function signInWithIdentity(
  deps: Deps,
  claims: IdentityClaims,
  previousToken: string | undefined,
): Promise<IdentitySignInResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock();
    let user: UserRow | undefined = await findUserByOidcIdentity(tx, claims.issuer, claims.subject);
    if (!user) {
      const id = newId();
      await insertUser(tx, { id, displayName: claims.name, email: claims.email, oidcIssuer: claims.issuer, oidcSubject: claims.subject, devKey: null, now });
      await recordAudit(tx, { at: now, actorUserId: id, action: 'auth.user.created', subjectType: 'user', subjectId: id, details: { method: 'oidc' } });
      user = (await findUser(tx, id))!;
    } else if (user.display_name !== claims.name || user.email !== claims.email) {
      await updateUserProfile(tx, user.id, { displayName: claims.name, email: claims.email, now });
    }
    if (user.status !== 'active') {
      await recordAudit(tx, { at: now, actorUserId: user.id, action: 'auth.sign_in.refused', subjectType: 'user', subjectId: user.id, details: { reason: 'disabled' } });
      return { kind: 'disabled', userId: user.id };
    }
    const removed = await deleteUserRolesFromSource(tx, user.id, 'oidc');
    const grants = await rolesFromClaims(tx, claims);
    let added = 0;
    for (const grant of grants) {
      if (await insertUserRole(tx, { id: newId(), userId: user.id, grant, source: 'oidc', now })) added++;
    }
    if (removed > 0 || added > 0) {
      await recordAudit(tx, {
        at: now,
        actorUserId: user.id,
        action: 'auth.roles.synced',
        subjectType: 'user',
        subjectId: user.id,
        details: { source: 'oidc', roles: grants.map((g) => ({ role: g.role, organisationId: g.organisationId, regionCode: g.regionCode })) },
      });
    }
    if ((await listUserRoles(tx, user.id)).length === 0) {
      await recordAudit(tx, { at: now, actorUserId: user.id, action: 'auth.sign_in.refused', subjectType: 'user', subjectId: user.id, details: { reason: 'no_roles' } });
      return { kind: 'no_roles', userId: user.id };
    }
    const session = await startSession(tx, deps, { userId: user.id, method: 'oidc', previousToken });
    return { kind: 'signed_in', session, userId: user.id };
  });
}

/** Records a sign-in that did not get as far as an identity (cancelled, failed, tampered with). */
export async function recordFailedSignIn(deps: Deps, outcome: 'cancelled' | 'failed', reason: string): Promise<void> {
  await recordAudit(deps.db, {
    at: deps.clock(),
    actorUserId: null,
    action: outcome === 'cancelled' ? 'auth.sign_in.cancelled' : 'auth.sign_in.failed',
    subjectType: 'sign_in',
    details: { reason },
  });
}
