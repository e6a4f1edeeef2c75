/** The referral module's SQL, one function per statement. */
import type { Queryable } from '../../db/index.ts';
import type { AccessLogEntry, ConsentGiver, FollowUpOutcome, ReferralRow } from './referrals.types.ts';
import type { ReferralStatus } from './referrals.workflow.ts';

const referralColumns = `r.id, r.guidance_session_id, r.service_id, r.referring_organisation_id, r.region_code, r.referring_user_id,
  r.provider_organisation_id, r.status, r.status_reason, r.holds_place, r.client_language, r.need_codes, r.personal_data,
  r.personal_key_id, r.created_at, r.updated_at, r.closed_at, r.personal_data_deleted_at`;

export interface ServiceForReferral {
  id: string;
  organisation_id: string;
  name: Record<string, string>;
  status: string;
  accepts_referrals: boolean;
  open_places: number | null;
}

export async function findServiceForReferral(q: Queryable, serviceId: string): Promise<ServiceForReferral | undefined> {
  const rows = await q.query<ServiceForReferral>(
    `SELECT id, organisation_id, name, status, accepts_referrals, open_places FROM services WHERE id = $1::uuid`,
    [serviceId],
  );
  return rows[0];
}

export async function insertReferral(
  q: Queryable,
  r: { id: string; sessionId: string | null; serviceId: string; referringOrganisationId: string; regionCode: string; referringUserId: string; providerOrganisationId: string; status: ReferralStatus; clientLanguage: string; needCodes: string[]; personalData: string; keyId: string; emailLookup: string | null; phoneLookup: string | null; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO referrals (id, guidance_session_id, service_id, referring_organisation_id, region_code, referring_user_id, provider_organisation_id,
       status, client_language, need_codes, personal_data, personal_key_id, email_lookup, phone_lookup, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
    [r.id, r.sessionId, r.serviceId, r.referringOrganisationId, r.regionCode, r.referringUserId, r.providerOrganisationId, r.status, r.clientLanguage, r.needCodes, r.personalData, r.keyId, r.emailLookup, r.phoneLookup, r.now],
  );
}

export async function findReferral(q: Queryable, id: string): Promise<ReferralRow | undefined> {
  const rows = await q.query<ReferralRow>(`SELECT ${referralColumns} FROM referrals r WHERE r.id = $1::uuid`, [id]);
  return rows[0];
}

/** Changes the status only when it is still `from` (the precondition that serialises transitions). */
export async function updateReferralStatus(
  q: Queryable,
  u: { id: string; from: ReferralStatus; to: ReferralStatus; reason: string | null; holdsPlace: boolean; closedAt: Date | null; now: Date },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE referrals SET status = $3, status_reason = $4, holds_place = $5, closed_at = $6, updated_at = $7
     WHERE id = $1::uuid AND status = $2 RETURNING id`,
    [u.id, u.from, u.to, u.reason, u.holdsPlace, u.closedAt, u.now],
  );
  return rows.length === 1;
}

/** Takes one open place; false when none is left. Activities without a place count (NULL) are not counted. */
export async function takeOpenPlace(q: Queryable, serviceId: string): Promise<'taken' | 'full' | 'uncounted'> {
  const rows = await q.query<{ open_places: number | null }>(
    `UPDATE services SET open_places = open_places - 1 WHERE id = $1::uuid AND open_places > 0 RETURNING open_places`,
    [serviceId],
  );
  if (rows.length === 1) return 'taken';
  const current = await q.query<{ open_places: number | null }>(`SELECT open_places FROM services WHERE id = $1::uuid`, [serviceId]);
  return current[0]?.open_places === null ? 'uncounted' : 'full';
}

export async function giveBackOpenPlace(q: Queryable, serviceId: string): Promise<void> {
  await q.query(`UPDATE services SET open_places = open_places + 1 WHERE id = $1::uuid AND open_places IS NOT NULL`, [serviceId]);
}

export async function insertConsent(q: Queryable, c: { id: string; referralId: string; givenBy: ConsentGiver; toOrganisationId: string; recordedBy: string; givenAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO referral_consents (id, referral_id, given_by, given_to_organisation_id, purpose, recorded_by, given_at) VALUES ($1, $2, $3, $4, 'referral', $5, $6)`,
    [c.id, c.referralId, c.givenBy, c.toOrganisationId, c.recordedBy, c.givenAt],
  );
}

export async function withdrawConsents(q: Queryable, referralId: string, now: Date): Promise<number> {
  const rows = await q.query(`UPDATE referral_consents SET withdrawn_at = $2 WHERE referral_id = $1::uuid AND withdrawn_at IS NULL RETURNING id`, [referralId, now]);
  return rows.length;
}

export async function listConsents(q: Queryable, referralId: string) {
  return q.query<{ id: string; given_by: ConsentGiver; given_to_organisation_id: string; purpose: 'referral'; given_at: Date; withdrawn_at: Date | null }>(
    `SELECT id, given_by, given_to_organisation_id, purpose, given_at, withdrawn_at FROM referral_consents WHERE referral_id = $1::uuid ORDER BY given_at, id`,
    [referralId],
  );
}

export async function insertReferralEvent(
  q: Queryable,
  e: { referralId: string; from: ReferralStatus | null; to: ReferralStatus; actorUserId: string | null; actorRole: string; reason: string | null; at: Date },
): Promise<void> {
  await q.query(`INSERT INTO referral_events (referral_id, from_status, to_status, actor_user_id, actor_role, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    e.referralId,
    e.from,
    e.to,
    e.actorUserId,
    e.actorRole,
    e.reason,
    e.at,
  ]);
}

export async function listReferralEvents(q: Queryable, referralId: string) {
  return q.query<{ id: number; from_status: ReferralStatus | null; to_status: ReferralStatus; actor_user_id: string | null; actor_name: string | null; actor_role: 'referrer' | 'provider' | 'coordinator' | 'system'; reason: string | null; at: Date }>(
    `SELECT e.id, e.from_status, e.to_status, e.actor_user_id, u.display_name AS actor_name, e.actor_role, e.reason, e.at
     FROM referral_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.referral_id = $1::uuid ORDER BY e.id`,
    [referralId],
  );
}

export async function insertAccessLog(
  q: Queryable,
  a: { referralId: string; actorUserId: string | null; actorOrganisationId: string | null; action: AccessLogEntry['action']; purpose: string; channel: AccessLogEntry['channel']; at: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO referral_access_log (referral_id, actor_user_id, actor_organisation_id, action, purpose, channel, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.referralId, a.actorUserId, a.actorOrganisationId, a.action, a.purpose, a.channel, a.at],
  );
}

interface AccessLogRow {
  id: number;
  referral_id: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_organisation_id: string | null;
  action: AccessLogEntry['action'];
  purpose: string;
  channel: AccessLogEntry['channel'];
  at: Date;
}

/** The access log of the referrals of a region (or of the given referrals), latest first. */
export async function listAccessLog(q: Queryable, filter: { regionCodes: readonly string[]; referralIds?: readonly string[]; limit: number }): Promise<AccessLogRow[]> {
  return q.query<AccessLogRow>(
    `SELECT l.id, l.referral_id, l.actor_user_id, u.display_name AS actor_name, l.actor_organisation_id, l.action, l.purpose, l.channel, l.at
     FROM referral_access_log l JOIN referrals r ON r.id = l.referral_id LEFT JOIN users u ON u.id = l.actor_user_id
     WHERE r.region_code = ANY($1::text[]) AND ($2::uuid[] IS NULL OR l.referral_id = ANY($2::uuid[]))
     ORDER BY l.id DESC LIMIT $3`,
    [filter.regionCodes, filter.referralIds ?? null, filter.limit],
  );
}

export async function findReferralIdsByLookup(q: Queryable, regionCodes: readonly string[], lookups: { email: string | null; phone: string | null }): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM referrals WHERE region_code = ANY($1::text[]) AND ((email_lookup IS NOT NULL AND email_lookup = $2) OR (phone_lookup IS NOT NULL AND phone_lookup = $3)) ORDER BY created_at`,
    [regionCodes, lookups.email, lookups.phone],
  );
  return rows.map((r) => r.id);
}

export interface SummaryRow {
  id: string;
  status: ReferralStatus;
  status_reason: string | null;
  service_id: string;
  service_name: Record<string, string>;
  referring_organisation_id: string;
  referring_organisation_name: Record<string, string>;
  provider_organisation_id: string;
  need_codes: string[];
  created_at: Date;
  updated_at: Date;
  follow_up_due_at: Date | null;
  follow_up_recorded_at: Date | null;
}

/** The columns and joins of a SummaryRow (alias r: referrals, f: its follow-up). */
const summarySelect = `SELECT r.id, r.status, r.status_reason, r.service_id, s.name AS service_name, r.referring_organisation_id, o.name AS referring_organisation_name,
       r.provider_organisation_id, r.need_codes, r.created_at, r.updated_at, f.due_at AS follow_up_due_at, f.recorded_at AS follow_up_recorded_at
     FROM referrals r JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = r.referring_organisation_id
       LEFT JOIN referral_follow_ups f ON f.referral_id = r.id`;

/** Referrals visible in a list, filtered by organisation (as referrer or provider) or region, and by status. */
export async function listReferralSummaries(
  q: Queryable,
  f: { referringOrganisationIds?: readonly string[]; providerOrganisationIds?: readonly string[]; regionCodes?: readonly string[]; statuses?: readonly ReferralStatus[]; followUpDueBefore?: Date; limit: number },
): Promise<SummaryRow[]> {
  return q.query<SummaryRow>(
    `${summarySelect}
     WHERE (r.referring_organisation_id = ANY($1::uuid[]) OR r.provider_organisation_id = ANY($2::uuid[]) OR r.region_code = ANY($3::text[]))
       AND ($4::text[] IS NULL OR r.status = ANY($4::text[]))
       AND ($5::timestamptz IS NULL OR (f.due_at <= $5 AND f.recorded_at IS NULL))
     ORDER BY r.updated_at DESC, r.id LIMIT $6`,
    [f.referringOrganisationIds ?? [], f.providerOrganisationIds ?? [], f.regionCodes ?? [], f.statuses ?? null, f.followUpDueBefore ?? null, f.limit],
  );
}

/**
 * A page of the referrals in scope (as listReferralSummaries) that meet the criteria of a FHIR
 * search, newest change first, and how many meet them. `requesterIds` / `providerIds` null:
 * any organisation.
 */
export async function searchReferralSummaries(
  q: Queryable,
  f: {
    referringOrganisationIds: readonly string[];
    providerOrganisationIds: readonly string[];
    regionCodes: readonly string[];
    statuses: readonly ReferralStatus[] | null;
    requesterIds: readonly string[] | null;
    providerIds: readonly string[] | null;
    limit: number;
    offset: number;
  },
): Promise<{ rows: SummaryRow[]; total: number }> {
  const where = `(r.referring_organisation_id = ANY($1::uuid[]) OR r.provider_organisation_id = ANY($2::uuid[]) OR r.region_code = ANY($3::text[]))
       AND ($4::text[] IS NULL OR r.status = ANY($4::text[]))
       AND ($5::uuid[] IS NULL OR r.referring_organisation_id = ANY($5::uuid[]))
       AND ($6::uuid[] IS NULL OR r.provider_organisation_id = ANY($6::uuid[]))`;
  const params = [f.referringOrganisationIds, f.providerOrganisationIds, f.regionCodes, f.statuses, f.requesterIds, f.providerIds];
  const [rows, [count]] = await Promise.all([
    q.query<SummaryRow>(
      `${summarySelect}
       WHERE ${where}
       ORDER BY r.updated_at DESC, r.id LIMIT $7 OFFSET $8`,
      [...params, f.limit, f.offset],
    ),
    q.query<{ total: number }>(`SELECT count(*)::integer AS total FROM referrals r WHERE ${where}`, params),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/**
 * Organisations a FHIR identifier search names: `system|value` or a bare value, matched
 * against our id, the business ID and the PTV organisation id (`systems` gives their URIs).
 */
export async function findOrganisationIdsByIdentifier(
  q: Queryable,
  search: { system: string; value: string },
  systems: { organisation: string; businessId: string; ptvOrganisation: string },
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT id FROM organisations
      WHERE ($1 IN ('', $3) AND id::text = $2)
         OR ($1 IN ('', $4) AND business_id = $2)
         OR ($1 IN ('', $5) AND source = 'ptv' AND source_id = $2)`,
    [search.system, search.value, systems.organisation, systems.businessId, systems.ptvOrganisation],
  );
  return rows.map((r) => r.id);
}

export async function insertFollowUp(q: Queryable, referralId: string, dueAt: Date): Promise<void> {
  await q.query(`INSERT INTO referral_follow_ups (referral_id, due_at) VALUES ($1, $2)`, [referralId, dueAt]);
}

export async function findFollowUp(q: Queryable, referralId: string) {
  const rows = await q.query<{ due_at: Date; reminded_at: Date | null; recorded_at: Date | null; outcome: FollowUpOutcome | null }>(
    `SELECT due_at, reminded_at, recorded_at, outcome FROM referral_follow_ups WHERE referral_id = $1::uuid`,
    [referralId],
  );
  return rows[0];
}

export async function recordFollowUpOutcome(q: Queryable, referralId: string, u: { outcome: FollowUpOutcome; recordedBy: string; now: Date }): Promise<boolean> {
  const rows = await q.query(
    `UPDATE referral_follow_ups SET outcome = $2, recorded_by = $3, recorded_at = $4 WHERE referral_id = $1::uuid AND recorded_at IS NULL RETURNING referral_id`,
    [referralId, u.outcome, u.recordedBy, u.now],
  );
  return rows.length === 1;
}

/** Claims due reminders; other instances skip the claimed rows (FOR UPDATE SKIP LOCKED). */
export async function claimDueFollowUps(q: Queryable, now: Date, limit: number) {
  return q.query<{ referral_id: string; referring_user_id: string | null; email: string | null; client_language: string; ui_language: string | null }>(
    `WITH due AS (
       SELECT f.referral_id FROM referral_follow_ups f
       WHERE f.due_at <= $1 AND f.reminded_at IS NULL AND f.recorded_at IS NULL
       ORDER BY f.due_at LIMIT $2 FOR UPDATE SKIP LOCKED
     ), marked AS (
       UPDATE referral_follow_ups f SET reminded_at = $1 FROM due WHERE f.referral_id = due.referral_id RETURNING f.referral_id
     )
     SELECT m.referral_id, r.referring_user_id, u.email, r.client_language, NULL::text AS ui_language
     FROM marked m JOIN referrals r ON r.id = m.referral_id LEFT JOIN users u ON u.id = r.referring_user_id`,
    [now, limit],
  );
}

export async function insertAnswers(q: Queryable, referralId: string, phase: 'initial' | 'follow_up', instrumentId: string, answers: Record<string, number>): Promise<void> {
  for (const [itemId, value] of Object.entries(answers)) {
    await q.query(`INSERT INTO referral_answers (referral_id, phase, instrument_id, item_id, value) VALUES ($1, $2, $3, $4, $5)`, [referralId, phase, instrumentId, itemId, value]);
  }
}

export async function listAnswers(q: Queryable, referralId: string) {
  return q.query<{ phase: 'initial' | 'follow_up'; instrument_id: string; item_id: string; value: number }>(
    `SELECT phase, instrument_id, item_id, value FROM referral_answers WHERE referral_id = $1::uuid ORDER BY phase, item_id`,
    [referralId],
  );
}

/** Claims referrals closed before `before` whose personal data is still there. */
export async function claimExpiredPersonalData(q: Queryable, before: Date, limit: number) {
  return q.query<{ id: string; region_code: string; referring_organisation_id: string }>(
    `SELECT id, region_code, referring_organisation_id FROM referrals WHERE closed_at < $1 AND personal_data IS NOT NULL ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [before, limit],
  );
}

export async function deletePersonalData(q: Queryable, referralId: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE referrals SET personal_data = NULL, personal_key_id = NULL, email_lookup = NULL, phone_lookup = NULL, personal_data_deleted_at = $2, updated_at = $2 WHERE id = $1::uuid`,
    [referralId, now],
  );
}

export async function claimRowsToReencrypt(q: Queryable, activeKeyId: string, limit: number) {
  return q.query<{ id: string; personal_data: string; personal_key_id: string }>(
    `SELECT id, personal_data, personal_key_id FROM referrals WHERE personal_key_id IS NOT NULL AND personal_key_id <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [activeKeyId, limit],
  );
}

export async function updatePersonalData(q: Queryable, referralId: string, envelope: string, keyId: string): Promise<void> {
  await q.query(`UPDATE referrals SET personal_data = $2, personal_key_id = $3 WHERE id = $1::uuid`, [referralId, envelope, keyId]);
}

export interface OrganisationIdentity {
  id: string;
  name: Record<string, string>;
  business_id: string | null;
  source: string;
  source_id: string | null;
  email: string | null;
}

export async function listOrganisationIdentities(q: Queryable, ids: readonly string[]): Promise<OrganisationIdentity[]> {
  return q.query<OrganisationIdentity>(`SELECT id, name, business_id, source, source_id, email FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
}

export async function findServiceIdentity(q: Queryable, serviceId: string) {
  const rows = await q.query<{ id: string; name: Record<string, string>; source: string; source_id: string | null }>(`SELECT id, name, source, source_id FROM services WHERE id = $1::uuid`, [serviceId]);
  return rows[0];
}

/** Anonymous statistics that stay after retention: counts per status and per follow-up outcome. */
export async function referralStatistics(q: Queryable, regionCodes: readonly string[]) {
  return q.query<{ status: ReferralStatus; outcome: FollowUpOutcome | null; count: number }>(
    `SELECT r.status, f.outcome, count(*)::int AS count FROM referrals r LEFT JOIN referral_follow_ups f ON f.referral_id = r.id
     WHERE r.region_code = ANY($1::text[]) GROUP BY r.status, f.outcome ORDER BY r.status, f.outcome`,
    [regionCodes],
  );
}

export async function findServiceIdByPtvId(q: Queryable, ptvId: string): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM services WHERE source = 'ptv' AND source_id = $1 AND status = 'published' LIMIT 1`, [ptvId]);
  return rows[0]?.id;
}
