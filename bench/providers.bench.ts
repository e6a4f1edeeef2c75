/**
 * Providers: a 10,000-row spreadsheet import (preview, then import into moderation, and
 * published at once in a region without moderation), the moderation queue with those 10,000
 * changes waiting, and a review-reminder run over the 2,400-activity demo tray, on PGlite and
 * PostgreSQL.
 */
import { newId } from '../src/platform/ids.ts';
import { ensurePostalCodes, upsertOrganisations } from '../src/modules/catalog/index.ts';
import { loadDemoData } from '../src/modules/demo/index.ts';
import { runReviewReminders } from '../src/modules/providers/index.ts';
import { commitCsvImport, previewCsvImport } from '../src/modules/providers/csv-import.service.ts';
import { moderationQueue, setModerationPolicy } from '../src/modules/providers/moderation.service.ts';
import { organisationRecord } from '../test/support/factories.ts';
import { benchDatabases, benchDeps, type Table } from './support.ts';

const rowsCount = 10_000;
const header = 'external_id;name_fi;name_sv;summary_fi;summary_sv;themes;target_groups;cost_type;street_address;postal_code;weekdays;opens;closes;valid_from;valid_to;event_dates';
const csv = (prefix: string) =>
  new TextEncoder().encode(
    [header, ...Array.from({ length: rowsCount }, (_, i) => `${prefix}-${i};Ryhmä ${i};Grupp ${i};Kuvaus ${i}.;Beskrivning ${i}.;exercise,culture;older_people;free;Hämeenkatu ${i % 90};33100;ma,ke;10:00;11:00;2026-09-01;2027-05-31;2026-12-01 18:00-20:00`)].join('\r\n'),
  );

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export async function runProvidersBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  const rows: Table['rows'] = [];
  for (const open of databases) {
    const bench = await open();
    try {
      const deps = benchDeps(bench.db);
      await ensurePostalCodes(bench.db);
      const org = organisationRecord({ regionCode: '08' });
      await upsertOrganisations(bench.db, [org]);
      const provider = { userId: newId(), name: 'P', roles: [{ role: 'provider' as const, organisationId: org.id, regionCode: '08' }] };
      const coordinator = { userId: newId(), name: 'K', roles: [{ role: 'coordinator' as const, organisationId: null, regionCode: '08' }] };

      const [preview, previewMs] = await timed(() => previewCsvImport(deps, provider, org.id, { bytes: csv('a'), fileName: null }));
      rows.push([bench.name, `CSV preview, ${rowsCount} rows`, previewMs]);
      const [, moderatedMs] = await timed(() => commitCsvImport(deps, provider, preview.importId!, { validOnly: false }));
      rows.push([bench.name, `CSV import into moderation, ${rowsCount} rows`, moderatedMs]);
      const [queue, queueMs] = await timed(() => moderationQueue(deps, coordinator));
      rows.push([bench.name, `moderation queue with ${queue.changesTotal} waiting (first ${queue.changes.length})`, queueMs]);

      await setModerationPolicy(deps, coordinator, '08', 'none');
      const second = await previewCsvImport(deps, provider, org.id, { bytes: csv('b'), fileName: null });
      const [, publishedMs] = await timed(() => commitCsvImport(deps, provider, second.importId!, { validOnly: false }));
      rows.push([bench.name, `CSV import published at once, ${rowsCount} rows`, publishedMs]);

      await loadDemoData(deps, { seed: 2026, count: 2400, anchorDate: '2026-11-28' });
      const [report, remindMs] = await timed(() => runReviewReminders({ ...deps, clock: () => new Date('2027-06-01T09:00:00Z') }));
      rows.push([bench.name, `review reminders over ${rowsCount + 2400} activities (${report.changed.reminded + report.changed.out_of_date + report.changed.hidden} changed)`, remindMs]);
    } finally {
      await bench.drop();
    }
  }
  return { title: 'Providers: spreadsheet import, moderation queue, review reminders', columns: ['database', 'operation', 'ms'], rows, notes };
}
