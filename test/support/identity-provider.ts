/**
 * A local OpenID Connect provider for tests (oidc-provider on a random loopback port). The test
 * decides what the "user" does at the provider: sign in as an account, or cancel. A small
 * redirect follower plays the browser between the provider and the app.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  name: string;
  email: string;
  roles: string[];
  businessId?: string;
}

export type ProviderBehaviour = { action: 'sign_in'; account: string } | { action: 'cancel' };

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** What the user does at the next interaction. */
  behaviour: ProviderBehaviour;
  /**
   * Follows the provider's redirects from an authorization URL, as a browser would, until the
   * provider sends the browser back to the app. Returns that address.
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestIdentityProvider(options: { redirectUri: string; postLogoutRedirectUri: string }): Promise<TestIdentityProvider> {
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'tarjotin-test';
  const clientSecret = 'test-client-secret-0123456789';
  const state: { behaviour: ProviderBehaviour } = { behaviour: { action: 'cancel' } };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], roles: ['roles', 'business_id'] },
    scopes: ['openid', 'profile', 'email', 'roles'],
    // Entra ID and others put the user's claims in the ID token; so does this provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: async (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: account.sub, name: account.name, email: account.email, roles: account.roles, ...(account.businessId ? { business_id: account.businessId } : {}) }),
      };
    },
  });
  (provider as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on('server_error', (_ctx, error) => {
    if (process.env.DEBUG_OIDC) console.error('identity provider error', error);
  });
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const behaviour = state.behaviour;
    if (behaviour.action === 'cancel') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: behaviour.account } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(value: ProviderBehaviour) {
      state.behaviour = value;
    },
    async authorize(authorizationUrl) {
      // Every sign-in is a fresh browser at the provider.
      const cookieJar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 20; hop++) {
        if (!url.href.startsWith(issuer)) return url;
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookieJar].map(([name, value]) => `${name}=${value}`).join('; ') },
        });
        for (const header of response.headers.getSetCookie()) {
          const [pair] = header.split(';');
          const index = pair!.indexOf('=');
          cookieJar.set(pair!.slice(0, index), pair!.slice(index + 1));
        }
        const location = response.headers.get('location');
        if (!location) throw new Error(`the identity provider answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the identity provider');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
