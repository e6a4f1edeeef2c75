/**
 * SQL of users, their roles and the admin mappings from identity-provider claims to roles.
 * Reads `organisations` (catalogue) for names and regions; never writes it.
 */
import type { Queryable } from '../../db/index.ts';
import type { LocalisedText } from '../../platform/localised.ts';
import type { Role, RoleGrant } from './auth.types.ts';

export interface UserRow {
  id: string;
  display_name: string;
  email: string | null;
  status: 'active' | 'disabled';
  oidc_issuer: string | null;
  oidc_subject: string | null;
  dev_key: string | null;
  last_sign_in_at: Date | null;
  created_at: Date;
}

const userColumns = `u.id, u.display_name, u.email, u.status, u.oidc_issuer, u.oidc_subject, u.dev_key, u.last_sign_in_at, u.created_at`;

export async function findUser(q: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.id = $1::uuid`, [id]);
  return rows[0];
}

export async function findUserByOidcIdentity(q: Queryable, issuer: string, subject: string): Promise<UserRow | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.oidc_issuer = $1 AND u.oidc_subject = $2`, [issuer, subject]);
  return rows[0];
}

export async function findUserByDevKey(q: Queryable, devKey: string): Promise<UserRow | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.dev_key = $1`, [devKey]);
  return rows[0];
}

export async function insertUser(
  q: Queryable,
  user: { id: string; displayName: string; email: string | null; oidcIssuer: string | null; oidcSubject: string | null; devKey: string | null; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO users (id, display_name, email, oidc_issuer, oidc_subject, dev_key, created_at, updated_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $7)`,
    [user.id, user.displayName, user.email, user.oidcIssuer, user.oidcSubject, user.devKey, user.now],
  );
}

export async function updateUserProfile(q: Queryable, id: string, profile: { displayName: string; email: string | null; now: Date }): Promise<void> {
  await q.query(`UPDATE users SET display_name = $2, email = $3, updated_at = $4 WHERE id = $1::uuid`, [id, profile.displayName, profile.email, profile.now]);
}

export async function updateUserSignedIn(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE users SET last_sign_in_at = $2 WHERE id = $1::uuid`, [id, now]);
}

export async function updateUserStatus(q: Queryable, id: string, status: 'active' | 'disabled', now: Date): Promise<void> {
  await q.query(`UPDATE users SET status = $2, updated_at = $3 WHERE id = $1::uuid`, [id, status, now]);
}

/** Deletes the user's personal data; roles and sessions go with it (ON DELETE CASCADE). */
export async function deleteUser(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM users WHERE id = $1::uuid`, [id]);
}

export interface UserListRow extends UserRow {
  roles: RoleGrant[];
}

/** Users with their roles; `regionCodes` limits to users with no roles or only roles in those regions. */
export async function listUsers(q: Queryable, filter: { regionCodes: 'all' | string[]; limit: number }): Promise<UserListRow[]> {
  const scoped = filter.regionCodes !== 'all';
  return q.query<UserListRow>(
    `SELECT ${userColumns},
       coalesce((SELECT jsonb_agg(jsonb_build_object('role', r.role, 'organisationId', r.organisation_id, 'regionCode', r.region_code)
                 ORDER BY r.role, r.region_code) FROM user_roles r WHERE r.user_id = u.id), '[]'::jsonb) AS roles
     FROM users u
     WHERE ${scoped ? `NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND (r.region_code IS NULL OR NOT r.region_code = ANY($1::text[])))` : '$1::text[] IS NOT NULL'}
     ORDER BY u.display_name, u.id
     LIMIT $2`,
    [scoped ? filter.regionCodes : [], filter.limit],
  );
}

export interface UserRoleRow {
  id: string;
  user_id: string;
  role: Role;
  organisation_id: string | null;
  organisation_name: LocalisedText | null;
  region_code: string | null;
  source: 'admin' | 'oidc' | 'dev';
}

export async function listUserRoles(q: Queryable, userId: string): Promise<UserRoleRow[]> {
  return q.query<UserRoleRow>(
    `SELECT r.id, r.user_id, r.role, r.organisation_id, o.name AS organisation_name, r.region_code, r.source
     FROM user_roles r LEFT JOIN organisations o ON o.id = r.organisation_id
     WHERE r.user_id = $1::uuid
     ORDER BY r.role, r.region_code NULLS FIRST, o.name->>'fi'`,
    [userId],
  );
}

export async function findUserRole(q: Queryable, id: string): Promise<UserRoleRow | undefined> {
  const rows = await q.query<UserRoleRow>(
    `SELECT r.id, r.user_id, r.role, r.organisation_id, o.name AS organisation_name, r.region_code, r.source
     FROM user_roles r LEFT JOIN organisations o ON o.id = r.organisation_id WHERE r.id = $1::uuid`,
    [id],
  );
  return rows[0];
}

/** Adds a role unless the user already has it (from any source); true when added. */
export async function insertUserRole(
  q: Queryable,
  role: { id: string; userId: string; grant: RoleGrant; source: 'admin' | 'oidc' | 'dev'; now: Date },
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO user_roles (id, user_id, role, organisation_id, region_code, source, created_at)
     VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5, $6, $7)
     ON CONFLICT DO NOTHING RETURNING id`,
    [role.id, role.userId, role.grant.role, role.grant.organisationId, role.grant.regionCode, role.source, role.now],
  );
  return rows.length > 0;
}

export async function deleteUserRole(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM user_roles WHERE id = $1::uuid`, [id]);
}

/** Removes the roles a source gave (e.g. the identity provider's, before applying the latest claims). */
export async function deleteUserRolesFromSource(q: Queryable, userId: string, source: 'oidc' | 'dev'): Promise<number> {
  const rows = await q.query<{ id: string }>(`DELETE FROM user_roles WHERE user_id = $1::uuid AND source = $2 RETURNING id`, [userId, source]);
  return rows.length;
}

export interface RoleMappingRow {
  id: string;
  claim_value: string;
  role: Role;
  organisation_id: string | null;
  organisation_name: LocalisedText | null;
  region_code: string | null;
  created_at: Date;
}

export async function listRoleMappings(q: Queryable, filter: { regionCodes: 'all' | string[] }): Promise<RoleMappingRow[]> {
  const scoped = filter.regionCodes !== 'all';
  return q.query<RoleMappingRow>(
    `SELECT m.id, m.claim_value, m.role, m.organisation_id, o.name AS organisation_name, m.region_code, m.created_at
     FROM role_mappings m LEFT JOIN organisations o ON o.id = m.organisation_id
     WHERE ${scoped ? 'm.region_code = ANY($1::text[])' : '$1::text[] IS NOT NULL'}
     ORDER BY m.claim_value, m.role`,
    [scoped ? filter.regionCodes : []],
  );
}

export async function findRoleMapping(q: Queryable, id: string): Promise<RoleMappingRow | undefined> {
  const rows = await q.query<RoleMappingRow>(
    `SELECT m.id, m.claim_value, m.role, m.organisation_id, o.name AS organisation_name, m.region_code, m.created_at
     FROM role_mappings m LEFT JOIN organisations o ON o.id = m.organisation_id WHERE m.id = $1::uuid`,
    [id],
  );
  return rows[0];
}

export async function listRoleMappingsForClaimValues(q: Queryable, values: readonly string[]): Promise<RoleGrant[]> {
  if (values.length === 0) return [];
  return q.query<RoleGrant>(
    `SELECT role, organisation_id AS "organisationId", region_code AS "regionCode" FROM role_mappings WHERE claim_value = ANY($1::text[])`,
    [values],
  );
}

export async function insertRoleMapping(q: Queryable, mapping: { id: string; claimValue: string; grant: RoleGrant; now: Date }): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO role_mappings (id, claim_value, role, organisation_id, region_code, created_at)
     VALUES ($1::uuid, $2, $3, $4::uuid, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
    [mapping.id, mapping.claimValue, mapping.grant.role, mapping.grant.organisationId, mapping.grant.regionCode, mapping.now],
  );
  return rows.length > 0;
}

export async function deleteRoleMapping(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM role_mappings WHERE id = $1::uuid`, [id]);
}

export interface OrganisationScopeRow {
  id: string;
  name: LocalisedText;
  region_code: string | null;
  status: string;
}

/** An active organisation by its Tarjotin id or business ID (Y-tunnus), with its region. */
export async function findOrganisationScope(q: Queryable, idOrBusinessId: string): Promise<OrganisationScopeRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrBusinessId);
  const rows = await q.query<OrganisationScopeRow>(
    `SELECT id, name, region_code, status FROM organisations
     WHERE status = 'active' AND ${isUuid ? 'id = $1::uuid' : 'business_id = $1'}
     ORDER BY (source = 'manual') DESC, created_at LIMIT 1`,
    [idOrBusinessId],
  );
  return rows[0];
}

/** The busiest active organisation of a region (and municipality) of the given types. */
export async function findBusiestOrganisation(
  q: Queryable,
  filter: { regionCode: string; municipalityCode?: string; types: readonly string[] },
): Promise<{ id: string; region_code: string } | undefined> {
  const rows = await q.query<{ id: string; region_code: string }>(
    `SELECT o.id, o.region_code FROM organisations o
     WHERE o.status = 'active' AND o.region_code = $1 AND ($2::text IS NULL OR o.municipality_code = $2) AND o.type = ANY($3::text[])
     ORDER BY (SELECT count(*) FROM services s WHERE s.organisation_id = o.id) DESC, o.id
     LIMIT 1`,
    [filter.regionCode, filter.municipalityCode ?? null, filter.types],
  );
  return rows[0];
}

export interface DevUserRow {
  id: string;
  dev_key: string;
  display_name: string;
  roles: { role: Role; organisationName: LocalisedText | null; regionCode: string | null }[];
}

export async function listDevUsers(q: Queryable): Promise<DevUserRow[]> {
  return q.query<DevUserRow>(
    `SELECT u.id, u.dev_key, u.display_name,
       coalesce((SELECT jsonb_agg(jsonb_build_object('role', r.role, 'organisationName', o.name, 'regionCode', r.region_code) ORDER BY r.role)
                 FROM user_roles r LEFT JOIN organisations o ON o.id = r.organisation_id WHERE r.user_id = u.id), '[]'::jsonb) AS roles
     FROM users u WHERE u.dev_key IS NOT NULL AND u.status = 'active'
     ORDER BY u.dev_key`,
  );
}
