/** The transition table, table-tested over every actor, status and target. */
import { describe, expect, it } from 'vitest';
import { actorKindsFor, transitionCapacity } from './referrals.policy.ts';
import { actorKinds, canTransition, closedStatuses, holdsPlace, isValidReason, referralStatuses, type ActorKind, type ReferralStatus } from './referrals.workflow.ts';

const allowed: Record<ActorKind, string[]> = {
  referrer: ['draft>requested', 'draft>cancelled', 'draft>entered-in-error', 'requested>cancelled', 'requested>entered-in-error', 'accepted>cancelled', 'accepted>entered-in-error', 'in-progress>cancelled', 'on-hold>cancelled'],
  provider: ['requested>accepted', 'requested>rejected', 'accepted>in-progress', 'accepted>on-hold', 'accepted>failed', 'accepted>cancelled', 'in-progress>on-hold', 'in-progress>completed', 'in-progress>failed', 'on-hold>in-progress', 'on-hold>completed', 'on-hold>failed', 'on-hold>cancelled'],
  coordinator: [
    ...['draft', 'requested', 'accepted', 'in-progress', 'on-hold'].flatMap((s) => [`${s}>cancelled`, `${s}>entered-in-error`]),
    ...['completed', 'failed', 'rejected', 'cancelled'].map((s) => `${s}>entered-in-error`),
  ],
};

describe('referral workflow', () => {
  for (const kind of actorKinds) {
    it(`allows exactly the listed moves for the ${kind}`, () => {
      const actual: string[] = [];
      for (const from of referralStatuses) for (const to of referralStatuses) if (canTransition(kind, from, to)) actual.push(`${from}>${to}`);
      expect(actual.sort()).toEqual([...allowed[kind]].sort());
    });
  }

  it('never leaves entered-in-error, and closed statuses only towards entered-in-error', () => {
    for (const kind of actorKinds) {
      for (const to of referralStatuses) expect(canTransition(kind, 'entered-in-error', to)).toBe(false);
      for (const from of closedStatuses) for (const to of referralStatuses) if (canTransition(kind, from, to)) expect(to).toBe('entered-in-error');
    }
  });

  it('needs a reason code exactly where the status takes one', () => {
    expect(isValidReason('rejected', 'full')).toBe(true);
    expect(isValidReason('rejected', undefined)).toBe(false);
    expect(isValidReason('rejected', 'bogus')).toBe(false);
    expect(isValidReason('accepted', undefined)).toBe(true);
    expect(isValidReason('accepted', 'full')).toBe(false);
    expect(isValidReason('failed', 'unreachable')).toBe(true);
  });

  it('holds a place only while accepted, started or on hold', () => {
    expect(referralStatuses.filter((s) => holdsPlace(s as ReferralStatus))).toEqual(['accepted', 'in-progress', 'on-hold']);
  });

  it('derives the capacity from roles: own organisation as referrer or provider, own region as coordinator', () => {
    const referral = { referringOrganisationId: 'A', providerOrganisationId: 'B', regionCode: '08' };
    const grant = (role: 'professional' | 'provider' | 'coordinator' | 'admin', organisationId: string, regionCode = '08') => ({ userId: 'u', name: 'n', roles: [{ role, organisationId, regionCode }] });
    expect(actorKindsFor(grant('professional', 'A'), referral)).toEqual(['referrer']);
    expect(actorKindsFor(grant('professional', 'B'), referral)).toEqual([]);
    expect(actorKindsFor(grant('provider', 'B'), referral)).toEqual(['provider']);
    expect(actorKindsFor(grant('provider', 'C'), referral)).toEqual([]);
    expect(actorKindsFor(grant('coordinator', 'X', '08'), referral)).toEqual(['coordinator']);
    expect(actorKindsFor(grant('coordinator', 'X', '01'), referral)).toEqual([]);
    expect(actorKindsFor(grant('admin', 'A'), referral)).toEqual([]);
    expect(actorKindsFor(undefined, referral)).toEqual([]);
    expect(transitionCapacity(grant('provider', 'B'), referral, 'requested', 'accepted')).toBe('provider');
    expect(transitionCapacity(grant('professional', 'A'), referral, 'requested', 'accepted')).toBeUndefined();
  });
});
