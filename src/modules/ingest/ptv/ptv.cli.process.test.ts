/**
 * `tarjotin import ptv` as a child process, killed (SIGKILL) in the middle of a run and run
 * again: the result converges to the rows of an uninterrupted import, and the cursor never
 * advances past data that was not imported. PGlite in a DATA_DIR, and PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/index.ts';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../../test/support/db.ts';
import { catalogueDigest, importRecordedPtvData } from '../../../../test/support/ptv-import.ts';
import { startPtvReplayServer, type PtvReplayServer } from '../../../../test/support/ptv-replay-server.ts';
import { hasPtvData, withPtvData } from './ptv.test-data.ts';

type Name = { value: string; language: string; type: string };

function runCli(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Kills the child once the replay server has answered `requests` more record-list requests. */
async function killAfter(server: PtvReplayServer, run: ReturnType<typeof runCli>, requests: number) {
  const lists = () => server.requests.filter((r) => r.includes('/list?guids=')).length;
  const start = lists();
  let exited = false;
  void run.exited.then(() => (exited = true));
  while (!exited && lists() - start < requests) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(exited, `the run ended before it could be killed: ${run.output()}`).toBe(false);
  run.child.kill('SIGKILL');
  await run.exited;
}

/** Two full imports in child processes: on PGlite on a busy 2-core machine this takes over a minute. */
const slowProcessTimeout = 240_000;

if (!hasPtvData) it.skip(withPtvData('tarjotin import ptv killed in the middle'), () => {});
else
  describeEachBackend('tarjotin import ptv killed in the middle', (backend) => {
    let server: PtvReplayServer;
    let pg: TestDatabase | undefined;
    let dataDir: string;
    let env: Record<string, string>;
    const open = async (): Promise<Db> =>
      pg ? openDatabase({ databaseUrl: pg.url!, dataDir: '', databasePoolSize: 2 }) : openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    const inspect = async <T>(work: (db: Db) => Promise<T>): Promise<T> => {
      const db = await open();
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    };
    const cursor = () => inspect(async (db) => (await db.query<{ cursor: Date }>(`SELECT cursor FROM import_cursors WHERE scope = 'all'`))[0]?.cursor ?? null);

    beforeAll(async () => {
      server = await startPtvReplayServer({ pageSize: 50, delayMs: 15 });
      dataDir = mkdtempSync(join(tmpdir(), 'tarjotin-ptv-kill-'));
      if (backend === 'postgres') pg = await createTestDatabase('postgres');
      env = pg ? { DATABASE_URL: pg.url!, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
    });
    afterAll(async () => {
      await server?.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('a killed full run leaves no cursor; the rerun converges to an uninterrupted import', async () => {
      const killed = runCli(env, ['import', 'ptv', '--api-url', server.url]);
      await killAfter(server, killed, 8);
      expect(await cursor()).toBeNull();
      const partial = await inspect((db) => db.query<{ status: string }>(`SELECT status FROM import_runs`));
      expect(partial.map((r) => r.status)).toEqual(['running']);

      const rerun = runCli(env, ['import', 'ptv', '--api-url', server.url]);
      expect(await rerun.exited, rerun.output()).toBe(0);
      expect(rerun.output()).toMatch(/PTV all \(full\): \d+ created, 0 updated, \d+ unchanged/);
      const reference = await createTestDatabase('pglite');
      try {
        await importRecordedPtvData(reference.db, { server });
        expect(await inspect(catalogueDigest)).toBe(await catalogueDigest(reference.db));
      } finally {
        await reference.drop();
      }
      const runs = await inspect((db) => db.query<{ status: string; error: string | null }>(`SELECT status, error FROM import_runs ORDER BY started_at`));
      expect(runs).toEqual([{ status: 'failed', error: 'interrupted' }, { status: 'succeeded', error: null }]);
    }, slowProcessTimeout);

    it('a killed incremental run keeps the old cursor; the rerun imports every change', async () => {
      const before = await cursor();
      expect(before).not.toBeNull();
      const services = await inspect((db) => db.query<{ source_id: string }>(`SELECT source_id FROM services ORDER BY source_id LIMIT 300`));
      for (const { source_id } of services) {
        server.update('Service', source_id, (raw) => {
          (raw.serviceNames as Name[]).find((n) => n.type === 'Name')!.value += ' (muutettu)';
        });
      }
      server.remove('Service', services[0]!.source_id, 'Withdrawn');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const killed = runCli(env, ['import', 'ptv', '--api-url', server.url]);
      await killAfter(server, killed, 1);
      expect((await cursor())?.getTime()).toBe(before!.getTime());

      const rerun = runCli(env, ['import', 'ptv', '--api-url', server.url]);
      expect(await rerun.exited, rerun.output()).toBe(0);
      expect(rerun.output()).toMatch(/PTV all \(incremental\)/);
      expect((await cursor())!.getTime()).toBeGreaterThan(before!.getTime());
      const renamed = await inspect((db) => db.query<{ n: number }>(`SELECT count(*) AS n FROM services WHERE name::text LIKE '% (muutettu)%'`));
      expect(Number(renamed[0]!.n)).toBe(299); // 300 renamed, one of them withdrawn
      const reference = await createTestDatabase('pglite');
      try {
        await importRecordedPtvData(reference.db, { server }); // the replay's current state, imported in one go
        expect(await inspect(catalogueDigest)).toBe(await catalogueDigest(reference.db));
      } finally {
        await reference.drop();
      }
      const list = runCli(env, ['import', 'runs', '--json']);
      expect(await list.exited).toBe(0);
      const runs = JSON.parse(list.output()) as { status: string; mode: string; counts: { updated: number } }[];
      expect(runs.map((r) => `${r.mode}:${r.status}`)).toEqual(['incremental:succeeded', 'incremental:failed', 'full:succeeded', 'full:failed']);
    }, slowProcessTimeout);
  });
