/**
 * The only reader of process.env. Validates everything once and reports every problem, each on
 * one line naming the variable. Add a variable here, to `configDocs` and to README's table.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEncryptionKeys } from './modules/referrals/referrals.crypto.ts';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Absolute base URL used in links that leave the page (QR codes, sitemap, iCalendar). */
  publicUrl: string;
  dataDir: string;
  /** PostgreSQL connection string; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** 'auto' loads the demo tray into an empty database at start-up. */
  demoData: 'auto' | 'off';
  /** Signs cookies and CSRF tokens; required in production (see secretKeyFor). */
  secretKey: string | undefined;
  /** Cookies get the Secure flag (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Map tile URL template ({z}/{x}/{y}, optional {s}); undefined: no map, the list only. */
  mapTileUrl: string | undefined;
  /** Attribution shown on the map (tile providers require one). */
  mapAttribution: string;
  /** Link to directions; {lat}, {lon} and {address} are replaced (URL-encoded). */
  directionsUrl: string;
  /** Host name → region slug: that host serves the region's tray without a /<region> prefix. */
  regionHosts: Record<string, string>;
  /** Development sign-in as a seeded user per role; only on a loopback HOST, never in production. */
  devLogin: boolean;
  /** OpenID Connect sign-in for organisation users; undefined when not configured. */
  oidc: OidcConfig | undefined;
  /** A signed-in session ends after this many minutes without requests ... */
  sessionIdleMinutes: number;
  /** ... and at the latest this many hours after sign-in. */
  sessionMaxHours: number;
  /** How e-mail leaves the outbox: SMTP, the development log, or not at all. */
  email: { transport: 'smtp'; url: string; from: string } | { transport: 'log' | 'off'; from: string };
  /** How text messages leave the outbox (a gateway transport plugs in here). */
  smsTransport: 'log' | 'off';
  outboxIntervalSeconds: number;
  /** Directory of well-being instrument definitions (JSON), loaded at start-up. */
  instrumentsDir: string;
  /** Guidance sessions and client plans are deleted this many days after their last change. */
  guidanceRetentionDays: number;
  // search module (issue 4)
  /** Finnish analysis of the search index: Voikko when installed (auto), or forced. */
  searchAnalyser: 'auto' | 'voikko' | 'fallback';
  // quality module: the scheduled data-quality audit and its link check
  /** Hours between scheduled audits of every region; 0: no scheduled audit. */
  auditIntervalHours: number;
  /** Check web links during audits (requests leave the machine). */
  auditLinkCheck: boolean;
  auditLinkConcurrency: number;
  auditLinkTimeoutSeconds: number;
  // providers module: review reminders of activities
  /** An activity not reviewed for this many months: its provider is reminded (outbox e-mail). */
  reviewReminderMonths: number;
  /** ... this many months: "may be out of date" on the public page. */
  reviewOutOfDateMonths: number;
  /** ... this many months: hidden from residents (still visible to its provider and coordinator). */
  reviewHideAfterMonths: number;
  /** Largest CSV import of activities (rows). */
  csvImportMaxRows: number;
  // referrals module
  /** `keyId:base64` list; the first encrypts, all decrypt (see referralKeysFor); required in production. */
  referralEncryptionKeys: string | undefined;
  /** base64 key of the lookup HMACs (one person's referrals); required in production. */
  referralLookupKey: string | undefined;
  referralFollowUpDays: number;
  referralRetentionMonths: number;
  // --- PTV import (src/modules/ingest/ptv) ---
  /** Base URL of the PTV Open API v11 (ends with a slash). */
  ptvApiUrl: string;
  /** Parallel requests to the PTV API. */
  ptvConcurrency: number;
  /** Timeout of one PTV request (retried with backoff). */
  ptvTimeoutMs: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only). */
  clientSecret: string | undefined;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
  /** The claim whose values are role names or admin-mapped values (groups, app roles). */
  roleClaim: string;
  /** The claim holding the user's organisation as a business ID (Y-tunnus) or Tarjotin id. */
  organisationClaim: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Every variable with its default and meaning; README's configuration table mirrors it. */
export const configDocs: { name: string; default: string; meaning: string }[] = [
  { name: 'PORT', default: '3000', meaning: 'TCP port to listen on.' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'Address to listen on (0.0.0.0 in containers).' },
  { name: 'PUBLIC_URL', default: 'http://localhost:$PORT', meaning: 'Public base URL for absolute links.' },
  { name: 'DATA_DIR', default: './data', meaning: 'Directory of the embedded database (PGlite) and other local files.' },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'postgres:// URL of a PostgreSQL 15+ server; unset uses embedded PGlite.' },
  { name: 'DATABASE_POOL_SIZE', default: '10', meaning: 'Connections per app instance (PostgreSQL only).' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent.' },
  { name: 'DEMO_DATA', default: 'auto', meaning: 'auto: load the demo tray into an empty database at start; off: never.' },
  { name: 'NODE_ENV', default: 'development', meaning: 'development, production or test.' },
  { name: 'MAP_TILE_URL', default: '(unset: no map)', meaning: 'Tile URL template for the results map, e.g. https://tile.example.org/{z}/{x}/{y}.png; its host is added to the CSP img-src. Unset: no map (the list is complete without it).' },
  { name: 'MAP_ATTRIBUTION', default: '© OpenStreetMap contributors', meaning: 'Attribution text shown on the map.' },
  { name: 'DIRECTIONS_URL', default: 'https://www.google.com/maps/dir/?api=1&destination={lat},{lon}', meaning: 'Directions link of an activity\'s place; {lat}, {lon} and {address} are replaced.' },
  { name: 'REGION_HOSTS', default: '(unset)', meaning: 'Comma-separated host=region-slug pairs, e.g. hyte.pirha.fi=pirkanmaa: that host serves one region\'s tray at /fi, /sv, /en.' },
  { name: 'SECRET_KEY', default: '(generated in DATA_DIR outside production)', meaning: 'At least 32 characters; signs cookies and CSRF tokens. Required when NODE_ENV=production; the same on every app instance.' },
  { name: 'DEV_LOGIN', default: 'off', meaning: 'on: development sign-in as a seeded user per role. Refused unless HOST is a loopback address and NODE_ENV is not production.' },
  { name: 'OIDC_ISSUER', default: '(unset)', meaning: 'OpenID Connect issuer URL of the organisations\' identity provider (https; http only on loopback). Unset: no OIDC sign-in.' },
  { name: 'OIDC_CLIENT_ID', default: '(unset)', meaning: 'Client id registered at the identity provider (required with OIDC_ISSUER).' },
  { name: 'OIDC_CLIENT_SECRET', default: '(unset)', meaning: 'Client secret; unset makes a public client that relies on PKCE.' },
  { name: 'OIDC_REDIRECT_URI', default: '$PUBLIC_URL/auth/oidc/callback', meaning: 'Redirect URI registered at the identity provider.' },
  { name: 'OIDC_POST_LOGOUT_REDIRECT_URI', default: '$PUBLIC_URL/auth/signed-out', meaning: 'Where the identity provider returns after sign-out.' },
  { name: 'OIDC_SCOPES', default: 'openid profile email', meaning: 'Scopes requested at sign-in.' },
  { name: 'OIDC_ROLE_CLAIM', default: 'roles', meaning: 'Claim with role names (professional, provider, coordinator) or values mapped to roles by an admin.' },
  { name: 'OIDC_ORGANISATION_CLAIM', default: '(unset)', meaning: 'Claim with the user\'s organisation (business ID or Tarjotin organisation id) for role names in OIDC_ROLE_CLAIM.' },
  { name: 'SESSION_IDLE_MINUTES', default: '30', meaning: 'A session ends after this many minutes without activity (5–720).' },
  { name: 'SESSION_MAX_HOURS', default: '10', meaning: 'A session ends at the latest this many hours after sign-in (1–72).' },
  { name: 'SMTP_URL', default: '(unset)', meaning: 'smtp:// or smtps:// URL of the mail server. Unset: e-mail is only logged (development) or unavailable (production).' },
  { name: 'MAIL_FROM', default: 'Tarjotin <no-reply@PUBLIC_URL host>', meaning: 'Sender of e-mail messages.' },
  { name: 'SMS_TRANSPORT', default: 'log (off in production)', meaning: 'log: text messages are only logged (development); off: text messages are unavailable.' },
  { name: 'OUTBOX_INTERVAL_SECONDS', default: '10', meaning: 'How often each instance sends due e-mail and text messages (1–3600).' },
  { name: 'INSTRUMENTS_DIR', default: '(the shipped instruments/ folder)', meaning: 'Directory of well-being instrument definitions (JSON) loaded at start-up.' },
  { name: 'GUIDANCE_RETENTION_DAYS', default: '180', meaning: 'Guidance sessions and client plans are deleted this many days after their last change (1–3650).' },
  // search module (issue 4)
  { name: 'SEARCH_ANALYSER', default: 'auto', meaning: 'Finnish search analysis: auto (Voikko when libvoikko1 + voikko-fi are installed, else the fallback), voikko (required) or fallback (forced). A change rebuilds the index at start-up.' },
  // quality module
  { name: 'AUDIT_INTERVAL_HOURS', default: '24', meaning: 'Hours between scheduled data-quality audits of every region (0: none; 0–720). One instance runs each audit.' },
  { name: 'AUDIT_LINK_CHECK', default: 'off', meaning: 'on: audits check web links of contact channels (HEAD, then GET).' },
  { name: 'AUDIT_LINK_CONCURRENCY', default: '8', meaning: 'Links checked at the same time during an audit (1–64).' },
  { name: 'AUDIT_LINK_TIMEOUT_SECONDS', default: '10', meaning: 'Time limit of one link check (1–120).' },
  // providers module
  { name: 'REVIEW_REMINDER_MONTHS', default: '6', meaning: 'An activity not reviewed by its provider for this many months: the provider gets a reminder through the outbox (1–60).' },
  { name: 'REVIEW_OUT_OF_DATE_MONTHS', default: 'REVIEW_REMINDER_MONTHS + 3', meaning: 'After this many months its public page says the information may be out of date (1–120).' },
  { name: 'REVIEW_HIDE_AFTER_MONTHS', default: 'REVIEW_OUT_OF_DATE_MONTHS + 6', meaning: 'After this many months it is hidden from residents, still visible to its provider and coordinator (1–240).' },
  { name: 'CSV_IMPORT_MAX_ROWS', default: '10000', meaning: 'Largest spreadsheet of activities a provider can import at once (1–100000).' },
  // referrals module
  { name: 'REFERRAL_ENCRYPTION_KEYS', default: '(created in DATA_DIR outside production)', meaning: 'Keys of referral personal data: keyId:base64-32-bytes, comma-separated; the first encrypts, all decrypt. Required in production.' },
  { name: 'REFERRAL_LOOKUP_KEY', default: '(created in DATA_DIR outside production)', meaning: 'Base64 key (32 bytes) of the lookup hashes that find one person\'s referrals. Required in production.' },
  { name: 'REFERRAL_FOLLOW_UP_DAYS', default: '90', meaning: 'Days after sending a referral when the referrer is reminded to record its outcome (1–730).' },
  { name: 'REFERRAL_RETENTION_MONTHS', default: '12', meaning: 'Months after a referral is closed when its personal data is deleted (1–120).' },
  // PTV import (src/modules/ingest/ptv)
  { name: 'PTV_API_URL', default: 'https://api.palvelutietovaranto.suomi.fi/api/v11/', meaning: 'Base URL of the PTV Open API v11 for `tarjotin import ptv` (--api-url overrides it).' },
  { name: 'PTV_CONCURRENCY', default: '4', meaning: 'Parallel requests to the PTV API (1–32).' },
  { name: 'PTV_TIMEOUT_MS', default: '30000', meaning: 'Timeout of one PTV request in milliseconds; timeouts, 429 and 5xx are retried with exponential backoff.' },
];

/** Addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

const defaultInstrumentsDir = fileURLToPath(new URL('../instruments/', import.meta.url));

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return fallback;
  }
  return Number(value);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    return fallback;
  }
  return value as T;
}

function url(env: Env, name: string, protocols: string[], problems: string[]): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = new URL(value);
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return undefined;
    }
    return value;
  } catch {
    problems.push(`${name} is not a valid URL`);
    return undefined;
  }
}

function regionHosts(env: Env, problems: string[]): Record<string, string> {
  const value = env.REGION_HOSTS;
  const result: Record<string, string> = {};
  if (value === undefined || value.trim() === '') return result;
  for (const pair of value.split(',')) {
    const match = /^\s*([a-z0-9.-]+(?::\d+)?)\s*=\s*([a-z0-9-]+)\s*$/i.exec(pair);
    if (!match) {
      problems.push(`REGION_HOSTS must be comma-separated host=region-slug pairs, got "${pair.trim()}"`);
      continue;
    }
    result[match[1]!.toLowerCase()] = match[2]!.toLowerCase();
  }
  return result;
}

function tileUrl(env: Env, problems: string[]): string | undefined {
  const value = env.MAP_TILE_URL;
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(value)) {
    problems.push('MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}');
    return undefined;
  }
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 3000, 0, 65535, problems);
  const host = env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:'], problems) ?? `http://localhost:${port}`).replace(/\/$/, '');
  const base = {
    env: oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development', problems),
    host,
    port,
    publicUrl,
    dataDir: resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data'),
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500, problems),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', problems),
    demoData: oneOf(env, 'DEMO_DATA', ['auto', 'off'] as const, 'auto', problems),
    secureCookies: publicUrl.startsWith('https://'),
    mapTileUrl: tileUrl(env, problems),
    mapAttribution: env.MAP_ATTRIBUTION && env.MAP_ATTRIBUTION.trim() !== '' ? env.MAP_ATTRIBUTION.trim() : '© OpenStreetMap contributors',
    directionsUrl:
      env.DIRECTIONS_URL && env.DIRECTIONS_URL.trim() !== ''
        ? env.DIRECTIONS_URL.trim()
        : 'https://www.google.com/maps/dir/?api=1&destination={lat},{lon}',
    regionHosts: regionHosts(env, problems),
  };
  const secretKey = env.SECRET_KEY && env.SECRET_KEY !== '' ? env.SECRET_KEY : undefined;
  if (secretKey !== undefined && secretKey.length < 32) problems.push('SECRET_KEY must be at least 32 characters long');
  if (secretKey === undefined && base.env === 'production') problems.push('SECRET_KEY must be set when NODE_ENV=production');
  const config: Config = {
    ...base,
    secretKey,
    ...signInConfig(env, base, problems),
    ...messagingConfig(env, base, problems),
    // search module (issue 4)
    searchAnalyser: oneOf(env, 'SEARCH_ANALYSER', ['auto', 'voikko', 'fallback'] as const, 'auto', problems),
    ...qualityConfig(env, problems),
    ...providersConfig(env, problems),
    ...referralConfig(env, problems),
    ...ptvConfig(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function signInConfig(env: Env, base: Pick<Config, 'env' | 'host' | 'publicUrl'>, problems: string[]) {
  const devLogin = oneOf(env, 'DEV_LOGIN', ['off', 'on'] as const, 'off', problems) === 'on';
  if (devLogin && base.env === 'production') {
    problems.push('DEV_LOGIN=on is refused when NODE_ENV=production: development sign-in must never reach a real service');
  } else if (devLogin && !isLoopbackHost(base.host)) {
    problems.push(`DEV_LOGIN=on is refused because HOST=${base.host} is not a loopback address: development sign-in must never be reachable from a network (use HOST=127.0.0.1)`);
  }
  let oidc: OidcConfig | undefined;
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:'], problems);
  const clientId = text(env, 'OIDC_CLIENT_ID');
  if (issuer && new URL(issuer).protocol === 'http:' && !isLoopbackHost(new URL(issuer).hostname)) {
    problems.push('OIDC_ISSUER must use https (http is allowed only for a test provider on a loopback address)');
  } else if (issuer && !clientId) {
    problems.push('OIDC_CLIENT_ID must be set when OIDC_ISSUER is set');
  } else if (!issuer && clientId) {
    problems.push('OIDC_ISSUER must be set when OIDC_CLIENT_ID is set');
  } else if (issuer && clientId) {
    oidc = {
      issuer,
      clientId,
      clientSecret: text(env, 'OIDC_CLIENT_SECRET'),
      redirectUri: url(env, 'OIDC_REDIRECT_URI', ['https:', 'http:'], problems) ?? `${base.publicUrl}/auth/oidc/callback`,
      postLogoutRedirectUri: url(env, 'OIDC_POST_LOGOUT_REDIRECT_URI', ['https:', 'http:'], problems) ?? `${base.publicUrl}/auth/signed-out`,
      scopes: text(env, 'OIDC_SCOPES') ?? 'openid profile email',
      roleClaim: text(env, 'OIDC_ROLE_CLAIM') ?? 'roles',
      organisationClaim: text(env, 'OIDC_ORGANISATION_CLAIM'),
    };
    if (!oidc.scopes.split(/\s+/).includes('openid')) problems.push('OIDC_SCOPES must include openid');
  }
  return {
    devLogin,
    oidc,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 5, 720, problems),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 10, 1, 72, problems),
  };
}

function messagingConfig(env: Env, base: Pick<Config, 'env' | 'publicUrl'>, problems: string[]) {
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems);
  const from = text(env, 'MAIL_FROM') ?? `Tarjotin <no-reply@${new URL(base.publicUrl).hostname}>`;
  const production = base.env === 'production';
  const email: Config['email'] = smtpUrl ? { transport: 'smtp', url: smtpUrl, from } : { transport: production ? 'off' : 'log', from };
  return {
    email,
    smsTransport: oneOf(env, 'SMS_TRANSPORT', ['log', 'off'] as const, production ? 'off' : 'log', problems),
    outboxIntervalSeconds: integer(env, 'OUTBOX_INTERVAL_SECONDS', 10, 1, 3600, problems),
    instrumentsDir: resolve(text(env, 'INSTRUMENTS_DIR') ?? defaultInstrumentsDir),
    guidanceRetentionDays: integer(env, 'GUIDANCE_RETENTION_DAYS', 180, 1, 3650, problems),
  };
}

/** The quality module's variables. */
function qualityConfig(env: Env, problems: string[]) {
  return {
    auditIntervalHours: integer(env, 'AUDIT_INTERVAL_HOURS', 24, 0, 720, problems),
    auditLinkCheck: oneOf(env, 'AUDIT_LINK_CHECK', ['off', 'on'] as const, 'off', problems) === 'on',
    auditLinkConcurrency: integer(env, 'AUDIT_LINK_CONCURRENCY', 8, 1, 64, problems),
    auditLinkTimeoutSeconds: integer(env, 'AUDIT_LINK_TIMEOUT_SECONDS', 10, 1, 120, problems),
  };
}

/** The providers module's variables: review reminders and CSV import. */
function providersConfig(env: Env, problems: string[]) {
  const reviewReminderMonths = integer(env, 'REVIEW_REMINDER_MONTHS', 6, 1, 60, problems);
  const reviewOutOfDateMonths = integer(env, 'REVIEW_OUT_OF_DATE_MONTHS', reviewReminderMonths + 3, 1, 120, problems);
  const reviewHideAfterMonths = integer(env, 'REVIEW_HIDE_AFTER_MONTHS', reviewOutOfDateMonths + 6, 1, 240, problems);
  if (!(reviewReminderMonths <= reviewOutOfDateMonths && reviewOutOfDateMonths < reviewHideAfterMonths)) {
    problems.push('REVIEW_REMINDER_MONTHS ≤ REVIEW_OUT_OF_DATE_MONTHS < REVIEW_HIDE_AFTER_MONTHS must hold');
  }
  return { reviewReminderMonths, reviewOutOfDateMonths, reviewHideAfterMonths, csvImportMaxRows: integer(env, 'CSV_IMPORT_MAX_ROWS', 10000, 1, 100000, problems) };
}
// PTV import (src/modules/ingest/ptv)
function ptvConfig(env: Env, problems: string[]) {
  const apiUrl = url(env, 'PTV_API_URL', ['https:', 'http:'], problems) ?? 'https://api.palvelutietovaranto.suomi.fi/api/v11/';
  return {
    ptvApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    ptvConcurrency: integer(env, 'PTV_CONCURRENCY', 4, 1, 32, problems),
    ptvTimeoutMs: integer(env, 'PTV_TIMEOUT_MS', 30000, 100, 600000, problems),
  };
}

/** The referrals module's variables. */
function referralConfig(env: Env, problems: string[]) {
  const referralEncryptionKeys = text(env, 'REFERRAL_ENCRYPTION_KEYS');
  const referralLookupKey = text(env, 'REFERRAL_LOOKUP_KEY');
  if (referralEncryptionKeys !== undefined) {
    const parsed = parseEncryptionKeys(referralEncryptionKeys);
    for (const problem of parsed.problems) problems.push(`REFERRAL_ENCRYPTION_KEYS: ${problem}`);
  }
  if (referralLookupKey !== undefined && Buffer.from(referralLookupKey, 'base64').length < 32) problems.push('REFERRAL_LOOKUP_KEY must be at least 32 bytes in base64');
  // Production without the keys is refused when the referral routes are registered (referralKeysFor).
  return {
    referralEncryptionKeys,
    referralLookupKey,
    referralFollowUpDays: integer(env, 'REFERRAL_FOLLOW_UP_DAYS', 90, 1, 730, problems),
    referralRetentionMonths: integer(env, 'REFERRAL_RETENTION_MONTHS', 12, 1, 120, problems),
  };
}
