/** The link checker against a local HTTP server (never the internet). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, checkLinks } from './link-checker.ts';

describe('the link checker', () => {
  let server: Server;
  let base = '';
  let active = 0;
  let maxActive = 0;
  const methods: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      methods.push(`${request.method} ${request.url}`);
      const path = request.url ?? '/';
      if (path === '/ok') return response.writeHead(200).end('ok');
      if (path === '/gone') return response.writeHead(404).end();
      if (path === '/no-head') return response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
      if (path === '/moved') return response.writeHead(301, { location: '/ok' }).end();
      if (path === '/slow') return setTimeout(() => response.writeHead(200).end(), 2_000);
      if (path.startsWith('/busy')) {
        active += 1;
        maxActive = Math.max(maxActive, active);
        return setTimeout(() => {
          active -= 1;
          response.writeHead(200).end();
        }, 30);
      }
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes a page answering 200 with HEAD only', async () => {
    methods.length = 0;
    expect(await checkLink(`${base}/ok`, { timeoutMs: 1000 })).toEqual({ ok: true, status: 200, error: null });
    expect(methods).toEqual(['HEAD /ok']);
  });

  it('fails a missing page with its status (after trying GET too)', async () => {
    methods.length = 0;
    expect(await checkLink(`${base}/gone`, { timeoutMs: 1000 })).toEqual({ ok: false, status: 404, error: null });
    expect(methods).toEqual(['HEAD /gone', 'GET /gone']);
  });

  it('falls back to GET when the server refuses HEAD', async () => {
    expect(await checkLink(`${base}/no-head`, { timeoutMs: 1000 })).toEqual({ ok: true, status: 200, error: null });
  });

  it('follows redirects', async () => {
    expect(await checkLink(`${base}/moved`, { timeoutMs: 1000 })).toMatchObject({ ok: true, status: 200 });
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    expect(await checkLink(`${base}/slow`, { timeoutMs: 200 })).toEqual({ ok: false, status: null, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a refused connection and a non-web address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await checkLink(`http://127.0.0.1:${port}/`, { timeoutMs: 1000 });
    expect(refused).toMatchObject({ ok: false, status: null, error: 'ECONNREFUSED' });
    expect(await checkLink('ftp://example.org/', { timeoutMs: 1000 })).toEqual({ ok: false, status: null, error: 'not an http(s) address' });
  });

  it('checks each distinct address once, never more than the concurrency at a time', async () => {
    maxActive = 0;
    let checked = 0;
    const urls = Array.from({ length: 12 }, (_, i) => `${base}/busy/${i}`);
    const results = await checkLinks([...urls, ...urls], { concurrency: 3, timeoutMs: 2000, onChecked: () => (checked += 1) });
    expect(results.size).toBe(12);
    expect(checked).toBe(12);
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    expect(maxActive).toBeLessThanOrEqual(3);
    expect(maxActive).toBeGreaterThan(1);
  });
});
