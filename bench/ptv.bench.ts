/**
 * PTV import at national size: the real recorded records (446 services, 998 channels, 3
 * organisations) multiplied with new GUIDs to 40,140 services, 59,880 channels and 270
 * organisations, served by the replay server over HTTP (in a worker thread, so that serving does
 * not compete with the importer for this process's event loop) and imported by the real sync
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
import { Worker } from 'node:worker_threads';
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

/** The replay server in a worker thread (ptv-replay.worker.ts). */
async function startReplayWorker(options: { multiply: typeof multiply; pageSize: number }) {
  // the worker loads TypeScript through tsx, as this process does (Node 20 workers ignore --import)
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./ptv-replay.worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  const next = <T>(kind: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { kind: string } & T) => {
        if (message.kind !== kind) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(message);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const { url } = await next<{ url: string }>('ready');
  return {
    url,
    async rename(guids: string[], suffix: string) {
      const done = next('renamed');
      worker.postMessage({ kind: 'rename', guids, suffix });
      await done;
    },
    async unknownRequests() {
      const reply = next<{ requests: string[] }>('unknown');
      worker.postMessage({ kind: 'unknown' });
      return (await reply).requests;
    },
    async close() {
      const closed = next('closed');
      worker.postMessage({ kind: 'close' });
      await closed;
      await worker.terminate();
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
    const server = await startReplayWorker({ multiply, pageSize: 1000 });
    const bench = await open();
    try {
      const client = createPtvClient({ apiUrl: server.url, concurrency: 4, timeoutMs: 60_000 });
      const deps = { db: bench.db, clock: systemClock };
      let started = performance.now();
      const full = await syncPtv(deps, client, { scope: { kind: 'all' }, concurrency: 4 });
      const fullSeconds = (performance.now() - started) / 1000;
      const records = full.counts.created + full.counts.updated + full.counts.unchanged + full.counts.rejected;
      const guids = (await bench.db.query<{ source_id: string }>(`SELECT source_id FROM services WHERE source = 'ptv' ORDER BY source_id LIMIT ${changes}`)).map((r) => r.source_id);
      await server.rename(guids, ' (muutettu)');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      started = performance.now();
      const incremental = await syncPtv(deps, client, { scope: { kind: 'all' }, concurrency: 4 });
      const incrementalSeconds = (performance.now() - started) / 1000;
      const unknown = await server.unknownRequests();
      if (unknown.length > 0) notes.push(`${bench.name}: unknown requests ${unknown.slice(0, 3).join(', ')}`);
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
