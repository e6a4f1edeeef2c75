/**
 * Checks web links for the audit: each distinct URL once, at most `concurrency` at a time,
 * each with a timeout. HEAD first; servers that refuse or mishandle HEAD get a GET (whose body
 * is not read). Redirects are followed; a final status below 400 is a working link.
 */
import type { LinkResult } from './quality.types.ts';

export interface LinkCheckOptions {
  concurrency: number;
  timeoutMs: number;
  /** injectable for tests; defaults to the global fetch */
  fetch?: typeof fetch;
  onChecked?: () => void;
}

/** Statuses after which a GET is worth trying: HEAD not allowed, not implemented, or refused. */
const retryWithGet = new Set([400, 403, 404, 405, 406, 429, 500, 501, 503]);
const userAgent = 'Tarjotin-link-check/1.0 (+https://github.com/tarjotin)';

async function request(fetcher: typeof fetch, url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<LinkResult> {
  try {
    const response = await fetcher(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': userAgent } });
    await response.body?.cancel().catch(() => undefined);
    return { ok: response.status < 400, status: response.status, error: null };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException).code ?? error.cause.message : null;
    const reason = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : cause ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, status: null, error: reason };
  }
}

export async function checkLink(url: string, options: Pick<LinkCheckOptions, 'timeoutMs' | 'fetch'>): Promise<LinkResult> {
  if (!/^https?:\/\//i.test(url)) return { ok: false, status: null, error: 'not an http(s) address' };
  const fetcher = options.fetch ?? fetch;
  const head = await request(fetcher, url, 'HEAD', options.timeoutMs);
  if (head.ok || head.error === 'timeout' || (head.status !== null && !retryWithGet.has(head.status))) return head;
  const get = await request(fetcher, url, 'GET', options.timeoutMs);
  return get.ok || get.status !== null ? get : head.status !== null ? head : get;
}

/** Checks every distinct URL with bounded concurrency; the map has one result per URL. */
export async function checkLinks(urls: Iterable<string>, options: LinkCheckOptions): Promise<Map<string, LinkResult>> {
  const queue = [...new Set(urls)];
  const results = new Map<string, LinkResult>();
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const url = queue[next++]!;
      results.set(url, await checkLink(url, options));
      options.onChecked?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
  return results;
}
