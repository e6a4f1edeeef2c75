/**
 * Provider self-service: create and edit activities (drafts autosaved server-side, submitted to
 * moderation or applied at once by the region's policy), pause, publish, archive, confirm
 * reviewed. Every change is recorded in the activity's history and the audit log.
 */
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { findPostalCode, loadServiceBundle, saveServiceBundles, type StoredServiceBundle } from '../catalog/index.ts';
import { reindexServices } from '../search/index.ts';
import { bundleToForm, cleanFormValues, diffForms, editedColumns, parseActivityForm, type FormValues } from './activity-form.ts';
import { buildActivityBundle, type PlaceOfPostalCode } from './activity-bundle.ts';
import { canEditService, canManageOrganisationActivities, canSeeHistory, providerOrganisations, type ServiceAccess } from './providers.policy.ts';
import {
  archiveOtherEvents,
  findModerationPolicy,
  findOpenChangeRequest,
  findOrganisationRow,
  insertChangeRequest,
  insertServiceChange,
  listClaimants,
  listOrganisationActivities,
  listServiceChanges,
  markLocallyEdited,
  markReviewed,
  updateChangeRequestDraft,
  updateChangeRequestStatus,
  updateServiceStatus,
  type ChangeRequestRow,
} from './providers.queries.ts';

export interface EditorTarget {
  serviceId: string;
  access: ServiceAccess;
  bundle: StoredServiceBundle | undefined;
  open: ChangeRequestRow | undefined;
}

/** Loads an activity (or a new one that exists only as a change request) with who may touch it. */
export async function loadTarget(q: Queryable, serviceId: string): Promise<EditorTarget> {
  const [bundle, open] = await Promise.all([loadServiceBundle(q, serviceId), findOpenChangeRequest(q, serviceId)]);
  if (bundle) {
    const organisationId = bundle.service.organisationId;
    return {
      serviceId,
      bundle,
      open,
      access: { organisationId, source: bundle.service.provenance.source, regionCode: bundle.regionCode, claimedBy: await listClaimants(q, serviceId, organisationId) },
    };
  }
  if (!open) throw new NotFoundError('activity');
  return { serviceId, bundle, open, access: { organisationId: open.organisation_id, source: 'manual', regionCode: open.region_code, claimedBy: [] } };
}

async function editable(q: Queryable, actor: Actor, serviceId: string): Promise<EditorTarget> {
  const target = await loadTarget(q, serviceId);
  // An activity the actor may not edit is "not found" to them, unless it is their own imported one.
  if (!canEditService(actor, target.access)) {
    if (canManageOrganisationActivities(actor, target.access.organisationId)) throw new ForbiddenError('claim the imported activity first');
    throw new NotFoundError('activity');
  }
  return target;
}

/** What the editor shows: the open version if there is one, else the catalogue's. */
export async function openEditor(deps: Pick<Deps, 'db'>, actor: Actor, serviceId: string) {
  const target = await editable(deps.db, actor, serviceId);
  const values = target.open?.proposed ?? (target.bundle ? bundleToForm(target.bundle) : {});
  return {
    serviceId,
    values,
    isNew: !target.bundle,
    status: target.bundle?.service.status ?? 'draft',
    source: target.access.source,
    openStatus: target.open?.status ?? null,
    returnComment: target.open?.status === 'returned' ? target.open.decision_comment : null,
    reviewState: target.bundle?.reviewState ?? 'current',
    lastReviewedAt: target.bundle?.service.lastReviewedAt ?? null,
  };
}

/** Starts a new activity of an organisation: an empty draft. Returns the activity's id. */
export async function startActivity(deps: Deps, actor: Actor, organisationId: string): Promise<string> {
  if (!canManageOrganisationActivities(actor, organisationId)) throw new ForbiddenError();
  const organisation = await findOrganisationRow(deps.db, organisationId);
  if (!organisation) throw new NotFoundError('organisation');
  const serviceId = newId();
  await deps.db.transaction(async (tx) => {
    const at = deps.clock();
    await insertChangeRequest(tx, { id: newId(), serviceId, organisationId, regionCode: organisation.region_code, kind: 'create', proposed: {}, createdBy: actor.userId, at });
    await insertServiceChange(tx, { id: newId(), serviceId, at, by: actor.userId, action: 'created' });
  });
  return serviceId;
}

/** Autosave: stores the form as it is (even when invalid) as the activity's draft. */
export async function saveDraft(deps: Deps, actor: Actor, serviceId: string, values: FormValues): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const target = await editable(tx, actor, serviceId);
    await storeDraft(tx, actor, target, cleanFormValues(values), deps.clock());
  });
}

async function storeDraft(tx: Queryable, actor: Actor, target: EditorTarget, values: FormValues, at: Date): Promise<ChangeRequestRow> {
  // Autosave fires on every change event: an unchanged version stays where it is (e.g. waiting in the queue).
  if (target.open && Object.keys(diffForms(target.open.proposed, values)).length === 0) return target.open;
  if (target.open && target.open.status !== 'pending') {
    await updateChangeRequestDraft(tx, target.open.id, values, at);
  } else if (target.open) {
    // A waiting version edited again goes back to a draft until it is submitted anew.
    await updateChangeRequestDraft(tx, target.open.id, values, at);
    await updateChangeRequestStatus(tx, target.open.id, { status: 'draft', at });
  } else {
    await insertChangeRequest(tx, {
      id: newId(),
      serviceId: target.serviceId,
      organisationId: target.access.organisationId,
      regionCode: target.access.regionCode,
      kind: target.bundle ? 'update' : 'create',
      proposed: values,
      createdBy: actor.userId,
      at,
    });
  }
  return (await findOpenChangeRequest(tx, target.serviceId))!;
}

async function placeOf(q: Queryable, postalCode: string | undefined): Promise<PlaceOfPostalCode | null> {
  if (!postalCode) return null;
  const row = await findPostalCode(q, postalCode);
  return row ? { municipalityCode: row.municipality_code, latitude: row.latitude, longitude: row.longitude, coarse: row.coarse } : null;
}

/** Validates a form including what needs the database (postal codes). Throws ValidationError. */
export async function validateActivity(q: Queryable, values: FormValues) {
  const { input, errors } = parseActivityForm(values);
  const place = await placeOf(q, input.location?.postalCode || undefined);
  if (input.location?.postalCode && !place && !errors.location_postal_code) errors.location_postal_code = 'providers.error.unknownPostalCode';
  if (Object.keys(errors).length > 0) throw new ValidationError('invalid activity', errors);
  return { input, place };
}

export type SubmitOutcome = 'pending' | 'published';

/**
 * Submits the activity: validated, then waiting in moderation or applied at once, by the
 * region's policy (all changes / new activities only / none).
 */
export async function submitActivity(deps: Deps, actor: Actor, serviceId: string, values: FormValues): Promise<SubmitOutcome> {
  const clean = cleanFormValues(values);
  // The version is kept as a draft even when it does not validate.
  await saveDraft(deps, actor, serviceId, clean);
  await validateActivity(deps.db, clean);
  return deps.db.transaction(async (tx) => {
    const target = await editable(tx, actor, serviceId);
    const at = deps.clock();
    const request = await storeDraft(tx, actor, target, clean, at);
    const diff = diffForms(target.bundle ? bundleToForm(target.bundle) : {}, clean);
    const policy = await findModerationPolicy(tx, target.access.regionCode);
    const moderated = policy === 'all' || (policy === 'new_only' && !target.bundle);
    await updateChangeRequestStatus(tx, request.id, { status: 'pending', at, diff, submitted: true });
    await insertServiceChange(tx, { id: newId(), serviceId, at, by: actor.userId, action: 'submitted', fields: Object.keys(diff), diff });
    await recordAudit(tx, {
      at,
      actorUserId: actor.userId,
      action: 'providers.activity.submitted',
      subjectType: 'service',
      subjectId: serviceId,
      organisationId: target.access.organisationId,
      regionCode: target.access.regionCode,
      details: { changeRequestId: request.id, fields: Object.keys(diff).length, moderated },
    });
    if (!moderated) {
      await applyChangeRequest(tx, { ...request, diff, proposed: clean }, { userId: actor.userId, at, comment: null });
      return 'published';
    }
    return 'pending';
  });
}

/**
 * Applies a change request to the catalogue (moderation approval, or a region without
 * moderation): saves the bundle, marks the touched columns as locally edited (imports never
 * overwrite them), resets the review clock and records the history.
 */
export async function applyChangeRequest(
  tx: Queryable,
  request: ChangeRequestRow,
  decision: { userId: string; at: Date; comment: string | null },
): Promise<void> {
  const existing = (await loadServiceBundle(tx, request.service_id)) ?? null;
  const { input, place } = await validateActivity(tx, request.proposed);
  const columns = editedColumns(Object.keys(request.diff));
  const bundle = buildActivityBundle(input, {
    serviceId: request.service_id,
    organisationId: request.organisation_id,
    existing,
    touched: new Set(columns),
    place,
    newId,
    status: 'published',
    reviewedAt: decision.at,
    provenance: { source: request.source, sourceId: request.source_id },
  });
  await reindexServices(tx, await saveServiceBundles(tx, [bundle]));
  if (!existing || columns.includes('events')) await archiveOtherEvents(tx, request.service_id, bundle.events.map((e) => e.id), decision.at);
  if (existing) await markLocallyEdited(tx, request.service_id, columns);
  await markReviewed(tx, request.service_id, decision.at);
  await updateChangeRequestStatus(tx, request.id, { status: 'approved', at: decision.at, decidedBy: decision.userId, comment: decision.comment });
  await insertServiceChange(tx, {
    id: newId(),
    serviceId: request.service_id,
    at: decision.at,
    by: decision.userId,
    action: existing ? 'updated' : 'published',
    fields: Object.keys(request.diff),
    diff: request.diff,
    comment: decision.comment,
  });
}

const statusActions = { paused: 'paused', published: 'published', archived: 'archived' } as const;

/** Pause, resume or archive an activity (no moderation: it only makes the listing less visible or restores it). */
export async function setActivityStatus(deps: Deps, actor: Actor, serviceId: string, status: keyof typeof statusActions): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const target = await editable(tx, actor, serviceId);
    if (!target.bundle) throw new NotFoundError('activity');
    const at = deps.clock();
    await updateServiceStatus(tx, serviceId, status, at);
    await markLocallyEdited(tx, serviceId, ['status']);
    await reindexServices(tx, [serviceId]);
    await insertServiceChange(tx, { id: newId(), serviceId, at, by: actor.userId, action: statusActions[status], fields: ['status'] });
    await recordAudit(tx, {
      at,
      actorUserId: actor.userId,
      action: `providers.activity.${statusActions[status]}`,
      subjectType: 'service',
      subjectId: serviceId,
      organisationId: target.access.organisationId,
      regionCode: target.access.regionCode,
    });
  });
}

/** The provider confirms that the listing is current (resets the review reminders). */
export async function confirmReviewed(deps: Deps, actor: Actor, serviceId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const target = await editable(tx, actor, serviceId);
    if (!target.bundle) throw new NotFoundError('activity');
    const at = deps.clock();
    await markReviewed(tx, serviceId, at);
    await reindexServices(tx, [serviceId]);
    await insertServiceChange(tx, { id: newId(), serviceId, at, by: actor.userId, action: 'reviewed' });
    await recordAudit(tx, {
      at,
      actorUserId: actor.userId,
      action: 'providers.activity.reviewed',
      subjectType: 'service',
      subjectId: serviceId,
      organisationId: target.access.organisationId,
      regionCode: target.access.regionCode,
    });
  });
}

/** Who changed what and when, for the activity's providers and the region's coordinators. */
export async function activityHistory(deps: Pick<Deps, 'db'>, actor: Actor, serviceId: string) {
  const target = await loadTarget(deps.db, serviceId);
  if (!canSeeHistory(actor, target.access)) throw new NotFoundError('activity');
  const name = target.bundle?.service.name ?? { fi: String(target.open?.proposed.name_fi ?? ''), sv: String(target.open?.proposed.name_sv ?? '') };
  return { serviceId, name, changes: await listServiceChanges(deps.db, serviceId) };
}

/** The activities of the actor's organisations (and claimed ones), with new ones not yet approved. */
export async function listMyActivities(deps: Pick<Deps, 'db'>, actor: Actor) {
  const organisations = providerOrganisations(actor);
  return organisations.length === 0 ? [] : listOrganisationActivities(deps.db, organisations);
}
