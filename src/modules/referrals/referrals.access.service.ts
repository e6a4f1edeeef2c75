/**
 * The access log for coordinators: who read or changed the personal data of which referral,
 * when and why, and one person's log for a data-subject request (asiakastietolaki 703/2023 §11).
 */
import type { Deps } from '../../platform/deps.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { formatCsv } from '../../platform/csv.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { lookupHash, referralKeysFor } from './referrals.crypto.ts';
import { coordinatorRegions } from './referrals.policy.ts';
import * as queries from './referrals.queries.ts';
import type { AccessLogEntry } from './referrals.types.ts';

function regionsOf(actor: Actor): string[] {
  const regions = coordinatorRegions(actor);
  if (regions.length === 0) throw new ForbiddenError('coordinators only');
  return regions;
}

function entryOf(row: Awaited<ReturnType<typeof queries.listAccessLog>>[number]): AccessLogEntry {
  return { id: row.id, referralId: row.referral_id, actorUserId: row.actor_user_id, actorName: row.actor_name, actorOrganisationId: row.actor_organisation_id, action: row.action, purpose: row.purpose, channel: row.channel, at: row.at };
}

export async function readAccessLog(deps: Deps, actor: Actor, options: { referralId?: string; limit?: number } = {}): Promise<AccessLogEntry[]> {
  const rows = await queries.listAccessLog(deps.db, { regionCodes: regionsOf(actor), ...(options.referralId ? { referralIds: [options.referralId] } : {}), limit: options.limit ?? 200 });
  return rows.map(entryOf);
}

export interface PersonAccessExport {
  referralIds: string[];
  entries: AccessLogEntry[];
}

/**
 * One person's access log, found by their e-mail and/or phone number (keyed hashes; the
 * addresses are not stored in the clear). The export itself is logged on every referral found.
 */
export async function exportPersonAccessLog(deps: Deps, actor: Actor, input: { email: string; phone: string }): Promise<PersonAccessExport> {
  const regions = regionsOf(actor);
  const email = input.email.trim();
  const phone = input.phone.trim();
  if (email === '' && phone === '') throw new ValidationError('e-mail or phone needed', { email: 'referrals.error.contact' });
  const keys = referralKeysFor(deps.config);
  const referralIds = await queries.findReferralIdsByLookup(deps.db, regions, {
    email: email ? lookupHash(keys, 'email', email) : null,
    phone: phone ? lookupHash(keys, 'phone', phone) : null,
  });
  const entries = referralIds.length > 0 ? (await queries.listAccessLog(deps.db, { regionCodes: regions, referralIds, limit: 10_000 })).map(entryOf).reverse() : [];
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const organisationId = actor.roles.find((g) => g.role === 'coordinator' && g.regionCode && regions.includes(g.regionCode))?.organisationId ?? null;
    for (const referralId of referralIds) {
      await queries.insertAccessLog(tx, { referralId, actorUserId: actor.userId, actorOrganisationId: organisationId, action: 'export', purpose: 'data_subject_request', channel: 'web', at: now });
    }
    await recordAudit(tx, { at: now, actorUserId: actor.userId, action: 'referrals.access_log.exported', subjectType: 'referral_access_log', organisationId, regionCode: regions[0] ?? null, details: { referrals: referralIds.length } });
  });
  return { referralIds, entries };
}

export const accessLogCsvHeader = ['time', 'referral', 'user_id', 'user', 'organisation', 'action', 'purpose', 'channel'] as const;

export function accessLogCsv(entries: readonly AccessLogEntry[]): string {
  return formatCsv(
    accessLogCsvHeader,
    entries.map((e) => [e.at.toISOString(), e.referralId, e.actorUserId, e.actorName, e.actorOrganisationId, e.action, e.purpose, e.channel]),
  );
}

export interface ReferralStatistics {
  byStatus: { status: string; count: number }[];
  byOutcome: { outcome: string; count: number }[];
}

/** Anonymous counts of the coordinator's region(s): they stay when personal data is deleted. */
export async function referralStatisticsFor(deps: Deps, actor: Actor): Promise<ReferralStatistics> {
  const rows = await queries.referralStatistics(deps.db, regionsOf(actor));
  const sum = (key: (r: (typeof rows)[number]) => string | null) => {
    const totals = new Map<string, number>();
    for (const row of rows) {
      const k = key(row);
      if (k !== null) totals.set(k, (totals.get(k) ?? 0) + row.count);
    }
    return [...totals].map(([k, count]) => ({ k, count }));
  };
  return {
    byStatus: sum((r) => r.status).map(({ k, count }) => ({ status: k, count })),
    byOutcome: sum((r) => r.outcome).map(({ k, count }) => ({ outcome: k, count })),
  };
}
