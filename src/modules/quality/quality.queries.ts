/**
 * Queries of an audit run: the catalogue records in scope (flattened for the rules), the
 * region's rule settings, and writing the run, its findings and its scorecards.
 */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { Scorecard } from './quality.engine.ts';
import type { AuditChannel, AuditLocation, AuditService, Finding, RuleSetting } from './quality.types.ts';

/** Organisations with their region (own, else their municipality's). */
const organisationRegions = `org AS (
  SELECT o.id, o.business_id, o.municipality_code, coalesce(o.region_code, m.region_code) AS region_code
  FROM organisations o LEFT JOIN municipalities m ON m.code = o.municipality_code)`;

const orFallback = (codes: string[], fallback: string | null) => (codes.length > 0 ? codes : fallback ? [fallback] : []);

interface ServiceRow {
  id: string;
  organisation_id: string;
  business_id: string | null;
  source: string;
  name: LocalisedText;
  summary: LocalisedText;
  description: LocalisedText;
  target_groups: string[];
  source_target_groups: string[];
  themes: string[];
  cost_type: AuditService['costType'];
  cost_info: LocalisedText;
  area_type: AuditService['areaType'];
  in_tray: boolean;
  status: string;
  modified_at: Date;
  municipality_codes: string[];
  region_codes: string[];
  organisation_municipality: string | null;
  organisation_region: string | null;
  location_count: number;
  channel_count: number;
  schedules: { kind: string; validTo: string | null }[];
}

/** Services that are not archived (in the tray or not) of a region (null: all). */
export async function listAuditServices(q: Queryable, regionCode: string | null): Promise<AuditService[]> {
  const rows = await q.query<ServiceRow>(
    `WITH ${organisationRegions},
     located AS (
       SELECT sl.service_id, count(*)::int AS n FROM service_locations sl JOIN locations l ON l.id = sl.location_id
       WHERE l.status = 'active' GROUP BY sl.service_id),
     reachable AS (
       SELECT sc.service_id, count(*)::int AS n FROM service_channels sc JOIN contact_channels c ON c.id = sc.channel_id
       WHERE c.status = 'active' GROUP BY sc.service_id),
     hours AS (
       SELECT service_id, json_agg(json_build_object('kind', kind, 'validTo', valid_to)) AS schedules
       FROM schedules GROUP BY service_id)
     SELECT s.id, s.organisation_id, org.business_id, s.source, s.name, s.summary, s.description, s.target_groups, s.source_target_groups,
       s.themes, s.cost_type, s.cost_info, s.area_type, s.in_tray, s.status,
       coalesce(s.source_modified, s.updated_at) AS modified_at, s.municipality_codes, s.region_codes,
       org.municipality_code AS organisation_municipality, org.region_code AS organisation_region,
       coalesce(located.n, 0) AS location_count, coalesce(reachable.n, 0) AS channel_count,
       coalesce(hours.schedules, '[]'::json) AS schedules
     FROM services s JOIN org ON org.id = s.organisation_id
       LEFT JOIN located ON located.service_id = s.id
       LEFT JOIN reachable ON reachable.service_id = s.id
       LEFT JOIN hours ON hours.service_id = s.id
     WHERE s.status <> 'archived' AND ($1::text IS NULL OR $1 = ANY (s.region_codes) OR org.region_code = $1)
     ORDER BY s.id`,
    [regionCode],
  );
  return rows.map((r) => ({
    entity: 'service',
    id: r.id,
    organisationId: r.organisation_id,
    organisationBusinessId: r.business_id,
    source: r.source,
    name: r.name,
    summary: r.summary,
    description: r.description,
    targetGroups: r.target_groups,
    sourceTargetGroups: r.source_target_groups,
    themes: r.themes,
    costType: r.cost_type,
    costInfo: r.cost_info,
    areaType: r.area_type,
    inTray: r.in_tray,
    status: r.status,
    modifiedAt: r.modified_at,
    municipalityCodes: orFallback(r.municipality_codes, r.organisation_municipality),
    regionCodes: orFallback(r.region_codes, r.organisation_region),
    locationCount: r.location_count,
    channelCount: r.channel_count,
    schedules: r.schedules,
  }));
}

interface LocationRow {
  id: string;
  organisation_id: string | null;
  source: string;
  name: LocalisedText;
  modified_at: Date;
  municipality_code: string | null;
  region_code: string | null;
  organisation_region: string | null;
  street_address: LocalisedText;
  latitude: number | null;
  longitude: number | null;
  coordinate_state: string | null;
  accessibility_count: number;
  service_count: number;
}

/** Active locations of a region: in its municipalities, of its organisations, or serving its services. */
export async function listAuditLocations(q: Queryable, regionCode: string | null): Promise<AuditLocation[]> {
  const rows = await q.query<LocationRow>(
    `WITH ${organisationRegions}
     SELECT l.id, l.organisation_id, l.source, l.name, coalesce(l.source_modified, l.updated_at) AS modified_at,
       l.municipality_code, m.region_code, org.region_code AS organisation_region, l.street_address,
       l.latitude, l.longitude, l.coordinate_state, jsonb_array_length(l.accessibility)::int AS accessibility_count,
       (SELECT count(*) FROM service_locations sl JOIN services s ON s.id = sl.service_id
         WHERE sl.location_id = l.id AND s.status <> 'archived')::int AS service_count
     FROM locations l LEFT JOIN municipalities m ON m.code = l.municipality_code LEFT JOIN org ON org.id = l.organisation_id
     WHERE l.status = 'active' AND ($1::text IS NULL OR m.region_code = $1 OR org.region_code = $1
       OR EXISTS (SELECT 1 FROM service_locations sl JOIN services s ON s.id = sl.service_id
                  WHERE sl.location_id = l.id AND $1 = ANY (s.region_codes)))
     ORDER BY l.id`,
    [regionCode],
  );
  return rows.map((r) => ({
    entity: 'location',
    id: r.id,
    organisationId: r.organisation_id,
    source: r.source,
    name: r.name,
    modifiedAt: r.modified_at,
    municipalityCodes: r.municipality_code ? [r.municipality_code] : [],
    regionCodes: orFallback(r.region_code ? [r.region_code] : [], r.organisation_region),
    streetAddress: r.street_address,
    latitude: r.latitude,
    longitude: r.longitude,
    coordinateState: r.coordinate_state,
    accessibilityCount: r.accessibility_count,
    serviceCount: r.service_count,
  }));
}

interface ChannelRow {
  id: string;
  organisation_id: string | null;
  source: string;
  name: LocalisedText;
  kind: AuditChannel['kind'];
  value: LocalisedText;
  modified_at: Date;
  service_count: number;
  municipality_codes: string[];
  region_codes: string[];
  organisation_municipality: string | null;
  organisation_region: string | null;
}

/** Active contact channels of a region: of its organisations or serving its services. */
export async function listAuditChannels(q: Queryable, regionCode: string | null): Promise<AuditChannel[]> {
  const rows = await q.query<ChannelRow>(
    `WITH ${organisationRegions},
     linked AS (
       SELECT sc.channel_id, count(DISTINCT s.id)::int AS service_count,
         coalesce(array_agg(DISTINCT mu) FILTER (WHERE mu IS NOT NULL), '{}') AS municipality_codes,
         coalesce(array_agg(DISTINCT re) FILTER (WHERE re IS NOT NULL), '{}') AS region_codes
       FROM service_channels sc JOIN services s ON s.id = sc.service_id AND s.status <> 'archived'
         LEFT JOIN LATERAL unnest(s.municipality_codes) mu ON true
         LEFT JOIN LATERAL unnest(s.region_codes) re ON true
       GROUP BY sc.channel_id)
     SELECT c.id, c.organisation_id, c.source, c.name, c.kind, c.value, coalesce(c.source_modified, c.updated_at) AS modified_at,
       coalesce(linked.service_count, 0) AS service_count, coalesce(linked.municipality_codes, '{}') AS municipality_codes,
       coalesce(linked.region_codes, '{}') AS region_codes,
       org.municipality_code AS organisation_municipality, org.region_code AS organisation_region
     FROM contact_channels c LEFT JOIN linked ON linked.channel_id = c.id LEFT JOIN org ON org.id = c.organisation_id
     WHERE c.status = 'active' AND ($1::text IS NULL OR org.region_code = $1 OR $1 = ANY (linked.region_codes))
     ORDER BY c.id`,
    [regionCode],
  );
  return rows.map((r) => ({
    entity: 'contact_channel',
    id: r.id,
    organisationId: r.organisation_id,
    source: r.source,
    name: r.name,
    kind: r.kind,
    value: r.value,
    modifiedAt: r.modified_at,
    serviceCount: r.service_count,
    municipalityCodes: orFallback(r.municipality_codes, r.organisation_municipality),
    regionCodes: orFallback(r.region_codes, r.organisation_region),
  }));
}

/** Municipalities whose official languages are Finnish and Swedish. */
export async function listBilingualMunicipalityCodes(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT code FROM municipalities WHERE official_languages @> ARRAY['fi', 'sv']::text[] ORDER BY code`,
  );
  return rows.map((r) => r.code);
}

export async function listRuleSettings(q: Queryable, regionCode: string): Promise<RuleSetting[]> {
  const rows = await q.query<{ rule_id: string; enabled: boolean; threshold: number | null }>(
    `SELECT rule_id, enabled, threshold FROM quality_rule_settings WHERE region_code = $1 ORDER BY rule_id`,
    [regionCode],
  );
  return rows.map((r) => ({ ruleId: r.rule_id, enabled: r.enabled, threshold: r.threshold }));
}

export async function upsertRuleSettings(q: Queryable, regionCode: string, settings: readonly RuleSetting[], userId: string | null, at: Date): Promise<void> {
  if (settings.length === 0) return;
  await q.query(
    `INSERT INTO quality_rule_settings (region_code, rule_id, enabled, threshold, updated_at, updated_by)
     SELECT $1, rule_id, enabled, threshold, $3, $4
     FROM jsonb_to_recordset($2::jsonb) AS r(rule_id text, enabled boolean, threshold integer)
     ON CONFLICT (region_code, rule_id) DO UPDATE SET enabled = EXCLUDED.enabled, threshold = EXCLUDED.threshold,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [regionCode, JSON.stringify(settings.map((s) => ({ rule_id: s.ruleId, enabled: s.enabled, threshold: s.threshold }))), at.toISOString(), userId],
  );
}

export async function insertRun(q: Queryable, run: { id: string; regionCode: string | null; trigger: string; linkCheck: boolean; startedAt: Date }): Promise<void> {
  await q.query(`INSERT INTO quality_runs (id, region_code, trigger, link_check, started_at) VALUES ($1, $2, $3, $4, $5)`, [
    run.id,
    run.regionCode,
    run.trigger,
    run.linkCheck,
    run.startedAt.toISOString(),
  ]);
}

export async function completeRun(
  q: Queryable,
  id: string,
  result: { endedAt: Date; durationMs: number; records: number; checks: number; findings: number; score: number | null },
): Promise<void> {
  await q.query(
    `UPDATE quality_runs SET status = 'completed', ended_at = $2, duration_ms = $3, records_audited = $4, checks = $5, findings = $6, score = $7
     WHERE id = $1`,
    [id, result.endedAt.toISOString(), Math.round(result.durationMs), result.records, result.checks, result.findings, result.score],
  );
}

/** Runs still 'running' long after they started were interrupted (the process stopped): marked failed. */
export async function failInterruptedRuns(q: Queryable, startedBefore: Date, at: Date): Promise<void> {
  await q.query(`UPDATE quality_runs SET status = 'failed', ended_at = $2, error = 'interrupted' WHERE status = 'running' AND started_at < $1`, [
    startedBefore.toISOString(),
    at.toISOString(),
  ]);
}

export async function failRun(q: Queryable, id: string, endedAt: Date, error: string): Promise<void> {
  await q.query(`UPDATE quality_runs SET status = 'failed', ended_at = $2, error = $3 WHERE id = $1`, [id, endedAt.toISOString(), error.slice(0, 2000)]);
}

export async function insertFindings(q: Queryable, runId: string, findings: readonly Finding[]): Promise<void> {
  for (let i = 0; i < findings.length; i += 1000) {
    const rows = findings.slice(i, i + 1000).map((f) => ({
      rule_id: f.ruleId,
      entity: f.entity,
      entity_id: f.entityId,
      organisation_id: f.organisationId,
      source: f.source,
      severity: f.severity,
      municipality_codes: f.municipalityCodes,
      region_codes: f.regionCodes,
      details: f.details,
    }));
    await q.query(
      `INSERT INTO quality_findings (run_id, rule_id, entity, entity_id, organisation_id, source, severity, municipality_codes, region_codes, details)
       SELECT $1, rule_id, entity, entity_id, organisation_id, source, severity, municipality_codes, region_codes, details
       FROM jsonb_to_recordset($2::jsonb) AS r(rule_id text, entity text, entity_id uuid, organisation_id uuid, source text,
         severity text, municipality_codes text[], region_codes text[], details jsonb)`,
      [runId, JSON.stringify(rows)],
    );
  }
}

export async function insertSnapshots(q: Queryable, runId: string, scorecards: readonly Scorecard[]): Promise<void> {
  if (scorecards.length === 0) return;
  await q.query(
    `INSERT INTO quality_snapshots (run_id, scope, code, records, checks, passed, score, rules)
     SELECT $1, scope, code, records, checks, passed, score, rules
     FROM jsonb_to_recordset($2::jsonb) AS r(scope text, code text, records int, checks int, passed int, score real, rules jsonb)`,
    [runId, JSON.stringify(scorecards)],
  );
}

/** Regions with services that are not archived (the scheduled audit runs each of them). */
export async function listRegionsWithServices(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT DISTINCT r AS code FROM services s, unnest(s.region_codes) r WHERE s.status <> 'archived' ORDER BY 1`,
  );
  return rows.map((r) => r.code);
}

/**
 * Claims the scheduled audit when it is due: moves `next_run_at` forward in one statement, so
 * only one instance gets a row back. A missing schedule row is created as due.
 */
export async function claimSchedule(q: Queryable, name: string, now: Date, next: Date): Promise<boolean> {
  await q.query(`INSERT INTO quality_schedule (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, now.toISOString()]);
  const rows = await q.query(
    `UPDATE quality_schedule SET next_run_at = $3, claimed_at = $2 WHERE name = $1 AND next_run_at <= $2 RETURNING name`,
    [name, now.toISOString(), next.toISOString()],
  );
  return rows.length === 1;
}

/**
 * Findings are kept for the newest `keep` completed runs of each scope (a region, or all
 * regions); older runs keep their scorecards (the trend) and lose their findings.
 */
export async function deleteOldFindings(q: Queryable, keep: number): Promise<number> {
  const rows = await q.query<{ count: number }>(
    `WITH ranked AS (
       SELECT id, row_number() OVER (PARTITION BY coalesce(region_code, '') ORDER BY started_at DESC, ended_at DESC) AS n
       FROM quality_runs WHERE status = 'completed'),
     deleted AS (
       DELETE FROM quality_findings f USING ranked r WHERE f.run_id = r.id AND r.n > $1 RETURNING 1)
     SELECT count(*)::int AS count FROM deleted`,
    [keep],
  );
  return rows[0]?.count ?? 0;
}
