/**
 * The only reader of process.env. Validates everything once and reports every problem, each on
 * one line naming the variable. Add a variable here, to `configDocs` and to README's table.
 */
import { resolve } from 'node:path';

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
];

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
  const config: Config = {
    env: oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development', problems),
    host,
    port,
    publicUrl,
    dataDir: resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data'),
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500, problems),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info', problems),
    demoData: oneOf(env, 'DEMO_DATA', ['auto', 'off'] as const, 'auto', problems),
    secretKey: undefined,
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
  if (secretKey === undefined && config.env === 'production') problems.push('SECRET_KEY must be set when NODE_ENV=production');
  config.secretKey = secretKey;
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
