import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/index.ts';
import { canUseGuidance, canWorkOnSession, guidanceOrganisations } from './guidance.policy.ts';

const own = 'aaaaaaaa-0000-4000-8000-000000000001';
const other = 'bbbbbbbb-0000-4000-8000-000000000002';

const actors: Record<string, Actor | undefined> = {
  anonymous: undefined,
  noRoles: { userId: 'u0', name: 'N', roles: [] },
  professional: { userId: 'u1', name: 'P', roles: [{ role: 'professional', organisationId: own, regionCode: '08' }] },
  professionalElsewhere: { userId: 'u2', name: 'PE', roles: [{ role: 'professional', organisationId: other, regionCode: '05' }] },
  provider: { userId: 'u3', name: 'Pr', roles: [{ role: 'provider', organisationId: own, regionCode: '08' }] },
  coordinator: { userId: 'u4', name: 'C', roles: [{ role: 'coordinator', organisationId: own, regionCode: '08' }] },
  regionalAdmin: { userId: 'u5', name: 'RA', roles: [{ role: 'admin', organisationId: own, regionCode: '08' }] },
  nationalAdmin: { userId: 'u6', name: 'NA', roles: [{ role: 'admin', organisationId: null, regionCode: null }] },
};

const session = { organisationId: own };

const table: { actor: string; useGuidance: boolean; workOnSession: boolean }[] = [
  { actor: 'anonymous', useGuidance: false, workOnSession: false },
  { actor: 'noRoles', useGuidance: false, workOnSession: false },
  { actor: 'professional', useGuidance: true, workOnSession: true },
  { actor: 'professionalElsewhere', useGuidance: true, workOnSession: false },
  { actor: 'provider', useGuidance: false, workOnSession: false },
  { actor: 'coordinator', useGuidance: false, workOnSession: false },
  { actor: 'regionalAdmin', useGuidance: false, workOnSession: false },
  { actor: 'nationalAdmin', useGuidance: false, workOnSession: false },
];

describe('guidance policies over every role', () => {
  it.each(table)('$actor: open guidance $useGuidance, work on a session of the organisation $workOnSession', ({ actor, useGuidance, workOnSession }) => {
    expect(canUseGuidance(actors[actor])).toBe(useGuidance);
    expect(canWorkOnSession(actors[actor], session)).toBe(workOnSession);
  });

  it('starts sessions only in organisations where the actor is a professional', () => {
    expect(guidanceOrganisations(actors.professional)).toEqual([{ organisationId: own, regionCode: '08' }]);
    expect(guidanceOrganisations(actors.regionalAdmin)).toEqual([]);
    expect(guidanceOrganisations(undefined)).toEqual([]);
  });
});
