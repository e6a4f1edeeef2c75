/**
 * Imports the real recorded PTV records (../shared/data/ptv, v8 set: 446 services, 998
 * channels, 3 organisations of Vaasa and Naantali) into a test database through the real
 * importer: the HTTP sync against the replay server. For other modules' tests (providers,
 * quality audit, search evaluation):
 *
 *   const result = await importRecordedPtvData(db);   // then query services WHERE source = 'ptv'
 */
import type { Db } from '../../src/db/index.ts';
import { createPtvClient, syncPtv, type SyncResult } from '../../src/modules/ingest/ptv/index.ts';
import { systemClock } from '../../src/platform/deps.ts';
import { payloadHash } from '../../src/platform/ids.ts';
import { startPtvReplayServer, type PtvReplayServer } from './ptv-replay-server.ts';

export { hasPtvData as ptvDataAvailable } from '../../src/modules/ingest/ptv/ptv.test-data.ts';

export async function importRecordedPtvData(db: Db, options: { server?: PtvReplayServer } = {}): Promise<SyncResult> {
  const server = options.server ?? (await startPtvReplayServer());
  try {
    const client = createPtvClient({ apiUrl: server.url, concurrency: 4, timeoutMs: 10_000 });
    const result = await syncPtv({ db, clock: systemClock }, client, { scope: { kind: 'all' } });
    if (server.unknownRequests.length > 0) throw new Error(`unknown PTV requests: ${server.unknownRequests.join(', ')}`);
    return result;
  } finally {
    if (!options.server) await server.close();
  }
}

/** Row counts of the catalogue tables the importer writes. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['organisations', 'services', 'locations', 'contact_channels', 'schedules', 'service_locations', 'service_channels'];
  const [row] = await db.query<Record<string, number>>(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
  return row!;
}

/**
 * A digest of the live catalogue rows (everything not archived, without timestamps): two
 * databases with the same digest hold the same catalogue.
 */
export async function catalogueDigest(db: Db): Promise<string> {
  return payloadHash(await catalogueDigestParts(db));
}

/** The digest's parts (for a readable diff when two catalogues differ). */
export async function catalogueDigestParts(db: Db): Promise<Record<string, unknown[]>> {
  const parts = await Promise.all([
    db.query(`SELECT id, type, name, business_id, municipality_code, parent_id, status FROM organisations WHERE status <> 'archived' ORDER BY id`),
    db.query(
      `SELECT id, organisation_id, name, summary, description, cost_type, languages, area_type, area_municipalities,
         municipality_codes, region_codes, status, in_tray, themes, target_groups, payload_hash
       FROM services WHERE status <> 'archived' ORDER BY id`,
    ),
    db.query(`SELECT id, name, street_address, postal_code, municipality_code, latitude, longitude, status FROM locations WHERE status <> 'archived' ORDER BY id`),
    db.query(`SELECT id, kind, value, organisation_id, status FROM contact_channels WHERE status <> 'archived' ORDER BY id`),
    db.query(
      `SELECT sc.id, sc.service_id, sc.location_id, sc.kind, sc.weekdays, sc.opens::text, sc.closes::text, sc.valid_from, sc.valid_to, sc.closed
       FROM schedules sc JOIN services s ON s.id = sc.service_id WHERE s.status <> 'archived' ORDER BY sc.id`,
    ),
    db.query(
      `SELECT sl.service_id, sl.location_id FROM service_locations sl JOIN services s ON s.id = sl.service_id JOIN locations l ON l.id = sl.location_id
       WHERE s.status <> 'archived' AND l.status <> 'archived' ORDER BY 1, 2`,
    ),
    db.query(
      `SELECT sc.service_id, sc.channel_id FROM service_channels sc JOIN services s ON s.id = sc.service_id JOIN contact_channels c ON c.id = sc.channel_id
       WHERE s.status <> 'archived' AND c.status <> 'archived' ORDER BY 1, 2`,
    ),
  ]);
  const names = ['organisations', 'services', 'locations', 'contact_channels', 'schedules', 'service_locations', 'service_channels'];
  return Object.fromEntries(names.map((name, i) => [name, parts[i]!]));
}
