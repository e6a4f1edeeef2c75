/**
 * HTTP client of the PTV Open API v11 (DESIGN.md §4): GUID pages with `date`/`dateBefore`/
 * `status`, full records through `list?guids=` (at most 100 per call), services by area.
 * Retries 429, 5xx, timeouts and network errors with exponential backoff (honouring
 * Retry-After); at most `concurrency` requests run at once. The only file that knows URLs.
 */
export type PtvEntityPath = 'Service' | 'ServiceChannel' | 'Organization';

export interface PtvClientOptions {
  apiUrl: string;
  concurrency: number;
  timeoutMs: number;
  retries?: number;
  /** first backoff delay; doubled per attempt */
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class PtvRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export const maxGuidsPerList = 100;

/** PTV's date parameter format: UTC `yyyy-MM-ddTHH:mm:ss`. */
export function ptvDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function limiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Items of a list response: a bare array, or a page `{itemList}`. */
export function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object' && Array.isArray((body as { itemList?: unknown }).itemList)) return (body as { itemList: unknown[] }).itemList;
  return [];
}

function pageCountOf(body: unknown): number {
  const count = body && typeof body === 'object' ? (body as { pageCount?: unknown }).pageCount : undefined;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 1;
}

export type PtvClient = ReturnType<typeof createPtvClient>;

export function createPtvClient(options: PtvClientOptions) {
  const base = options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`;
  const retries = options.retries ?? 5;
  const backoffMs = options.backoffMs ?? 500;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limit = limiter(options.concurrency);
  let requests = 0;

  async function attempt(url: URL): Promise<{ retry: boolean; delay?: number; body?: unknown; error?: PtvRequestError }> {
    requests++;
    try {
      const response = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs) });
      const text = await response.text();
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = Number(response.headers.get('retry-after'));
        return {
          retry: true,
          delay: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 60_000) : undefined,
          error: new PtvRequestError(`PTV ${url.pathname}: HTTP ${response.status}`, response.status),
        };
      }
      if (!response.ok) return { retry: false, error: new PtvRequestError(`PTV ${url.pathname}${url.search}: HTTP ${response.status}`, response.status) };
      return { retry: false, body: JSON.parse(text.replace(/^\uFEFF/, '')) };
    } catch (error) {
      const name = (error as Error).name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `timed out after ${options.timeoutMs} ms` : (error as Error).message;
      return { retry: true, error: new PtvRequestError(`PTV ${url.pathname}: ${reason}`, null) };
    }
  }

  async function get(path: string, query: Record<string, string | undefined> = {}): Promise<unknown> {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
    return limit(async () => {
      for (let n = 0; ; n++) {
        const result = await attempt(url);
        if (!result.error) return result.body;
        if (!result.retry || n >= retries) throw result.error;
        await sleep(result.delay ?? backoffMs * 2 ** n + Math.floor(Math.random() * backoffMs));
      }
    });
  }

  /** All GUIDs of an entity changed in [date, dateBefore) (or all, without date), optionally by status. */
  async function guids(entity: PtvEntityPath, window: { date?: Date | null; dateBefore: Date; status?: 'Archived' | 'Withdrawn' }): Promise<string[]> {
    const query = (page: number) => ({
      date: window.date ? ptvDate(window.date) : undefined,
      dateBefore: ptvDate(window.dateBefore),
      status: window.status,
      page: String(page),
    });
    const first = await get(entity, query(1));
    const pages = [first, ...(await Promise.all(Array.from({ length: Math.max(0, pageCountOf(first) - 1) }, (_, i) => get(entity, query(i + 2)))))];
    const ids = pages.flatMap((page) =>
      itemsOf(page).flatMap((item) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [])),
    );
    return [...new Set(ids)];
  }

  /** Full records by GUID, at most 100 per request. */
  async function list(entity: PtvEntityPath, ids: readonly string[]): Promise<unknown[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += maxGuidsPerList) chunks.push(ids.slice(i, i + maxGuidsPerList));
    const bodies = await Promise.all(chunks.map((chunk) => get(`${entity}/list`, { guids: chunk.join(',') })));
    return bodies.flatMap(itemsOf);
  }

  /** Full service records of a municipality (all pages). */
  async function servicesOfMunicipality(code: string): Promise<unknown[]> {
    const path = `Service/list/area/Municipality/code/${encodeURIComponent(code)}`;
    const first = await get(path, { page: '1' });
    const rest = await Promise.all(Array.from({ length: Math.max(0, pageCountOf(first) - 1) }, (_, i) => get(path, { page: String(i + 2) })));
    return [first, ...rest].flatMap(itemsOf);
  }

  return { get, guids, list, servicesOfMunicipality, requestCount: () => requests };
}
