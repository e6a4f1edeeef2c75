/**
 * Spreadsheet import of an organisation's activities. An upload is checked row by row with the
 * editor's own validation and shown as a preview before anything is saved; the import is
 * all-or-nothing, unless the user chooses to import only the valid rows. Imported rows go
 * through moderation like the editor's changes (the region's policy decides), in one transaction.
 */
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { detectSeparator, parseCsv } from '../../platform/csv.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId, stableId } from '../../platform/ids.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { loadServiceBundle, saveServiceBundles, type ServiceBundle } from '../catalog/index.ts';
import { reindexServices } from '../search/index.ts';
import { bundleToForm, cleanFormValues, diffForms, editedColumns, parseActivityForm, type FormValues } from './activity-form.ts';
import { buildActivityBundle, type PlaceOfPostalCode } from './activity-bundle.ts';
import { columnOfField, csvColumns, exportActivitiesCsv, requiredColumns, rowToForm } from './csv-template.ts';
import { canManageOrganisationActivities, tarjotinSources } from './providers.policy.ts';
import { findModerationPolicy, findOrganisationRow, markLocallyEdited, type FieldDiff } from './providers.queries.ts';

export interface CsvRowError {
  column: string;
  /** i18n key */
  message: string;
}

export interface CsvRow {
  line: number;
  name: string;
  serviceId: string;
  sourceId: string;
  form: FormValues;
  place: PlaceOfPostalCode | null;
  errors: CsvRowError[];
}

export interface CsvAnalysis {
  /** i18n key of a problem with the whole file (encoding, header, size) */
  fatal?: string;
  fatalParams?: Record<string, string | number>;
  rows: CsvRow[];
}

/** UTF-8 or a clear refusal: spreadsheets often save Latin-1 ("ANSI"), which would garble ä and ö. */
export function decodeUpload(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation's activities with these ids, and whether its providers may edit each (see providers.policy). */
async function existingActivities(q: Queryable, organisationId: string, ids: string[]): Promise<Map<string, { id: string; editable: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; editable: boolean }>(
    `SELECT s.id, (s.source = ANY($3::text[]) OR EXISTS (
         SELECT 1 FROM claims c WHERE c.status = 'approved' AND c.claimant_organisation_id = $2::uuid
           AND ((c.entity = 'service' AND c.entity_id = s.id) OR (c.entity = 'organisation' AND c.entity_id = s.organisation_id)))) AS editable
     FROM services s WHERE s.id = ANY($1::uuid[]) AND s.organisation_id = $2::uuid`,
    [ids.map((id) => id.toLowerCase()), organisationId, tarjotinSources],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function knownPostalCodes(q: Queryable, codes: string[]): Promise<Map<string, { municipality_code: string; latitude: number; longitude: number; coarse: boolean }>> {
  const rows = await q.query<{ code: string; municipality_code: string; latitude: number; longitude: number; coarse: boolean }>(
    'SELECT code, municipality_code, latitude, longitude, coarse FROM postal_codes WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Reads and checks every row; nothing is written. */
export async function analyseCsv(q: Queryable, bytes: Uint8Array, context: { organisationId: string; importId: string; maxRows: number }): Promise<CsvAnalysis> {
  const text = decodeUpload(bytes);
  if (text === undefined) return { fatal: 'providers.csv.encoding', rows: [] };
  const { rows, lines } = parseCsv(text, detectSeparator(text.replace(/^\uFEFF/, '')));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) return { fatal: 'providers.csv.missingColumns', fatalParams: { columns: missing.join(', ') }, rows: [] };
  const unknown = header.filter((h) => h !== '' && !(csvColumns as readonly string[]).includes(h));
  if (unknown.length > 0) return { fatal: 'providers.csv.unknownColumns', fatalParams: { columns: unknown.join(', ') }, rows: [] };
  const dataRows = rows.slice(1).map((cells, i) => ({ cells, line: lines[i + 1] ?? i + 2 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length > context.maxRows) return { fatal: 'providers.csv.tooManyRows', fatalParams: { max: context.maxRows }, rows: [] };

  const parsed = dataRows.map(({ cells, line }) => {
    const byColumn: Record<string, string> = {};
    header.forEach((column, index) => {
      if (column) byColumn[column] = cells[index] ?? '';
    });
    const externalId = (byColumn.external_id ?? '').trim();
    const key = `${context.organisationId}:${externalId || `${context.importId}:${line}`}`;
    const form = cleanFormValues(rowToForm(byColumn));
    return { line, externalId, form, sourceId: key, serviceId: stableId('csv:service', key), errors: parseActivityForm(form).errors };
  });
  // An exported file names existing activities by their id: those rows update them.
  const existing = await existingActivities(q, context.organisationId, parsed.map((p) => p.externalId).filter((id) => uuidPattern.test(id)));
  for (const p of parsed) {
    const found = existing.get(p.externalId.toLowerCase());
    if (found) p.serviceId = found.id;
    if (found && !found.editable) p.errors.external_id = 'providers.csv.notEditable';
  }
  const postalCodes = await knownPostalCodes(q, [...new Set(parsed.map((p) => String(p.form.location_postal_code ?? '')).filter((c) => /^\d{5}$/.test(c)))]);
  const open = new Set(
    (
      await q.query<{ service_id: string }>(`SELECT service_id FROM change_requests WHERE service_id = ANY($1::uuid[]) AND status IN ('draft', 'pending', 'returned')`, [
        parsed.map((p) => p.serviceId),
      ])
    ).map((r) => r.service_id),
  );
  const seen = new Set<string>();
  return {
    rows: parsed.map((p) => {
      const errors: CsvRowError[] = Object.entries(p.errors).map(([field, message]) => ({ column: columnOfField(field), message }));
      const postal = String(p.form.location_postal_code ?? '');
      if (/^\d{5}$/.test(postal) && !postalCodes.has(postal)) errors.push({ column: 'postal_code', message: 'providers.error.unknownPostalCode' });
      if (p.externalId && seen.has(p.externalId)) errors.push({ column: 'external_id', message: 'providers.csv.duplicateId' });
      if (open.has(p.serviceId)) errors.push({ column: 'external_id', message: 'providers.csv.openChange' });
      seen.add(p.externalId);
      const name = String(p.form.name_fi ?? p.form.name_sv ?? p.form.name_en ?? '');
      const known = postalCodes.get(postal);
      const place = known ? { municipalityCode: known.municipality_code, latitude: known.latitude, longitude: known.longitude, coarse: known.coarse } : null;
      return { line: p.line, name, serviceId: p.serviceId, sourceId: p.sourceId, form: p.form, place, errors };
    }),
  };
}

function summarise(importId: string | null, analysis: CsvAnalysis) {
  const invalid = analysis.rows.filter((r) => r.errors.length > 0).length;
  return { importId, fatal: analysis.fatal, fatalParams: analysis.fatalParams, rows: analysis.rows, total: analysis.rows.length, invalid, valid: analysis.rows.length - invalid };
}
export type CsvPreview = ReturnType<typeof summarise>;

/** Stores the upload and returns its preview (row-by-row errors); nothing is imported yet. */
export async function previewCsvImport(deps: Deps, actor: Actor, organisationId: string, upload: { bytes: Uint8Array; fileName: string | null }): Promise<CsvPreview> {
  if (!canManageOrganisationActivities(actor, organisationId)) throw new ForbiddenError();
  const importId = newId();
  const analysis = await analyseCsv(deps.db, upload.bytes, { organisationId, importId, maxRows: deps.config.csvImportMaxRows });
  if (analysis.fatal) return summarise(null, analysis);
  await deps.db.query(
    `INSERT INTO csv_imports (id, organisation_id, created_by, created_at, file_name, content) VALUES ($1, $2, $3, $4, $5, $6)`,
    [importId, organisationId, actor.userId, deps.clock(), upload.fileName?.slice(0, 200) ?? null, decodeUpload(upload.bytes)],
  );
  await deps.db.query(`DELETE FROM csv_imports WHERE created_at < $1::timestamptz - interval '1 day'`, [deps.clock()]);
  return summarise(importId, analysis);
}

export interface CsvImportResult {
  imported: number;
  skipped: number;
  /** 'pending': waiting in moderation; 'published': applied at once (region without moderation) */
  outcome: 'pending' | 'published';
}

/**
 * Imports a previewed upload in one transaction: every row (refused when any row has errors),
 * or with `validOnly` the valid rows. Either all of them are saved or none.
 */
export async function commitCsvImport(deps: Deps, actor: Actor, importId: string, options: { validOnly: boolean }): Promise<CsvImportResult> {
  const [stored] = await deps.db.query<{ organisation_id: string; content: string; created_by: string }>(
    'SELECT organisation_id, content, created_by FROM csv_imports WHERE id = $1::uuid',
    [importId],
  );
  if (!stored || !canManageOrganisationActivities(actor, stored.organisation_id)) throw new NotFoundError('import');
  const organisation = (await findOrganisationRow(deps.db, stored.organisation_id))!;
  const analysis = await analyseCsv(deps.db, new TextEncoder().encode(stored.content), { organisationId: stored.organisation_id, importId, maxRows: deps.config.csvImportMaxRows });
  const valid = analysis.rows.filter((r) => r.errors.length === 0);
  if (analysis.fatal || (!options.validOnly && valid.length < analysis.rows.length)) throw new ValidationError('the file has rows with errors', { file: 'providers.csv.hasErrors' });
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const policy = await findModerationPolicy(tx, organisation.region_code);
    const existingIds = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM services WHERE id = ANY($1::uuid[])', [valid.map((r) => r.serviceId)])).map((r) => r.id),
    );
    const requests = [];
    for (const row of valid) {
      const existing = existingIds.has(row.serviceId) ? ((await loadServiceBundle(tx, row.serviceId)) ?? null) : null;
      requests.push({ row, existing, diff: diffForms(existing ? bundleToForm(existing) : {}, row.form) });
    }
    const moderatedRow = (r: { existing: ServiceBundle | null }) => policy === 'all' || (policy === 'new_only' && !r.existing);
    const status = (r: { existing: ServiceBundle | null }) => (moderatedRow(r) ? 'pending' : 'approved');
    await insertChangeRequests(tx, requests.map((r) => ({
      id: newId(),
      service_id: r.row.serviceId,
      organisation_id: stored.organisation_id,
      region_code: organisation.region_code,
      kind: r.existing ? 'update' : 'create',
      source_id: r.row.sourceId,
      status: status(r),
      proposed: r.row.form,
      diff: r.diff,
      created_by: actor.userId,
      decided_by: moderatedRow(r) ? null : actor.userId,
    })), at);
    const applied = requests.filter((r) => !moderatedRow(r));
    for (let i = 0; i < applied.length; i += 500) {
      const bundles = applied.slice(i, i + 500).map((r) => {
        const { input } = parseActivityForm(r.row.form);
        return buildActivityBundle(input, {
          serviceId: r.row.serviceId,
          organisationId: stored.organisation_id,
          existing: r.existing,
          touched: new Set(editedColumns(Object.keys(r.diff))),
          place: r.row.place,
          newId,
          status: 'published',
          reviewedAt: at,
          provenance: { source: 'csv', sourceId: r.row.sourceId },
        });
      });
      await reindexServices(tx, await saveServiceBundles(tx, bundles));
    }
    for (const r of applied) if (r.existing) await markLocallyEdited(tx, r.row.serviceId, editedColumns(Object.keys(r.diff)));
    await insertHistory(tx, requests.map((r) => ({ service_id: r.row.serviceId, action: moderatedRow(r) ? 'submitted' : r.existing ? 'updated' : 'published', fields: Object.keys(r.diff), diff: r.diff })), actor.userId, at);
    await tx.query('DELETE FROM csv_imports WHERE id = $1::uuid', [importId]);
    await recordAudit(tx, {
      at,
      actorUserId: actor.userId,
      action: 'providers.csv.imported',
      subjectType: 'csv_import',
      subjectId: importId,
      organisationId: stored.organisation_id,
      regionCode: organisation.region_code,
      details: { rows: analysis.rows.length, imported: valid.length, skipped: analysis.rows.length - valid.length, policy },
    });
    return { imported: valid.length, skipped: analysis.rows.length - valid.length, outcome: applied.length === valid.length && valid.length > 0 ? 'published' : 'pending' };
  });
}

async function insertChangeRequests(tx: Queryable, rows: Record<string, unknown>[], at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.query(
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

async function insertHistory(tx: Queryable, rows: { service_id: string; action: string; fields: string[]; diff: FieldDiff }[], by: string, at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.query(
      `INSERT INTO service_changes (id, service_id, changed_at, changed_by, action, fields, diff, comment)
       SELECT gen_random_uuid(), service_id, $2, $3, action, fields, diff, 'csv' FROM jsonb_to_recordset($1::jsonb) AS r(service_id uuid, action text, fields text[], diff jsonb)`,
      [JSON.stringify(rows.slice(i, i + 1000)), at, by],
    );
  }
}

/** An organisation's activities in the template's columns. */
export async function exportActivities(deps: Pick<Deps, 'db'>, actor: Actor, organisationId: string): Promise<string> {
  if (!canManageOrganisationActivities(actor, organisationId)) throw new ForbiddenError();
  const ids = await deps.db.query<{ id: string }>(`SELECT id FROM services WHERE organisation_id = $1::uuid AND status <> 'archived' ORDER BY name->>'fi', id`, [organisationId]);
  const bundles: ServiceBundle[] = [];
  for (const { id } of ids) {
    const bundle = await loadServiceBundle(deps.db, id);
    if (bundle) bundles.push(bundle);
  }
  return exportActivitiesCsv(bundles);
}
