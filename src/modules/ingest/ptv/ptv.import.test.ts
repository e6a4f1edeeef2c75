import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../../test/support/db.ts';
import { loadRecordedPtv, type RecordedPtv } from '../../../../test/support/ptv-replay-server.ts';
import { organisationIdFor } from './ptv.channels.mapper.ts';
import { importPtvRecords } from './ptv.import.service.ts';
import { listRejects } from './ptv.import.queries.ts';
import { serviceIdFor } from './ptv.mapper.ts';
import { copy, hasPtvData, withPtvData } from './ptv.test-data.ts';

type Raw = Record<string, unknown>;
type Name = { value: string; language: string; type: string };

const swimmingHall = '6ccb671f-05cd-46cf-a0a4-4f98d43dfd37'; // Vaasa "Uimahalli"
const vaasa = '7fdd7f84-e52a-4c17-a59a-d7c2a3095ed5';
const naantaliOffice = '08446245-d828-4563-8c96-63d02554dc66';

const byId = (records: Raw[], id: string) => records.find((r) => r.id === id)!;
const fiName = (raw: Raw) => (raw.serviceNames as Name[]).find((n) => n.language === 'fi' && n.type === 'Name')!;

if (!hasPtvData) it.skip(withPtvData('PTV import core'), () => {});
else
  describeEachBackend('PTV import core', (backend) => {
    let test: TestDatabase;
    let data: RecordedPtv;
    beforeAll(async () => {
      test = await createTestDatabase(backend);
      data = loadRecordedPtv();
      const result = await importPtvRecords({ db: test.db }, data);
      expect(result.counts).toEqual({ created: 1447, updated: 0, unchanged: 0, archived: 0, rejected: 0 });
    });
    afterAll(async () => test?.drop());

    it('rejects malformed records with reasons and writes the rest of their batch', async () => {
      const services = data.services.slice(0, 20).map((raw) => copy(raw));
      services[0]!.serviceNames = []; // missing names
      services[1]!.serviceDescriptions = [{ type: 'Description', language: 'fi', value: 'x'.repeat(30_000) }]; // oversize text
      services[2]!.serviceNames = 'Uimahalli'; // wrong type
      (services[3]!.serviceNames as Name[])[0]!.language = 'xx'; // unknown language code
      for (const raw of services.slice(4)) fiName(raw).value += ' (päivitetty)';
      const channel = copy(byId(data.channels, naantaliOffice));
      (channel.addresses as { streetAddress: Raw }[])[0]!.streetAddress.latitude = '5400000'; // outside Finland
      const result = await importPtvRecords({ db: test.db }, { services, channels: [channel] });
      expect(result.counts).toMatchObject({ rejected: 4, updated: 17 });
      const rejects = await listRejects(test.db, result.runId);
      const reasonsOf = (raw: Raw) => rejects.find((r) => r.source_id === raw.id)?.reasons.join('; ');
      expect(reasonsOf(services[0]!)).toMatch(/name/i);
      expect(reasonsOf(services[1]!)).toMatch(/20.?000|too long|characters/i);
      expect(reasonsOf(services[2]!)).toMatch(/serviceNames/);
      expect(reasonsOf(services[3]!)).toMatch(/xx/);
      expect(reasonsOf(channel)).toMatch(/outside Finland.*stored without the point/);
      const [written] = await test.db.query<{ name: { fi: string } }>('SELECT name FROM services WHERE id = $1', [serviceIdFor(String(services[4]!.id))]);
      expect(written?.name.fi).toMatch(/\(päivitetty\)$/);
      const [location] = await test.db.query<{ latitude: number | null; street_address: { fi: string } }>(
        `SELECT latitude, street_address FROM locations WHERE source_id = $1`,
        [naantaliOffice],
      );
      expect(location).toMatchObject({ latitude: null, street_address: { fi: 'Käsityöläiskatu 2' } });
    });

    it('never overwrites a locally edited field: the conflict goes to moderation, once per field', async () => {
      const id = serviceIdFor(swimmingHall);
      await test.db.query(`UPDATE services SET name = name || '{"fi": "Oma nimi"}', locally_edited_fields = '{name,locations}' WHERE id = $1`, [id]);
      const changed = copy(byId(data.services, swimmingHall));
      fiName(changed).value = 'Uimahalli ja kuntosali';
      changed.serviceChannels = [];
      await importPtvRecords({ db: test.db }, { services: [changed] });
      const [row] = await test.db.query<{ name: { fi: string }; summary: unknown; links: number }>(
        `SELECT name, summary, (SELECT count(*) FROM service_locations WHERE service_id = $1) AS links FROM services WHERE id = $1`,
        [id],
      );
      expect(row?.name.fi).toBe('Oma nimi');
      expect(Number(row?.links)).toBeGreaterThan(0); // relation kept although PTV dropped the links
      const conflicts = () =>
        test.db.query<{ field: string; status: string; incoming_value: unknown; local_value: unknown }>(
          `SELECT field, status, incoming_value, local_value FROM import_conflicts WHERE entity_id = $1 ORDER BY field, created_at`,
          [id],
        );
      expect((await conflicts()).map((c) => [c.field, c.status])).toEqual([['locations', 'open'], ['name', 'open']]);
      expect((await conflicts())[1]!.incoming_value).toMatchObject({ fi: 'Uimahalli ja kuntosali' });

      fiName(changed).value = 'Uimahalli ja kuntosali 2';
      await importPtvRecords({ db: test.db }, { services: [changed] });
      const open = await conflicts();
      expect(open.filter((c) => c.field === 'name')).toHaveLength(1); // one open conflict per field, incoming updated
      expect(open.find((c) => c.field === 'name')!.incoming_value).toMatchObject({ fi: 'Uimahalli ja kuntosali 2' });

      // kept_local is not reopened by the same incoming payload (a channel change rebuilds the service)
      await test.db.query(`UPDATE import_conflicts SET status = 'kept_local', resolved_at = now() WHERE entity_id = $1`, [id]);
      await test.db.query(`UPDATE services SET locally_edited_fields = '{name}' WHERE id = $1`, [id]);
      const services = await test.db.query<{ source_id: string }>(`SELECT source_id FROM source_payloads WHERE entity = 'service' AND source_id = $1`, [swimmingHall]);
      expect(services).toHaveLength(1);
      const channel = copy(byId(data.channels, (byId(data.services, swimmingHall).serviceChannels as { serviceChannel: { id: string } }[])[0]!.serviceChannel.id));
      (channel.serviceChannelNames as Name[])[0]!.value += ' (muutettu)';
      channel.services = [{ service: { id: swimmingHall } }];
      await importPtvRecords({ db: test.db }, { channels: [channel] });
      expect((await conflicts()).filter((c) => c.status === 'open')).toEqual([]);
      fiName(changed).value = 'Uimahalli 3';
      await importPtvRecords({ db: test.db }, { services: [changed] });
      expect((await conflicts()).filter((c) => c.status === 'open').map((c) => c.field)).toEqual(['name']);
    });

    it('merges organisations by business ID and flags probable duplicate activities for moderation', async () => {
      const twin = copy(byId(data.organisations, vaasa));
      twin.id = '9a9a9a9a-0000-4000-8000-000000000001';
      const [pick] = await test.db.query<{ source_id: string }>(
        `SELECT s.source_id FROM services s WHERE s.organisation_id = $1 AND s.in_tray AND s.status = 'published' AND s.source_id <> $2
           AND EXISTS (SELECT 1 FROM service_locations sl WHERE sl.service_id = s.id) ORDER BY s.source_id DESC LIMIT 1`, // the first 20 were renamed above
        [organisationIdFor(vaasa), swimmingHall],
      );
      const original = copy(byId(data.services, pick!.source_id));
      const duplicate = copy(original);
      duplicate.id = '9a9a9a9a-0000-4000-8000-000000000002';
      fiName(duplicate).value = `${fiName(original).value}.`;
      for (const organisation of duplicate.organizations as { organization: { id: string } }[]) {
        if (organisation.organization?.id === vaasa) organisation.organization.id = twin.id as string;
      }
      const result = await importPtvRecords({ db: test.db }, { organisations: [twin], services: [duplicate] });
      expect(result.counts.rejected).toBe(0);
      expect(await test.db.query('SELECT id FROM organisations WHERE id = $1', [organisationIdFor(twin.id as string)])).toEqual([]);
      const [merged] = await test.db.query<{ organisation_id: string; status: string }>('SELECT organisation_id, status FROM services WHERE id = $1', [serviceIdFor(duplicate.id as string)]);
      expect(merged?.organisation_id).toBe(organisationIdFor(vaasa));
      const candidates = await test.db.query<{ service_id: string; duplicate_of: string; status: string }>('SELECT service_id, duplicate_of, status FROM duplicate_candidates');
      expect(candidates).toEqual([{ service_id: serviceIdFor(duplicate.id as string), duplicate_of: serviceIdFor(pick!.source_id), status: 'open' }]);
      expect(merged?.status).toBe('paused'); // not shown twice to residents
      const [kept] = await test.db.query<{ status: string }>('SELECT status FROM services WHERE id = $1', [serviceIdFor(pick!.source_id)]);
      expect(kept?.status).toBe('published');
    });

    it('a record the database refuses is rejected alone, the rest of the batch is written', async () => {
      const fresh = await createTestDatabase(backend);
      try {
        const organisation = copy(byId(data.organisations, vaasa));
        const broken = copy(organisation);
        broken.id = '9a9a9a9a-0000-4000-8000-000000000003';
        broken.businessCode = null;
        broken.parentOrganizationId = null;
        // a municipality code the reference data does not know is dropped, not refused
        broken.municipality = { code: '999', name: [] };
        const result = await importPtvRecords({ db: fresh.db }, { organisations: [organisation, broken] });
        expect(result.counts).toMatchObject({ created: 2, rejected: 0 });
      } finally {
        await fresh.drop();
      }
    });
  });
