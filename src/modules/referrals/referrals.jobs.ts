/**
 * Scheduled work, safe on any number of instances at once: every job claims its rows with
 * `FOR UPDATE SKIP LOCKED` in its own transaction and marks them done in the same transaction.
 * Time comes from the injected clock.
 */
import type { Deps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/index.ts';
import { decryptJson, encryptJson, referralKeysFor } from './referrals.crypto.ts';
import { notifyFollowUpDue } from './referrals.notifications.ts';
import * as queries from './referrals.queries.ts';
import type { ReferralDeps } from './referrals.service.ts';

/** Reminds referrers whose follow-ups are due. Returns how many reminders were queued. */
export async function sendFollowUpReminders(deps: ReferralDeps, options: { limit?: number } = {}): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const due = await queries.claimDueFollowUps(tx, now, options.limit ?? 100);
    for (const row of due) await notifyFollowUpDue(deps, tx, { referralId: row.referral_id, email: row.email, now });
    return due.length;
  });
}

/** The moment before which closed referrals lose their personal data. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Deletes the personal data of referrals closed more than REFERRAL_RETENTION_MONTHS ago. The
 * referral (codes, statuses, events, follow-up answers) stays for statistics; the access log stays.
 */
export async function purgeExpiredReferralData(deps: Deps, options: { limit?: number } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await deps.db.transaction(async (tx) => {
      const now = deps.clock();
      const rows = await queries.claimExpiredPersonalData(tx, retentionCutoff(now, deps.config.referralRetentionMonths), options.limit ?? 200);
      for (const row of rows) {
        await queries.deletePersonalData(tx, row.id, now);
        await queries.insertAccessLog(tx, { referralId: row.id, actorUserId: null, actorOrganisationId: null, action: 'delete', purpose: 'retention', channel: 'system', at: now });
        await recordAudit(tx, { at: now, actorUserId: null, action: 'referrals.personal_data.deleted', subjectType: 'referral', subjectId: row.id, organisationId: row.referring_organisation_id, regionCode: row.region_code, details: { reason: 'retention' } });
      }
      return rows.length;
    });
    total += count;
    if (count < (options.limit ?? 200)) return total;
  }
}

/** Re-encrypts every row not under the active key (after a new key was put first). */
export async function rotateReferralKeys(deps: Deps, options: { batch?: number } = {}): Promise<number> {
  const keys = referralKeysFor(deps.config);
  let total = 0;
  for (;;) {
    const count = await deps.db.transaction(async (tx) => {
      const rows = await queries.claimRowsToReencrypt(tx, keys.activeKeyId, options.batch ?? 200);
      for (const row of rows) {
        const value = decryptJson<unknown>(keys, row.personal_data, row.personal_key_id, row.id);
        const { envelope, keyId } = encryptJson(keys, value, row.id);
        await queries.updatePersonalData(tx, row.id, envelope, keyId);
      }
      return rows.length;
    });
    total += count;
    if (count < (options.batch ?? 200)) return total;
  }
}

export interface ReferralJobs {
  stop(): void;
}

/** Runs reminders and retention every `intervalMs` on this instance (others may run them too). */
export function startReferralJobs(deps: ReferralDeps, options: { intervalMs: number; onError: (error: unknown) => void }): ReferralJobs {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendFollowUpReminders(deps);
      await purgeExpiredReferralData(deps);
    } catch (error) {
      options.onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
