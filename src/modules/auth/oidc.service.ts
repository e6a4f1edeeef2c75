/**
 * OpenID Connect sign-in for organisation users (authorization code flow with PKCE, state and
 * nonce), with openid-client. A sign-in in progress is stored in the database and bound to the
 * browser by a cookie, so that the identity provider's redirect can land on any app instance,
 * and each sign-in can be completed once only.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Language } from '../../platform/localised.ts';
import { newSecretToken, tokenHash } from './session.service.ts';
import { insertOidcSignIn, takeOidcSignIn } from './session.queries.ts';
import { recordFailedSignIn, signInWithIdentity, type IdentityClaims, type IdentitySignInResult } from './sign-in.service.ts';

const signInValidityMs = 10 * 60_000;
const configurations = new Map<string, Promise<client.Configuration>>();

export class OidcUnavailableError extends Error {}

/** The identity provider's configuration, discovered once per process (retried after a failure). */
async function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}\u0000${oidc.clientId}\u0000${tokenHash(oidc.clientSecret ?? '')}`;
  let pending = configurations.get(key);
  if (!pending) {
    const issuer = new URL(oidc.issuer);
    pending = client.discovery(
      issuer,
      oidc.clientId,
      oidc.clientSecret ? { client_secret: oidc.clientSecret } : { token_endpoint_auth_method: 'none' },
      oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(),
      // config.ts allows http only for a test provider on a loopback address
      { timeout: 10, ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}) },
    );
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  try {
    return await pending;
  } catch (error) {
    throw new OidcUnavailableError(`the identity provider cannot be reached (${error instanceof Error ? error.message : String(error)})`);
  }
}

function requireOidc(deps: Deps): OidcConfig {
  if (!deps.config.oidc) throw new OidcUnavailableError('OpenID Connect sign-in is not configured');
  return deps.config.oidc;
}

/** Starts a sign-in: returns where to send the browser and the token for its sign-in cookie. */
export async function beginOidcSignIn(deps: Deps, input: { lang: Language; returnTo: string }): Promise<{ authorizationUrl: string; browserToken: string }> {
  const oidc = requireOidc(deps);
  const configuration = await providerConfiguration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const browserToken = newSecretToken();
  const now = deps.clock();
  await insertOidcSignIn(deps.db, {
    browserTokenHash: tokenHash(browserToken),
    state,
    nonce,
    codeVerifier,
    returnTo: input.returnTo,
    language: input.lang,
    now,
    expiresAt: new Date(now.getTime() + signInValidityMs),
  });
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUri,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: input.lang,
  });
  return { authorizationUrl: authorizationUrl.href, browserToken };
}

export type OidcCallbackResult =
  | (IdentitySignInResult & { lang: Language; returnTo: string })
  | { kind: 'cancelled' | 'failed'; reason: string; lang: Language | undefined; returnTo: string | undefined };

/** A claim by name, or by a dotted path into nested claims ('realm_access.roles'). */
function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  return name.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), claims);
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((v) => v !== '');
  return [];
}

function displayName(claims: Record<string, unknown>): string {
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string).trim() : '');
  const full = text('name') || [text('given_name'), text('family_name')].filter(Boolean).join(' ');
  return (full || text('preferred_username') || text('email') || text('sub')).slice(0, 200);
}

/** A short code that is safe to audit and show: never the provider's free-text description. */
function errorCode(value: string | null | undefined): string {
  return (value ?? 'unknown').toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40) || 'unknown';
}

/**
 * Completes a sign-in from the identity provider's redirect: checks that this browser started
 * it (cookie), that the state matches, and lets openid-client verify the code exchange, PKCE,
 * issuer, nonce and ID token. Cancellation (access_denied) and failures are told apart.
 */
export async function completeOidcSignIn(
  deps: Deps,
  input: { browserToken: string | undefined; query: URLSearchParams; previousToken: string | undefined },
): Promise<OidcCallbackResult> {
  const oidc = requireOidc(deps);
  const attempt = input.browserToken ? await takeOidcSignIn(deps.db, tokenHash(input.browserToken)) : undefined;
  const fail = async (kind: 'cancelled' | 'failed', reason: string): Promise<OidcCallbackResult> => {
    await recordFailedSignIn(deps, kind, reason);
    return { kind, reason, lang: attempt?.language, returnTo: attempt?.return_to };
  };
  if (!attempt) return fail('failed', 'no_sign_in_in_progress');
  if (attempt.expires_at.getTime() <= deps.clock().getTime()) return fail('failed', 'expired');
  if (input.query.get('state') !== attempt.state) return fail('failed', 'state_mismatch');
  const error = input.query.get('error');
  if (error) return fail(error === 'access_denied' ? 'cancelled' : 'failed', errorCode(error));

  let claims: IdentityClaims;
  try {
    const configuration = await providerConfiguration(oidc);
    const callbackUrl = new URL(oidc.redirectUri);
    callbackUrl.search = input.query.toString();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: attempt.code_verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims() as Record<string, unknown> & { iss: string; sub: string };
    let all: Record<string, unknown> = idClaims;
    if (claimValue(idClaims, oidc.roleClaim) === undefined && configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      // Some providers put roles only in the userinfo response.
      all = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
    }
    const organisation = oidc.organisationClaim ? stringList(claimValue(all, oidc.organisationClaim))[0] ?? null : null;
    claims = {
      issuer: idClaims.iss,
      subject: idClaims.sub,
      name: displayName(all),
      email: typeof all.email === 'string' && all.email.length <= 320 ? all.email : null,
      roleValues: stringList(claimValue(all, oidc.roleClaim)),
      organisation,
    };
  } catch (caught) {
    if (caught instanceof client.AuthorizationResponseError) return fail(caught.error === 'access_denied' ? 'cancelled' : 'failed', errorCode(caught.error));
    if (caught instanceof client.ResponseBodyError) return fail('failed', `token_${errorCode(caught.error)}`);
    if (caught instanceof OidcUnavailableError) return fail('failed', 'provider_unavailable');
    return fail('failed', errorCode((caught as { code?: string }).code ?? 'token_exchange'));
  }
  const result = await signInWithIdentity(deps, claims, input.previousToken);
  return { ...result, lang: attempt.language, returnTo: attempt.return_to };
}

/** Where to send the browser after local sign-out so that the provider's session ends too. */
export async function oidcSignOutUrl(deps: Deps, lang: Language): Promise<string | undefined> {
  if (!deps.config.oidc) return undefined;
  try {
    const configuration = await providerConfiguration(deps.config.oidc);
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(configuration, { post_logout_redirect_uri: deps.config.oidc.postLogoutRedirectUri, state: lang }).href;
  } catch {
    return undefined;
  }
}
