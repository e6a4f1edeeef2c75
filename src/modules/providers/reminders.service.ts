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
import type { Deps } from '../../platform/deps.ts';
import { createI18n } from '../../platform/i18n.ts';
import { textOf, type Language } from '../../platform/localised.ts';
import { enqueueMessage } from '../outbox/index.ts';
import { reindexServices } from '../search/index.ts';
import { providersMessages } from './providers.messages.ts';
import { claimDueReminders, refreshReviewStates, updateReminderRecipients, type DueReminderRow, type ReviewState } from './reminders.queries.ts';

export type { ReviewState };

export interface ReminderReport {
  /** activities whose state changed, by new state */
  changed: Record<ReviewState, number>;
  remindersQueued: number;
}

const i18n = createI18n([providersMessages]);

function reminderText(row: DueReminderRow, publicUrl: string) {
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
    const changed = await refreshReviewStates(tx, now, {
      reminder: deps.config.reviewReminderMonths,
      outOfDate: deps.config.reviewOutOfDateMonths,
      hide: deps.config.reviewHideAfterMonths,
    });
    // Only hiding and showing again change what residents can find.
    const visibility = changed.filter((c) => (c.previous === 'hidden') !== (c.review_state === 'hidden'));
    if (visibility.length > 0) await reindexServices(tx, visibility.map((c) => c.id));
    const due = await claimDueReminders(tx, now);
    let remindersQueued = 0;
    for (const row of due) {
      const { subject, body } = reminderText(row, deps.config.publicUrl);
      for (const email of row.emails) {
        await enqueueMessage(tx, { channel: 'email', recipient: email, subject, body, language: 'fi', purpose: 'providers.review_reminder', referenceId: row.service_id, now });
        remindersQueued++;
      }
      await updateReminderRecipients(tx, row.service_id, row.stage, now, row.emails.length);
    }
    const counts: Record<ReviewState, number> = { current: 0, reminded: 0, out_of_date: 0, hidden: 0 };
    for (const c of changed) counts[c.review_state]++;
    return { changed: counts, remindersQueued };
  });
}

