/**
 * The referral's workflow: the statuses of the Gravity Project SDOH referral Task (FHIR R4
 * TaskStatus without `ready` and `received`), who may move a referral from which status to
 * which, and the reason codes each move takes. Pure data and functions, table-tested.
 */
export const referralStatuses = ['draft', 'requested', 'accepted', 'rejected', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const actorKinds = ['referrer', 'provider', 'coordinator'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Statuses after which nothing changes any more (the personal data's retention starts). */
export const closedStatuses: readonly ReferralStatus[] = ['rejected', 'cancelled', 'failed', 'completed', 'entered-in-error'];

/**
 * Statuses in which the referral holds one of the activity's open places: taken on accept, given
 * back when the referral is completed, cancelled, failed or entered in error (the person no longer
 * needs the place). A place is never taken twice or given back twice (`holds_place`).
 */
export const placeHoldingStatuses: readonly ReferralStatus[] = ['accepted', 'in-progress', 'on-hold'];

export const reasonCodes = {
  rejected: ['full', 'not-suitable', 'unreachable', 'other'],
  cancelled: ['client-withdrew', 'consent-withdrawn', 'duplicate', 'other'],
  failed: ['unreachable', 'did-not-attend', 'other'],
  'on-hold': ['client-request', 'capacity', 'other'],
  'entered-in-error': ['wrong-person', 'wrong-activity', 'other'],
} as const satisfies Partial<Record<ReferralStatus, readonly string[]>>;
export type ReasonCode = (typeof reasonCodes)[keyof typeof reasonCodes][number];

type Table = Record<ActorKind, Partial<Record<ReferralStatus, readonly ReferralStatus[]>>>;

/** Allowed transitions per actor: from → to. */
export const transitions: Table = {
  referrer: {
    draft: ['requested', 'cancelled', 'entered-in-error'],
    requested: ['cancelled', 'entered-in-error'],
    accepted: ['cancelled', 'entered-in-error'],
    'in-progress': ['cancelled'],
    'on-hold': ['cancelled'],
  },
  provider: {
    requested: ['accepted', 'rejected'],
    accepted: ['in-progress', 'on-hold', 'failed', 'cancelled'],
    'in-progress': ['on-hold', 'completed', 'failed'],
    'on-hold': ['in-progress', 'completed', 'failed', 'cancelled'],
  },
  coordinator: {
    draft: ['cancelled', 'entered-in-error'],
    requested: ['cancelled', 'entered-in-error'],
    accepted: ['cancelled', 'entered-in-error'],
    'in-progress': ['cancelled', 'entered-in-error'],
    'on-hold': ['cancelled', 'entered-in-error'],
    completed: ['entered-in-error'],
    failed: ['entered-in-error'],
    rejected: ['entered-in-error'],
    cancelled: ['entered-in-error'],
  },
};

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return typeof value === 'string' && (referralStatuses as readonly string[]).includes(value);
}

export function allowedTransitions(kind: ActorKind, from: ReferralStatus): readonly ReferralStatus[] {
  return transitions[kind][from] ?? [];
}

export function canTransition(kind: ActorKind, from: ReferralStatus, to: ReferralStatus): boolean {
  return allowedTransitions(kind, from).includes(to);
}

/** Reason codes of a target status; empty when the status takes none. */
export function reasonsFor(to: ReferralStatus): readonly string[] {
  return (reasonCodes as Partial<Record<ReferralStatus, readonly string[]>>)[to] ?? [];
}

/** A move to a status with reason codes needs one of them; other moves take none. */
export function isValidReason(to: ReferralStatus, reason: string | undefined): boolean {
  const reasons = reasonsFor(to);
  return reasons.length === 0 ? reason === undefined || reason === '' : reason !== undefined && reasons.includes(reason);
}

export function isClosed(status: ReferralStatus): boolean {
  return closedStatuses.includes(status);
}

export function holdsPlace(status: ReferralStatus): boolean {
  return placeHoldingStatuses.includes(status);
}
