/** SQL of the review reminders. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';

export type ReviewState = 'current' | 'reminded' | 'out_of_date' | 'hidden';

/** Recomputes every reviewed activity's state from the clock and the periods; returns the ones that changed. */
export async function refreshReviewStates(
  q: Queryable,
  now: Date,
  months: { reminder: number; outOfDate: number; hide: number },
): Promise<{ id: string; review_state: ReviewState; previous: ReviewState }[]> {
  return q.query<{ id: string; review_state: ReviewState; previous: ReviewState }>(
    `WITH computed AS (
       SELECT id, review_state AS previous, CASE
         WHEN last_reviewed_at <= $1::timestamptz - make_interval(months => $4) THEN 'hidden'
         WHEN last_reviewed_at <= $1::timestamptz - make_interval(months => $3) THEN 'out_of_date'
         WHEN last_reviewed_at <= $1::timestamptz - make_interval(months => $2) THEN 'reminded'
         ELSE 'current' END AS state
       FROM services WHERE last_reviewed_at IS NOT NULL OR review_state <> 'current'
     )
     UPDATE services s SET review_state = c.state
     FROM computed c WHERE c.id = s.id AND s.review_state <> c.state
     RETURNING s.id, s.review_state, c.previous`,
    [now, months.reminder, months.outOfDate, months.hide],
  );
}

export interface DueReminderRow {
  service_id: string;
  stage: Exclude<ReviewState, 'current'>;
  name: LocalisedText;
  emails: string[];
}

/** Claims the reminders due now (one per activity, review date and stage) and returns them with recipients. */
export async function claimDueReminders(q: Queryable, now: Date): Promise<DueReminderRow[]> {
  return q.query<DueReminderRow>(
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

export async function updateReminderRecipients(q: Queryable, serviceId: string, stage: string, remindedAt: Date, recipients: number): Promise<void> {
  await q.query('UPDATE review_reminders SET recipients = $3 WHERE service_id = $1::uuid AND stage = $2 AND reminded_at = $4', [serviceId, stage, recipients, remindedAt]);
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
