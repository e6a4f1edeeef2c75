/**
 * PTV import at national size: the real recorded records (446 services, 998 channels, 3
 * organisations) multiplied with new GUIDs to 40,140 services, 59,880 channels and 270
 * organisations, served by the replay server over HTTP and imported by the real sync
 * (`syncPtv`, default concurrency). Then 1,000 services change and an incremental sync runs.
 * PGlite runs in a DATA_DIR on disk (as the CLI does); PostgreSQL in its own database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../src/db/index.ts';
import { openPglite } from '../src/db/pglite.ts';
import { syncReferenceData } from '../src/modules/catalog/index.ts';
import { createPtvClient, syncPtv } from '../src/modules/ingest/ptv/index.ts';
import { systemClock } from '../src/platform/deps.ts';
import { startPtvReplayServer } from '../test/support/ptv-replay-server.ts';
import { benchDatabases, type BenchDatabase, type Table } from './support.ts';

const multiply = { services: 90, channels: 60 };
const changes = 1000;

async function pgliteOnDisk(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tarjotin-bench-ptv-'));
  const db = await openPglite(join(dir, 'pglite'));
  await migrate(db);
  await syncReferenceData(db);
  return {
    name: 'PGlite',
    db,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runPtvBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  // BENCH_PTV_ONLY=postgres|pglite runs one backend (the whole benchmark takes ~15 minutes)
  const only = process.env.BENCH_PTV_ONLY;
  const opens = [...(only === 'pglite' ? [] : databases.slice(1)), ...(only === 'postgres' ? [] : [pgliteOnDisk])];
  const rows: Table['rows'] = [];
  for (const open of opens) {
    const server = await startPtvReplayServer({ multiply, pageSize: 1000 });
    const bench = await open();
    try {
      const client = createPtvClient({ apiUrl: server.url, concurrency: 4, timeoutMs: 60_000 });
      const deps = { db: bench.db, clock: systemClock };
      let started = performance.now();
      const full = await syncPtv(deps, client, { scope: { kind: 'all' }, concurrency: 4 });
      const fullSeconds = (performance.now() - started) / 1000;
      const records = full.counts.created + full.counts.updated + full.counts.unchanged + full.counts.rejected;
      const guids = (await bench.db.query<{ source_id: string }>(`SELECT source_id FROM services WHERE source = 'ptv' ORDER BY source_id LIMIT ${changes}`)).map((r) => r.source_id);
      for (const guid of guids) {
        server.update('Service', guid, (raw) => {
          const names = raw.serviceNames as { value: string; type: string }[];
          names[0]!.value += ' (muutettu)';
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 1100));
      started = performance.now();
      const incremental = await syncPtv(deps, client, { scope: { kind: 'all' }, concurrency: 4 });
      const incrementalSeconds = (performance.now() - started) / 1000;
      if (server.unknownRequests.length > 0) notes.push(`${bench.name}: unknown requests ${server.unknownRequests.slice(0, 3).join(', ')}`);
      rows.push([
        bench.name,
        records,
        full.counts.rejected,
        fullSeconds,
        records / fullSeconds,
        incremental.counts.updated,
        incrementalSeconds,
        full.requests + incremental.requests,
      ]);
    } finally {
      await bench.drop();
      await server.close();
    }
  }
  notes.push(`records: ${multiply.services * 446} services, ${multiply.channels * 998} channels, ${multiply.services * 3} organisations (real PTV records with new GUIDs); targets: full < 120 s on PostgreSQL, ${changes} changes < 10 s`);
  return {
    title: 'PTV import through the replay server (HTTP, concurrency 4)',
    columns: ['database', 'records', 'rejected', 'full replay s', 'records/s', 'incremental updated', 'incremental s', 'requests'],
    rows,
    notes,
  };
}
