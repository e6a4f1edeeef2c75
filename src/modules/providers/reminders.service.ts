/**
 * Review reminders. An activity's review clock starts when a provider last confirmed it in
 * Tarjotin (`last_reviewed_at`; imported records without one are the quality audit's business).
 * After REVIEW_REMINDER_MONTHS its providers get an e-mail through the outbox, after
 * REVIEW_OUT_OF_DATE_MONTHS the public page says "may be out of date", after
 * REVIEW_HIDE_AFTER_MONTHS it is hidden from residents (coordinators and providers still see it).
 *
 * Stateless and safe on several instances at once: the state is recomputed from the clock, and a
 * reminder is sent only by the instance whose insert into `review_reminders` wins.
 */
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { createI18n } from '../../platform/i18n.ts';
import { textOf, type Language, type LocalisedText } from '../../platform/localised.ts';
import { enqueueMessage } from '../outbox/index.ts';
import { reindexServices } from '../search/index.ts';
import { providersMessages } from './providers.messages.ts';

export type ReviewState = 'current' | 'reminded' | 'out_of_date' | 'hidden';

export interface ReminderReport {
  /** activities whose state changed, by new state */
  changed: Record<ReviewState, number>;
  remindersQueued: number;
}

const i18n = createI18n([providersMessages]);

async function refreshReviewStates(q: Queryable, deps: Deps, now: Date): Promise<{ id: string; review_state: ReviewState }[]> {
  const { reviewReminderMonths, reviewOutOfDateMonths, reviewHideAfterMonths } = deps.config;
  return q.query<{ id: string; review_state: ReviewState }>(
    `WITH computed AS (
       SELECT id, CASE
         WHEN last_reviewed_at <= $1::timestamptz - make_interval(months => $4) THEN 'hidden'
         WHEN last_reviewed_at <= $1::timestamptz - make_interval(months => $3) THEN 'out_of_date'
         WHEN last_reviewed_at <= $1::timestamptz - make_interval(months => $2) THEN 'reminded'
         ELSE 'current' END AS state
       FROM services WHERE last_reviewed_at IS NOT NULL OR review_state <> 'current'
     )
     UPDATE services s SET review_state = c.state
     FROM computed c WHERE c.id = s.id AND s.review_state <> c.state
     RETURNING s.id, s.review_state`,
    [now, reviewReminderMonths, reviewOutOfDateMonths, reviewHideAfterMonths],
  );
}

interface DueRow {
  service_id: string;
  stage: Exclude<ReviewState, 'current'>;
  name: LocalisedText;
  emails: string[];
}

/** Claims the reminders due now (one per activity, review date and stage) and returns them with recipients. */
async function claimDueReminders(q: Queryable, now: Date): Promise<DueRow[]> {
  return q.query<DueRow>(
    `WITH due AS (
       INSERT INTO review_reminders (service_id, reviewed_at, stage, reminded_at)
       SELECT s.id, s.last_reviewed_at, s.review_state, $1 FROM services s
       WHERE s.review_state <> 'current' AND s.last_reviewed_at IS NOT NULL AND s.status IN ('published', 'paused')
       ON CONFLICT DO NOTHING
       RETURNING service_id, stage
     )
     SELECT d.service_id, d.stage, s.name,
       coalesce((SELECT array_agg(DISTINCT u.email) FROM user_roles r JOIN users u ON u.id = r.user_id
                 WHERE r.role = 'provider' AND r.organisation_id = s.organisation_id AND u.status = 'active' AND u.email IS NOT NULL), '{}') AS emails
     FROM due d JOIN services s ON s.id = d.service_id`,
    [now],
  );
}

function reminderText(row: DueRow, publicUrl: string) {
  // One message in the three languages: a user's preferred language is not known.
  const langs: Language[] = ['fi', 'sv', 'en'];
  const subject = langs.map((lang) => i18n.translator(lang)(`providers.reminder.subject.${row.stage}`)).join(' / ');
  const body = langs
    .map((lang) => {
      const t = i18n.translator(lang);
      return t(`providers.reminder.body.${row.stage}`, { name: textOf(row.name, lang), url: `${publicUrl}/${lang}/provider/activities/${row.service_id}` });
    })
    .join('\n\n---\n\n');
  return { subject, body };
}

/** One run of the reminder job (every instance runs it hourly; tests call it with their clock). */
export async function runReviewReminders(deps: Deps): Promise<ReminderReport> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const changed = await refreshReviewStates(tx, deps, now);
    if (changed.length > 0) await reindexServices(tx, changed.map((c) => c.id));
    const due = await claimDueReminders(tx, now);
    let remindersQueued = 0;
    for (const row of due) {
      const { subject, body } = reminderText(row, deps.config.publicUrl);
      for (const email of row.emails) {
        await enqueueMessage(tx, { channel: 'email', recipient: email, subject, body, language: 'fi', purpose: 'providers.review_reminder', referenceId: row.service_id, now });
        remindersQueued++;
      }
      await tx.query('UPDATE review_reminders SET recipients = $3 WHERE service_id = $1::uuid AND stage = $2 AND reminded_at = $4', [row.service_id, row.stage, row.emails.length, now]);
    }
    const counts: Record<ReviewState, number> = { current: 0, reminded: 0, out_of_date: 0, hidden: 0 };
    for (const c of changed) counts[c.review_state]++;
    return { changed: counts, remindersQueued };
  });
}

/** Activities of a region by review state, for the coordinator (hidden ones included). */
export async function listStaleActivities(q: Queryable, regionCodes: readonly string[]) {
  return q.query<{ id: string; name: LocalisedText; review_state: ReviewState; last_reviewed_at: Date; organisation_name: LocalisedText }>(
    `SELECT s.id, s.name, s.review_state, s.last_reviewed_at, o.name AS organisation_name
     FROM services s JOIN organisations o ON o.id = s.organisation_id
     WHERE s.review_state <> 'current' AND o.region_code = ANY($1::text[])
     ORDER BY s.last_reviewed_at, s.id LIMIT 500`,
    [regionCodes],
  );
}
