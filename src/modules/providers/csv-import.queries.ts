/** SQL of the spreadsheet import: stored uploads, batch look-ups and batch inserts. */
import type { Queryable } from '../../db/index.ts';
import type { FormValues } from './activity-form.ts';
import type { FieldDiff } from './providers.queries.ts';

/** The organisation's activities with these ids, and whether its providers may edit each (same rule as providers.policy). */
export async function listEditableActivities(q: Queryable, organisationId: string, ids: readonly string[], tarjotinSources: readonly string[]): Promise<{ id: string; editable: boolean }[]> {
  if (ids.length === 0) return [];
  return q.query<{ id: string; editable: boolean }>(
    `SELECT s.id, (s.source = ANY($3::text[]) OR EXISTS (
         SELECT 1 FROM claims c WHERE c.status = 'approved' AND c.claimant_organisation_id = $2::uuid
           AND ((c.entity = 'service' AND c.entity_id = s.id) OR (c.entity = 'organisation' AND c.entity_id = s.organisation_id)))) AS editable
     FROM services s WHERE s.id = ANY($1::uuid[]) AND s.organisation_id = $2::uuid`,
    [ids.map((id) => id.toLowerCase()), organisationId, tarjotinSources],
  );
}

export interface PostalCodePlaceRow {
  code: string;
  municipality_code: string;
  latitude: number;
  longitude: number;
  coarse: boolean;
}

export async function listPostalCodes(q: Queryable, codes: readonly string[]): Promise<PostalCodePlaceRow[]> {
  return q.query<PostalCodePlaceRow>('SELECT code, municipality_code, latitude, longitude, coarse FROM postal_codes WHERE code = ANY($1::text[])', [codes]);
}

/** Activities among these that have an open (draft, waiting or returned) version. */
export async function listServicesWithOpenChange(q: Queryable, serviceIds: readonly string[]): Promise<string[]> {
  const rows = await q.query<{ service_id: string }>(`SELECT service_id FROM change_requests WHERE service_id = ANY($1::uuid[]) AND status IN ('draft', 'pending', 'returned')`, [serviceIds]);
  return rows.map((r) => r.service_id);
}

export async function listExistingServiceIds(q: Queryable, serviceIds: readonly string[]): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM services WHERE id = ANY($1::uuid[])', [serviceIds])).map((r) => r.id);
}

export async function insertCsvImport(q: Queryable, row: { id: string; organisationId: string; createdBy: string; at: Date; fileName: string | null; content: string }): Promise<void> {
  await q.query(`INSERT INTO csv_imports (id, organisation_id, created_by, created_at, file_name, content) VALUES ($1, $2, $3, $4, $5, $6)`, [
    row.id,
    row.organisationId,
    row.createdBy,
    row.at,
    row.fileName,
    row.content,
  ]);
}

/** Uploads are kept between the preview and the decision, at most a day. */
export async function deleteOldCsvImports(q: Queryable, now: Date): Promise<void> {
  await q.query(`DELETE FROM csv_imports WHERE created_at < $1::timestamptz - interval '1 day'`, [now]);
}

export async function findCsvImport(q: Queryable, id: string): Promise<{ organisation_id: string; content: string } | undefined> {
  return (await q.query<{ organisation_id: string; content: string }>('SELECT organisation_id, content FROM csv_imports WHERE id = $1::uuid', [id]))[0];
}

export async function deleteCsvImport(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM csv_imports WHERE id = $1::uuid', [id]);
}

export interface NewCsvChangeRequest {
  id: string;
  service_id: string;
  organisation_id: string;
  region_code: string | null;
  kind: 'create' | 'update';
  source_id: string;
  status: 'pending' | 'approved';
  proposed: FormValues;
  diff: FieldDiff;
  created_by: string;
  decided_by: string | null;
}

/** Change requests of imported rows, a thousand per statement. */
export async function insertCsvChangeRequests(q: Queryable, rows: readonly NewCsvChangeRequest[], at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await q.query(
      `INSERT INTO change_requests (id, service_id, organisation_id, region_code, kind, source, source_id, status, proposed, diff, created_by,
         submitted_at, decided_by, decided_at, created_at, updated_at)
       SELECT id, service_id, organisation_id, region_code, kind, 'csv', source_id, status, proposed, diff, created_by,
         $2, decided_by, CASE WHEN decided_by IS NULL THEN NULL ELSE $2::timestamptz END, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, service_id uuid, organisation_id uuid, region_code text, kind text, source_id text,
         status text, proposed jsonb, diff jsonb, created_by uuid, decided_by uuid)`,
      [JSON.stringify(rows.slice(i, i + 1000)), at],
    );
  }
}

/** History rows of imported rows, a thousand per statement. */
export async function insertCsvHistory(q: Queryable, rows: readonly { service_id: string; action: string; fields: string[]; diff: FieldDiff }[], by: string, at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await q.query(
      `INSERT INTO service_changes (id, service_id, changed_at, changed_by, action, fields, diff, comment)
       SELECT gen_random_uuid(), service_id, $2, $3, action, fields, diff, 'csv' FROM jsonb_to_recordset($1::jsonb) AS r(service_id uuid, action text, fields text[], diff jsonb)`,
      [JSON.stringify(rows.slice(i, i + 1000)), at, by],
    );
  }
}

export async function listOrganisationServiceIds(q: Queryable, organisationId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM services WHERE organisation_id = $1::uuid AND status <> 'archived' ORDER BY name->>'fi', id`, [organisationId]);
  return rows.map((r) => r.id);
}
