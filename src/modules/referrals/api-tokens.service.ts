/**
 * Organisation-scoped bearer tokens for the FHIR interface. A token belongs to a user and acts
 * with that user's roles in the token's organisation only. Only SHA-256 hashes are stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isRole, type Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates a token for a user who has a role in the organisation. Returns it (shown once). */
export async function createApiToken(deps: Deps, input: { userId: string; organisationId: string; label?: string }): Promise<string> {
  const roles = await deps.db.query<{ role: string }>(
    `SELECT ur.role FROM user_roles ur JOIN users u ON u.id = ur.user_id WHERE ur.user_id = $1::uuid AND ur.organisation_id = $2::uuid AND u.status = 'active'`,
    [input.userId, input.organisationId],
  );
  if (roles.length === 0) throw new NotFoundError('a user with a role in that organisation');
  const token = `trj_${randomBytes(32).toString('base64url')}`;
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const id = newId();
    await tx.query(`INSERT INTO referral_api_tokens (id, user_id, organisation_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [id, input.userId, input.organisationId, input.label ?? '', hashOf(token), now]);
    await recordAudit(tx, { at: now, actorUserId: null, action: 'referrals.api_token.created', subjectType: 'referral_api_token', subjectId: id, organisationId: input.organisationId, details: { userId: input.userId } });
  });
  return token;
}

/** The actor of a bearer token, with roles of the token's organisation only; undefined when not valid. */
export async function actorForApiToken(deps: Deps, token: string): Promise<Actor | undefined> {
  if (!/^trj_[A-Za-z0-9_-]{40,}$/.test(token)) return undefined;
  const rows = await deps.db.query<{ user_id: string; display_name: string; organisation_id: string; role: string; region_code: string | null }>(
    `SELECT t.user_id, u.display_name, t.organisation_id, ur.role, ur.region_code
     FROM referral_api_tokens t JOIN users u ON u.id = t.user_id AND u.status = 'active'
       JOIN user_roles ur ON ur.user_id = t.user_id AND ur.organisation_id = t.organisation_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hashOf(token)],
  );
  if (rows.length === 0) return undefined;
  await deps.db.query(`UPDATE referral_api_tokens SET last_used_at = $2 WHERE token_hash = $1`, [hashOf(token), deps.clock()]);
  return {
    userId: rows[0]!.user_id,
    name: rows[0]!.display_name,
    roles: rows.filter((r) => isRole(r.role) && r.role !== 'admin').map((r) => ({ role: r.role as Actor['roles'][number]['role'], organisationId: r.organisation_id, regionCode: r.region_code })),
  };
}

export interface ApiTokenSummary {
  id: string;
  userId: string;
  organisationId: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The tokens (never their values), newest first; of one organisation when given. */
export async function listApiTokens(deps: Deps, filter: { organisationId?: string } = {}): Promise<ApiTokenSummary[]> {
  return deps.db.query<ApiTokenSummary>(
    `SELECT id, user_id AS "userId", organisation_id AS "organisationId", label, created_at AS "createdAt",
            last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
     FROM referral_api_tokens WHERE $1::uuid IS NULL OR organisation_id = $1::uuid
     ORDER BY created_at DESC, id`,
    [filter.organisationId ?? null],
  );
}

/** Revokes a token at once (the next request with it gets 401). Revoking twice changes nothing. */
export async function revokeApiToken(deps: Deps, id: string): Promise<void> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFoundError('an API token with that id');
  await deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const rows = await tx.query<{ organisation_id: string; revoked: boolean }>(
      `UPDATE referral_api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1::uuid
       RETURNING organisation_id, revoked_at <> $2 AS revoked`,
      [id, now],
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('an API token with that id');
    if (!row.revoked) {
      await recordAudit(tx, { at: now, actorUserId: null, action: 'referrals.api_token.revoked', subjectType: 'referral_api_token', subjectId: id, organisationId: row.organisation_id, details: {} });
    }
  });
}
