/**
 * Resident web: bytes transferred for the results page in Chromium (every response of the page:
 * HTML, CSS, JS, no map tiles; cache disabled) and server time to first byte under concurrent
 * load (10 clients) over the demo tray (2,400 activities), then at fixed arrival rates (20
 * requests/s, and half and three quarters of the rate the 10 clients reached). The server runs in
 * its own process on PostgreSQL, as in production; without PostgreSQL it runs in-process on
 * PGlite (noted). Targets: ≤ 50 KB per results page, TTFB p95 ≤ 50 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { loadDemoData } from '../src/modules/demo/index.ts';
import { searchServices } from '../src/modules/search/index.ts';
import { parseTrayFilters, toSearchQuery } from '../src/modules/web/tray-filters.ts';
import { isLanguage } from '../src/platform/localised.ts';
import type { Deps } from '../src/platform/deps.ts';
import { benchDatabases, benchDeps, percentile, type Table } from './support.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const concurrency = 10;
const requests = 2000;
/** Open-loop arrival rate for the fixed-rate row: 20 results pages a second is 72,000 an hour. */
const arrivalRate = 20;

/** Results pages a resident would open: themes, places, text, distance, several filters. */
export const resultPages = [
  '/fi/search?theme=exercise&municipality=837',
  '/fi/search?q=jumppa',
  '/sv/search?theme=culture&region=17',
  '/en/search?group=older_people&free=1',
  '/fi/search?postalCode=33100&sort=distance',
  '/fi/pirkanmaa/search?theme=peer_support',
  '/fi/search?q=yksin%C3%A4isyys&postalCode=00100&sort=distance',
  '/fi/search?theme=meeting_places&day=1&day=3&time=morning',
  '/sv/search?q=motion&kaikukortti=1',
  '/fi/search',
  '/fi/search?theme=exercise&page=3',
  '/en/search?q=choir&language=en',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready in 60 s');
}

/** Sum of encoded (transferred) bytes of every response the page loads, by resource type. */
async function pageBytes(url: string): Promise<{ total: number; byType: Record<string, number>; count: number }> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const session = await page.context().newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    const byType: Record<string, number> = {};
    let total = 0;
    let count = 0;
    session.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
    session.on('Network.loadingFinished', (event) => {
      const type = (types.get(event.requestId) ?? 'Other').toLowerCase();
      byType[type] = (byType[type] ?? 0) + event.encodedDataLength;
      total += event.encodedDataLength;
      count++;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    return { total, byType, count };
  } finally {
    await browser.close();
  }
}

/**
 * CPU time (user + system, ms) of a process from /proc, or of every local PostgreSQL process
 * (server and backends) when `pid` is 'postgres'. Undefined where /proc cannot tell (not Linux,
 * or PostgreSQL on another host).
 */
function cpuMs(pid: number | 'postgres'): number | undefined {
  const of = (id: string) => {
    const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks: USER_HZ 100
  };
  try {
    if (pid !== 'postgres') return of(String(pid));
    let sum = 0;
    let found = false;
    for (const id of readdirSync('/proc')) {
      if (!/^\d+$/.test(id)) continue;
      try {
        if (!readFileSync(`/proc/${id}/comm`, 'utf8').startsWith('postgres')) continue;
        sum += of(id);
        found = true;
      } catch {
        // the process ended meanwhile
      }
    }
    return found ? sum : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The load generator's GET: node:http over kept-alive connections, resolving with the time to
 * the response headers (first byte) and the status once the body has been read. It shares the
 * machine's cores with the server and PostgreSQL, so it is kept cheaper than fetch (undici).
 */
function timedGet(agent: Agent, url: string): Promise<{ ttfb: number; ok: boolean }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    request(url, { agent }, (response) => {
      const ttfb = performance.now() - t0;
      response.on('data', () => undefined);
      response.on('end', () => resolve({ ttfb, ok: (response.statusCode ?? 500) < 400 }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** Time to the response headers (first byte) of `requests` GETs from `clients` concurrent clients. */
async function loadTest(base: string, clients: number, total: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const times: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const path = resultPages[next++ % resultPages.length]!;
      const { ttfb, ok } = await timedGet(agent, `${base}${path}`);
      times.push(ttfb);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), perSecond: total / seconds, failures };
}

/**
 * Time to first byte at a fixed arrival rate (open loop): requests start every 1000 / `rate` ms
 * whether or not the earlier ones have answered, as independent residents would send them. The
 * closed-loop test above measures the saturated server instead (each client sends its next
 * request as soon as the last answered).
 */
async function arrivalTest(base: string, rate: number, total: number) {
  const agent = new Agent({ keepAlive: true });
  const times: number[] = [];
  let failures = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const path = resultPages[i % resultPages.length]!;
    pending.push(
      timedGet(agent, `${base}${path}`).then(({ ttfb, ok }) => {
        times.push(ttfb);
        if (!ok) failures++;
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), failures };
}

/**
 * Where the server time goes: the mean of the whole page (in-process, one at a time) and of the
 * search call alone for the same pages.
 */
async function serverTimeSplit(deps: Deps): Promise<{ page: number; search: number }> {
  const app = await buildApp(deps, { logger: false });
  const regions = await deps.db.query<{ slug: string; code: string }>('SELECT slug, code FROM regions');
  let pageMs = 0;
  let searchMs = 0;
  const rounds = 10;
  for (const path of resultPages) {
    const url = new URL(path, 'http://x');
    const [lang, second] = url.pathname.split('/').slice(1);
    const regionCode = regions.find((r) => r.slug === second)?.code;
    const { filters } = parseTrayFilters(Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)])));
    const query = toSearchQuery(filters, isLanguage(lang) ? lang : 'fi', regionCode ? { regionCode } : {});
    await app.inject({ method: 'GET', url: path });
    let t0 = performance.now();
    for (let i = 0; i < rounds; i++) await app.inject({ method: 'GET', url: path });
    pageMs += performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < rounds; i++) await searchServices(deps, query);
    searchMs += performance.now() - t0;
  }
  await app.close();
  const n = rounds * resultPages.length;
  return { page: pageMs / n, search: searchMs / n };
}

export async function runWebBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  // PostgreSQL when reachable (the target's setting), PGlite otherwise.
  const open = databases.length > 1 ? databases[1]! : databases[0]!;
  const bench = await open();
  const rows: Table['rows'] = [];
  let child: ChildProcess | undefined;
  let closeInProcess: (() => Promise<void>) | undefined;
  try {
    const deps = benchDeps(bench.db);
    await loadDemoData(deps, { seed: 2026, count: 2400, anchorDate: '2026-11-28' });
    let base: string;
    if (bench.url) {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/server.ts', import.meta.url))], {
        env: {
          ...process.env,
          DATABASE_URL: bench.url,
          DATABASE_POOL_SIZE: '10',
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: base,
          DEMO_DATA: 'off',
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          SECRET_KEY: 'bench-secret-key-that-is-long-enough-0123456789',
          // production requires the referral keys (throwaway ones: the benchmark stores no referrals)
          REFERRAL_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
          REFERRAL_LOOKUP_KEY: randomBytes(32).toString('base64'),
          MAP_TILE_URL: '',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await waitUntilReady(base, child);
    } else {
      const app = await buildApp(deps, { logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      closeInProcess = () => app.close();
      notes.push('PGlite: the server runs in the benchmark process (PostgreSQL not reachable)');
    }
    const where = `${bench.name}${bench.url ? ', server process' : ', in-process'}`;

    for (const path of ['/fi/search?theme=exercise&municipality=837', '/fi/search?q=jumppa']) {
      const bytes = await pageBytes(`${base}${path}`);
      const parts = Object.entries(bytes.byType).map(([type, size]) => `${type} ${(size / 1024).toFixed(1)}`).join(', ');
      rows.push([where, `bytes of results page ${path}`, `${(bytes.total / 1024).toFixed(1)} KB`, `${bytes.count} responses: ${parts} KB`, '≤ 50 KB']);
    }

    await loadTest(base, concurrency, 200); // warm-up: caches, JIT, connection pool
    const sequential = await loadTest(base, 1, 300);
    rows.push([where, 'TTFB results pages, 1 client', `p95 ${sequential.p95.toFixed(1)} ms`, `p50 ${sequential.p50.toFixed(1)} ms, ${sequential.perSecond.toFixed(0)} req/s`, '']);
    const cpuBefore = { server: child?.pid ? cpuMs(child.pid) : undefined, postgres: cpuMs('postgres'), generator: process.cpuUsage() };
    const loaded = await loadTest(base, concurrency, requests);
    const generatorCpu = process.cpuUsage(cpuBefore.generator);
    const serverCpu = child?.pid ? cpuMs(child.pid) : undefined;
    const postgresCpu = cpuMs('postgres');
    rows.push([
      where,
      `TTFB results pages, ${concurrency} concurrent clients, ${requests} requests`,
      `p95 ${loaded.p95.toFixed(1)} ms`,
      `p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms, ${loaded.perSecond.toFixed(0)} req/s, ${loaded.failures} failed`,
      '≤ 50 ms',
    ]);
    if (serverCpu !== undefined && postgresCpu !== undefined && cpuBefore.server !== undefined && cpuBefore.postgres !== undefined) {
      // Where the closed loop's ceiling comes from: the server, PostgreSQL and this load
      // generator share the machine's cores, so requests/s ≤ cores × 1000 / (CPU ms per request),
      // and ten clients each wait about 10 / (requests/s).
      const perRequest = {
        server: (serverCpu - cpuBefore.server) / requests,
        postgres: (postgresCpu - cpuBefore.postgres) / requests,
        generator: (generatorCpu.user + generatorCpu.system) / 1000 / requests,
      };
      const total = perRequest.server + perRequest.postgres + perRequest.generator;
      const cores = availableParallelism();
      rows.push([
        where,
        `CPU per request under the ${concurrency}-client load`,
        `${total.toFixed(1)} ms`,
        `server ${perRequest.server.toFixed(1)}, PostgreSQL ${perRequest.postgres.toFixed(1)}, load generator ${perRequest.generator.toFixed(1)} ms; ${cores} cores: ceiling ≈ ${((cores * 1000) / total).toFixed(0)} req/s`,
        '',
      ]);
    }
    const arrival = await arrivalTest(base, arrivalRate, arrivalRate * 30);
    rows.push([
      where,
      `TTFB results pages at ${arrivalRate} requests/s (open loop, 30 s)`,
      `p95 ${arrival.p95.toFixed(1)} ms`,
      `p50 ${arrival.p50.toFixed(1)} ms, p99 ${arrival.p99.toFixed(1)} ms, ${arrival.failures} failed`,
      '',
    ]);
    // Latency at a share of what the closed loop reached: the arrival rates a deployment could
    // plan for (below saturation, where waiting is not set by the client count).
    for (const share of [0.5, 0.75]) {
      const rate = Math.max(1, Math.round(loaded.perSecond * share));
      const atRate = await arrivalTest(base, rate, rate * 30);
      rows.push([
        where,
        `TTFB results pages at ${rate} requests/s (open loop, 30 s: ${share * 100} % of the closed loop's rate)`,
        `p95 ${atRate.p95.toFixed(1)} ms`,
        `p50 ${atRate.p50.toFixed(1)} ms, p99 ${atRate.p99.toFixed(1)} ms, ${atRate.failures} failed`,
        '',
      ]);
    }
    const split = await serverTimeSplit(deps);
    rows.push([
      `${bench.name}, in-process`,
      'server time per results page, one at a time (mean)',
      `${split.page.toFixed(1)} ms`,
      `of which searchServices ${split.search.toFixed(1)} ms, page ${(split.page - split.search).toFixed(1)} ms`,
      '',
    ]);
  } finally {
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await new Promise((resolve) => child!.once('exit', resolve));
    await closeInProcess?.();
    await bench.drop();
  }
  return {
    title: `Resident web: results page weight in Chromium and time to first byte (2,400 demo activities, ${resultPages.length} result page variants)`,
    columns: ['setting', 'measure', 'value', 'details', 'target'],
    rows,
    notes: [...notes, 'Bytes: encoded bytes of every response (headers included) with the cache disabled, no map tiles (MAP_TILE_URL unset), no HTTP compression.'],
  };
}
