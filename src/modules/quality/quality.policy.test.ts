/** The quality policy over every role. */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../auth/index.ts';
import { canConfigureRules, canViewOrganisationQuality, canViewRegionQuality, defaultQualityScope, qualityRegions } from './quality.policy.ts';

const actor = (role: Role, regionCode: string | null, organisationId: string | null = 'org-a'): Actor => ({ userId: 'u', name: 'n', roles: [{ role, organisationId, regionCode }] });
const own = { id: 'org-a', regionCode: '08' };
const other = { id: 'org-b', regionCode: '06' };

describe('who sees audit results', () => {
  it.each([
    ['coordinator', '08', true, true, false, ['08']],
    ['admin', '08', true, true, false, ['08']],
    ['admin', null, true, true, true, 'all'],
    ['provider', '08', false, true, false, []],
    ['professional', '08', false, false, false, []],
  ] as const)('%s of region %s: region %s, own organisation %s, another region %s', (role, region, seesRegion, seesOwn, seesOther, regions) => {
    const a = actor(role, region);
    expect(canViewRegionQuality(a, '08')).toBe(seesRegion);
    expect(canConfigureRules(a, '08')).toBe(seesRegion);
    expect(canViewOrganisationQuality(a, own)).toBe(seesOwn);
    expect(canViewOrganisationQuality(a, other)).toBe(seesOther);
    expect(qualityRegions(a)).toEqual(regions);
  });

  it('opens a coordinator on their region and a provider on their organisation', () => {
    expect(defaultQualityScope(actor('coordinator', '08'))).toEqual({ kind: 'region', code: '08' });
    expect(defaultQualityScope(actor('provider', '08'))).toEqual({ kind: 'organisation', id: 'org-a' });
    expect(defaultQualityScope(actor('professional', '08'))).toBeUndefined();
    expect(defaultQualityScope(undefined)).toBeUndefined();
  });
});
