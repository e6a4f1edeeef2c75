import { describe, expect, it } from 'vitest';
import { createPtvClient, ptvDate } from './ptv.client.ts';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('PTV HTTP client', () => {
  it('retries timeouts, 429 (honouring Retry-After) and 5xx with exponential backoff', async () => {
    const sleeps: number[] = [];
    const answers: (() => Promise<Response>)[] = [
      () => Promise.reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })),
      async () => json({}, 429, { 'retry-after': '2' }),
      async () => json({}, 502),
      async () => json([{ id: 'a' }]),
    ];
    const client = createPtvClient({
      apiUrl: 'http://ptv.test/api/v11',
      concurrency: 2,
      timeoutMs: 50,
      backoffMs: 100,
      fetch: () => answers.shift()!(),
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(await client.list('Service', ['a'])).toEqual([{ id: 'a' }]);
    expect(sleeps[0]).toBeGreaterThanOrEqual(100);
    expect(sleeps[0]).toBeLessThan(200);
    expect(sleeps[1]).toBe(2000); // Retry-After
    expect(sleeps[2]).toBeGreaterThanOrEqual(400); // 100 * 2^2
    expect(client.requestCount()).toBe(4);
  });

  it('does not retry other client errors and gives up after the retries', async () => {
    const notFound = createPtvClient({ apiUrl: 'http://ptv.test/', concurrency: 1, timeoutMs: 50, fetch: async () => json({}, 404), sleep: async () => {} });
    await expect(notFound.get('Service/x')).rejects.toThrow(/HTTP 404/);
    expect(notFound.requestCount()).toBe(1);
    const down = createPtvClient({ apiUrl: 'http://ptv.test/', concurrency: 1, timeoutMs: 50, retries: 3, fetch: async () => json({}, 503), sleep: async () => {} });
    await expect(down.get('Service')).rejects.toThrow(/HTTP 503/);
    expect(down.requestCount()).toBe(4);
  });

  it('asks for at most 100 GUIDs per list request, at most `concurrency` requests at a time', async () => {
    let active = 0;
    let peak = 0;
    const urls: URL[] = [];
    const client = createPtvClient({
      apiUrl: 'http://ptv.test/api/v11/',
      concurrency: 3,
      timeoutMs: 1000,
      fetch: async (input) => {
        const url = new URL(String(input));
        urls.push(url);
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        return json((url.searchParams.get('guids') ?? '').split(',').map((id) => ({ id })));
      },
    });
    const guids = Array.from({ length: 1050 }, (_, i) => `g${i}`);
    const records = await client.list('ServiceChannel', guids);
    expect(records).toHaveLength(1050);
    expect(urls).toHaveLength(11);
    expect(urls.every((u) => u.pathname === '/api/v11/ServiceChannel/list' && u.searchParams.get('guids')!.split(',').length <= 100)).toBe(true);
    expect(peak).toBe(3);
  });

  it('pages GUID deltas with date and dateBefore in PTV format', async () => {
    const urls: URL[] = [];
    const client = createPtvClient({
      apiUrl: 'http://ptv.test/api/v11/',
      concurrency: 2,
      timeoutMs: 1000,
      fetch: async (input) => {
        const url = new URL(String(input));
        urls.push(url);
        const page = Number(url.searchParams.get('page'));
        return json({ pageNumber: page, pageSize: 2, pageCount: 3, itemList: [{ id: `p${page}a`, name: null }, { id: `p${page}b`, name: null }] });
      },
    });
    const ids = await client.guids('Service', { date: new Date('2026-11-01T10:00:00.123Z'), dateBefore: new Date('2026-11-29T05:00:00Z'), status: 'Archived' });
    expect(ids).toEqual(['p1a', 'p1b', 'p2a', 'p2b', 'p3a', 'p3b']);
    expect(urls.map((u) => u.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(urls[0]!.searchParams.get('date')).toBe('2026-11-01T10:00:00');
    expect(urls[0]!.searchParams.get('dateBefore')).toBe(ptvDate(new Date('2026-11-29T05:00:00Z')));
    expect(urls[0]!.searchParams.get('status')).toBe('Archived');
  });
});
