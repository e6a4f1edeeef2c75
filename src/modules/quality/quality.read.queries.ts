/** Reads for the coordinator and provider pages: runs, scorecards, trends, worklists, coverage. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';

export interface RunRow {
  id: string;
  region_code: string | null;
  trigger: string;
  status: string;
  link_check: boolean;
  started_at: Date;
  ended_at: Date | null;
  duration_ms: number | null;
  records_audited: number;
  checks: number;
  findings: number;
  score: number | null;
  error: string | null;
}

const runColumns = `r.id, r.region_code, r.trigger, r.status, r.link_check, r.started_at, r.ended_at, r.duration_ms,
  r.records_audited, r.checks, r.findings, r.score, r.error`;

/** The newest completed run with a scorecard for the scope (a region's own run or an all-regions run). */
export async function findLatestRunFor(q: Queryable, scope: 'region' | 'organisation', code: string): Promise<RunRow | undefined> {
  const [row] = await q.query<RunRow>(
    `SELECT ${runColumns} FROM quality_runs r
     JOIN quality_snapshots s ON s.run_id = r.id AND s.scope = $1 AND s.code = $2
     WHERE r.status = 'completed' ORDER BY r.started_at DESC, r.ended_at DESC LIMIT 1`,
    [scope, code],
  );
  return row;
}

export async function listRuns(q: Queryable, regionCode: string, limit: number): Promise<RunRow[]> {
  return q.query<RunRow>(
    `SELECT ${runColumns} FROM quality_runs r WHERE r.region_code = $1 OR r.region_code IS NULL
     ORDER BY r.started_at DESC, r.ended_at DESC NULLS FIRST LIMIT $2`,
    [regionCode, limit],
  );
}

export interface SnapshotRow {
  scope: string;
  code: string;
  records: number;
  checks: number;
  passed: number;
  score: number | null;
  rules: Record<string, [number, number]>;
}

export async function findSnapshot(q: Queryable, runId: string, scope: string, code: string): Promise<SnapshotRow | undefined> {
  const [row] = await q.query<SnapshotRow>(
    `SELECT scope, code, records, checks, passed, score, rules FROM quality_snapshots WHERE run_id = $1 AND scope = $2 AND code = $3`,
    [runId, scope, code],
  );
  return row;
}

export interface NamedSnapshotRow extends SnapshotRow {
  name: LocalisedText;
}

/** Scorecards of a region's municipalities in a run, by name. */
export async function listMunicipalitySnapshots(q: Queryable, runId: string, regionCode: string): Promise<NamedSnapshotRow[]> {
  return q.query<NamedSnapshotRow>(
    `SELECT s.scope, s.code, s.records, s.checks, s.passed, s.score, s.rules, m.name
     FROM quality_snapshots s JOIN municipalities m ON m.code = s.code AND m.region_code = $2
     WHERE s.run_id = $1 AND s.scope = 'municipality' ORDER BY m.name->>'fi'`,
    [runId, regionCode],
  );
}

/** Scorecards of a region's organisations in a run, weakest first. */
export async function listOrganisationSnapshots(q: Queryable, runId: string, regionCode: string): Promise<NamedSnapshotRow[]> {
  return q.query<NamedSnapshotRow>(
    `SELECT s.scope, s.code, s.records, s.checks, s.passed, s.score, s.rules, o.name
     FROM quality_snapshots s JOIN organisations o ON o.id::text = s.code
       LEFT JOIN municipalities m ON m.code = o.municipality_code
     WHERE s.run_id = $1 AND s.scope = 'organisation' AND coalesce(o.region_code, m.region_code) = $2
     ORDER BY s.score NULLS LAST, o.name->>'fi'`,
    [runId, regionCode],
  );
}

export interface TrendRow {
  started_at: Date;
  score: number | null;
}

/** The scope's score in its last `limit` completed runs, oldest first. */
export async function listTrend(q: Queryable, scope: 'region' | 'organisation', code: string, limit: number): Promise<TrendRow[]> {
  const rows = await q.query<TrendRow>(
    `SELECT r.started_at, s.score FROM quality_snapshots s JOIN quality_runs r ON r.id = s.run_id
     WHERE s.scope = $1 AND s.code = $2 AND r.status = 'completed'
     ORDER BY r.started_at DESC, r.ended_at DESC LIMIT $3`,
    [scope, code, limit],
  );
  return rows.reverse();
}

export interface WorklistFilters {
  regionCode?: string;
  organisationId?: string;
  ruleId?: string;
  severity?: string;
  municipalityCode?: string;
}

export interface WorklistRow {
  rule_id: string;
  entity: 'service' | 'location' | 'contact_channel';
  entity_id: string;
  organisation_id: string | null;
  organisation_name: LocalisedText | null;
  source: string;
  severity: 'error' | 'warning' | 'info';
  municipality_codes: string[];
  details: Record<string, string | number | boolean | null>;
  entity_name: LocalisedText | null;
  /** a service residents can open (published, in the tray) */
  public: boolean;
}

const worklistWhere = `f.run_id = $1
  AND ($2::text IS NULL OR $2 = ANY (f.region_codes))
  AND ($3::uuid IS NULL OR f.organisation_id = $3)
  AND ($4::text IS NULL OR f.rule_id = $4)
  AND ($5::text IS NULL OR f.severity = $5)
  AND ($6::text IS NULL OR $6 = ANY (f.municipality_codes))`;

const worklistParams = (runId: string, filters: WorklistFilters) => [
  runId,
  filters.regionCode ?? null,
  filters.organisationId ?? null,
  filters.ruleId ?? null,
  filters.severity ?? null,
  filters.municipalityCode ?? null,
];

export async function countWorklist(q: Queryable, runId: string, filters: WorklistFilters): Promise<number> {
  const [row] = await q.query<{ count: number }>(`SELECT count(*)::int AS count FROM quality_findings f WHERE ${worklistWhere}`, worklistParams(runId, filters));
  return row?.count ?? 0;
}

/** Findings of a run with the names of their records, errors first. */
export async function listWorklist(q: Queryable, runId: string, filters: WorklistFilters, limit: number): Promise<WorklistRow[]> {
  return q.query<WorklistRow>(
    `SELECT f.rule_id, f.entity, f.entity_id, f.organisation_id, o.name AS organisation_name, f.source, f.severity,
       f.municipality_codes, f.details, coalesce(s.name, l.name, c.name) AS entity_name,
       coalesce(s.status = 'published' AND s.in_tray, false) AS public
     FROM quality_findings f
       LEFT JOIN organisations o ON o.id = f.organisation_id
       LEFT JOIN services s ON f.entity = 'service' AND s.id = f.entity_id
       LEFT JOIN locations l ON f.entity = 'location' AND l.id = f.entity_id
       LEFT JOIN contact_channels c ON f.entity = 'contact_channel' AND c.id = f.entity_id
     WHERE ${worklistWhere}
     ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, o.name->>'fi', f.rule_id, f.entity_id
     LIMIT $7`,
    [...worklistParams(runId, filters), limit],
  );
}

export interface MunicipalityRow {
  code: string;
  name: LocalisedText;
  population: number | null;
}

export async function listRegionMunicipalities(q: Queryable, regionCode: string): Promise<MunicipalityRow[]> {
  return q.query<MunicipalityRow>(`SELECT code, name, population FROM municipalities WHERE region_code = $1 ORDER BY name->>'fi'`, [regionCode]);
}

/**
 * Published tray activities per municipality and theme in a region. Nationwide activities are
 * left out: they would count in every municipality and hide the local gaps.
 */
export async function listCoverageCounts(q: Queryable, regionCode: string): Promise<{ municipality_code: string; theme: string; count: number }[]> {
  return q.query(
    `SELECT m AS municipality_code, t AS theme, count(DISTINCT s.id)::int AS count
     FROM services s, unnest(s.municipality_codes) m, unnest(s.themes) t
     WHERE s.status = 'published' AND s.in_tray AND s.area_type <> 'nationwide' AND $1 = ANY (s.region_codes)
       AND m IN (SELECT code FROM municipalities WHERE region_code = $1)
     GROUP BY m, t`,
    [regionCode],
  );
}

export async function findRegionName(q: Queryable, code: string): Promise<LocalisedText | undefined> {
  const [row] = await q.query<{ name: LocalisedText }>(`SELECT name FROM regions WHERE code = $1`, [code]);
  return row?.name;
}

export async function listRegionNames(q: Queryable): Promise<{ code: string; name: LocalisedText }[]> {
  return q.query(`SELECT code, name FROM regions ORDER BY code`);
}

/** An organisation's name and region (its own, else its municipality's). */
export async function findOrganisationScope(q: Queryable, id: string): Promise<{ name: LocalisedText; region_code: string | null } | undefined> {
  const [row] = await q.query<{ name: LocalisedText; region_code: string | null }>(
    `SELECT o.name, coalesce(o.region_code, m.region_code) AS region_code
     FROM organisations o LEFT JOIN municipalities m ON m.code = o.municipality_code WHERE o.id = $1`,
    [id],
  );
  return row;
}
