import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../db/index.ts';
import { systemClock } from '../../../platform/deps.ts';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../../test/support/db.ts';
import { municipalityContains } from '../../../../test/support/municipality-polygons.ts';
import { loadRecordedV9, startPtvReplayServer, type PtvReplayServer } from '../../../../test/support/ptv-replay-server.ts';
import { sharedPath } from '../../../../test/support/shared-data.ts';
import { reindexServices } from '../../search/index.ts';
import { createPtvClient } from './ptv.client.ts';
import { findCursor, listRejects } from './ptv.import.queries.ts';
import { serviceIdFor } from './ptv.mapper.ts';
import { scopeKey, syncPtv, type PtvScope } from './ptv.sync.service.ts';
import { hasPtvData, withPtvData } from './ptv.test-data.ts';
import { catalogueDigest, catalogueDigestParts, rowCounts } from '../../../../test/support/ptv-import.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sync(db: Db, server: PtvReplayServer, scope: PtvScope = { kind: 'all' }, full = false) {
  const client = createPtvClient({ apiUrl: server.url, concurrency: 4, timeoutMs: 5000, backoffMs: 5 });
  return syncPtv({ db, clock: systemClock }, client, { scope, full });
}

const vaasaService = '0739289c-cc26-4097-b029-fa9c58c8d4e9'; // has a real later v9 version
const naantaliLocation = '08446245-d828-4563-8c96-63d02554dc66';

if (!hasPtvData) it.skip(withPtvData('PTV sync against the replay server'), () => {});
else
  describeEachBackend('PTV sync against the replay server', (backend) => {
    let test: TestDatabase;
    let server: PtvReplayServer;
    beforeAll(async () => {
      test = await createTestDatabase(backend);
      server = await startPtvReplayServer({ pageSize: 200 });
    });
    afterAll(async () => {
      await server?.close();
      await test?.drop();
    });

    it('imports the whole replay: every real record, nothing rejected, only known requests', async () => {
      const result = await sync(test.db, server);
      expect(result.mode).toBe('full');
      expect(result.counts).toEqual({ created: 3 + 998 + 446, updated: 0, unchanged: 0, archived: 0, rejected: 0 });
      expect(server.unknownRequests).toEqual([]);
      expect(server.requests.filter((r) => r.includes('/list?guids=')).every((r) => decodeURIComponent(r).split('guids=')[1]!.split(',').length <= 100)).toBe(true);
      expect(await listRejects(test.db, result.runId)).toEqual([]);
      expect(await rowCounts(test.db)).toMatchObject({ organisations: 3, services: 446, locations: 383 });
      expect(await findCursor(test.db, 'all')).toEqual(result.cursor);
    });

    it('the first import indexes the classification labels of the stored payloads (documents equal a rebuild)', async () => {
      const documents = () => test.db.query<{ service_id: string; tsv: string }>('SELECT service_id, tsv::text AS tsv FROM search_documents ORDER BY service_id');
      // an English service-class label of a listed service: its document matches it
      const [label] = await test.db.query<{ service_id: string; en: string }>(
        `SELECT d.service_id, n->>'value' AS en
           FROM search_documents d JOIN services s ON s.id::text = d.service_id
           JOIN source_payloads p ON p.entity = 'service' AND p.source_id = s.source_id,
           jsonb_array_elements(p.payload->'serviceClasses') c, jsonb_array_elements(c->'name') n
          WHERE n->>'language' = 'en' AND NOT s.name ? 'en' ORDER BY d.service_id LIMIT 1`,
      );
      expect(label?.en).toBeTruthy();
      const [hit] = await test.db.query<{ found: boolean }>(`SELECT tsv @@ plainto_tsquery('english', $2) AS found FROM search_documents WHERE service_id = $1`, [
        label!.service_id,
        label!.en,
      ]);
      expect(hit?.found).toBe(true);
      const afterImport = await documents();
      await reindexServices(test.db, (await test.db.query<{ id: string }>(`SELECT id FROM services`)).map((s) => s.id));
      expect(afterImport).toEqual(await documents());
    });

    it('imported points fall inside their municipality polygons (1:4.5M: near the coast, or on islands the map omits)', async () => {
      const contains = municipalityContains(JSON.parse(readFileSync(sharedPath('data/municipalities/yle-geodata/finland-hva-2021.topo.json'), 'utf8')));
      const codes = (await test.db.query<{ code: string }>('SELECT code FROM municipalities')).map((m) => m.code);
      const points = await test.db.query<{ municipality_code: string; latitude: number; longitude: number }>(
        `SELECT municipality_code, latitude, longitude FROM locations WHERE latitude IS NOT NULL AND municipality_code IS NOT NULL`,
      );
      const outside = points.filter((p) => !contains(p.municipality_code, p.longitude, p.latitude));
      // within `degrees` of the municipality's polygon (probing eight directions)
      const steps = [0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.12, 0.15];
      const near = (p: (typeof points)[number], degrees: number) =>
        steps.filter((step) => step <= degrees).some((step) =>
          [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]].some(([dx, dy]) =>
            contains(p.municipality_code, p.longitude + dx! * step, p.latitude + dy! * step),
          ),
        );
      expect(points.length).toBe(334);
      expect(points.length - outside.length).toBeGreaterThanOrEqual(316);
      // none lies in another municipality; the rest is on the coarse coastline (≤ 500 m) or on
      // Naantali's outer islands (Velkua, Palva), which the 1:4.5M polygons leave out (≤ 0.15°)
      expect(outside.filter((p) => codes.some((code) => code !== p.municipality_code && contains(code, p.longitude, p.latitude)))).toEqual([]);
      expect(outside.filter((p) => !near(p, 0.005)).length).toBeLessThanOrEqual(8);
      expect(outside.filter((p) => !near(p, 0.15))).toEqual([]);
    });

    it('a second identical run changes nothing', async () => {
      const before = await catalogueDigest(test.db);
      const again = await sync(test.db, server);
      expect(again.mode).toBe('incremental');
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 0, archived: 0, rejected: 0 });
      const full = await sync(test.db, server, { kind: 'all' }, true);
      expect(full.counts).toEqual({ created: 0, updated: 0, unchanged: 1447, archived: 0, rejected: 0 });
      expect(await catalogueDigest(test.db)).toBe(before);
    });

    it('an incremental run after updates, new and archived records gives exactly the rows of a fresh full import', async () => {
      server.update('Service', vaasaService, () => loadRecordedV9('services', vaasaService));
      server.update('Service', '6ccb671f-05cd-46cf-a0a4-4f98d43dfd37', (raw) => {
        (raw.serviceNames as { value: string; language: string; type: string }[]).find((n) => n.language === 'fi' && n.type === 'Name')!.value = 'Uusi nimi';
      });
      const template = structuredClone(loadRecordedV9('services', vaasaService));
      template.id = '11111111-2222-4333-8444-555555555555';
      server.add('Service', template);
      server.remove('Service', 'ea3af438-bc77-49da-8f0c-2f217eee491f', 'Archived');
      server.remove('ServiceChannel', naantaliLocation, 'Withdrawn');
      await sleep(1100); // dateBefore is whole seconds: let the changes fall before it
      const result = await sync(test.db, server);
      expect(result.mode).toBe('incremental');
      expect(result.counts).toMatchObject({ created: 1, archived: 2, rejected: 0 });
      expect(result.counts.updated).toBeGreaterThanOrEqual(2);
      expect(server.unknownRequests).toEqual([]);
      const [renamed] = await test.db.query<{ name: { fi: string } }>('SELECT name FROM services WHERE id = $1', [serviceIdFor('6ccb671f-05cd-46cf-a0a4-4f98d43dfd37')]);
      expect(renamed?.name.fi).toBe('Uusi nimi');
      const [archived] = await test.db.query<{ status: string }>('SELECT status FROM services WHERE id = $1', [serviceIdFor('ea3af438-bc77-49da-8f0c-2f217eee491f')]);
      expect(archived?.status).toBe('archived');
      const fresh = await createTestDatabase(backend);
      try {
        await sync(fresh.db, server);
        expect(await catalogueDigestParts(test.db)).toEqual(await catalogueDigestParts(fresh.db));
      } finally {
        await fresh.drop();
      }
    });

    it('retries 429 and 5xx with backoff', async () => {
      server.failNext(3, 503);
      const result = await sync(test.db, server);
      expect(result.counts.rejected).toBe(0);
      server.failNext(2, 429);
      await sync(test.db, server);
      server.failNext(50, 500);
      await expect(sync(test.db, server)).rejects.toThrow(/HTTP 500/);
      server.failNext(0, 500);
      const runs = await test.db.query<{ status: string }>(`SELECT status FROM import_runs ORDER BY started_at DESC LIMIT 1`);
      expect(runs[0]?.status).toBe('failed');
    });

    it('a municipality scope imports that municipality with its channels and organisations', async () => {
      const scoped = await createTestDatabase(backend);
      try {
        const result = await sync(scoped.db, server, { kind: 'municipality', codes: ['529'] });
        expect(result.scope).toBe(scopeKey({ kind: 'municipality', codes: ['529'] }));
        expect(result.counts.rejected).toBe(0);
        const municipalities = await scoped.db.query<{ codes: string[] }>(`SELECT DISTINCT area_municipalities AS codes FROM services`);
        expect(municipalities.every((row) => row.codes.includes('529'))).toBe(true);
        expect((await rowCounts(scoped.db)).services).toBeGreaterThan(100);
        expect(server.unknownRequests).toEqual([]);
      } finally {
        await scoped.drop();
      }
    });
  });
