/**
 * Messages about referrals through the outbox. They carry no personal data of the person: only
 * the activity's name, the new status and a link to the referral (which asks for sign-in).
 * Organisations are told at their contact e-mail, referrers at their own e-mail; without an
 * address nothing is sent (the inbox still shows the referral).
 */
import type { Queryable } from '../../db/index.ts';
import { textOf } from '../../platform/localised.ts';
import { enqueueMessage } from '../outbox/index.ts';
import type { ReferralDeps } from './referrals.service.ts';
import type { ReferralRow } from './referrals.types.ts';
import type { ActorKind, ReferralStatus } from './referrals.workflow.ts';

const lang = 'fi' as const;

export function referralUrl(publicUrl: string, id: string, language: string = lang): string {
  return `${publicUrl}/${language}/referrals/${id}`;
}

/**
 * Neither organisations nor users record a language, so every referral message is written in
 * Finnish, Swedish and English: the subject joins the three, the body has one paragraph per
 * language, each with the link to that language's page (the outbox records the first, Finnish).
 */
const messageLanguages = ['fi', 'sv', 'en'] as const;
type MessageLanguage = (typeof messageLanguages)[number];

function trilingual(
  deps: ReferralDeps,
  subject: (t: ReturnType<ReferralDeps['translatorFor']>, language: MessageLanguage) => string,
  body: (t: ReturnType<ReferralDeps['translatorFor']>, language: MessageLanguage) => string,
): { subject: string; body: string } {
  const parts = messageLanguages.map((language) => {
    const t = deps.translatorFor(language);
    return { subject: subject(t, language), body: body(t, language) };
  });
  return { subject: parts.map((p) => p.subject).join(' | '), body: parts.map((p) => p.body).join('\n\n') };
}

async function organisationEmail(q: Queryable, organisationId: string): Promise<string | null> {
  const rows = await q.query<{ email: string | null }>(`SELECT email FROM organisations WHERE id = $1::uuid`, [organisationId]);
  return rows[0]?.email ?? null;
}

async function userEmail(q: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const rows = await q.query<{ email: string | null }>(`SELECT email FROM users WHERE id = $1::uuid`, [userId]);
  return rows[0]?.email ?? null;
}

async function send(deps: ReferralDeps, tx: Queryable, recipient: string | null, purpose: string, referralId: string, message: { subject: string; body: string }, now: Date) {
  if (!recipient) return;
  try {
    await enqueueMessage(tx, { channel: 'email', recipient, subject: message.subject, body: message.body, language: messageLanguages[0], purpose, referenceId: referralId, now });
  } catch {
    // an organisation's contact address that is not valid: the inbox still shows the referral
  }
}

export async function notifyProviderOfReferral(deps: ReferralDeps, tx: Queryable, input: { referralId: string; providerOrganisationId: string; serviceName: Record<string, string>; now: Date }) {
  const service = (language: MessageLanguage) => textOf(input.serviceName, language) ?? '';
  await send(
    deps,
    tx,
    await organisationEmail(tx, input.providerOrganisationId),
    'referrals.new',
    input.referralId,
    trilingual(
      deps,
      (t, language) => t('referrals.message.newSubject', { service: service(language) }),
      (t, language) => t('referrals.message.newBody', { service: service(language), url: referralUrl(deps.config.publicUrl, input.referralId, language) }),
    ),
    input.now,
  );
}

export async function notifyTransition(deps: ReferralDeps, tx: Queryable, input: { row: ReferralRow; to: ReferralStatus; capacity: ActorKind; now: Date }) {
  const recipient = input.capacity === 'provider' ? await userEmail(tx, input.row.referring_user_id) : await organisationEmail(tx, input.row.provider_organisation_id);
  await send(
    deps,
    tx,
    recipient,
    'referrals.status',
    input.row.id,
    trilingual(
      deps,
      (t) => t('referrals.message.statusSubject', { status: t(`referrals.status.${input.to}`) }),
      (t, language) => t('referrals.message.statusBody', { status: t(`referrals.status.${input.to}`), url: referralUrl(deps.config.publicUrl, input.row.id, language) }),
    ),
    input.now,
  );
}

export async function notifyFollowUpDue(deps: ReferralDeps, tx: Queryable, input: { referralId: string; email: string | null; now: Date }) {
  await send(
    deps,
    tx,
    input.email,
    'referrals.follow_up',
    input.referralId,
    trilingual(
      deps,
      (t) => t('referrals.message.followUpSubject'),
      (t, language) => t('referrals.message.followUpBody', { url: `${referralUrl(deps.config.publicUrl, input.referralId, language)}/follow-up` }),
    ),
    input.now,
  );
}
