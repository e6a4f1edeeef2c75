import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration of sign-in and messaging', () => {
  it('keeps development sign-in off unless it is switched on by its own flag', () => {
    expect(loadConfig({}).devLogin).toBe(false);
    expect(loadConfig({ DEV_LOGIN: 'on' }).devLogin).toBe(true);
    expect(problems({ DEV_LOGIN: 'yes' })).toEqual(['DEV_LOGIN must be one of off, on, got "yes"']);
  });

  it('refuses development sign-in on a non-loopback address or in production, in one line naming DEV_LOGIN', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'tarjotin.example.org']) {
      const found = problems({ DEV_LOGIN: 'on', HOST: host });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^DEV_LOGIN=on is refused because HOST=${host.replace(/\./g, '\\.')} is not a loopback address`));
    }
    expect(problems({ DEV_LOGIN: 'on', HOST: '127.0.0.1', NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) })[0]).toMatch(/^DEV_LOGIN=on is refused when NODE_ENV=production/);
    expect(problems({ DEV_LOGIN: 'on', HOST: '::1' })).toEqual([]);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'example.org', '127.example.org'].some(isLoopbackHost)).toBe(false);
  });

  it('configures OpenID Connect only with an issuer and a client id, with derived redirect addresses', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const config = loadConfig({ PUBLIC_URL: 'https://tarjotin.example.fi', OIDC_ISSUER: 'https://login.example.fi/tenant', OIDC_CLIENT_ID: 'tarjotin', OIDC_CLIENT_SECRET: 's3cret' });
    expect(config.oidc).toEqual({
      issuer: 'https://login.example.fi/tenant',
      clientId: 'tarjotin',
      clientSecret: 's3cret',
      redirectUri: 'https://tarjotin.example.fi/auth/oidc/callback',
      postLogoutRedirectUri: 'https://tarjotin.example.fi/auth/signed-out',
      scopes: 'openid profile email',
      roleClaim: 'roles',
      organisationClaim: undefined,
    });
    expect(problems({ OIDC_ISSUER: 'https://login.example.fi' })).toEqual(['OIDC_CLIENT_ID must be set when OIDC_ISSUER is set']);
    expect(problems({ OIDC_CLIENT_ID: 'x' })).toEqual(['OIDC_ISSUER must be set when OIDC_CLIENT_ID is set']);
    expect(problems({ OIDC_ISSUER: 'http://login.example.fi', OIDC_CLIENT_ID: 'x' })[0]).toMatch(/^OIDC_ISSUER must use https/);
    expect(problems({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'x' })).toEqual([]);
    expect(problems({ OIDC_ISSUER: 'https://login.example.fi', OIDC_CLIENT_ID: 'x', OIDC_SCOPES: 'profile' })).toEqual(['OIDC_SCOPES must include openid']);
  });

  it('sends e-mail over SMTP when SMTP_URL is set, logs it in development and has none in production without SMTP', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example.fi:587' }).email).toEqual({ transport: 'smtp', url: 'smtp://mail.example.fi:587', from: 'Tarjotin <no-reply@localhost>' });
    expect(loadConfig({}).email.transport).toBe('log');
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) }).email.transport).toBe('off');
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32) }).smsTransport).toBe('off');
    expect(problems({ SMTP_URL: 'http://mail.example.fi' })).toEqual(['SMTP_URL must start with smtp:// or smtps://']);
  });

  it('bounds the session timeouts', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({}).sessionMaxHours).toBe(10);
    expect(problems({ SESSION_IDLE_MINUTES: '1' })).toEqual(['SESSION_IDLE_MINUTES must be a whole number from 5 to 720, got "1"']);
  });
});
