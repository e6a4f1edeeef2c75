/**
 * Encryption of the person's data at rest (AES-256-GCM, node:crypto) and keyed lookups
 * (HMAC-SHA-256). Keys come from configuration (`REFERRAL_ENCRYPTION_KEYS`: `keyId:base64`, the
 * first one encrypts, every one decrypts; `REFERRAL_LOOKUP_KEY`). Outside production missing keys
 * are created once in DATA_DIR, like SECRET_KEY.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';

export interface ReferralKeys {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
  lookupKey: Buffer;
}

export class ReferralKeyError extends Error {}

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `id:base64,id2:base64`; returns problems as text (used by config.ts too). */
export function parseEncryptionKeys(value: string): { keys: [string, Buffer][]; problems: string[] } {
  const keys: [string, Buffer][] = [];
  const problems: string[] = [];
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const index = part.indexOf(':');
    const id = index > 0 ? part.slice(0, index) : '';
    const key = Buffer.from(index > 0 ? part.slice(index + 1) : '', 'base64');
    if (!keyIdPattern.test(id)) problems.push(`key "${part.slice(0, 8)}…" needs an id of letters, digits, _ or - before a colon`);
    else if (key.length !== 32) problems.push(`key ${id} must be 32 bytes in base64`);
    else if (keys.some(([other]) => other === id)) problems.push(`key id ${id} is given twice`);
    else keys.push([id, key]);
  }
  if (keys.length === 0 && problems.length === 0) problems.push('no keys given');
  return { keys, problems };
}

function fileKey(dir: string, name: string, create: () => string): string {
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const value = create();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

const cache = new WeakMap<object, ReferralKeys>();

/** The keys of a configuration (read or created once per Config object). */
export function referralKeysFor(config: Pick<Config, 'env' | 'dataDir' | 'referralEncryptionKeys' | 'referralLookupKey'>): ReferralKeys {
  const cached = cache.get(config);
  if (cached) return cached;
  if (config.env === 'production' && (!config.referralEncryptionKeys || !config.referralLookupKey)) {
    throw new ReferralKeyError('REFERRAL_ENCRYPTION_KEYS and REFERRAL_LOOKUP_KEY must be set in production');
  }
  const encryption = config.referralEncryptionKeys ?? fileKey(config.dataDir, 'referral-encryption.keys', () => `k1:${randomBytes(32).toString('base64')}`);
  const lookup = config.referralLookupKey ?? fileKey(config.dataDir, 'referral-lookup.key', () => randomBytes(32).toString('base64'));
  const parsed = parseEncryptionKeys(encryption);
  if (parsed.problems.length > 0) throw new ReferralKeyError(`REFERRAL_ENCRYPTION_KEYS: ${parsed.problems.join('; ')}`);
  const keys: ReferralKeys = { activeKeyId: parsed.keys[0]![0], keys: new Map(parsed.keys), lookupKey: Buffer.from(lookup, 'base64') };
  cache.set(config, keys);
  return keys;
}

/** Encrypts a JSON value with the active key: `base64(iv).base64(tag).base64(ciphertext)`. */
export function encryptJson(keys: ReferralKeys, value: unknown, associatedData: string): { envelope: string; keyId: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get(keys.activeKeyId)!, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { envelope: [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64')).join('.'), keyId: keys.activeKeyId };
}

/** Decrypts an envelope; the associated data (the referral id) binds it to its row. */
export function decryptJson<T>(keys: ReferralKeys, envelope: string, keyId: string, associatedData: string): T {
  const key = keys.keys.get(keyId);
  if (!key) throw new ReferralKeyError(`referral encryption key ${keyId} is not configured`);
  const [iv, tag, ciphertext] = envelope.split('.').map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !ciphertext) throw new ReferralKeyError('malformed envelope');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')) as T;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Finnish numbers to +358…; other characters than digits and a leading + dropped. */
export function normalisePhone(phone: string): string {
  const compact = phone.replace(/[^\d+]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (compact.startsWith('0')) return `+358${compact.slice(1)}`;
  return compact;
}

export function lookupHash(keys: ReferralKeys, kind: 'email' | 'phone', value: string): string {
  const normalised = kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
  return createHmac('sha256', keys.lookupKey).update(`${kind}:${normalised}`).digest('base64url');
}
