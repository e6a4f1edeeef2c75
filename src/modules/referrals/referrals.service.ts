/**
 * Referral use cases: send a referral from a guidance session with consent, read it (logged),
 * list it, move it through the workflow (places taken and given back in the same transaction),
 * withdraw consent, record the follow-up.
 */
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Language } from '../../platform/localised.ts';
import type { Translate } from '../../platform/i18n.ts';
import type { Queryable } from '../../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { isNeedAreaCode, listGuidanceChecks, sessionFor, type Instrument } from '../guidance/index.ts';
import { decryptJson, encryptJson, lookupHash, referralKeysFor } from './referrals.crypto.ts';
import { notifyProviderOfReferral, notifyTransition } from './referrals.notifications.ts';
import { actorKindsFor, canRecordFollowUp, canSeeReferral, canWithdrawConsent, listScope, transitionCapacity, type ReferralScope } from './referrals.policy.ts';
import * as queries from './referrals.queries.ts';
import { consentGivers, followUpOutcomes, type ConsentGiver, type FollowUpOutcome, type PersonalData, type ReferralDetail, type ReferralRow, type ReferralSummary } from './referrals.types.ts';
import { holdsPlace, isClosed, isReferralStatus, isValidReason, type ReferralStatus } from './referrals.workflow.ts';

export interface ReferralDeps extends Deps {
  /** Translations for the messages the module sends (notifications, reminders). */
  translatorFor: (lang: Language) => Translate;
}

export type AccessChannel = 'web' | 'fhir';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()-]{6,20}$/;

export interface NewReferralInput {
  /** the guidance session the referral comes from (pages); FHIR clients give none */
  sessionId?: string | undefined;
  /** without a session: the referring organisation (one where the actor is a professional) */
  organisationId?: string | undefined;
  serviceId: string;
  name: string;
  phone: string;
  email: string;
  clientLanguage: string;
  needCodes: readonly string[];
  note: string;
  consent: boolean;
  consentGivenBy: string;
}

function scopeOf(row: ReferralRow): ReferralScope {
  return { referringOrganisationId: row.referring_organisation_id, providerOrganisationId: row.provider_organisation_id, regionCode: row.region_code };
}

/** Why an activity cannot take a referral now (an i18n key), or undefined when it can. */
export function unavailableReason(service: queries.ServiceForReferral | undefined): string | undefined {
  if (!service || service.status !== 'published') return 'referrals.error.serviceNotFound';
  if (!service.accepts_referrals) return 'referrals.error.noReferrals';
  if (service.open_places !== null && service.open_places <= 0) return 'referrals.error.full';
  return undefined;
}

export function validateNewReferral(input: NewReferralInput): { person: PersonalData; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const name = input.name.trim();
  const phone = input.phone.trim();
  const email = input.email.trim();
  const note = input.note.trim();
  if (name === '') fields.name = 'referrals.error.name';
  if (phone === '' && email === '') fields.phone = 'referrals.error.contact';
  if (phone !== '' && !phonePattern.test(phone)) fields.phone = 'referrals.error.phone';
  if (email !== '' && !emailPattern.test(email)) fields.email = 'referrals.error.email';
  if (!['fi', 'sv', 'en'].includes(input.clientLanguage)) fields.clientLanguage = 'referrals.error.language';
  if (input.needCodes.some((code) => !isNeedAreaCode(code))) fields.needCodes = 'referrals.error.needs';
  if (!input.consent) fields.consent = 'referrals.error.consent';
  if (!(consentGivers as readonly string[]).includes(input.consentGivenBy)) fields.consentGivenBy = 'referrals.error.consentGivenBy';
  if (note.length > 2000) fields.note = 'referrals.error.note';
  const person: PersonalData = { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(note ? { note } : {}) };
  return { person, fields };
}

/** Sends a referral (status `requested`) with the person's consent. Returns its id. */
async function referringContext(deps: Deps, actor: Actor, input: NewReferralInput): Promise<{ sessionId: string | null; organisationId: string; regionCode: string }> {
  if (input.sessionId) {
    const session = await sessionFor(deps, actor, input.sessionId);
    return { sessionId: session.id, organisationId: session.organisationId, regionCode: session.regionCode };
  }
  const grant = actor.roles.find((g) => g.role === 'professional' && g.organisationId && g.regionCode && (!input.organisationId || g.organisationId === input.organisationId));
  if (!grant) throw new NotFoundError('organisation');
  return { sessionId: null, organisationId: grant.organisationId!, regionCode: grant.regionCode! };
}

export async function sendReferral(deps: ReferralDeps, actor: Actor, input: NewReferralInput, channel: AccessChannel = 'web'): Promise<string> {
  const session = await referringContext(deps, actor, input);
  const { person, fields } = validateNewReferral(input);
  const service = await queries.findServiceForReferral(deps.db, input.serviceId);
  const unavailable = unavailableReason(service);
  if (unavailable) fields.serviceId = unavailable;
  if (Object.keys(fields).length > 0) throw new ValidationError('the referral is not valid', fields);
  const keys = referralKeysFor(deps.config);
  const id = newId();
  const { envelope, keyId } = encryptJson(keys, person, id);
  const baseline = session.sessionId ? (await listGuidanceChecks(deps.db, session.sessionId)).filter((c) => c.phase === 'initial').at(-1) : undefined;
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    await queries.insertReferral(tx, {
      id,
      sessionId: session.sessionId,
      serviceId: service!.id,
      referringOrganisationId: session.organisationId,
      regionCode: session.regionCode,
      referringUserId: actor.userId,
      providerOrganisationId: service!.organisation_id,
      status: 'requested',
      clientLanguage: input.clientLanguage,
      needCodes: [...new Set(input.needCodes)],
      personalData: envelope,
      keyId,
      emailLookup: person.email ? lookupHash(keys, 'email', person.email) : null,
      phoneLookup: person.phone ? lookupHash(keys, 'phone', person.phone) : null,
      now,
    });
    await queries.insertConsent(tx, { id: newId(), referralId: id, givenBy: input.consentGivenBy as ConsentGiver, toOrganisationId: service!.organisation_id, recordedBy: actor.userId, givenAt: now });
    await queries.insertReferralEvent(tx, { referralId: id, from: null, to: 'requested', actorUserId: actor.userId, actorRole: 'referrer', reason: null, at: now });
    await queries.insertFollowUp(tx, id, new Date(now.getTime() + deps.config.referralFollowUpDays * 86_400_000));
    if (baseline) await queries.insertAnswers(tx, id, 'initial', baseline.instrument_id, baseline.answers);
    await logAccess(tx, actor, session.organisationId, id, 'create', 'referral.send', channel, now);
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'referrals.referral.sent', subjectType: 'referral', subjectId: id, organisationId: session.organisationId, regionCode: session.regionCode, details: { serviceId: service!.id } });
    await notifyProviderOfReferral(deps, tx, { referralId: id, providerOrganisationId: service!.organisation_id, serviceName: service!.name, now });
  });
  return id;
}

async function logAccess(q: Queryable, actor: Actor | undefined, organisationId: string | null, referralId: string, action: 'create' | 'read' | 'update' | 'export' | 'delete', purpose: string, channel: 'web' | 'fhir' | 'system', at: Date) {
  await queries.insertAccessLog(q, { referralId, actorUserId: actor?.userId ?? null, actorOrganisationId: organisationId, action, purpose, channel, at });
}

/** The organisation in whose name the actor works on this referral (for the access log). */
function actingOrganisation(actor: Actor, row: ReferralRow): string | null {
  const kinds = actorKindsFor(actor, scopeOf(row));
  if (kinds.includes('referrer')) return row.referring_organisation_id;
  if (kinds.includes('provider')) return row.provider_organisation_id;
  return actor.roles.find((g) => g.role === 'coordinator' && g.regionCode === row.region_code)?.organisationId ?? null;
}

/** The referral row if the actor may see it; "not found" otherwise (guessed ids too). */
export async function referralFor(deps: Pick<Deps, 'db'>, actor: Actor | undefined, id: string): Promise<ReferralRow> {
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await queries.findReferral(deps.db, id) : undefined;
  if (!row || !canSeeReferral(actor, scopeOf(row))) throw new NotFoundError('referral');
  return row;
}

function summaryOf(row: queries.SummaryRow): ReferralSummary {
  return {
    id: row.id,
    status: row.status,
    statusReason: row.status_reason,
    serviceId: row.service_id,
    serviceName: row.service_name,
    referringOrganisationId: row.referring_organisation_id,
    referringOrganisationName: row.referring_organisation_name,
    providerOrganisationId: row.provider_organisation_id,
    needCodes: row.need_codes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    followUpDueAt: row.follow_up_due_at,
    followUpRecordedAt: row.follow_up_recorded_at,
  };
}

export type ReferralListView = 'new' | 'active' | 'follow-up' | 'closed' | 'all';

const viewStatuses: Record<ReferralListView, ReferralStatus[] | undefined> = {
  new: ['requested'],
  active: ['accepted', 'in-progress', 'on-hold'],
  'follow-up': undefined,
  closed: ['rejected', 'cancelled', 'failed', 'completed', 'entered-in-error'],
  all: undefined,
};

/**
 * Referrals the actor may see, without personal data. `as` narrows to one capacity: the provider
 * inbox (`provider`), the referrer's sent referrals (`referrer`), or the region (`coordinator`).
 */
export async function listReferrals(deps: Deps, actor: Actor, options: { as: 'referrer' | 'provider' | 'coordinator' | 'any'; view: ReferralListView; limit?: number }): Promise<ReferralSummary[]> {
  const scope = listScope(actor);
  const rows = await queries.listReferralSummaries(deps.db, {
    referringOrganisationIds: options.as === 'referrer' || options.as === 'any' ? scope.referring : [],
    providerOrganisationIds: options.as === 'provider' || options.as === 'any' ? scope.providing : [],
    regionCodes: options.as === 'coordinator' || options.as === 'any' ? scope.regions : [],
    ...(viewStatuses[options.view] ? { statuses: viewStatuses[options.view]! } : {}),
    ...(options.view === 'follow-up' ? { followUpDueBefore: deps.clock() } : {}),
    limit: options.limit ?? 200,
  });
  return rows.map(summaryOf);
}

/** An organisation named by identifier: a FHIR system URI ('' for any of ours) and a value. */
export interface OrganisationSearch {
  system: string;
  value: string;
}

/**
 * A FHIR search over every referral the actor may see (as listReferrals with `as: 'any'`): the
 * criteria and the page are applied in SQL, so `total` counts them all.
 */
export async function searchReferrals(
  deps: Deps,
  actor: Actor,
  criteria: { statuses?: readonly ReferralStatus[]; requester?: OrganisationSearch; provider?: OrganisationSearch; limit: number; offset: number },
  systems: { organisation: string; businessId: string; ptvOrganisation: string },
): Promise<{ summaries: ReferralSummary[]; total: number }> {
  const scope = listScope(actor);
  const organisationsOf = async (search: OrganisationSearch | undefined) => (search ? queries.findOrganisationIdsByIdentifier(deps.db, search, systems) : null);
  const [requesterIds, providerIds] = await Promise.all([organisationsOf(criteria.requester), organisationsOf(criteria.provider)]);
  const { rows, total } = await queries.searchReferralSummaries(deps.db, {
    referringOrganisationIds: scope.referring,
    providerOrganisationIds: scope.providing,
    regionCodes: scope.regions,
    statuses: criteria.statuses ?? null,
    requesterIds,
    providerIds,
    limit: criteria.limit,
    offset: criteria.offset,
  });
  return { summaries: rows.map(summaryOf), total };
}

/** One referral with the person's data, its consents, timeline and follow-up. Logs the read. */
export async function getReferral(deps: Deps, actor: Actor, id: string, options: { channel: AccessChannel; purpose?: string } = { channel: 'web' }): Promise<ReferralDetail> {
  const row = await referralFor(deps, actor, id);
  const [events, consents, followUp, answers, organisations, service] = await Promise.all([
    queries.listReferralEvents(deps.db, id),
    queries.listConsents(deps.db, id),
    queries.findFollowUp(deps.db, id),
    queries.listAnswers(deps.db, id),
    queries.listOrganisationIdentities(deps.db, [row.referring_organisation_id, row.provider_organisation_id]),
    queries.findServiceIdentity(deps.db, row.service_id),
  ]);
  const person = row.personal_data && row.personal_key_id ? decryptJson<PersonalData>(referralKeysFor(deps.config), row.personal_data, row.personal_key_id, row.id) : undefined;
  if (person) await logAccess(deps.db, actor, actingOrganisation(actor, row), id, 'read', options.purpose ?? 'referral.view', options.channel, deps.clock());
  const referring = organisations.find((o) => o.id === row.referring_organisation_id);
  const provider = organisations.find((o) => o.id === row.provider_organisation_id);
  return {
    id: row.id,
    status: row.status,
    statusReason: row.status_reason,
    serviceId: row.service_id,
    serviceName: service?.name ?? {},
    referringOrganisationId: row.referring_organisation_id,
    referringOrganisationName: referring?.name ?? {},
    providerOrganisationId: row.provider_organisation_id,
    regionCode: row.region_code,
    referringUserId: row.referring_user_id,
    needCodes: row.need_codes,
    clientLanguage: row.client_language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    personalDataDeletedAt: row.personal_data_deleted_at,
    person,
    followUpDueAt: followUp?.due_at ?? null,
    followUpRecordedAt: followUp?.recorded_at ?? null,
    followUp: followUp ? { dueAt: followUp.due_at, remindedAt: followUp.reminded_at, recordedAt: followUp.recorded_at, outcome: followUp.outcome } : undefined,
    consents: consents.map((c) => ({ id: c.id, givenBy: c.given_by, givenToOrganisationId: c.given_to_organisation_id, purpose: c.purpose, givenAt: c.given_at, withdrawnAt: c.withdrawn_at })),
    events: events.map((e) => ({ id: e.id, fromStatus: e.from_status, toStatus: e.to_status, actorUserId: e.actor_user_id, actorName: e.actor_name, actorRole: e.actor_role, reason: e.reason, at: e.at })),
    answers: answers.map((a) => ({ phase: a.phase, instrumentId: a.instrument_id, itemId: a.item_id, value: a.value })),
    service: {
      ptvId: service?.source === 'ptv' ? service.source_id : null,
      businessId: provider?.business_id ?? null,
      providerName: provider?.name ?? {},
      providerPtvId: provider?.source === 'ptv' ? provider.source_id : null,
      referringBusinessId: referring?.business_id ?? null,
    },
  };
}

/** Statuses the actor may move this referral to (for the buttons). */
export function nextStatuses(actor: Actor, referral: ReferralScope & { status: ReferralStatus }): ReferralStatus[] {
  const targets = new Set<ReferralStatus>();
  for (const to of ['accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'failed', 'cancelled', 'entered-in-error'] as const) {
    if (transitionCapacity(actor, referral, referral.status, to)) targets.add(to);
  }
  return [...targets];
}

/**
 * Moves a referral to another status. The status precondition (`WHERE status = from`) and the
 * place count (`open_places > 0`) are checked by the UPDATE statements themselves inside one
 * transaction: two simultaneous accepts of the last place leave one accepted and one conflict.
 */
export async function transitionReferral(deps: ReferralDeps, actor: Actor, id: string, input: { to: string; reason?: string; expectedStatus?: string }, channel: AccessChannel = 'web'): Promise<ReferralStatus> {
  const row = await referralFor(deps, actor, id);
  if (!isReferralStatus(input.to)) throw new ValidationError('unknown status', { to: 'referrals.error.status' });
  const to = input.to;
  const from = row.status;
  if (input.expectedStatus !== undefined && input.expectedStatus !== from) throw new ConflictError('the referral has changed meanwhile', { status: from });
  const capacity = transitionCapacity(actor, scopeOf(row), from, to);
  if (!capacity) {
    if (actorKindsFor(actor, scopeOf(row)).length === 0) throw new NotFoundError('referral');
    throw new ConflictError(`cannot move a referral from ${from} to ${to}`, { status: from });
  }
  const reason = input.reason === '' ? undefined : input.reason;
  if (!isValidReason(to, reason)) throw new ValidationError('a reason is needed', { reason: 'referrals.error.reason' });
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    let holds = row.holds_place;
    if (to === 'accepted' && !row.holds_place) {
      const place = await queries.takeOpenPlace(tx, row.service_id);
      if (place === 'full') throw new ConflictError('no open places left', { reason: 'full' });
      holds = place === 'taken';
    } else if (holds && !holdsPlace(to)) {
      await queries.giveBackOpenPlace(tx, row.service_id);
      holds = false;
    }
    const changed = await queries.updateReferralStatus(tx, { id, from, to, reason: reason ?? null, holdsPlace: holds, closedAt: isClosed(to) ? now : null, now });
    if (!changed) throw new ConflictError('the referral has changed meanwhile');
    await queries.insertReferralEvent(tx, { referralId: id, from, to, actorUserId: actor.userId, actorRole: capacity, reason: reason ?? null, at: now });
    await logAccess(tx, actor, actingOrganisation(actor, row), id, 'update', `referral.${to}`, channel, now);
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'referrals.referral.transition', subjectType: 'referral', subjectId: id, organisationId: actingOrganisation(actor, row), regionCode: row.region_code, details: { from, to, ...(reason ? { reason } : {}) } });
    await notifyTransition(deps, tx, { row, to, capacity, now });
  });
  return to;
}

/** Consent withdrawn: the referral is cancelled (if still open) and the person's data deleted now. */
export async function withdrawConsent(deps: ReferralDeps, actor: Actor, id: string): Promise<void> {
  const row = await referralFor(deps, actor, id);
  if (!canWithdrawConsent(actor, scopeOf(row))) throw new NotFoundError('referral');
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const withdrawn = await queries.withdrawConsents(tx, id, now);
    if (withdrawn === 0) throw new ConflictError('the consent was already withdrawn');
    const kind = actorKindsFor(actor, scopeOf(row)).includes('referrer') ? 'referrer' : 'coordinator';
    if (!isClosed(row.status)) {
      if (row.holds_place) await queries.giveBackOpenPlace(tx, row.service_id);
      const changed = await queries.updateReferralStatus(tx, { id, from: row.status, to: 'cancelled', reason: 'consent-withdrawn', holdsPlace: false, closedAt: now, now });
      if (!changed) throw new ConflictError('the referral has changed meanwhile');
      await queries.insertReferralEvent(tx, { referralId: id, from: row.status, to: 'cancelled', actorUserId: actor.userId, actorRole: kind, reason: 'consent-withdrawn', at: now });
    }
    await queries.deletePersonalData(tx, id, now);
    await logAccess(tx, actor, actingOrganisation(actor, row), id, 'delete', 'consent.withdrawn', 'web', now);
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'referrals.consent.withdrawn', subjectType: 'referral', subjectId: id, organisationId: actingOrganisation(actor, row), regionCode: row.region_code });
  });
}

/** The referral for the follow-up form: only the referring organisation's professionals (others: not found). */
export async function referralForFollowUp(deps: Deps, actor: Actor, id: string): Promise<ReferralDetail> {
  const row = await referralFor(deps, actor, id);
  if (!canRecordFollowUp(actor, scopeOf(row))) throw new NotFoundError('referral');
  return getReferral(deps, actor, id, { channel: 'web', purpose: 'referral.follow_up' });
}

/** The referrer records how it went and, optionally, the follow-up answers (next to the baseline). */
export async function recordFollowUp(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { outcome: string; instrument?: Instrument | undefined; answers: Record<string, string | undefined> },
): Promise<void> {
  const row = await referralFor(deps, actor, id);
  if (!canRecordFollowUp(actor, scopeOf(row))) throw new NotFoundError('referral');
  const fields: Record<string, string> = {};
  if (!(followUpOutcomes as readonly string[]).includes(input.outcome)) fields.outcome = 'referrals.error.outcome';
  const answers: Record<string, number> = {};
  for (const item of input.instrument?.items ?? []) {
    const raw = input.answers[item.id]?.trim() ?? '';
    if (raw === '') continue;
    const scale = input.instrument!.scales[item.scale]!;
    const value = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= scale.min && value <= scale.max)) fields[`item-${item.id}`] = 'referrals.error.answer';
    else answers[item.id] = value;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError('the follow-up is not valid', fields);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const recorded = await queries.recordFollowUpOutcome(tx, id, { outcome: input.outcome as FollowUpOutcome, recordedBy: actor.userId, now });
    if (!recorded) throw new ConflictError('the follow-up is already recorded');
    if (input.instrument && Object.keys(answers).length > 0) await queries.insertAnswers(tx, id, 'follow_up', input.instrument.id, answers);
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'referrals.follow_up.recorded', subjectType: 'referral', subjectId: id, organisationId: row.referring_organisation_id, regionCode: row.region_code, details: { outcome: input.outcome, items: Object.keys(answers).length } });
  });
}

/** Activities of a guidance session's plan with whether they take referrals now. */
export async function referralOptions(deps: Deps, serviceIds: readonly string[]) {
  const options = [];
  for (const serviceId of serviceIds) {
    const service = await queries.findServiceForReferral(deps.db, serviceId);
    if (service) options.push({ serviceId, name: service.name, openPlaces: service.open_places, unavailable: unavailableReason(service) });
  }
  return options;
}

/** Organisations' identifiers (business ID, PTV id) for the FHIR interface. */
export async function organisationIdentities(deps: Pick<Deps, 'db'>, ids: readonly string[]) {
  return new Map((await queries.listOrganisationIdentities(deps.db, [...new Set(ids)])).map((o) => [o.id, o]));
}

/** A service id from a PTV service id (FHIR clients may name the activity either way). */
export async function serviceIdOfPtvId(deps: Pick<Deps, 'db'>, ptvId: string): Promise<string | undefined> {
  return queries.findServiceIdByPtvId(deps.db, ptvId);
}

/** A referral's workflow state without personal data (FHIR Task): nothing is decrypted or logged. */
export async function getReferralState(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const row = await referralFor(deps, actor, id);
  return {
    id: row.id,
    status: row.status,
    statusReason: row.status_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    referringOrganisationId: row.referring_organisation_id,
    providerOrganisationId: row.provider_organisation_id,
  };
}
