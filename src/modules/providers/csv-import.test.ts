import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { organisationRecord } from '../../../test/support/factories.ts';
import { importPtvActivity } from '../../../test/support/ptv-stand-in.ts';
import type { Deps } from '../../platform/deps.ts';
import { formatCsv, parseCsv } from '../../platform/csv.ts';
import { newId } from '../../platform/ids.ts';
import { ensurePostalCodes, getPublicService, upsertOrganisations } from '../catalog/index.ts';
import type { Actor } from '../auth/index.ts';
import { commitCsvImport, exportActivities, previewCsvImport } from './csv-import.service.ts';
import { csvColumns, templateCsv } from './csv-template.ts';
import { decideChange, moderationQueue, setModerationPolicy } from './moderation.service.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const header = 'external_id;name_fi;name_sv;summary_fi;summary_sv;themes;target_groups;cost_type;street_address;postal_code;weekdays;opens;closes;valid_from;valid_to;event_dates';
const good = (id: string, name = 'Tuolijumppa') => `${id};${name};Stolgymnastik;Kevyttä jumppaa.;Lätt gymnastik.;exercise;older_people;free;Hämeenkatu 1;33100;ma,ke;10:00;11:00;2026-09-01;2027-05-31;2026-12-01 18:00-20:00`;

describeEachBackend('spreadsheet import of activities', (backend) => {
  let test: TestDatabase;
  let deps: Deps;
  const org = organisationRecord({ regionCode: '08' });
  const me: Actor = { userId: newId(), name: 'P', roles: [{ role: 'provider', organisationId: org.id, regionCode: '08' }] };
  const coordinator: Actor = { userId: newId(), name: 'K', roles: [{ role: 'coordinator', organisationId: null, regionCode: '08' }] };
  const countServices = async () => Number((await test.db.query<{ n: string }>('SELECT count(*) AS n FROM services WHERE organisation_id = $1', [org.id]))[0]!.n);
  const countRequests = async () => Number((await test.db.query<{ n: string }>('SELECT count(*) AS n FROM change_requests WHERE organisation_id = $1', [org.id]))[0]!.n);

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    deps = testDeps(test.db);
    await ensurePostalCodes(test.db);
    await upsertOrganisations(test.db, [org]);
  });
  afterAll(() => test?.drop());

  it('shows per-row errors (malformed dates, unknown themes) and saves nothing when importing all rows', async () => {
    const csv = [header, good('a'), good('b').replace('2026-09-01', '2026-13-45'), good('c').replace(';exercise;', ';astrology;'), good('d').replace('10:00', '25:61')].join('\r\n');
    const preview = await previewCsvImport(deps, me, org.id, { bytes: encode(csv), fileName: 'toiminnot.csv' });
    expect(preview).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    expect(preview.rows.map((r) => [r.line, r.errors.map((e) => `${e.column}:${e.message}`)])).toEqual([
      [2, []],
      [3, ['valid_from:providers.error.date']],
      [4, ['themes:providers.error.unknownTheme']],
      [5, ['opens:providers.error.time']],
    ]);
    await expect(commitCsvImport(deps, me, preview.importId!, { validOnly: false })).rejects.toThrow(/errors/);
    expect(await countServices()).toBe(0);
    expect(await countRequests()).toBe(0);

    const result = await commitCsvImport(deps, me, preview.importId!, { validOnly: true });
    expect(result).toEqual({ imported: 1, skipped: 3, outcome: 'pending' });
    const queue = await moderationQueue(deps, coordinator);
    const change = queue.changes.find((c) => c.proposed_name.fi === 'Tuolijumppa')!;
    await decideChange(deps, coordinator, change.id, 'approved', null);
    const published = await getPublicService(deps, change.service_id);
    expect(published.provenance.source).toBe('csv');
    expect(published.schedules[0]).toMatchObject({ weekdays: [1, 3], opens: '10:00' });
    expect(published.upcomingEvents).toHaveLength(1);
  });

  it('refuses a Latin-1 file with a clear message and a file without the template columns', async () => {
    const latin1 = Buffer.from(`${header}\r\n${good('x', 'Kävelyryhmä')}`, 'latin1');
    const preview = await previewCsvImport(deps, me, org.id, { bytes: latin1, fileName: 'ansi.csv' });
    expect(preview).toMatchObject({ fatal: 'providers.csv.encoding', importId: null, total: 0 });
    // ... unless the user chooses to convert it: ä and ö come through.
    const converted = await previewCsvImport(deps, me, org.id, { bytes: latin1, fileName: 'ansi.csv', fromLatin1: true });
    expect(converted).toMatchObject({ total: 1, invalid: 0 });
    expect(converted.rows[0]!.name).toBe('Kävelyryhmä');
    const noColumns = await previewCsvImport(deps, me, org.id, { bytes: encode('nimi;kuvaus\r\nA;B'), fileName: null });
    expect(noColumns.fatal).toBe('providers.csv.missingColumns');
  });

  it('formula injection is stored as text and neutralised in the export', async () => {
    await setModerationPolicy(deps, coordinator, '08', 'none');
    const csv = [header, good('f', '=CMD|\' /C calc\'!A0').replace('Kevyttä jumppaa.', '@SUM(1+1)')].join('\n');
    const preview = await previewCsvImport(deps, me, org.id, { bytes: encode(csv), fileName: null });
    expect(preview.invalid).toBe(0);
    expect(await commitCsvImport(deps, me, preview.importId!, { validOnly: false })).toMatchObject({ outcome: 'published' });
    const exported = await exportActivities(deps, me, org.id);
    expect(exported.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(exported).rows;
    expect(rows[0]).toEqual([...csvColumns]);
    const row = rows.find((r) => r.includes("'=CMD|' /C calc'!A0"))!;
    expect(row).toBeDefined();
    expect(row).toContain("'@SUM(1+1)");
    expect(rows.flat().some((cell) => /^[=+@]/.test(cell))).toBe(false);

    // The exported file, edited and imported again, updates the same activities.
    const servicesBefore = await countServices();
    const edited = exported.replace('Lätt gymnastik.', 'Lätt gymnastik på stol.');
    const again = await previewCsvImport(deps, me, org.id, { bytes: encode(edited), fileName: null });
    expect(again.invalid).toBe(0);
    await commitCsvImport(deps, me, again.importId!, { validOnly: false });
    expect(await countServices()).toBe(servicesBefore);
    const [updated] = await test.db.query<{ n: string }>(`SELECT count(*) AS n FROM services WHERE organisation_id = $1 AND summary->>'sv' = 'Lätt gymnastik på stol.'`, [org.id]);
    expect(Number(updated!.n)).toBeGreaterThan(0);

    // An imported PTV activity cannot be updated from a spreadsheet before a claim.
    const ptv = await importPtvActivity(test.db, { ptvServiceId: `ptv-csv-${newId()}`, organisation: org });
    const refused = await previewCsvImport(deps, me, org.id, { bytes: encode([header, good(ptv.service.id)].join('\n')), fileName: null });
    expect(refused.rows[0]!.errors).toEqual([{ column: 'external_id', message: 'providers.csv.notEditable' }]);
    await setModerationPolicy(deps, coordinator, '08', 'all');
  });

  it('10,000 rows: a bad row deep in the file is reported and nothing is half-saved; the valid rows import in one go', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => good(`bulk-${i}`, `Ryhmä ${i}`));
    rows[9_876] = rows[9_876]!.replace('2027-05-31', '31.5.2027');
    const before = { services: await countServices(), requests: await countRequests() };
    const started = Date.now();
    const preview = await previewCsvImport(deps, me, org.id, { bytes: encode([header, ...rows].join('\r\n')), fileName: null });
    expect(preview).toMatchObject({ total: 10_000, valid: 9_999, invalid: 1 });
    expect(preview.rows.find((r) => r.errors.length > 0)).toMatchObject({ line: 9_878, errors: [{ column: 'valid_to', message: 'providers.error.date' }] });
    await expect(commitCsvImport(deps, me, preview.importId!, { validOnly: false })).rejects.toThrow();
    expect({ services: await countServices(), requests: await countRequests() }).toEqual(before);
    expect(await commitCsvImport(deps, me, preview.importId!, { validOnly: true })).toEqual({ imported: 9_999, skipped: 1, outcome: 'pending' });
    expect(await countRequests()).toBe(before.requests + 9_999);
    console.log(`10,000-row CSV preview + import on ${backend}: ${Date.now() - started} ms`);
  }, 180_000);

  it('the template downloads with every documented column and an example row that validates', async () => {
    const template = templateCsv();
    expect(parseCsv(template).rows[0]).toEqual([...csvColumns]);
    const preview = await previewCsvImport(deps, me, org.id, { bytes: encode(template), fileName: null });
    expect(preview).toMatchObject({ total: 1, invalid: 0 });
    expect(formatCsv(['a'], [['=1']])).toContain("'=1");
  });
});
