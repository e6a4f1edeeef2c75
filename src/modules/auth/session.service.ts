/**
 * Database-backed sessions. The browser holds a random token; the database holds its SHA-256
 * hash, so a leaked database does not leak usable sessions. A new token is issued at every
 * sign-in (and the browser's previous session ends): a token planted before sign-in is never
 * upgraded (session fixation). Idle and absolute timeouts are checked on every request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor, SignInMethod } from './auth.types.ts';
import {
  deleteExpiredOidcSignIns,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionByTokenHash,
  findSessionByTokenHash,
  insertSession,
  updateSessionLastSeen,
} from './session.queries.ts';
import { updateUserSignedIn } from './users.queries.ts';

/** last_seen_at is written at most this often (a request every second must not be a write every second). */
const touchIntervalMs = 60_000;

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface ResolvedSession {
  sessionId: string;
  method: SignInMethod;
  actor: Actor;
  organisationNames: Record<string, LocalisedText>;
  expiresAt: Date;
}

export interface StartedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Starts a session for a user who has just proved who they are, inside the caller's
 * transaction: ends the browser's previous session, issues a fresh token and audits it.
 */
export async function startSession(
  tx: Queryable,
  deps: Pick<Deps, 'config' | 'clock'>,
  input: { userId: string; method: SignInMethod; previousToken: string | undefined },
): Promise<StartedSession> {
  const now = deps.clock();
  if (input.previousToken) await deleteSessionByTokenHash(tx, tokenHash(input.previousToken));
  await deleteExpiredSessions(tx, now, new Date(now.getTime() - deps.config.sessionIdleMinutes * 60_000));
  await deleteExpiredOidcSignIns(tx, now);
  const token = newSecretToken();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + deps.config.sessionMaxHours * 3_600_000);
  await insertSession(tx, { id: sessionId, tokenHash: tokenHash(token), userId: input.userId, method: input.method, now, expiresAt });
  await updateUserSignedIn(tx, input.userId, now);
  await recordAudit(tx, { at: now, actorUserId: input.userId, action: 'auth.user.signed_in', subjectType: 'user', subjectId: input.userId, details: { method: input.method } });
  return { token, sessionId, expiresAt };
}

/**
 * The session of a token, or 'expired' when it existed but timed out (it is deleted then), or
 * undefined when there is no such session (never issued, signed out, or deleted).
 */
export async function resolveSession(deps: Pick<Deps, 'db' | 'config' | 'clock'>, token: string): Promise<ResolvedSession | 'expired' | undefined> {
  const row = await findSessionByTokenHash(deps.db, tokenHash(token));
  if (!row) return undefined;
  const now = deps.clock();
  const idleEnds = row.last_seen_at.getTime() + deps.config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleEnds || row.user_status !== 'active') {
    await deleteSession(deps.db, row.id);
    return 'expired';
  }
  if (now.getTime() - row.last_seen_at.getTime() >= touchIntervalMs) await updateSessionLastSeen(deps.db, row.id, now);
  const organisationNames: Record<string, LocalisedText> = {};
  for (const grant of row.roles) {
    if (grant.organisationId && grant.organisationName) organisationNames[grant.organisationId] = grant.organisationName;
  }
  return {
    sessionId: row.id,
    method: row.method,
    actor: {
      userId: row.user_id,
      name: row.display_name,
      roles: row.roles.map((grant) => ({ role: grant.role, organisationId: grant.organisationId, regionCode: grant.regionCode })),
    },
    organisationNames,
    expiresAt: row.expires_at,
  };
}

/** Housekeeping: deletes timed-out sessions and abandoned sign-ins. Returns how many sessions went. */
export async function purgeExpiredSessions(deps: Pick<Deps, 'db' | 'config' | 'clock'>): Promise<number> {
  const now = deps.clock();
  await deleteExpiredOidcSignIns(deps.db, now);
  return deleteExpiredSessions(deps.db, now, new Date(now.getTime() - deps.config.sessionIdleMinutes * 60_000));
}

/** Signs out: the session is deleted, so its token can never be used again. */
export async function endSession(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<{ userId: string } | undefined> {
  return deps.db.transaction(async (tx) => {
    const ended = await deleteSessionByTokenHash(tx, tokenHash(token));
    if (!ended) return undefined;
    await recordAudit(tx, { at: deps.clock(), actorUserId: ended.user_id, action: 'auth.user.signed_out', subjectType: 'user', subjectId: ended.user_id });
    return { userId: ended.user_id };
  });
}
