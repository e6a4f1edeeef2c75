/**
 * The server as a process: start-up with the embedded database and the demo tray, restarts,
 * and one clear line for bad configuration.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(port: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return Date.now() - started;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no /healthz within ${timeoutMs} ms`);
}

describe('server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tarjotin-server-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty embedded database, loads the demo tray once, and restarts without reloading it', async () => {
    const port = await freePort();
    const first = start({ PORT: String(port), DATA_DIR: dataDir });
    const startedIn = await waitForHealth(port, 30_000);
    expect(startedIn).toBeLessThan(30_000);
    const services = await (await fetch(`http://127.0.0.1:${port}/api/v1/services?pageSize=1`)).json();
    expect(services.total).toBeGreaterThanOrEqual(2000);
    expect(first.output()).toContain('loaded the demo tray');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start({ PORT: String(port), DATA_DIR: dataDir });
    await waitForHealth(port, 30_000);
    const again = await (await fetch(`http://127.0.0.1:${port}/api/v1/services?pageSize=1`)).json();
    expect(again.total).toBe(services.total);
    expect(second.output()).not.toContain('loaded the demo tray');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'postgres//broken' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' }, 'DATABASE_URL'],
    [{ DEV_LOGIN: 'on', HOST: '0.0.0.0' }, 'DEV_LOGIN'],
    [{ INSTRUMENTS_DIR: '/nonexistent/instruments', DEMO_DATA: 'off' }, 'INSTRUMENTS_DIR'],
  ])('ends with one clear line naming the variable for bad configuration %j', async (env, variable) => {
    const run = start({ ...env, DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tarjotin: ${variable}\\b`));
  }, 30_000);

  it('ends with one clear line when the port is taken', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    const run = start({ PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'off' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toMatch(/^tarjotin: PORT \d+ on HOST 127\.0\.0\.1 is already in use$/);
    blocker.close();
  }, 30_000);
});
