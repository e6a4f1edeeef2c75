import { describe, expect, it } from 'vitest';
import {
  adminRegions,
  canAdminister,
  canGrantRole,
  canManageOrganisation,
  canManageRoleMapping,
  canManageUser,
  canViewAuditLog,
  hasRoleInOrganisation,
} from './auth.policy.ts';
import type { Actor, RoleGrant } from './auth.types.ts';

const orgA = 'aaaaaaaa-0000-4000-8000-000000000001';
const orgB = 'bbbbbbbb-0000-4000-8000-000000000002';

const actors = {
  anonymous: undefined,
  noRoles: { userId: 'u0', name: 'No Roles', roles: [] },
  professional: { userId: 'u1', name: 'P', roles: [{ role: 'professional', organisationId: orgA, regionCode: '08' }] },
  provider: { userId: 'u2', name: 'Pr', roles: [{ role: 'provider', organisationId: orgA, regionCode: '08' }] },
  coordinator: { userId: 'u3', name: 'C', roles: [{ role: 'coordinator', organisationId: orgA, regionCode: '08' }] },
  regionalAdmin: { userId: 'u4', name: 'RA', roles: [{ role: 'admin', organisationId: orgA, regionCode: '08' }] },
  nationalAdmin: { userId: 'u5', name: 'NA', roles: [{ role: 'admin', organisationId: null, regionCode: null }] },
} satisfies Record<string, Actor | undefined>;

type ActorName = keyof typeof actors;
const names = Object.keys(actors) as ActorName[];

/** Expected outcome per actor, in the order of `names`. */
function row(...allowed: ActorName[]): Record<ActorName, boolean> {
  return Object.fromEntries(names.map((n) => [n, allowed.includes(n)])) as Record<ActorName, boolean>;
}

const professionalInRegion: RoleGrant = { role: 'professional', organisationId: orgA, regionCode: '08' };
const professionalElsewhere: RoleGrant = { role: 'professional', organisationId: orgB, regionCode: '05' };
const adminInRegion: RoleGrant = { role: 'admin', organisationId: null, regionCode: '08' };
const nationalAdmin: RoleGrant = { role: 'admin', organisationId: null, regionCode: null };

const cases: { action: string; check: (actor: Actor | undefined) => boolean; expected: Record<ActorName, boolean> }[] = [
  { action: 'open the admin pages', check: canAdminister, expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'view the audit log', check: canViewAuditLog, expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'manage a user without roles', check: (a) => canManageUser(a, { id: 'x', roles: [] }), expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'manage a user of their region', check: (a) => canManageUser(a, { id: 'x', roles: [professionalInRegion] }), expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'manage a user of another region', check: (a) => canManageUser(a, { id: 'x', roles: [professionalElsewhere] }), expected: row('nationalAdmin') },
  { action: 'manage a user with roles in two regions', check: (a) => canManageUser(a, { id: 'x', roles: [professionalInRegion, professionalElsewhere] }), expected: row('nationalAdmin') },
  { action: 'manage a national admin', check: (a) => canManageUser(a, { id: 'x', roles: [nationalAdmin] }), expected: row('nationalAdmin') },
  { action: 'manage themselves', check: (a) => canManageUser(a, { id: a?.userId ?? 'x', roles: a?.roles ?? [] }), expected: row() },
  { action: 'grant a professional role in their region', check: (a) => canGrantRole(a, professionalInRegion), expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'grant a professional role in another region', check: (a) => canGrantRole(a, professionalElsewhere), expected: row('nationalAdmin') },
  { action: 'grant a regional admin role', check: (a) => canGrantRole(a, adminInRegion), expected: row('nationalAdmin') },
  { action: 'grant the national admin role', check: (a) => canGrantRole(a, nationalAdmin), expected: row('nationalAdmin') },
  { action: 'map a claim to a role in their region', check: (a) => canManageRoleMapping(a, professionalInRegion), expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'map a claim to a role in another region', check: (a) => canManageRoleMapping(a, professionalElsewhere), expected: row('nationalAdmin') },
  { action: 'manage an organisation of their region', check: (a) => canManageOrganisation(a, { regionCode: '08' }), expected: row('regionalAdmin', 'nationalAdmin') },
  { action: 'manage an organisation of another region', check: (a) => canManageOrganisation(a, { regionCode: '05' }), expected: row('nationalAdmin') },
  { action: 'manage an organisation without a region', check: (a) => canManageOrganisation(a, { regionCode: null }), expected: row('nationalAdmin') },
];

describe('auth policies over every role', () => {
  for (const { action, check, expected } of cases) {
    it.each(names.map((name) => [name, expected[name]] as const))(`${action}: %s → %s`, (name, allowed) => {
      expect(check(actors[name])).toBe(allowed);
    });
  }

  it('scopes admins to their regions', () => {
    expect(adminRegions(actors.nationalAdmin)).toBe('all');
    expect(adminRegions(actors.regionalAdmin)).toEqual(['08']);
    expect(adminRegions(actors.coordinator)).toEqual([]);
  });

  it('ties a role to its organisation', () => {
    expect(hasRoleInOrganisation(actors.professional, 'professional', orgA)).toBe(true);
    expect(hasRoleInOrganisation(actors.professional, 'professional', orgB)).toBe(false);
    expect(hasRoleInOrganisation(actors.provider, 'professional', orgA)).toBe(false);
  });
});
