/**
 * The coordinators' moderation queue of a region: providers' waiting changes (with a diff),
 * claims of imported records, residents' error reports and import conflicts. Every decision is
 * recorded in `moderation_decisions`, the activity's history and the audit log.
 */
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { reindexServices } from '../search/index.ts';
import { applyChangeRequest } from './editor.service.ts';
import { listStaleActivities } from './reminders.queries.ts';
import { canClaim, canModerate, moderatedRegions, providerOrganisations } from './providers.policy.ts';
import {
  findChangeRequest,
  findModerationPolicy,
  findOrganisationRow,
  insertModerationDecision,
  insertServiceChange,
  updateChangeRequestStatus,
  upsertModerationPolicy,
  type ModerationPolicy,
} from './providers.queries.ts';
import {
  acceptIncomingServiceValue,
  closeReport,
  countPendingChanges,
  decideClaim,
  findClaim,
  findConflict,
  findReportRegion,
  findServiceRegion,
  insertClaim,
  listClaimsOf,
  listOpenConflicts,
  listOpenReports,
  listPendingChanges,
  listPendingClaims,
  resolveConflict,
} from './moderation.queries.ts';

export const moderationPolicies: readonly ModerationPolicy[] = ['all', 'new_only', 'none'];

/** The queue of every region the actor coordinates. */
export async function moderationQueue(deps: Pick<Deps, 'db'>, actor: Actor) {
  const regions = moderatedRegions(actor);
  if (regions.length === 0) throw new ForbiddenError();
  const [changes, changesTotal, claims, reports, conflicts, stale, policies] = await Promise.all([
    listPendingChanges(deps.db, regions),
    countPendingChanges(deps.db, regions),
    listPendingClaims(deps.db, regions),
    listOpenReports(deps.db, regions),
    listOpenConflicts(deps.db, regions),
    listStaleActivities(deps.db, regions),
    Promise.all(regions.map(async (regionCode) => ({ regionCode, policy: await findModerationPolicy(deps.db, regionCode) }))),
  ]);
  return { regions, changes, changesTotal, claims, reports, conflicts, stale, policies };
}

interface Decision {
  itemType: 'change_request' | 'claim' | 'listing_report' | 'import_conflict';
  itemId: string;
  regionCode: string | null;
  decision: string;
  comment: string | null;
  serviceId: string | null;
  organisationId?: string | null;
}

async function recordDecision(tx: Queryable, actor: Actor, at: Date, d: Decision): Promise<void> {
  await insertModerationDecision(tx, { id: newId(), itemType: d.itemType, itemId: d.itemId, regionCode: d.regionCode, decision: d.decision, comment: d.comment, by: actor.userId, at });
  await recordAudit(tx, {
    at,
    actorUserId: actor.userId,
    action: `providers.moderation.${d.itemType}.${d.decision}`,
    subjectType: d.itemType,
    subjectId: d.itemId,
    organisationId: d.organisationId ?? null,
    regionCode: d.regionCode,
    details: d.serviceId ? { serviceId: d.serviceId } : {},
  });
}

/** A waiting change with its diff, for the coordinator of its region. */
export async function changeForModeration(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const request = await findChangeRequest(deps.db, id);
  if (!request || !canModerate(actor, request.region_code)) throw new NotFoundError('change request');
  return request;
}

export async function decideChange(deps: Deps, actor: Actor, id: string, decision: 'approved' | 'returned', comment: string | null): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const request = await findChangeRequest(tx, id);
    if (!request || !canModerate(actor, request.region_code)) throw new NotFoundError('change request');
    if (request.status !== 'pending') throw new ConflictError('the change is not waiting for moderation');
    const at = deps.clock();
    if (decision === 'approved') {
      await applyChangeRequest(tx, request, { userId: actor.userId, at, comment });
    } else {
      await updateChangeRequestStatus(tx, id, { status: 'returned', at, decidedBy: actor.userId, comment });
      await insertServiceChange(tx, { id: newId(), serviceId: request.service_id, at, by: actor.userId, action: 'returned', fields: Object.keys(request.diff), comment });
    }
    await recordDecision(tx, actor, at, { itemType: 'change_request', itemId: id, regionCode: request.region_code, decision, comment, serviceId: request.service_id, organisationId: request.organisation_id });
  });
}

/** A provider asks to maintain an imported organisation or activity in Tarjotin. */
export async function requestClaim(
  deps: Deps,
  actor: Actor,
  input: { entity: 'organisation' | 'service'; entityId: string; claimantOrganisationId: string; reason: string | null },
): Promise<void> {
  if (!canClaim(actor, input.claimantOrganisationId)) throw new ForbiddenError();
  await deps.db.transaction(async (tx) => {
    let regionCode: string | null;
    if (input.entity === 'organisation') {
      const organisation = await findOrganisationRow(tx, input.entityId);
      if (!organisation) throw new NotFoundError('organisation');
      regionCode = organisation.region_code;
    } else {
      const service = await findServiceRegion(tx, input.entityId);
      if (!service) throw new NotFoundError('activity');
      regionCode = service.region_code;
    }
    const at = deps.clock();
    const id = newId();
    const created = await insertClaim(tx, { id, entity: input.entity, entityId: input.entityId, claimant: input.claimantOrganisationId, regionCode, reason: input.reason, by: actor.userId, at });
    if (!created) throw new ConflictError('already claimed');
    if (input.entity === 'service') await insertServiceChange(tx, { id: newId(), serviceId: input.entityId, at, by: actor.userId, action: 'claimed', comment: input.reason });
    await recordAudit(tx, {
      at,
      actorUserId: actor.userId,
      action: 'providers.claim.requested',
      subjectType: input.entity,
      subjectId: input.entityId,
      organisationId: input.claimantOrganisationId,
      regionCode,
      details: { claimId: id },
    });
  });
}

export async function myClaims(deps: Pick<Deps, 'db'>, actor: Actor) {
  return listClaimsOf(deps.db, providerOrganisations(actor));
}

export async function decideClaimRequest(deps: Deps, actor: Actor, id: string, decision: 'approved' | 'declined', comment: string | null): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const claim = await findClaim(tx, id);
    if (!claim || !canModerate(actor, claim.region_code)) throw new NotFoundError('claim');
    if (claim.status !== 'pending') throw new ConflictError('the claim was decided already');
    const at = deps.clock();
    await decideClaim(tx, id, decision, actor.userId, at, comment);
    await recordDecision(tx, actor, at, {
      itemType: 'claim',
      itemId: id,
      regionCode: claim.region_code,
      decision,
      comment,
      serviceId: claim.entity === 'service' ? claim.entity_id : null,
      organisationId: claim.claimant_organisation_id,
    });
  });
}

export async function decideReport(deps: Deps, actor: Actor, id: string, decision: 'resolved' | 'dismissed', comment: string | null): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const report = await findReportRegion(tx, id);
    if (!report || !canModerate(actor, report.region_code)) throw new NotFoundError('report');
    if (report.status === 'resolved' || report.status === 'dismissed') throw new ConflictError('the report was closed already');
    const at = deps.clock();
    await closeReport(tx, id, decision, comment, at);
    await recordDecision(tx, actor, at, { itemType: 'listing_report', itemId: id, regionCode: report.region_code, decision, comment, serviceId: report.service_id });
  });
}

/**
 * An import conflict: accept the incoming value (the source wins again for that field) or keep
 * the local one (the decision stays; importers do not reopen a kept field for the same value).
 */
export async function decideConflict(deps: Deps, actor: Actor, id: string, decision: 'accepted_incoming' | 'kept_local'): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const conflict = await findConflict(tx, id);
    if (!conflict || !canModerate(actor, conflict.region_code)) throw new NotFoundError('conflict');
    if (conflict.status !== 'open') throw new ConflictError('the conflict was decided already');
    const at = deps.clock();
    await resolveConflict(tx, id, decision, actor.userId, at);
    if (conflict.entity === 'service') {
      if (decision === 'accepted_incoming') {
        await acceptIncomingServiceValue(tx, conflict.entity_id, conflict.field, conflict.incoming_value, at);
        await reindexServices(tx, [conflict.entity_id]);
      }
      await insertServiceChange(tx, { id: newId(), serviceId: conflict.entity_id, at, by: actor.userId, action: 'conflict_resolved', fields: [conflict.field], comment: decision });
    }
    await recordDecision(tx, actor, at, {
      itemType: 'import_conflict',
      itemId: id,
      regionCode: conflict.region_code,
      decision,
      comment: null,
      serviceId: conflict.entity === 'service' ? conflict.entity_id : null,
    });
  });
}

export async function setModerationPolicy(deps: Deps, actor: Actor, regionCode: string, policy: ModerationPolicy): Promise<void> {
  if (!canModerate(actor, regionCode)) throw new ForbiddenError();
  await deps.db.transaction(async (tx) => {
    const at = deps.clock();
    await upsertModerationPolicy(tx, regionCode, policy, actor.userId, at);
    await recordAudit(tx, { at, actorUserId: actor.userId, action: 'providers.moderation.policy_set', subjectType: 'region', subjectId: regionCode, regionCode, details: { policy } });
  });
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Resolves what a provider pasted (a page address or an id) to an activity or organisation to claim. */
export async function resolveClaimTarget(deps: Pick<Deps, 'db'>, text: string): Promise<{ entity: 'organisation' | 'service'; entityId: string } | undefined> {
  const id = uuidPattern.exec(text)?.[0]?.toLowerCase();
  if (!id) return undefined;
  const service = await findServiceRegion(deps.db, id);
  if (service && !/\/organisations\//.test(text)) return { entity: 'service', entityId: id };
  const organisation = await findOrganisationRow(deps.db, id);
  return organisation ? { entity: 'organisation', entityId: id } : undefined;
}
