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
import { findModerationPolicy, findOrganisationRow, markLocallyEdited } from './providers.queries.ts';
import {
  deleteCsvImport,
  deleteOldCsvImports,
  findCsvImport,
  insertCsvChangeRequests,
  insertCsvHistory,
  insertCsvImport,
  listEditableActivities,
  listExistingServiceIds,
  listOrganisationServiceIds,
  listPostalCodes,
  listServicesWithOpenChange,
  type NewCsvChangeRequest,
} from './csv-import.queries.ts';

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

async function existingActivities(q: Queryable, organisationId: string, ids: string[]): Promise<Map<string, { id: string; editable: boolean }>> {
  return new Map((await listEditableActivities(q, organisationId, ids, tarjotinSources)).map((r) => [r.id, r]));
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
  const postalCodes = new Map((await listPostalCodes(q, [...new Set(parsed.map((p) => String(p.form.location_postal_code ?? '')).filter((c) => /^\d{5}$/.test(c)))])).map((r) => [r.code, r]));
  const open = new Set(await listServicesWithOpenChange(q, parsed.map((p) => p.serviceId)));
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
export async function previewCsvImport(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  upload: { bytes: Uint8Array; fileName: string | null; /** the user chose to convert a Latin-1 ("ANSI") file */ fromLatin1?: boolean },
): Promise<CsvPreview> {
  if (!canManageOrganisationActivities(actor, organisationId)) throw new ForbiddenError();
  const importId = newId();
  // Windows-1252 is the superset of Latin-1 that spreadsheets save as "ANSI".
  const bytes = upload.fromLatin1 ? new TextEncoder().encode(new TextDecoder('windows-1252').decode(upload.bytes)) : upload.bytes;
  const analysis = await analyseCsv(deps.db, bytes, { organisationId, importId, maxRows: deps.config.csvImportMaxRows });
  if (analysis.fatal) return summarise(null, analysis);
  await insertCsvImport(deps.db, { id: importId, organisationId, createdBy: actor.userId, at: deps.clock(), fileName: upload.fileName?.slice(0, 200) ?? null, content: decodeUpload(bytes)! });
  await deleteOldCsvImports(deps.db, deps.clock());
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
  const stored = await findCsvImport(deps.db, importId);
  if (!stored || !canManageOrganisationActivities(actor, stored.organisation_id)) throw new NotFoundError('import');
  const organisation = (await findOrganisationRow(deps.db, stored.organisation_id))!;
  const analysis = await analyseCsv(deps.db, new TextEncoder().encode(stored.content), { organisationId: stored.organisation_id, importId, maxRows: deps.config.csvImportMaxRows });
  const valid = analysis.rows.filter((r) => r.errors.length === 0);
  if (analysis.fatal || (!options.validOnly && valid.length < analysis.rows.length)) throw new ValidationError('the file has rows with errors', { file: 'providers.csv.hasErrors' });
  const at = deps.clock();
  return deps.db.transaction(async (tx) => {
    const policy = await findModerationPolicy(tx, organisation.region_code);
    const existingIds = new Set(await listExistingServiceIds(tx, valid.map((r) => r.serviceId)));
    const requests = [];
    for (const row of valid) {
      const existing = existingIds.has(row.serviceId) ? ((await loadServiceBundle(tx, row.serviceId)) ?? null) : null;
      requests.push({ row, existing, diff: diffForms(existing ? bundleToForm(existing) : {}, row.form) });
    }
    const moderatedRow = (r: { existing: ServiceBundle | null }) => policy === 'all' || (policy === 'new_only' && !r.existing);
    const status = (r: { existing: ServiceBundle | null }) => (moderatedRow(r) ? 'pending' : 'approved');
    await insertCsvChangeRequests(tx, requests.map((r): NewCsvChangeRequest => ({
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
    await insertCsvHistory(tx, requests.map((r) => ({ service_id: r.row.serviceId, action: moderatedRow(r) ? 'submitted' : r.existing ? 'updated' : 'published', fields: Object.keys(r.diff), diff: r.diff })), actor.userId, at);
    await deleteCsvImport(tx, importId);
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

/** An organisation's activities in the template's columns. */
export async function exportActivities(deps: Pick<Deps, 'db'>, actor: Actor, organisationId: string): Promise<string> {
  if (!canManageOrganisationActivities(actor, organisationId)) throw new ForbiddenError();
  const bundles: ServiceBundle[] = [];
  for (const id of await listOrganisationServiceIds(deps.db, organisationId)) {
    const bundle = await loadServiceBundle(deps.db, id);
    if (bundle) bundles.push(bundle);
  }
  return exportActivitiesCsv(bundles);
}
