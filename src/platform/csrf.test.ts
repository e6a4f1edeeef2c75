import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { App } from './http.ts';
import { openPglite } from '../db/pglite.ts';
import type { Db } from '../db/index.ts';
import { testDeps } from '../../test/support/db.ts';
import { csrfCookieName } from './csrf.ts';

describe('CSRF protection of forms', () => {
  let app: App;
  let db: Db;
  beforeAll(async () => {
    db = await openPglite('memory://');
    app = await buildApp(testDeps(db), { logger: false });
    app.get('/fi/test-form', async (request, reply) => {
      const ctx = await (await import('../platform/page-kit.ts')).createPageKit({
        i18n: { translator: () => (k: string) => k, has: () => true, keys: () => [] },
        publicUrl: 'http://x',
        csrf: { secret: 'test-secret-key-that-is-long-enough-0123456789', secureCookies: false },
      }).context(request, reply);
      return { token: ctx.csrfToken };
    });
    app.post('/fi/test-form', async () => ({ ok: true }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function token() {
    const response = await app.inject({ method: 'GET', url: '/fi/test-form' });
    const cookie = response.cookies.find((c) => c.name === csrfCookieName)!;
    return { token: response.json().token as string, cookie: cookie.value };
  }

  it('accepts a form post that carries the token of its cookie', async () => {
    const { token: value, cookie } = await token();
    const response = await app.inject({ method: 'POST', url: '/fi/test-form', cookies: { [csrfCookieName]: cookie }, payload: { _csrf: value } });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a form post without a token, with a token but no cookie, or with a forged token', async () => {
    const { token: value, cookie } = await token();
    const attempts: { payload: Record<string, string>; cookies: Record<string, string> }[] = [
      { payload: { name: 'x' }, cookies: { [csrfCookieName]: cookie } },
      { payload: { _csrf: value }, cookies: {} },
      { payload: { _csrf: 'forged.signature' }, cookies: { [csrfCookieName]: 'forged.signature' } },
    ];
    for (const attempt of attempts) {
      const response = await app.inject({ method: 'POST', url: '/fi/test-form', ...attempt });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('text/html');
    }
  });
});
