/**
 * Use cases of a guidance session: start it, record the client's context and needs, do the
 * optional light well-being check (stored only when the professional chooses), delete it.
 * A session holds no personal data, only coarse codes; every change is audited.
 */
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isLanguage } from '../../platform/localised.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { findPostalCode, getAreas, listMunicipalities } from '../catalog/index.ts';
import { canUseGuidance, canWorkOnSession, guidanceOrganisations } from './guidance.policy.ts';
import {
  deleteGuidanceSession,
  deleteGuidanceSessionsNotChangedSince,
  findGuidanceSession,
  findPlanOfSession,
  insertGuidanceCheck,
  insertGuidanceSession,
  listGuidanceChecks,
  listGuidanceSessions,
  touchGuidanceSession,
  updateGuidanceContext,
} from './guidance.queries.ts';
import { activityLanguages, ageGroups, budgets, mobilityNeeds, type GuidanceSession } from './guidance.types.ts';
import { instrumentsForRegion, itemResults, type Instrument, type ItemResult } from './instruments.ts';
import { isNeedAreaCode } from './need-areas.ts';

export interface GuidanceDeps extends Deps {
  instruments: readonly Instrument[];
}

/** Municipalities for the context form and for naming places in reasons. */
export async function municipalityOptions(deps: Pick<Deps, 'db'>) {
  const areas = await getAreas(deps);
  return areas.municipalities.map((m) => ({ code: m.code, name: m.name, region: m.region }));
}

/** The session if the actor may work on it; otherwise it does not exist for them. */
export async function sessionFor(deps: Pick<Deps, 'db'>, actor: Actor | undefined, sessionId: string): Promise<GuidanceSession> {
  const session = /^[0-9a-f-]{36}$/i.test(sessionId) ? await findGuidanceSession(deps.db, sessionId) : undefined;
  if (!session || !canWorkOnSession(actor, session)) throw new NotFoundError('guidance session');
  return session;
}

export async function listMyGuidanceSessions(deps: Deps, actor: Actor) {
  if (!canUseGuidance(actor)) throw new NotFoundError('guidance');
  return listGuidanceSessions(deps.db, guidanceOrganisations(actor).map((o) => o.organisationId), 50);
}

/** Starts an empty session in one of the professional's organisations. */
export async function startGuidanceSession(deps: Deps, actor: Actor, input: { organisationId?: string; clientLanguage: string }): Promise<string> {
  const organisations = guidanceOrganisations(actor);
  const organisation = input.organisationId ? organisations.find((o) => o.organisationId === input.organisationId) : organisations[0];
  if (!organisation) throw new NotFoundError('guidance');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    await insertGuidanceSession(tx, { id, ...organisation, createdBy: actor.userId, clientLanguage: isLanguage(input.clientLanguage) ? input.clientLanguage : 'fi', now });
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'guidance.session.created', subjectType: 'guidance_session', subjectId: id, ...organisation });
  });
  return id;
}

export interface ContextInput {
  clientLanguage: string;
  municipalityCode: string;
  postalCode: string;
  ageGroup: string;
  languages: string[];
  mobility: string[];
  budget: string;
  needAreas: string[];
}

const subsetOf = <T extends string>(values: readonly string[], allowed: readonly T[]): values is T[] => values.every((v) => (allowed as readonly string[]).includes(v));

/** Validates and saves the client's context and needs. Field errors name message keys. */
export async function recordContext(deps: Deps, actor: Actor, sessionId: string, input: ContextInput): Promise<void> {
  const session = await sessionFor(deps, actor, sessionId);
  const fields: Record<string, string> = {};
  if (!isLanguage(input.clientLanguage)) fields.clientLanguage = 'guidance.error.clientLanguage';
  let municipalityCode: string | null = input.municipalityCode.trim() || null;
  const postalCode = input.postalCode.replace(/\s/g, '') || null;
  if (municipalityCode && !(await listMunicipalities(deps.db)).some((m) => m.code === municipalityCode)) fields.municipalityCode = 'guidance.error.municipality';
  if (postalCode) {
    const postal = /^\d{5}$/.test(postalCode) ? await findPostalCode(deps.db, postalCode) : undefined;
    if (!postal) fields.postalCode = 'guidance.error.postalCode';
    else if (municipalityCode && postal.municipality_code !== municipalityCode) fields.postalCode = 'guidance.error.postalCodeMunicipality';
    else municipalityCode = postal.municipality_code;
  }
  if (!municipalityCode && !postalCode && !fields.municipalityCode) fields.municipalityCode = 'guidance.error.place';
  const ageGroup = input.ageGroup || null;
  if (ageGroup !== null && !(ageGroups as readonly string[]).includes(ageGroup)) fields.ageGroup = 'guidance.error.ageGroup';
  if (!subsetOf(input.languages, activityLanguages)) fields.languages = 'guidance.error.languages';
  if (!subsetOf(input.mobility, mobilityNeeds)) fields.mobility = 'guidance.error.mobility';
  if (!(budgets as readonly string[]).includes(input.budget)) fields.budget = 'guidance.error.budget';
  const needAreas = [...new Set(input.needAreas)];
  if (needAreas.length === 0) fields.needAreas = 'guidance.error.needAreas';
  else if (!needAreas.every(isNeedAreaCode)) fields.needAreas = 'guidance.error.needAreaUnknown';
  if (Object.keys(fields).length > 0) throw new ValidationError('the context is incomplete', fields);
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    await updateGuidanceContext(
      tx,
      session.id,
      {
        clientLanguage: input.clientLanguage as GuidanceSession['clientLanguage'],
        municipalityCode,
        postalCode,
        ageGroup: ageGroup as GuidanceSession['ageGroup'],
        languages: input.languages as GuidanceSession['languages'],
        mobility: input.mobility as GuidanceSession['mobility'],
        budget: input.budget as GuidanceSession['budget'],
        needAreas: needAreas as GuidanceSession['needAreas'],
      },
      now,
    );
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'guidance.session.context_recorded', subjectType: 'guidance_session', subjectId: session.id, organisationId: session.organisationId, regionCode: session.regionCode });
  });
}

export async function getGuidanceSession(deps: GuidanceDeps, actor: Actor, sessionId: string) {
  const session = await sessionFor(deps, actor, sessionId);
  const [checks, plan] = await Promise.all([listGuidanceChecks(deps.db, session.id), findPlanOfSession(deps.db, session.id)]);
  const savedChecks = checks.flatMap((check) => {
    const instrument = deps.instruments.find((i) => i.id === check.instrument_id);
    return instrument ? [{ id: check.id, recordedAt: check.recorded_at, phase: check.phase, instrument, results: itemResults(instrument, check.answers) }] : [];
  });
  return { session, checks: savedChecks, plan };
}

/** The instruments this session's professional may use. */
export function instrumentsOf(deps: GuidanceDeps, session: Pick<GuidanceSession, 'regionCode'>): Instrument[] {
  return instrumentsForRegion(deps.instruments, session.regionCode);
}

export interface CheckOutcome {
  instrument: Instrument;
  results: ItemResult[];
  stored: boolean;
}

/**
 * The light well-being check: answers are validated item by item; they are stored (not tied to
 * any name) only when `keep` is set, otherwise they live only in the response page.
 */
export async function recordCheck(
  deps: GuidanceDeps,
  actor: Actor,
  sessionId: string,
  input: { instrumentId: string; answers: Record<string, string | undefined>; keep: boolean },
): Promise<CheckOutcome> {
  const session = await sessionFor(deps, actor, sessionId);
  const instrument = instrumentsOf(deps, session).find((i) => i.id === input.instrumentId);
  if (!instrument) throw new ValidationError('unknown instrument', { instrumentId: 'guidance.error.instrument' });
  const answers: Record<string, number> = {};
  const fields: Record<string, string> = {};
  for (const item of instrument.items) {
    const raw = input.answers[item.id]?.trim() ?? '';
    if (raw === '') continue;
    const scale = instrument.scales[item.scale]!;
    const value = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= scale.min && value <= scale.max)) fields[`item-${item.id}`] = 'guidance.error.answer';
    else answers[item.id] = value;
  }
  if (Object.keys(fields).length === 0 && Object.keys(answers).length === 0) fields[`item-${instrument.items[0]!.id}`] = 'guidance.error.noAnswers';
  if (Object.keys(fields).length > 0) throw new ValidationError('the answers are not valid', fields);
  if (input.keep) {
    await deps.db.transaction(async (tx) => {
      const now = deps.clock();
      const id = newId();
      await insertGuidanceCheck(tx, { id, sessionId: session.id, instrumentId: instrument.id, instrumentVersion: instrument.version, phase: 'initial', now, answers });
      await touchGuidanceSession(tx, session.id, now);
      await recordAudit(tx, {
        at: now,
        actorUserId: actor.userId,
        action: 'guidance.check.recorded',
        subjectType: 'guidance_session',
        subjectId: session.id,
        organisationId: session.organisationId,
        regionCode: session.regionCode,
        details: { instrumentId: instrument.id, items: Object.keys(answers).length },
      });
    });
  }
  return { instrument, results: itemResults(instrument, answers), stored: input.keep };
}

/** Deletes a session with its checks and plan at once (no personal data to keep). */
export async function deleteSession(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  const session = await sessionFor(deps, actor, sessionId);
  await deps.db.transaction(async (tx) => {
    await deleteGuidanceSession(tx, session.id);
    await recordAudit(tx, { at: deps.clock(), actorUserId: actor.userId, action: 'guidance.session.deleted', subjectType: 'guidance_session', subjectId: session.id, organisationId: session.organisationId, regionCode: session.regionCode });
  });
}

/** Retention: sessions and plans untouched for GUIDANCE_RETENTION_DAYS are deleted. */
export async function purgeOldGuidanceSessions(deps: Deps): Promise<number> {
  const before = new Date(deps.clock().getTime() - deps.config.guidanceRetentionDays * 86_400_000);
  return deps.db.transaction(async (tx) => {
    const deleted = await deleteGuidanceSessionsNotChangedSince(tx, before);
    if (deleted > 0) await recordAudit(tx, { at: deps.clock(), actorUserId: null, action: 'guidance.session.purged', subjectType: 'guidance_session', details: { count: deleted, retentionDays: deps.config.guidanceRetentionDays } });
    return deleted;
  });
}
