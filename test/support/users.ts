/** Users with roles for tests (each test creates its own), and a cookie-keeping client for app.inject. */
import type { Queryable } from '../../src/db/index.ts';
import { newId } from '../../src/platform/ids.ts';
import type { App } from '../../src/platform/http.ts';
import type { RoleGrant } from '../../src/modules/auth/index.ts';

export interface TestUser {
  id: string;
  name: string;
  roles: RoleGrant[];
}

/** Creates a user with the given roles. With `devKey` the user can sign in by development sign-in. */
export async function createUser(
  q: Queryable,
  options: { roles: RoleGrant[]; name?: string; email?: string | null; devKey?: string; oidc?: { issuer: string; subject: string }; status?: 'active' | 'disabled' },
): Promise<TestUser> {
  const id = newId();
  const name = options.name ?? `Testi Käyttäjä ${id.slice(0, 6)}`;
  await q.query(
    `INSERT INTO users (id, display_name, email, status, oidc_issuer, oidc_subject, dev_key) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, name, options.email ?? null, options.status ?? 'active', options.oidc?.issuer ?? null, options.oidc?.subject ?? null, options.devKey ?? null],
  );
  for (const grant of options.roles) {
    await q.query(`INSERT INTO user_roles (id, user_id, role, organisation_id, region_code, source) VALUES ($1, $2, $3, $4, $5, 'admin')`, [
      newId(),
      id,
      grant.role,
      grant.organisationId,
      grant.regionCode,
    ]);
  }
  return { id, name, roles: options.roles };
}

export interface InjectResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  location: string | undefined;
}

/** A browser-like client over app.inject: keeps cookies, and finds the CSRF token of the last page. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastBody = '';

  constructor(private readonly app: App) {}

  private remember(setCookie: string | string[] | number | undefined): void {
    const list = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
    for (const header of list) {
      const [pair, ...attributes] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }

  async get(url: string): Promise<InjectResponse> {
    const response = await this.app.inject({ method: 'GET', url, cookies: this.cookieHeader() });
    this.remember(response.headers['set-cookie']);
    this.lastBody = response.body;
    return { statusCode: response.statusCode, headers: response.headers, body: response.body, location: response.headers.location as string | undefined };
  }

  /** The CSRF token of the last page's forms. */
  csrfToken(): string {
    const match = /name="_csrf" value="([^"]*)"/.exec(this.lastBody);
    if (match && match[1] !== '') return match[1]!;
    // A page without forms sets no cookie; an earlier form page's cookie holds the same value.
    const cookie = this.cookies.get('tarjotin_csrf');
    if (!cookie) throw new Error('no page with a form (and its CSRF token) has been opened');
    return decodeURIComponent(cookie);
  }

  /** Posts a form; the last page's CSRF token is added unless `csrf: false` or a `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}): Promise<InjectResponse> {
    const params = new URLSearchParams();
    const withToken = options.csrf === false || '_csrf' in form ? form : { _csrf: this.csrfToken(), ...form };
    for (const [key, value] of Object.entries(withToken)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      cookies: this.cookieHeader(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
    this.remember(response.headers['set-cookie']);
    this.lastBody = response.body;
    return { statusCode: response.statusCode, headers: response.headers, body: response.body, location: response.headers.location as string | undefined };
  }

  /** Signs in by development sign-in (DEV_LOGIN=on) as the given user. */
  async signInAsDevUser(userId: string, lang = 'fi'): Promise<InjectResponse> {
    await this.get(`/${lang}/sign-in`);
    return this.post(`/${lang}/sign-in/dev`, { userId });
  }
}
