/** SQL of signed-in sessions and OpenID Connect sign-ins in progress. */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { RoleGrant, SignInMethod } from './auth.types.ts';

export async function insertSession(
  q: Queryable,
  session: { id: string; tokenHash: string; userId: string; method: SignInMethod; now: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO sessions (id, token_hash, user_id, method, created_at, last_seen_at, expires_at)
     VALUES ($1::uuid, $2, $3::uuid, $4, $5, $5, $6)`,
    [session.id, session.tokenHash, session.userId, session.method, session.now, session.expiresAt],
  );
}

export interface SessionRow {
  id: string;
  user_id: string;
  method: SignInMethod;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  display_name: string;
  user_status: 'active' | 'disabled';
  roles: (RoleGrant & { organisationName: LocalisedText | null })[];
}

/** A session by the hash of its token, with its user and the user's roles. */
export async function findSessionByTokenHash(q: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await q.query<SessionRow>(
    `SELECT s.id, s.user_id, s.method, s.created_at, s.last_seen_at, s.expires_at, u.display_name, u.status AS user_status,
       coalesce((SELECT jsonb_agg(jsonb_build_object('role', r.role, 'organisationId', r.organisation_id,
                   'regionCode', r.region_code, 'organisationName', o.name) ORDER BY r.role, r.region_code, r.organisation_id)
                 FROM user_roles r LEFT JOIN organisations o ON o.id = r.organisation_id WHERE r.user_id = u.id), '[]'::jsonb) AS roles
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

export async function updateSessionLastSeen(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1::uuid`, [id, now]);
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM sessions WHERE id = $1::uuid`, [id]);
}

export async function deleteSessionByTokenHash(q: Queryable, tokenHash: string): Promise<{ id: string; user_id: string } | undefined> {
  const rows = await q.query<{ id: string; user_id: string }>(`DELETE FROM sessions WHERE token_hash = $1 RETURNING id, user_id`, [tokenHash]);
  return rows[0];
}

export async function deleteSessionsOfUser(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query<{ id: string }>(`DELETE FROM sessions WHERE user_id = $1::uuid RETURNING id`, [userId]);
  return rows.length;
}

/** Removes sessions past their absolute end or idle for longer than `idleSince` allows. */
export async function deleteExpiredSessions(q: Queryable, now: Date, idleSince: Date): Promise<number> {
  const rows = await q.query<{ id: string }>(`DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING id`, [now, idleSince]);
  return rows.length;
}

export interface OidcSignInRow {
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  language: 'fi' | 'sv' | 'en';
  expires_at: Date;
}

export async function insertOidcSignIn(
  q: Queryable,
  signIn: { browserTokenHash: string; state: string; nonce: string; codeVerifier: string; returnTo: string; language: string; now: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO oidc_sign_ins (browser_token_hash, state, nonce, code_verifier, return_to, language, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [signIn.browserTokenHash, signIn.state, signIn.nonce, signIn.codeVerifier, signIn.returnTo, signIn.language, signIn.now, signIn.expiresAt],
  );
}

/** Takes (reads and deletes) a sign-in in progress: each can be completed at most once. */
export async function takeOidcSignIn(q: Queryable, browserTokenHash: string): Promise<OidcSignInRow | undefined> {
  const rows = await q.query<OidcSignInRow>(
    `DELETE FROM oidc_sign_ins WHERE browser_token_hash = $1 RETURNING state, nonce, code_verifier, return_to, language, expires_at`,
    [browserTokenHash],
  );
  return rows[0];
}

export async function deleteExpiredOidcSignIns(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query<{ browser_token_hash: string }>(`DELETE FROM oidc_sign_ins WHERE expires_at <= $1 RETURNING browser_token_hash`, [now]);
  return rows.length;
}
