/**
 * The client plan: activities the professional picked, printable in the client's language with
 * a QR code to the same plan on the web, and sendable by e-mail or text message. The plan has
 * no personal data; a recipient's address goes to the outbox only and is deleted once sent.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { DomainError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Translate } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { textOf, type Language } from '../../platform/localised.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { getPublicService, type ServiceDetail } from '../catalog/index.ts';
import { availableChannels, enqueueMessage, messageStatusesOf, validRecipient, type Channel } from '../outbox/index.ts';
import { sessionFor } from './guidance.service.ts';
import {
  deletePlanItem,
  findPlanByToken,
  findPlanOfSession,
  insertPlan,
  insertPlanItems,
  listPlanItems,
  listPublicServiceIds,
  listServiceTexts,
  touchPlan,
  type PlanRow,
} from './guidance.queries.ts';
import type { GuidanceSession } from './guidance.types.ts';
import { needAreasOfService } from './need-classifier.ts';
import type { NeedAreaCode } from './need-areas.ts';
import { contactLines, eventLines, placeLines, scheduleLines } from './plan-format.ts';

export interface PlanActivity {
  service: ServiceDetail;
  needAreas: NeedAreaCode[];
}

export function planUrl(publicUrl: string, plan: Pick<PlanRow, 'public_token'>, lang: Language): string {
  return `${publicUrl}/${lang}/plan/${plan.public_token}`;
}

function expiry(deps: Deps, now: Date): Date {
  return new Date(now.getTime() + deps.config.guidanceRetentionDays * 86_400_000);
}

async function activities(deps: Deps, plan: PlanRow): Promise<PlanActivity[]> {
  const items = await listPlanItems(deps.db, plan.id);
  const result: PlanActivity[] = [];
  for (const item of items) {
    try {
      result.push({ service: await getPublicService(deps, item.service_id), needAreas: item.need_areas as NeedAreaCode[] });
    } catch (error) {
      // An activity that left the tray (paused, archived) drops out of the plan's view.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return result;
}

/** Adds activities to the session's plan (creating the plan on first use). */
export async function addToPlan(deps: Deps, actor: Actor, sessionId: string, serviceIds: readonly string[]): Promise<number> {
  const session = await sessionFor(deps, actor, sessionId);
  const wanted = [...new Set(serviceIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  const publicIds = await listPublicServiceIds(deps.db, wanted);
  if (publicIds.length === 0) throw new ValidationError('choose activities', { services: 'guidance.error.chooseActivities' });
  const texts = new Map((await listServiceTexts(deps.db, publicIds)).map((s) => [s.id, s]));
  const items = publicIds.map((id) => {
    const s = texts.get(id)!;
    const text = [...Object.values(s.name), ...Object.values(s.summary)].join('. ');
    const needAreas = needAreasOfService({ themes: s.themes, targetGroups: s.target_groups, text }).map((m) => m.code).filter((c) => session.needAreas.includes(c));
    return { serviceId: id, needAreas };
  });
  return deps.db.transaction(async (tx) => {
    const now = deps.clock();
    let plan = await findPlanOfSession(tx, session.id);
    if (!plan) {
      await insertPlan(tx, { id: newId(), sessionId: session.id, publicToken: randomBytes(16).toString('base64url'), now, expiresAt: expiry(deps, now) });
      plan = (await findPlanOfSession(tx, session.id))!;
    }
    const added = await insertPlanItems(tx, plan.id, items, now);
    await touchPlan(tx, plan.id, now, expiry(deps, now));
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'guidance.plan.items_added', subjectType: 'client_plan', subjectId: plan.id, organisationId: session.organisationId, regionCode: session.regionCode, details: { serviceIds: publicIds, added } });
    return added;
  });
}

export async function removeFromPlan(deps: Deps, actor: Actor, sessionId: string, serviceId: string): Promise<void> {
  const session = await sessionFor(deps, actor, sessionId);
  const plan = await findPlanOfSession(deps.db, session.id);
  if (!plan) throw new NotFoundError('plan');
  await deps.db.transaction(async (tx) => {
    if (!(await deletePlanItem(tx, plan.id, serviceId))) throw new NotFoundError('plan item');
    const now = deps.clock();
    await touchPlan(tx, plan.id, now, expiry(deps, now));
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'guidance.plan.item_removed', subjectType: 'client_plan', subjectId: plan.id, organisationId: session.organisationId, regionCode: session.regionCode, details: { serviceId } });
  });
}

export interface PlanView {
  session: GuidanceSession;
  plan: PlanRow | undefined;
  activities: PlanActivity[];
  messages: Awaited<ReturnType<typeof messageStatusesOf>>;
  channels: Channel[];
}

/** The plan as the professional works on it. */
export async function getPlan(deps: Deps, actor: Actor, sessionId: string): Promise<PlanView> {
  const session = await sessionFor(deps, actor, sessionId);
  const plan = await findPlanOfSession(deps.db, session.id);
  return {
    session,
    plan,
    activities: plan ? await activities(deps, plan) : [],
    messages: plan ? await messageStatusesOf(deps, plan.id) : [],
    channels: availableChannels(deps.config),
  };
}

/** The plan behind a QR code or a link: anyone with the address may read it (it holds no personal data). */
export async function getPublicPlan(deps: Deps, token: string) {
  const plan = /^[A-Za-z0-9_-]{22,64}$/.test(token) ? await findPlanByToken(deps.db, token) : undefined;
  if (!plan || plan.expires_at.getTime() <= deps.clock().getTime()) throw new NotFoundError('plan');
  return { plan, clientLanguage: plan.client_language, activities: await activities(deps, plan) };
}

/** The message text of a plan: an e-mail lists everything, a text message the names and the link. */
export function planMessage(channel: Channel, input: { activities: PlanActivity[]; url: string; lang: Language; t: Translate }): { subject: string; body: string } {
  const { lang, t } = input;
  const subject = t('guidance.message.subject');
  if (channel === 'sms') {
    const names = input.activities.map((a) => textOf(a.service.name, lang)).join('; ');
    const body = `${t('guidance.message.smsIntro')} ${input.url}\n${names}`;
    return { subject: '', body: body.length > 450 ? `${body.slice(0, 447)}...` : body };
  }
  const sections = input.activities.map((activity, index) => {
    const s = activity.service;
    const lines = [`${index + 1}. ${textOf(s.name, lang)}`, `   ${textOf(s.organisation.name, lang)}`];
    const times = [...scheduleLines(s, lang, t), ...eventLines(s, lang)];
    if (times.length > 0) lines.push(`   ${t('guidance.plan.when')}: ${times.join('; ')}`);
    const places = placeLines(s, lang, t);
    if (places.length > 0) lines.push(`   ${t('guidance.plan.where')}: ${places.join('; ')}`);
    const contacts = contactLines(s, lang);
    if (contacts.length > 0) lines.push(`   ${t('guidance.plan.contact')}: ${contacts.map((c) => c.value).join(', ')}`);
    return lines.join('\n');
  });
  const body = [t('guidance.message.greeting'), '', t('guidance.message.intro', { url: input.url }), '', ...sections.flatMap((s) => [s, '']), t('guidance.message.noPersonalData')].join('\n');
  return { subject, body };
}

/**
 * Sends the plan to the client by e-mail or text message through the outbox, in the client's
 * language. The address is validated, used only for this message and deleted once it is sent.
 */
export async function sendPlan(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: { channel: string; recipient: string },
  translatorFor: (lang: Language) => Translate,
): Promise<void> {
  const session = await sessionFor(deps, actor, sessionId);
  const channels = availableChannels(deps.config);
  if (!(channels as string[]).includes(input.channel)) throw new ValidationError('channel not available', { channel: 'guidance.error.channel' });
  const channel = input.channel as Channel;
  validRecipient(channel, input.recipient, 'recipient');
  const plan = await findPlanOfSession(deps.db, session.id);
  const planActivities = plan ? await activities(deps, plan) : [];
  if (!plan || planActivities.length === 0) throw new DomainError(409, 'empty_plan', 'the plan has no activities');
  const lang = session.clientLanguage;
  const message = planMessage(channel, { activities: planActivities, url: planUrl(deps.config.publicUrl, plan, lang), lang, t: translatorFor(lang) });
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    await enqueueMessage(tx, { channel, recipient: input.recipient, subject: message.subject, body: message.body, language: lang, purpose: 'guidance.plan', referenceId: plan.id, now });
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'guidance.plan.sent', subjectType: 'client_plan', subjectId: plan.id, organisationId: session.organisationId, regionCode: session.regionCode, details: { channel } });
  });
}
