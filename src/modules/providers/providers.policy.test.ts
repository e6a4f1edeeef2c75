import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../auth/index.ts';
import { canClaim, canEditService, canModerate, canSeeHistory, type ServiceAccess } from './providers.policy.ts';

const own = 'org-own';
const other = 'org-other';
const as = (role: Role, organisationId: string | null, regionCode: string | null): Actor => ({ userId: 'u', name: 'U', roles: [{ role, organisationId, regionCode }] });
const service = (overrides: Partial<ServiceAccess> = {}): ServiceAccess => ({ organisationId: own, source: 'manual', regionCode: '08', claimedBy: [], ...overrides });

describe('providers policy', () => {
  it.each([
    ['provider of the organisation, manual record', as('provider', own, '08'), service(), true],
    ['provider of the organisation, CSV record', as('provider', own, '08'), service({ source: 'csv' }), true],
    ['provider of the organisation, PTV record without a claim', as('provider', own, '08'), service({ source: 'ptv' }), false],
    ['provider of the organisation, PTV record with an approved claim', as('provider', own, '08'), service({ source: 'ptv', claimedBy: [own] }), true],
    ['provider of another organisation', as('provider', other, '08'), service(), false],
    ['provider of another organisation with a claim of someone else', as('provider', other, '08'), service({ source: 'ptv', claimedBy: ['org-third'] }), false],
    ['coordinator of the region', as('coordinator', own, '08'), service(), false],
    ['professional of the organisation', as('professional', own, '08'), service(), false],
    ['national admin', as('admin', null, null), service(), false],
    ['nobody', undefined, service(), false],
  ])('editing: %s → %s', (_label, actor, resource, expected) => {
    expect(canEditService(actor, resource)).toBe(expected);
  });

  it.each([
    ['coordinator of the region', as('coordinator', own, '08'), '08', true],
    ['coordinator of another region', as('coordinator', own, '06'), '08', false],
    ['provider', as('provider', own, '08'), '08', false],
    ['national admin', as('admin', null, null), '08', false],
    ['coordinator, record without a region', as('coordinator', own, '08'), null, false],
  ])('moderating: %s → %s', (_label, actor, region, expected) => {
    expect(canModerate(actor, region)).toBe(expected);
  });

  it('claims are made for one\'s own organisation; history is for editors, the organisation and the region\'s coordinators', () => {
    expect(canClaim(as('provider', own, '08'), own)).toBe(true);
    expect(canClaim(as('provider', own, '08'), other)).toBe(false);
    expect(canSeeHistory(as('provider', own, '08'), service({ source: 'ptv' }))).toBe(true);
    expect(canSeeHistory(as('coordinator', other, '08'), service())).toBe(true);
    expect(canSeeHistory(as('coordinator', other, '06'), service())).toBe(false);
    expect(canSeeHistory(as('provider', other, '08'), service())).toBe(false);
  });
});
